"""Walking the tree: `children`, `walk`, `Visitor` (read-only) and `Transformer` (rebuilds).

All three agree on what the children of a node are (see `children`) and none of them recurses:
they keep an explicit stack, so a hostile input whose sections nest thousands deep is walked
as easily as a flat one.

Count the sections of each kind with a `Visitor`; ``visit_<name>`` is called on the way down,
``leave_<name>`` on the way back up (``<name>`` is ``parsed_file``, ``document``, ``section``,
``heading``, ``paragraph``, ``title_line``, ``blank`` or ``boilerplate``):

>>> import govspeech
>>> from govspeech.walk import DROP, Drop, Transformer, Visitor, walk
>>> tree = govspeech.parse("一、统一思想。\\n（一）提高站位。\\n")
>>> class CountKinds(Visitor):
...     def __init__(self) -> None:
...         self.kinds: dict[str, int] = {}
...
...     def visit_section(self, node: govspeech.Section) -> None:
...         self.kinds[node.kind] = self.kinds.get(node.kind, 0) + 1
>>> counter = CountKinds()
>>> counter.visit(tree)
>>> counter.kinds
{'numbered': 2}

`walk` yields every node in document order, the starting node first:

>>> [type(node).__name__ for node in walk(tree)]
['ParsedFile', 'Document', 'Section', 'Heading', 'Section', 'Heading']

A `Transformer` returns a new tree; ``transform_<name>`` gets each node after its children
and returns its replacement, or `DROP` to remove it:

>>> class DropSubsections(Transformer):
...     def transform_section(self, node: govspeech.Section) -> govspeech.Section | Drop:
...         return DROP if node.level > 1 else node
>>> smaller = DropSubsections().transform(tree)
>>> [s.title for s in smaller.documents[0].iter_sections()]
['统一思想。']
>>> [s.title for s in tree.documents[0].iter_sections()]  # the old tree is unchanged
['统一思想。', '提高站位。']
"""

from __future__ import annotations

import enum
import inspect
from collections.abc import Callable, Iterator
from typing import Any, ClassVar, Final, TypeVar, Union, cast

import attrs

from govspeech.nodes import (
    Blank,
    Boilerplate,
    Document,
    Heading,
    Paragraph,
    ParsedFile,
    Section,
    TitleLine,
)

__all__ = [
    "DROP",
    "Drop",
    "Node",
    "Transformer",
    "Visitor",
    "children",
    "walk",
    "walk_with_depth",
]

Node = Union[ParsedFile, Document, Section, TitleLine, Heading, Paragraph, Blank, Boilerplate]  # noqa: UP007 (a runtime alias on 3.10)
"""Any node of the tree: a container (`ParsedFile`, `Document`, `Section`) or a leaf."""

_NodeT = TypeVar(
    "_NodeT", ParsedFile, Document, Section, TitleLine, Heading, Paragraph, Blank, Boilerplate
)


class Drop(enum.Enum):
    """The type of `DROP`, for annotating ``transform_<name>`` methods (``-> Paragraph | Drop``)."""

    DROP = "DROP"

    def __repr__(self) -> str:
        return "DROP"


DROP: Final = Drop.DROP
"""Returned by a ``Transformer.transform_<name>`` method: remove the node from its parent.

The node disappears from the parent's tuple (``Section.body``, ``Section.children``,
``Document.sections`` …). A `Heading` cannot be dropped (``Section.heading`` is a single field:
drop the `Section` instead), nor can the node `Transformer.transform` was started at.
"""

_SNAKE_NAMES: Final[dict[type, str]] = {
    ParsedFile: "parsed_file",
    Document: "document",
    Section: "section",
    TitleLine: "title_line",
    Heading: "heading",
    Paragraph: "paragraph",
    Blank: "blank",
    Boilerplate: "boilerplate",
}

# Which fields of each node class hold its children, in source order, as the loops below
# read them: ``(name, single)``, ``single`` for a field holding one node rather than a
# tuple. Taken from the classes' ``child_fields``, the one statement of it.
_CHILD_FIELDS: Final[dict[type, tuple[tuple[str, bool], ...]]] = {
    cls: tuple((f.name, f.single) for f in cast("type[Node]", cls).child_fields)
    for cls in _SNAKE_NAMES
}

_NODE_TYPES: Final = tuple(_SNAKE_NAMES)


def _node_type(cls: type) -> type:
    """The node class `cls` is (or derives from); TypeError for anything else."""
    if cls in _SNAKE_NAMES:
        return cls
    for base in cls.__mro__:
        if base in _SNAKE_NAMES:
            return base
    raise TypeError(f"not a govspeech tree node: {cls.__module__}.{cls.__qualname__}")


def _fields_of(node: object) -> tuple[tuple[str, bool], ...]:
    spec = _CHILD_FIELDS.get(type(node))
    if spec is None:
        spec = _CHILD_FIELDS[_node_type(type(node))]
    return spec


def _gather(node: object, spec: tuple[tuple[str, bool], ...]) -> tuple[Node, ...]:
    if not spec:
        return ()
    out: list[Node] = []
    for name, single in spec:
        if single:
            out.append(getattr(node, name))
        else:
            out.extend(getattr(node, name))
    return tuple(out)


def children(node: Node) -> tuple[Node, ...]:
    """The children of `node`, in source order; ``()`` for a leaf.

    The fields they come from are the ``child_fields`` of the node's class:

    - `ParsedFile`: the ``preamble`` leaves, then the ``documents``;
    - `Document`: ``title_lines``, ``opening``, ``sections``, ``closing``, then
      ``subdocuments``;
    - `Section`: its ``heading``, its ``body`` leaves, then its ``children`` sections;
    - `TitleLine`, `Heading`, `Paragraph`, `Blank`, `Boilerplate`: none.

    `InlineItem` is not a node: it is computed from `Paragraph.text` (``Paragraph.items``).
    Raises TypeError for anything that is not a tree node.
    """
    return _gather(node, _fields_of(node))


def walk(node: Node) -> Iterator[Node]:
    """Every node of the tree under `node`, `node` first, in document order (pre-order).

    Leaves come out in the same order as ``iter_leaves()``, so ``"".join`` of their ``text``
    gives back the source of `node`. Non-recursive: any depth of nesting is fine.
    """
    fields = _CHILD_FIELDS
    stack: list[Node] = [node]
    pop, extend = stack.pop, stack.extend
    while stack:
        current = pop()
        yield current
        spec = fields.get(type(current))
        if spec is None:
            spec = _fields_of(current)
        if spec:
            extend(reversed(_gather(current, spec)))


def walk_with_depth(node: Node) -> Iterator[tuple[Node, int]]:
    """Like `walk`, with each node's depth below `node` (0 for `node` itself).

    The depth counts tree edges: a `Section`'s `Heading` is one deeper than the section, a
    subsection too. (`Section.level` is the outline level, which is a different thing.)
    """
    stack: list[tuple[Node, int]] = [(node, 0)]
    while stack:
        current, depth = stack.pop()
        yield current, depth
        kids = children(current)
        if kids:
            below = depth + 1
            stack.extend((kid, below) for kid in reversed(kids))


_Hook = Callable[[Any], Any]


def _find_hooks(cls: type, prefixes: tuple[str, ...]) -> dict[type, tuple[Any, ...]]:
    """For each node class, the raw class attributes named ``<prefix><snake_name>`` (or None).

    Also checks that every ``<prefix>…`` attribute of `cls` names a node: a misspelt hook
    (``visit_Section``, ``visit_sections``) would otherwise never be called.
    """
    known = {prefix + name for prefix in prefixes for name in _SNAKE_NAMES.values()}
    for attr in dir(cls):
        if attr.startswith(prefixes) and attr not in known:
            raise TypeError(
                f"{cls.__qualname__}.{attr} does not name a tree node: expected "
                f"{' or '.join(prefixes)} followed by one of {', '.join(_SNAKE_NAMES.values())}"
            )
    table: dict[type, tuple[Any, ...]] = {}
    for node_cls, name in _SNAKE_NAMES.items():
        table[node_cls] = tuple(
            inspect.getattr_static(cls, prefix + name, None) for prefix in prefixes
        )
    return table


def _bind(raw: Any, obj: object) -> _Hook | None:
    """A class attribute found by `_find_hooks`, bound to `obj` like normal attribute access."""
    if raw is None:
        return None
    get = getattr(type(raw), "__get__", None)
    bound: _Hook = get(raw, obj, type(obj)) if get is not None else raw
    return bound


class Visitor:
    """A read-only walk over the tree that calls your methods on the nodes it meets.

    Define any of ``visit_<name>(node)`` and ``leave_<name>(node)`` in a subclass, where
    ``<name>`` is ``parsed_file``, ``document``, ``section``, ``heading``, ``paragraph``,
    ``title_line``, ``blank`` or ``boilerplate``; then call `visit` on any node. For each node
    in document order, ``visit_<name>`` is called before its children and ``leave_<name>``
    after them. Nodes without a method of their own are walked through silently.

    When ``visit_<name>`` returns ``False`` (exactly ``False``; ``None`` does not count) the
    node's children are skipped, but its ``leave_<name>`` is still called, as in LibCST.

    Methods are looked up once, when the subclass is defined: assigning new ones to the class
    later is not noticed. An attribute starting with ``visit_`` or ``leave_`` that names no node
    type is a TypeError at class definition, so a typo cannot go silently unused.
    """

    _hook_prefixes: ClassVar[tuple[str, ...]] = ("visit_", "leave_")
    _hooks: ClassVar[dict[type, tuple[Any, ...]]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._hooks = _find_hooks(cls, cls._hook_prefixes)

    def _bound_hooks(self) -> dict[type, tuple[_Hook | None, _Hook | None]]:
        return {
            node_cls: (_bind(enter, self), _bind(leave, self))
            for node_cls, (enter, leave) in self._hooks.items()
        }

    def visit(self, node: Node) -> None:
        """Walk the tree under `node` (`node` included), calling the visit/leave methods."""
        hooks = self._bound_hooks()
        fields = _CHILD_FIELDS
        # Entries are nodes still to enter, or (leave method, node) pairs still to leave.
        stack: list[Any] = [node]
        pop, push, extend = stack.pop, stack.append, stack.extend
        while stack:
            item = pop()
            if type(item) is tuple:
                item[0](item[1])
                continue
            node_cls = type(item)
            pair = hooks.get(node_cls)
            if pair is None:
                pair = hooks[node_cls] = hooks[_node_type(node_cls)]
            enter, leave = pair
            descend = enter is None or enter(item) is not False
            if leave is not None:
                push((leave, item))
            if descend:
                spec = fields.get(node_cls)
                if spec is None:
                    spec = _fields_of(item)
                if spec:
                    extend(reversed(_gather(item, spec)))


Visitor._hooks = _find_hooks(Visitor, Visitor._hook_prefixes)


class Transformer:
    """Builds a new tree from the bottom up, letting your methods replace or drop nodes.

    Define any of ``transform_<name>(node)`` in a subclass (``<name>`` as for `Visitor`) and
    call `transform` on any node. Each node's children are transformed first; if any of them
    changed, the node is rebuilt around the new children with `attrs.evolve`, and then
    ``transform_<name>`` is called on it. It returns the node to put in its place (the same
    one to keep it) or `DROP` to remove it from its parent.

    Nothing is rebuilt that did not change: a transformer whose methods all return their
    argument (or that has none) gives back the very same object it was given, and an untouched
    branch is shared between the old and the new tree. The old tree is never modified (the
    nodes are frozen).

    Only the child fields are rebuilt: positions (``start``, ``end``, ``line``, ``column``,
    ``title_start`` …), ``Section.title``, ``Document.title`` and ``level`` are kept as they
    were, and nothing checks that a replacement makes sense where it is put (a `Paragraph`
    where a `Section` belongs). Losslessness (``tree.text == source``) then holds only if the
    transformer keeps it: changing or dropping a leaf changes ``text``.

    Methods are looked up once, when the subclass is defined; an attribute starting with
    ``transform_`` that names no node type is a TypeError at class definition.
    """

    _hook_prefixes: ClassVar[tuple[str, ...]] = ("transform_",)
    _hooks: ClassVar[dict[type, tuple[Any, ...]]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._hooks = _find_hooks(cls, cls._hook_prefixes)

    def transform(self, node: _NodeT) -> _NodeT:
        """The tree under `node` after transformation (`node` itself when nothing changed).

        Raises ValueError when the method for `node` itself returns `DROP`, TypeError when a
        `Heading` is dropped or a method returns something that is neither a node nor `DROP`.
        The result has the type of `node`: replacing it with another type is a TypeError too.
        """
        hooks: dict[type, _Hook | None] = {
            node_cls: _bind(raw, self) for node_cls, (raw,) in self._hooks.items()
        }
        fields = _CHILD_FIELDS
        done: list[Any] = []  # transformed nodes (or DROP), in source order
        # Entries: (node, None) to enter it; (node, spec) to rebuild it from the last
        # len(children) entries of `done`.
        stack: list[tuple[Any, tuple[tuple[str, bool], ...] | None]] = [(node, None)]
        pop, push = stack.pop, stack.append
        while stack:
            current, spec = pop()
            node_cls = type(current)
            if spec is None:
                spec = fields.get(node_cls)
                if spec is None:
                    spec = _fields_of(current)
                if spec:
                    kids = _gather(current, spec)
                    if kids:
                        push((current, spec))
                        stack.extend((kid, None) for kid in reversed(kids))
                        continue
            else:
                current = _rebuild(current, spec, done)
            hook = hooks.get(node_cls)
            if hook is None and node_cls not in hooks:
                hook = hooks[node_cls] = hooks[_node_type(node_cls)]
            if hook is not None:
                result = hook(current)
                if result is not DROP and not isinstance(result, _NODE_TYPES):
                    name = f"transform_{_SNAKE_NAMES[_node_type(node_cls)]}"
                    raise TypeError(
                        f"{type(self).__qualname__}.{name} returned {type(result).__name__}: "
                        "expected a tree node, or DROP to remove the node"
                    )
                current = result
            done.append(current)
        (result,) = done
        if result is DROP:
            raise ValueError(
                f"cannot drop the node transform() was started at ({type(node).__name__}): "
                "it has no parent to be removed from"
            )
        root_cls = _node_type(type(node))
        if not isinstance(result, root_cls):
            raise TypeError(
                f"transform() was started at a {root_cls.__name__} and must return one, "
                f"got {type(result).__name__}"
            )
        return cast(_NodeT, result)


Transformer._hooks = _find_hooks(Transformer, Transformer._hook_prefixes)


def _rebuild(node: Any, spec: tuple[tuple[str, bool], ...], done: list[Any]) -> Any:
    """`node` around its transformed children, popped off the end of `done`."""
    count = 0
    for name, single in spec:
        count += 1 if single else len(getattr(node, name))
    new = done[len(done) - count :]
    del done[len(done) - count :]
    changes: dict[str, Any] = {}
    i = 0
    for name, single in spec:
        if single:
            kid = new[i]
            i += 1
            if kid is DROP:
                raise TypeError(
                    f"cannot drop a {type(getattr(node, name)).__name__}: "
                    f"{type(node).__name__}.{name} holds exactly one node; "
                    f"drop the {type(node).__name__} instead"
                )
            if kid is not getattr(node, name):
                changes[name] = kid
        else:
            old: tuple[Any, ...] = getattr(node, name)
            part = new[i : i + len(old)]
            i += len(old)
            if any(a is not b for a, b in zip(old, part, strict=True)):
                changes[name] = tuple(kid for kid in part if kid is not DROP)
    return attrs.evolve(node, **changes) if changes else node
