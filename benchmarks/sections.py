"""Write one section of benchmarks/RESULTS.md, keeping the others as they are."""

from __future__ import annotations

from pathlib import Path


def replace_section(path: Path, heading: str, lines: list[str]) -> None:
    """Replace the section that starts with ``heading`` (a "## " line) up to the next "## "
    heading with ``lines``, or append it; the rest of the file stays."""
    text = path.read_text() if path.exists() else ""
    before = text.split(heading, 1)[0].rstrip() + "\n\n" if text else ""
    rest = text.split(heading, 1)[1] if heading in text else ""
    after = rest[rest.find("\n## ") + 1:] if "\n## " in rest else ""
    path.write_text(before + "\n".join(lines) + ("\n" + after if after else ""))
