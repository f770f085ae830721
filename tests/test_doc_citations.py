"""Code cites the project's own docs, and every section it cites exists.

Comments and docstrings point at ``docs/rules.md#<section>`` or ``docs/architecture.md#<section>``
(GitHub's heading anchors), never at documents outside the repository.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CITATION = re.compile(r"docs/(rules|architecture)\.md#([a-z0-9_-]+)")
# Documents the project was specified from, which live outside the repository (spelled in two
# parts so that this file does not cite them itself).
OUTSIDE = ("feedback-" + "rules.md", "automation-" + "interface.md", "shared/" + "spec")


def _sources() -> list[Path]:
    return sorted(p for folder in ("src", "tests") for p in (ROOT / folder).rglob("*.py"))


def heading_anchors(markdown: str) -> list[str]:
    """The anchors GitHub gives the headings: lower case, punctuation dropped, spaces to -."""
    anchors = []
    in_code = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        if in_code or not re.match(r"#{1,6} ", line):
            continue
        title = line.lstrip("#").strip().lower()
        anchors.append(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return anchors


def test_every_cited_section_exists_and_anchors_are_unique() -> None:
    anchors = {}
    for name in ("rules", "architecture"):
        found = heading_anchors((ROOT / "docs" / f"{name}.md").read_text(encoding="utf-8"))
        duplicates = {a for a in found if found.count(a) > 1}
        assert not duplicates, f"docs/{name}.md has headings with the same anchor: {duplicates}"
        anchors[name] = set(found)
    missing = [
        f"{path.relative_to(ROOT)}: docs/{doc}.md#{anchor}"
        for path in _sources()
        for doc, anchor in CITATION.findall(path.read_text(encoding="utf-8"))
        if anchor not in anchors[doc]
    ]
    assert not missing, "citations of sections that do not exist:\n" + "\n".join(missing)


def test_code_cites_no_document_outside_the_repository() -> None:
    found = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in _sources()
        for name in OUTSIDE
        if name in path.read_text(encoding="utf-8")
    ]
    assert not found, "cite docs/rules.md or docs/architecture.md instead:\n" + "\n".join(found)
