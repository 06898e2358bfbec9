"""The package's shape: data flows one way between stages, no import cycles, no long functions."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "wsoa"
MAX_LINES = 60


def _modules() -> dict[str, ast.Module]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = ast.parse(path.read_text("utf-8"), filename=str(path))
    return out


def _runtime_nodes(tree: ast.AST):
    """Every node of the code that runs: blocks under `if TYPE_CHECKING:` (type hints only) left out."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", None)) == "TYPE_CHECKING":
            continue
        yield node
        yield from _runtime_nodes(node)


def _imports(name: str, tree: ast.Module, known: set[str]) -> set[str]:
    """The wsoa modules `name` imports when it runs, at any depth of its code (lazy imports count too)."""
    found = set()
    for node in _runtime_nodes(tree):
        targets = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = node.module
            if node.level:
                pkg = name.split(".")[: len(name.split(".")) - node.level + (name in _packages(known))]
                base = ".".join(pkg + [node.module])
            targets = [f"{base}.{a.name}" for a in node.names] + [base]
        for t in targets:
            while t and t not in known:
                t = t.rpartition(".")[0]
            if t and t != name:
                found.add(t)
    return found


def _packages(known: set[str]) -> set[str]:
    return {m for m in known if any(k.startswith(m + ".") for k in known)}


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    known = set(mods)
    return {name: _imports(name, tree, known) for name, tree in mods.items()}


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_no_import_cycles_between_modules():
    graph = _graph()
    # an __init__ that re-exports its own submodules is not a cycle
    edges = {m: {t for t in deps if not (m == t.rpartition(".")[0])} for m, deps in graph.items()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt):] + [nxt] if nxt in path else [node, nxt])
            elif not state.get(nxt):
                visit(nxt, path + [nxt])
        state[node] = 2

    for m in sorted(edges):
        if not state.get(m):
            visit(m, [m])
    assert not cycles, cycles


def test_match_and_outputs_do_not_import_each_other():
    bad = [(m, t) for m, deps in _graph().items() for t in deps
           if {_stage(m), _stage(t)} == {"match", "outputs"}]
    assert not bad, bad


def test_no_function_over_sixty_lines():
    long = []
    for name, tree in _modules().items():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = node.end_lineno - node.lineno + 1
                if n > MAX_LINES:
                    long.append(f"{name}.{node.name}: {n} lines")
    assert not long, long
