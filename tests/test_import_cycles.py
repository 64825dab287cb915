"""No import cycle in evalcheck/: modules import downwards only (ARCHITECTURE.md). Imports
inside functions count too: a cycle hidden in a function is still a cycle. Imports under
`if TYPE_CHECKING:` do not: they never run."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "evalcheck"


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node but those under `if TYPE_CHECKING:`, which never runs."""
    out: list[ast.AST] = []
    todo = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            todo.extend(node.orelse)
            continue
        out.append(node)
        todo.extend(ast.iter_child_nodes(node))
    return out


def imports(path: Path, known: dict[str, Path]) -> set[str]:
    """The evalcheck modules a module imports when it runs (`from pkg import sub` imports
    pkg.sub; imports for type checkers only do not count)."""
    out: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom) and node.module in known and not node.level:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                out.add(sub if sub in known else node.module)
    return out


def cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of the graph, or []."""
    state: dict[str, int] = {}
    for start in sorted(graph):
        if state.get(start):
            continue
        stack = [(start, iter(sorted(graph[start])))]
        path = [start]
        state[start] = 1
        while stack:
            node, todo = stack[-1]
            nxt = next(todo, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append((nxt, iter(sorted(graph[nxt]))))
    return []


def test_the_cycle_finder_finds_one() -> None:
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_in_evalcheck() -> None:
    known = modules()
    graph = {name: imports(path, known) - {name} for name, path in known.items()}
    assert "evalcheck.loading" in graph["evalcheck.cli"]  # the walk sees real imports
    assert cycle(graph) == []


# The edges of ARCHITECTURE.md: the command line, the Word/Excel import and export, reports and
# in-place edits. Nothing below them imports them.
EDGES = ("evalcheck.cli", "evalcheck.commands", "evalcheck.office", "evalcheck.report",
         "evalcheck.actionedit", "evalcheck.roundtrip", "evalcheck.emit", "evalcheck.skeleton",
         "evalcheck.registry_edit", "evalcheck.codeowners", "evalcheck.gitrev",
         "evalcheck.baseline", "evalcheck.fromrev", "evalcheck.__main__")
BASE = ("evalcheck.problems", "evalcheck.dates", "evalcheck.textsim", "evalcheck.suppress",
        "evalcheck.textsafe", "evalcheck.about", "evalcheck.words", "evalcheck.yamlhints",
        "evalcheck.document")


def _within(name: str, roots: tuple[str, ...]) -> bool:
    return any(name == r or name.startswith(r + ".") for r in roots)


def test_nothing_below_the_edges_imports_them() -> None:
    known = modules()
    for name, path in sorted(known.items()):
        if _within(name, EDGES) or name == "evalcheck":
            continue
        wrong = sorted(m for m in imports(path, known) if _within(m, EDGES))
        assert not wrong, f"{name} imports {wrong}: an edge module (ARCHITECTURE.md)"


def test_the_base_imports_only_the_base() -> None:
    known = modules()
    for name, path in sorted(known.items()):
        if not _within(name, BASE):
            continue
        wrong = sorted(m for m in imports(path, known) - {"evalcheck"}
                       if not _within(m, BASE))
        assert not wrong, f"{name} imports {wrong}, above the base (ARCHITECTURE.md)"
