"""Add an owner to the owners registry file without disturbing anything else in it.

Why round-trip YAML (ruamel.yaml) and a guard: people keep comments, folded notes and their own
layout in owners.yaml. We look for the layout under which ruamel reproduces the file byte for
byte; only then do we append, and we check that the result differs from the original by
inserted lines only. If no layout reproduces the file, we refuse rather than reformat it.
"""

from __future__ import annotations

import difflib
import io
from typing import Any

# (mapping indent, sequence indent, dash offset): the usual layouts of hand-written YAML.
_LAYOUTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 3, 1))


class RegistryEditError(ValueError):
    """The registry cannot be edited safely; the message says what to do instead."""


def _yaml(layout: tuple[int, int, int]) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=layout[0], sequence=layout[1], offset=layout[2])
    return yaml


def _dump(yaml: Any, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


Entry = dict[str, "str | list[str]"]
"""An owner's fields; `aliases` is a list of other spellings."""


def entry_yaml(entry: Entry) -> str:
    """The entry as a block-style list item, for people to paste when we cannot edit."""
    from evalcheck.emit import flow_sequence
    from evalcheck.skeleton import scalar

    lines = []
    for i, (key, value) in enumerate(entry.items()):
        text = flow_sequence(value) if isinstance(value, list) else scalar(value)
        lines.append(f"{'  - ' if i == 0 else '    '}{key}: {text}")
    return "\n".join(lines) + "\n"


def _node(value: str | list[str]) -> Any:
    """A field's round-trip value: lists are written on one line ([a, b])."""
    from ruamel.yaml.comments import CommentedSeq

    if not isinstance(value, list):
        return value
    seq = CommentedSeq(value)
    seq.fa.set_flow_style()
    return seq


def add_owner(text: str, entry: Entry) -> str:
    """The registry text with `entry` appended to its `owners:` list, all else unchanged."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.error import YAMLError

    by_hand = f"add it by hand at the end of the owners: list:\n{entry_yaml(entry)}"
    for layout in _LAYOUTS:
        yaml = _yaml(layout)
        try:
            data = yaml.load(text)
        except YAMLError as exc:
            raise RegistryEditError(f"the registry is not valid YAML ({exc.__class__.__name__}); "
                                    "fix it first (`evalcheck lint` shows where)") from None
        if _dump(yaml, data) == text:
            break
    else:
        raise RegistryEditError("cannot add the owner without reformatting the registry; "
                                + by_hand)
    owners = data.get("owners") if isinstance(data, dict) else None
    if not isinstance(owners, CommentedSeq):
        raise RegistryEditError("the registry has no owners: list; " + by_hand)
    item = CommentedMap((key, _node(value)) for key, value in entry.items())
    if owners and isinstance(owners[-1], CommentedMap) and owners[-1].fa.flow_style():
        item.fa.set_flow_style()
    owners.append(item)
    new = _dump(yaml, data)
    changes = difflib.SequenceMatcher(None, text.splitlines(), new.splitlines()).get_opcodes()
    if any(tag not in ("equal", "insert") for tag, *_ in changes):
        raise RegistryEditError("adding the owner would move other lines of the registry; "
                                + by_hand)
    return new
