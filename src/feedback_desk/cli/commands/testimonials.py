"""`testimonials`: invite a client to recommend the studio, answer as the client pages record it,
approve, hide, withdraw, list and export (docs/rules.md#testimonials)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from feedback_desk.cli.commands._shared import add_at, add_json

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext
    from feedback_desk.services.testimonials.answering import Acceptance, Refusal


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser(
        "testimonials",
        parents=[common],
        help="invite clients to recommend the studio; answers, approval, withdrawal, export",
        description="Without an action, lists every invitation and its answer, newest first.",
    )
    add_at(group)
    add_json(group)
    group.set_defaults(handler=run_list)
    nested = group.add_subparsers(title="testimonials actions", metavar="ACTION")

    invite = nested.add_parser("invite", parents=[common], help="invite CLIENT to recommend")
    invite.add_argument("client", metavar="CLIENT", help="the studio's client id")
    add_at(invite)
    invite.set_defaults(handler=run_invite)

    answer = nested.add_parser(
        "answer",
        parents=[common],
        help="answer CLIENT's open invitation, as the client pages record it",
        description="Answers CLIENT's open invitation exactly as the client pages record it. "
        "Exit 2 (nothing recorded): no open invitation, no quality, an unknown quality, a text "
        "over 1,000 characters, an unknown reason.",
    )
    answer.add_argument("client", metavar="CLIENT", help="the studio's client id")
    add_at(answer)
    choice = answer.add_mutually_exclusive_group(required=True)
    choice.add_argument("--yes", action="store_true", help="the client recommends the studio")
    choice.add_argument("--no", action="store_true", help="the client declines")
    answer.add_argument(
        "--qualities", metavar="'A|B'", help="qualities (French or English labels), | between"
    )
    answer.add_argument(
        "--add-quality",
        metavar="TEXT",
        action="append",
        default=[],
        help="a quality in the client's own words (joins the aspects catalogue)",
    )
    answer.add_argument("--text-1", metavar="TEXT", help="the answer to the first question")
    answer.add_argument("--text-2", metavar="TEXT", help="the answer to the second question")
    answer.add_argument("--job-title", metavar="TEXT", help="the client's job title")
    answer.add_argument(
        "--consent",
        metavar="PARTS",
        help="what may be shown: name, photo, job_title (comma-separated)",
    )
    answer.add_argument(
        "--full-name", action="store_true", help="show the full name, not the last initial"
    )
    answer.add_argument(
        "--reason", metavar="REASON", help="with --no: not_satisfied, not_public or other"
    )
    answer.add_argument("--why", metavar="TEXT", help="with --no: what the client adds")
    answer.set_defaults(handler=run_answer)

    for name, what in (
        ("approve", "approve CLIENT's testimonial: it is published by the export"),
        ("hide", "hide CLIENT's testimonial: the export leaves it out"),
        ("withdraw", "withdraw CLIENT's consent, on their request (final)"),
    ):
        action = nested.add_parser(name, parents=[common], help=what)
        action.add_argument("client", metavar="CLIENT", help="the studio's client id")
        add_at(action)
        action.set_defaults(handler=run_change, change=name)

    export = nested.add_parser(
        "export",
        parents=[common],
        help="write the approved testimonials: an HTML page (OUT.html) or JSON (OUT.json)",
    )
    export.add_argument("out", metavar="OUT", help="OUT.html or OUT.json")
    add_at(export)
    export.set_defaults(handler=run_export)


def run_list(ctx: CliContext) -> int:
    from feedback_desk.domain.localtime import format_local
    from feedback_desk.services.testimonials.emails import studio_language
    from feedback_desk.services.testimonials.listing import as_json, list_testimonials

    settings = ctx.settings()
    tz = settings.timezone
    language = studio_language(settings)
    with ctx.store().read() as session:
        rows = list_testimonials(session, settings, ctx.clock().now())
    if ctx.args.json:
        ctx.print_json([as_json(row, tz, language) for row in rows])
        return 0
    if not rows:
        ctx.print("no invitation to recommend the studio yet")
    for row in rows:
        invited = format_local(row.invited_at, tz)
        line = f"{row.client}  {row.name}  {row.status.value}  invited {invited}"
        if row.status.value == "accepted":
            line += "  approved" if row.approved else f"  {row.approval.value}"
        if row.refusal_reason is not None:
            line += f"  reason: {row.refusal_reason.value}"
        ctx.print(line)
    return 0


def run_invite(ctx: CliContext) -> int:
    from feedback_desk.services.audit import default_actor
    from feedback_desk.services.testimonials.invitations import client_by_external_id, invite

    settings = ctx.settings()
    with ctx.store().write() as session:
        client = client_by_external_id(session, ctx.args.client)
        invited = invite(session, settings, client.id, at=ctx.clock().now(), actor=default_actor())
    ctx.print(f"Invited {invited.client} ({invited.name}) to recommend the studio.")
    if invited.emailed:
        ctx.print("The invitation email is queued in the outbox.")
    else:
        ctx.print(
            f"No email ({invited.not_emailed_because}); the kiosk offers the invitation at the "
            "client's next visit."
        )
    if invited.url:
        ctx.print(f"Their page: {invited.url}")
    return 0


def _labels(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split("|") if part.strip()]


def _acceptance(ctx: CliContext, session: object) -> tuple[Acceptance, list[str]]:
    from sqlalchemy.orm import Session

    from feedback_desk.domain.testimonials import ConsentPart
    from feedback_desk.services.testimonials.answering import Acceptance, acceptance_problems
    from feedback_desk.services.testimonials.qualities import qualities_by_labels

    assert isinstance(session, Session)
    args = ctx.args
    problems = [
        f"{option} goes with --no, not --yes"
        for option, value in (("--reason", args.reason), ("--why", args.why))
        if value is not None
    ]
    consents = set()
    for part in (p.strip() for p in (args.consent or "").split(",")):
        if not part:
            continue
        try:
            consents.add(ConsentPart(part))
        except ValueError:
            problems.append(f"unknown consent {part!r}: name, photo or job_title")
    ids, unknown = qualities_by_labels(session, _labels(args.qualities))
    problems += unknown
    acceptance = Acceptance(
        quality_ids=ids,
        own_qualities=list(args.add_quality),
        text_1=args.text_1,
        text_2=args.text_2,
        job_title=args.job_title,
        full_name=bool(args.full_name),
        consents=frozenset(consents),
    )
    if unknown and not ids and not acceptance.own_qualities:
        # The unknown labels are the problem: "choose at least one quality" would add nothing.
        return acceptance, problems
    return acceptance, problems + acceptance_problems(session, acceptance)


def _refusal(ctx: CliContext) -> Refusal:
    from feedback_desk.domain.testimonials import RefusalReason
    from feedback_desk.errors import UserInputError
    from feedback_desk.services.testimonials.answering import Refusal

    args = ctx.args
    only_yes = (
        ("--qualities", args.qualities),
        ("--add-quality", args.add_quality or None),
        ("--text-1", args.text_1),
        ("--text-2", args.text_2),
        ("--job-title", args.job_title),
        ("--consent", args.consent),
        ("--full-name", args.full_name or None),
    )
    problems = [f"{option} goes with --yes, not --no" for option, value in only_yes if value]
    if args.reason is None:
        problems.append("--no needs a --reason: not_satisfied, not_public or other")
        raise UserInputError(problems)
    try:
        reason = RefusalReason(args.reason)
    except ValueError:
        problems.append(f"unknown reason {args.reason!r}: not_satisfied, not_public or other")
    if problems:
        raise UserInputError(problems)
    return Refusal(reason=reason, text=args.why)


def run_answer(ctx: CliContext) -> int:
    from feedback_desk.domain.localtime import format_local
    from feedback_desk.domain.testimonials import Place
    from feedback_desk.errors import UserInputError
    from feedback_desk.services.testimonials import answering
    from feedback_desk.services.testimonials.invitations import (
        client_by_external_id,
        open_invitation,
    )

    settings = ctx.settings()
    at = ctx.clock().now()
    with ctx.store().write() as session:
        client = client_by_external_id(session, ctx.args.client)
        found = open_invitation(session, settings, client.id, at)
        if found is None:
            raise UserInputError(
                f"{client.external_id} has no open invitation to recommend the studio at "
                f"{format_local(at, settings.timezone)}"
            )
        if ctx.args.yes:
            acceptance, problems = _acceptance(ctx, session)
            if problems:
                raise UserInputError(problems)
            answered = answering.accept(
                session, settings, found.id, acceptance, at=at, place=Place.CLI
            )
        else:
            answered = answering.refuse(
                session, settings, found.id, _refusal(ctx), at=at, place=Place.CLI
            )
    what = "recommends the studio" if ctx.args.yes else "declined"
    ctx.print(f"{answered.client} {what} (recorded {format_local(at, settings.timezone)}).")
    if answered.emailed:
        ctx.print(f"Email queued for {', '.join(answered.emailed)}.")
    elif answered.not_emailed_because:
        ctx.print(f"No email: {answered.not_emailed_because}.")
    return 0


def run_change(ctx: CliContext) -> int:
    from feedback_desk.domain.testimonials import Approval, Place
    from feedback_desk.services.audit import default_actor
    from feedback_desk.services.testimonials import staff
    from feedback_desk.services.testimonials.invitations import client_by_external_id

    at, actor = ctx.clock().now(), default_actor()
    change = ctx.args.change
    with ctx.store().write() as session:
        client = client_by_external_id(session, ctx.args.client)
        if change == "withdraw":
            changed = staff.withdraw_for_client(
                session, client, at=at, place=Place.CLI, actor=actor
            )
        else:
            approval = Approval.APPROVED if change == "approve" else Approval.HIDDEN
            changed = staff.set_client_approval(session, client, approval, at=at, actor=actor)
    done = {
        "approve": "is approved: the export publishes it",
        "hide": "is hidden: the export leaves it out",
        "withdraw": "is withdrawn: consent withdrawn, no export shows it any more",
    }[change]
    ctx.print(f"The testimonial of {changed.client} {done}.")
    return 0


def run_export(ctx: CliContext) -> int:
    from pathlib import Path

    from feedback_desk.services.testimonials.export import export_testimonials

    settings = ctx.settings()
    path = Path(ctx.args.out)
    with ctx.store().read() as session:
        exported = export_testimonials(session, settings, path, at=ctx.clock().now())
    ctx.print(
        f"Wrote {exported.path}: {exported.testimonials} testimonial(s), "
        f"{exported.qualities} quality(ies) with their votes."
    )
    return 0
