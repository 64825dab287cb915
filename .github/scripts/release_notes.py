"""Print the CHANGELOG.md section of one version: the notes of its GitHub release.

    python .github/scripts/release_notes.py 0.2.0 [CHANGELOG.md]

Exit 1 with a one-line message when the changelog has no `## [0.2.0] - YYYY-MM-DD` section
or it is empty: a release is not published without notes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def section(changelog: str, version: str) -> str | None:
    """The text under `## [version] - date`, up to the next `## ` heading (None: absent)."""
    heading = re.compile(rf"^## \[{re.escape(version)}\] - \d{{4}}-\d{{2}}-\d{{2}}[ \t]*$", re.M)
    found = heading.search(changelog)
    if found is None:
        return None
    rest = changelog[found.end():]
    following = re.search(r"^## ", rest, re.M)
    body = rest[:following.start()] if following else rest
    # link references ([0.2.0]: https://...) belong to the whole file, not to one release
    body = re.sub(r"(?m)^\[[^\]]+\]: \S+\s*$", "", body)
    return body.strip() or None


def main(argv: list[str]) -> int:
    version = argv[1]
    path = Path(argv[2]) if len(argv) > 2 else Path("CHANGELOG.md")
    notes = section(path.read_text(encoding="utf-8"), version)
    if notes is None:
        print(f"{path} has no notes for {version}: add a `## [{version}] - YYYY-MM-DD` "
              "section (the Unreleased entries, moved)", file=sys.stderr)
        return 1
    print(notes)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
