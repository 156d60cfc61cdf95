"""The tokens of the document grammar: what the line lexer and the level resolver hand the
parser. Small slotted records, not strings: a parse makes one per line and per section."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from govspeech.nodes import Leaf

__all__ = ["LeafToken", "LineToken", "Token", "marker", "new_token"]

_T = TypeVar("_T", bound="Token")


class Token:
    """A token: ``type`` is the name of its terminal in the grammar (CN_NUM, TEXT, _INDENT…)."""

    __slots__ = ("type",)

    # What Lark reads of the last token when it makes its end token (only the reference parser
    # in `govspeech.syntax.build` runs Lark on these): the tokens carry no positions, their
    # leaves do.
    start_pos = line = column = end_line = end_column = end_pos = None
    value = ""

    def __init__(self, kind: str) -> None:
        self.type = kind

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.type!r})"


class LineToken(Token):
    """One source line: its type is the line's terminal (CN_NUM, PARA, TITLE…); it holds the
    line's leaves and, for a heading, the marker's number."""

    __slots__ = ("leaves", "number")

    leaves: tuple[Leaf, ...]
    number: int | None

    def __init__(self, kind: str, leaves: tuple[Leaf, ...] = (), number: int | None = None):
        self.type = kind
        self.leaves = leaves
        self.number = number


class LeafToken(Token):
    """A token that carries a node: a title line, a 版头 element, or the `Section` the level
    resolver built for a top-level heading; a TEXT token carries the leaves of a run of text
    lines in ``body``."""

    __slots__ = ("body", "node")

    node: object
    body: tuple[object, ...]

    def __init__(self, kind: str, node: object = None) -> None:
        self.type = kind
        self.node = node


def new_token(cls: type[_T], kind: str) -> _T:
    """A token of class ``cls`` and type ``kind``, its other fields still to be set."""
    tok = cls.__new__(cls)
    tok.type = kind
    return tok


_MARKERS: dict[str, Token] = {}


def marker(kind: str) -> Token:
    """The structural token ``kind`` (_DOC, _INDENT…): one shared instance per kind, as they
    carry nothing but their type."""
    tok = _MARKERS.get(kind)
    if tok is None:
        tok = _MARKERS[kind] = Token(kind)
    return tok
