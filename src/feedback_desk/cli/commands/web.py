"""`serve` (the client pages until interrupted) and `web pair|devices|revoke` (kiosk tablets)."""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING, Any

from feedback_desk.cli.commands._shared import add_json

if TYPE_CHECKING:
    from feedback_desk.cli.context import CliContext


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    serve = subparsers.add_parser(
        "serve", parents=[common], help="serve the client pages until interrupted"
    )
    serve.add_argument("--host", metavar="H", help="address to listen on (default: web.host)")
    serve.add_argument(
        "--port", metavar="P", type=int, help="port to listen on (default: web.port; 0: any free)"
    )
    serve.set_defaults(handler=run_serve)

    web = subparsers.add_parser(
        "web", parents=[common], help="kiosk tablets: pairing codes, paired devices"
    )
    web.set_defaults(handler=lambda _ctx: web.print_help() or 2)
    nested = web.add_subparsers(title="web subcommands", metavar="ACTION")
    pair = nested.add_parser("pair", parents=[common], help="a pairing code for a kiosk tablet")
    pair.add_argument("--name", metavar="NAME", help='the device\'s name (default "Tablet N")')
    pair.add_argument("--qr", action="store_true", help="also draw the kiosk's QR code")
    add_json(pair)
    pair.set_defaults(handler=run_pair)
    devices = nested.add_parser("devices", parents=[common], help="the paired devices")
    add_json(devices)
    devices.set_defaults(handler=run_devices)
    revoke = nested.add_parser("revoke", parents=[common], help="unpair DEVICE")
    revoke.add_argument("device", metavar="DEVICE", help="the device's number (see web devices)")
    revoke.set_defaults(handler=run_revoke)


def _log_to(ctx: CliContext) -> list[logging.Handler]:
    """Page failures: one line on standard error (the traceback with --debug), and the traceback
    in the data folder's log file."""
    import logging.handlers

    from feedback_desk import paths

    class OneLine(logging.Formatter):
        def formatException(self, ei: Any) -> str:
            return super().formatException(ei) if ctx.debug else ""

    handlers: list[logging.Handler] = []
    console = logging.StreamHandler(ctx.err)
    console.setFormatter(OneLine("%(levelname)s %(name)s: %(message)s"))
    handlers.append(console)
    log_file = paths.data_dir() / "logs" / "feedback-desk.log"
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        to_file = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        to_file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handlers.append(to_file)
    except OSError:
        pass  # a read-only data folder: standard error still tells
    logger = logging.getLogger("feedback_desk")
    for handler in handlers:
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handlers


def run_serve(ctx: CliContext) -> int:
    import signal
    import threading

    from feedback_desk.services.client_pages.address import pages_config
    from feedback_desk.web.server import ClientPagesServer

    config = pages_config(ctx.settings())
    host = ctx.args.host if ctx.args.host is not None else config.host
    port = ctx.args.port if ctx.args.port is not None else config.port
    server = ClientPagesServer(ctx.store(), ctx.clock(), host=host, port=port)
    address = server.start()
    handlers = _log_to(ctx)
    stopping = threading.Event()
    previous = {
        sig: signal.signal(sig, lambda _signum, _frame: stopping.set())
        for sig in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        ctx.print(
            f"Client pages on {address.url}/kiosk (listening on {address.host}:{address.port})"
        )
        ctx.print("Pair a tablet with: feedback-desk web pair. Stop with Ctrl+C.")
        ctx.out.flush()
        # Short waits: the main thread stays responsive to signals on every platform.
        while not stopping.wait(0.5):
            pass
    finally:
        server.stop()
        server.join()
        for sig, before in previous.items():
            signal.signal(sig, before)
        for handler in handlers:
            logging.getLogger("feedback_desk").removeHandler(handler)
            handler.close()
    ctx.print("Client pages stopped.")
    return 0


def run_pair(ctx: CliContext) -> int:
    from feedback_desk.domain.localtime import format_local
    from feedback_desk.services.audit import default_actor
    from feedback_desk.services.client_pages.address import pages_config
    from feedback_desk.services.client_pages.pairing import make_pairing_code

    settings = ctx.settings()
    config = pages_config(settings)
    with ctx.store().write() as session:
        made = make_pairing_code(
            session, at=ctx.clock().now(), actor=default_actor(), device_name=ctx.args.name
        )
    expires = format_local(made.expires_at, settings.timezone)
    url = config.pairing_url
    if ctx.args.json:
        ctx.print_json({"code": made.code, "expires_at": expires, "url": url})
        return 0
    ctx.print(f"Pairing code {made.code} for {made.device_name}, valid until {expires}.")
    ctx.print(f"On the tablet, open {url} and type the code.")
    if ctx.args.qr:
        from feedback_desk.services.client_pages.qr import qr_text

        ctx.print(qr_text(config.kiosk_url))
    return 0


def run_devices(ctx: CliContext) -> int:
    from feedback_desk.domain.localtime import format_local
    from feedback_desk.services.client_pages.pairing import list_devices

    tz = ctx.timezone()
    with ctx.store().read() as session:
        devices = list_devices(session)
    rows = [
        {
            "device": d.id,
            "name": d.name,
            "paired_at": format_local(d.paired_at, tz),
            "last_seen_at": format_local(d.last_seen_at, tz),
            "user_agent": d.user_agent,
        }
        for d in devices
    ]
    if ctx.args.json:
        ctx.print_json(rows)
        return 0
    if not rows:
        ctx.print("no paired device")
    for row in rows:
        ctx.print(
            f"{row['device']}  {row['name']}  paired {row['paired_at']}  "
            f"last seen {row['last_seen_at']}"
        )
    return 0


def run_revoke(ctx: CliContext) -> int:
    from feedback_desk.services.audit import default_actor
    from feedback_desk.services.client_pages.pairing import revoke_device

    with ctx.store().write() as session:
        name = revoke_device(session, ctx.args.device, at=ctx.clock().now(), actor=default_actor())
    ctx.print(f"Device {ctx.args.device} ({name}) unpaired: it no longer shows the kiosk.")
    return 0
