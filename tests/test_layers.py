"""The house's plan, checked on the sources (with `ast`, nothing is imported).

The data path is read → syntax → nodes → views/serialize → plugins → cli; a module may import
what lies before it on that path, never what lies after it, and no two modules import each
other, directly or round a circle. Imports under ``if TYPE_CHECKING:`` do not run and are not
counted. See docs/architecture.md.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"

#: The core modules a plugin may import: the public API.
PUBLIC = {
    "govspeech",
    "govspeech.errors",
    "govspeech.nodes",
    "govspeech.walk",
    "govspeech.views",
    "govspeech.serialize",
    "govspeech.pretty",
    "govspeech.citation",
    "govspeech.meta",
    "govspeech.chunks",
    "govspeech.tables",
    "govspeech.sentences",
    "govspeech.plugin",
    "govspeech.cachedir",
    "govspeech.syntax.families",
    "govspeech.syntax.numerals",
}

#: For each layer, the prefixes of the modules it may import from govspeech (besides itself).
ALLOWED = {
    "govspeech.errors": (),
    "govspeech.cachedir": (),
    # ParsedFile.pretty() and .to_dict() call the two views of the tree, which import the nodes
    # for their type hints only: no circle.
    "govspeech.nodes": ("govspeech.pretty", "govspeech.serialize", "govspeech.meta"),
    # the metadata of a 公文, from its parts and the grammar's list of kinds
    "govspeech.meta": (
        "govspeech.syntax.grammar",
        "govspeech.syntax.numerals",
        "govspeech.syntax.patterncache",
    ),
    "govspeech.read": ("govspeech.errors",),
    "govspeech.syntax": ("govspeech.errors", "govspeech.nodes", "govspeech.cachedir"),
    "govspeech.pretty": (),
    "govspeech.serialize": ("govspeech.citation", "govspeech.meta"),
    "govspeech.citation": ("govspeech.syntax.families", "govspeech.syntax.numerals"),
    "govspeech.walk": ("govspeech.nodes",),
    "govspeech.views": (
        "govspeech.nodes",
        "govspeech.walk",
        "govspeech.citation",
        "govspeech.syntax.families",
        "govspeech.syntax.numerals",
    ),
    "govspeech.api": ("govspeech.nodes", "govspeech.read", "govspeech.syntax"),
    "govspeech.output": ("govspeech.errors",),
    # chunks and tables read the tree through its views; the integrations map chunks
    "govspeech.chunks": (
        "govspeech.nodes",
        "govspeech.views",
        "govspeech.meta",
        "govspeech.citation",
    ),
    "govspeech.tables": (
        "govspeech.nodes",
        "govspeech.views",
        "govspeech.meta",
        "govspeech.citation",
        "govspeech.chunks",
        "govspeech.api",
        "govspeech.errors",
        "govspeech.sentences",
    ),
    "govspeech.sentences": (),
    "govspeech.integrations": (
        "govspeech.api",
        "govspeech.chunks",
        "govspeech.errors",
        "govspeech.views",
    ),
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(name: str) -> set[str]:
    """The modules of ours that ``name`` imports when it runs (at any depth of its code)."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    package = name if MODULES[name].name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in MODULES else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return {m for m in found if m.split(".")[0] in ("govspeech", "govspeech_plugins")}


GRAPH = {name: _imports(name) - {name} for name in MODULES}


def _layer(name: str) -> str | None:
    for layer in sorted(ALLOWED, key=len, reverse=True):
        if name == layer or name.startswith(layer + "."):
            return layer
    return None


def test_the_sources_are_found():
    assert {"govspeech.nodes", "govspeech.syntax.lexer", "govspeech_plugins.check.fix"} <= set(
        MODULES
    )
    assert "govspeech.nodes" in GRAPH["govspeech.syntax.treebuilder"]


def test_no_import_circles():
    """Depth-first search for a back edge; the circle is named when there is one."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(GRAPH.get(node, ())):
            if state.get(nxt) == 1:
                circle = [*path[path.index(nxt) :], nxt]
                pytest.fail("import circle: " + " → ".join(circle))
            if nxt in GRAPH and nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for name in sorted(GRAPH):
        if name not in state:
            visit(name)


@pytest.mark.parametrize("name", sorted(n for n in MODULES if _layer(n)))
def test_a_layer_imports_only_what_lies_before_it(name):
    layer = _layer(name)
    assert layer is not None
    allowed = (layer, *ALLOWED[layer])
    wrong = {m for m in GRAPH[name] if not any(m == a or m.startswith(a + ".") for a in allowed)}
    assert not wrong, f"{name} imports {sorted(wrong)}"


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith("govspeech.")))
def test_the_core_never_imports_a_plugin(name):
    assert not {m for m in GRAPH[name] if m.startswith("govspeech_plugins")}


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith("govspeech_plugins")))
def test_a_plugin_imports_only_the_public_api(name):
    private = {m for m in GRAPH[name] if m.startswith("govspeech.") and m not in PUBLIC}
    private |= {m for m in GRAPH[name] if m == "govspeech" and m not in PUBLIC}
    assert not private, f"{name} imports private modules {sorted(private)}"


def test_the_layer_test_catches_a_wrong_import(monkeypatch):
    """A nodes module that imported the parser would be reported."""
    monkeypatch.setitem(GRAPH, "govspeech.nodes", {"govspeech.syntax.treebuilder"})
    with pytest.raises(AssertionError, match=r"govspeech\.nodes imports"):
        test_a_layer_imports_only_what_lies_before_it("govspeech.nodes")
    with pytest.raises(pytest.fail.Exception, match="import circle"):
        test_no_import_circles()
