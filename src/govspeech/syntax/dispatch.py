"""Which line terminals can match a line, told by its first and last characters.

Most line terminals can only start with a few characters (一、 with a numeral, 附件 with 附)
and many must run to the end of the line, ending in a few (a title in 讲话 or 报告, the
主送机关 in a colon). Trying only the terminals a line's first and last characters allow gives
the same match as trying them all, at a fraction of the cost: the expensive terminals are the
ones that scan the whole line.

This module reads that from the terminals' regular expressions themselves (with the standard
library's regex parser), never from a hand-written list: `analyse` is run when the parse tables
are generated (`govspeech.syntax.build`) and its result is shipped in
`govspeech.syntax.generated_tables`. A set found here is always a superset of what the
terminal can match, so leaving a terminal out never changes which one matches.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import Any

if sys.version_info >= (3, 11):
    from re import _constants as _c
    from re import _parser as _p
else:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _p

__all__ = ["ANY", "Analysis", "analyse", "char_set"]

#: Stands for "any character" in a set of possible characters.
ANY = None
#: Character classes larger than this count as any character (a superset, so still sound).
_MAX_CLASS = 2048

_CharSet = frozenset[str] | None  # None: any character


def _union(a: _CharSet, b: _CharSet) -> _CharSet:
    if a is None or b is None:
        return None
    return a | b


def _in_chars(items: Sequence[tuple[Any, Any]]) -> _CharSet:
    """The characters an IN node matches, or None when that is too many or negated."""
    chars: set[str] = set()
    for op, arg in items:
        if op is _c.LITERAL:
            chars.add(chr(arg))
        elif op is _c.RANGE:
            lo, hi = arg
            if hi - lo > _MAX_CLASS:
                return None
            chars.update(chr(i) for i in range(lo, hi + 1))
        else:  # NEGATE, CATEGORY (\d \w \s), CHARSET…
            return None
    return frozenset(chars)


def _item_chars(op: Any, arg: Any) -> _CharSet:
    if op is _c.LITERAL:
        return frozenset(chr(arg))
    if op is _c.IN:
        return _in_chars(arg)
    return None  # ANY, NOT_LITERAL, CATEGORY, a back-reference…


# Each function below answers for a sequence of regex nodes (a SubPattern's items):
# the characters a match can start (or end) with, and whether the sequence can match nothing.


def _firsts(items: Sequence[tuple[Any, Any]]) -> tuple[_CharSet, bool]:
    acc: _CharSet = frozenset()
    for op, arg in items:
        chars, nullable = _node(op, arg, _firsts)
        acc = _union(acc, chars)
        if not nullable:
            return acc, False
    return acc, True


def _lasts(items: Sequence[tuple[Any, Any]], skip: frozenset[str]) -> tuple[_CharSet, bool]:
    acc: _CharSet = frozenset()
    for op, arg in reversed(items):
        # White space that may trail a line before $ is not its last character (the caller
        # strips it before looking).
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and arg[0] == 0:
            body = list(arg[2])
            if len(body) == 1 and _item_chars(*body[0]) is not None:
                chars = _item_chars(*body[0])
                if chars is not None and chars <= skip:
                    continue
        chars, nullable = _node(op, arg, lambda sub: _lasts(sub, skip))
        acc = _union(acc, chars)
        if not nullable:
            return acc, False
    return acc, True


def _node(op: Any, arg: Any, seq: Any) -> tuple[_CharSet, bool]:
    if op in (_c.LITERAL, _c.IN, _c.NOT_LITERAL, _c.ANY, _c.CATEGORY, _c.GROUPREF):
        if op is _c.GROUPREF:
            return None, True  # a back-reference: anything, possibly nothing
        return _item_chars(op, arg), False
    if op is _c.SUBPATTERN:
        return seq(list(arg[-1]))  # type: ignore[no-any-return]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, _, body = arg
        chars, nullable = seq(list(body))
        return chars, nullable or lo == 0
    if op is _c.BRANCH:
        acc: _CharSet = frozenset()
        any_nullable = False
        for branch in arg[1]:
            chars, nullable = seq(list(branch))
            acc = _union(acc, chars)
            any_nullable = any_nullable or nullable
        return acc, any_nullable
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return frozenset(), True  # zero width: the characters come from what follows
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return seq(list(arg))  # type: ignore[no-any-return]
    return None, True  # anything else: assume the worst


def _ends_at_eol(items: Sequence[tuple[Any, Any]]) -> bool:
    """Whether every match of the sequence ends at the end of the string ($)."""
    for op, arg in reversed(items):
        if op is _c.AT:
            return arg is _c.AT_END
        if op is _c.SUBPATTERN:
            return _ends_at_eol(list(arg[-1]))
        if op is _c.BRANCH:
            return all(_ends_at_eol(list(b)) for b in arg[1])
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: look further back
        return False
    return False


def char_set(pattern: str, where: str, skip: Iterable[str] = ()) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with (``where="first"``) or, for a
    pattern that must run to the end of the line, end with before trailing ``skip``
    characters (``where="last"``); None when that may be any character."""
    parsed = list(_p.parse(pattern))
    if where == "first":
        chars, nullable = _firsts(parsed)
        return None if nullable else chars
    if not _ends_at_eol(parsed):
        return None
    skip = frozenset(skip)
    chars, nullable = _lasts(parsed, skip)
    # a match made of trailing white space only ends after any character at all
    return None if nullable or chars is None or chars & skip else chars


class Analysis:
    """Bit masks of line terminals (bit i: the i-th terminal in priority order).

    ``first[c]`` holds the terminals whose match may start with ``c``, ``first_other`` those
    that may start with a character not in ``first``; ``last``/``last_other`` the same for the
    last character before trailing white space. ``indented`` holds the terminals that may
    start with a character of the indentation (the line pattern may give indentation back to
    them), ``decorated`` the characters that may begin a Markdown heading's hashes or a list
    bullet (after which any terminal may follow).
    """

    def __init__(
        self,
        first: dict[str, int],
        first_other: int,
        last: dict[str, int],
        last_other: int,
        indented: int,
        decorated: frozenset[str],
    ) -> None:
        self.first = first
        self.first_other = first_other
        self.last = last
        self.last_other = last_other
        self.indented = indented
        self.decorated = decorated


def analyse(
    terminals: Sequence[str], indent: str, hashes: str, trailing: Iterable[str]
) -> Analysis:
    """The masks for the line terminals ``terminals`` (regular expressions in priority
    order), given the indentation and hashes patterns the line pattern puts before them and
    the characters stripped from a line's end before its last character is looked at."""
    trailing = frozenset(trailing)
    firsts = [char_set(rx, "first") for rx in terminals]
    lasts = [char_set(rx, "last", trailing) for rx in terminals]
    indent_chars = char_set(indent, "first") or frozenset()
    decorated = char_set(hashes, "first") or frozenset()

    def masks(sets: list[_CharSet]) -> tuple[dict[str, int], int]:
        other = sum(1 << i for i, chars in enumerate(sets) if chars is None)
        table: dict[str, int] = {}
        for i, chars in enumerate(sets):
            for ch in chars or ():
                table[ch] = table.get(ch, other) | 1 << i
        return table, other

    first, first_other = masks(firsts)
    last, last_other = masks(lasts)
    indented = sum(
        1 << i for i, chars in enumerate(firsts) if chars is None or chars & indent_chars
    )
    return Analysis(first, first_other, last, last_other, indented, decorated)
