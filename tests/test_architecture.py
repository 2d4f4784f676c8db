"""The shape of the code: one-way imports, small modules and functions, no word
lists in engine code (rules are data: rules/*.yaml)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
import regex

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"
MODULES = sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


NAMES = {_name(p): p for p in MODULES}


def _imports(path: Path) -> set[str]:
    """Modules of this package that `path` imports (a submodule when one is named)."""
    here = _name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in NAMES else base)
    return {m for m in found if m in NAMES and m != here}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_import_graph_has_no_cycle():
    graph = {name: _imports(path) for name, path in NAMES.items()}
    graph = {name: {m for m in deps if not name.startswith(m + ".")} for name, deps in graph.items()}
    assert _cycle(graph) is None, " → ".join(_cycle(graph) or [])


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


# Stages may only import stages before them in the flow (and the shared rules loader).
ORDER = ["pipeline.rules", "pipeline.text", "pipeline.quantities", "pipeline.periods", "pipeline.claims"]


@pytest.mark.parametrize("stage", ORDER)
def test_no_stage_reaches_back(stage):
    later = ORDER[ORDER.index(stage) + 1:] + ["pipeline.extract", "pipeline.io", "pipeline.eval", "pipeline.cli"]
    for name, path in NAMES.items():
        if name == stage or name.startswith(stage + "."):
            bad = {m for m in _imports(path) if any(m == s or m.startswith(s + ".") for s in later)}
            assert not bad, f"{name} imports {sorted(bad)}"


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_modules_stay_small(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 300


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_functions_stay_short(path):
    long = [f"{n.name} ({n.end_lineno - n.lineno + 1} lines)"
            for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > 50]
    assert not long


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_engine_code_holds_no_chinese(path):
    assert not regex.search(r"\p{Han}", path.read_text(encoding="utf-8")), "word lists belong in rules/"
