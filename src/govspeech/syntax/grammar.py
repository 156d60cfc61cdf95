"""The Lark grammar (``govspeech/syntax/govspeech.lark``) and its terminals compiled for the
line lexer.

The grammar ships inside the package; `govspeech.syntax.treebuilder` builds the parser from it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from govspeech.syntax.patterncache import PatternCache, compile_cached

if TYPE_CHECKING:
    from govspeech.syntax.dispatch import Analysis

__all__ = ["INLINE_PREFIX", "LineClassifier", "LinePatterns", "Terminal", "grammar_text"]

GRAMMAR_PACKAGE = "govspeech.syntax"
GRAMMAR_FILE = "govspeech.lark"

#: A terminal as Lark compiled it: its name, priority and regular expression.
Terminal = tuple[str, int, str]

# Terminals the line lexer applies other than as a line's class: around or inside a line.
_HELPER_TERMINALS = (
    "INDENT",
    "MARKDOWN_HASHES",
    "SENTENCE_END",
    "INLINE_LEAD",
    "ARTICLE_CAPTION",
)
#: The terminals of enumerations inside a paragraph, one per family (INLINE_ + its terminal).
INLINE_PREFIX = "INLINE_"
#: What is stripped from a line's end before its last character is looked at (the trailing
#: white space the line terminals allow before $).
TRAILING = " \t\u3000"


def grammar_text() -> str:
    """The grammar's source text, read from the installed package."""
    import os

    path = os.path.join(os.path.dirname(__file__), GRAMMAR_FILE)
    try:  # the file beside this module (what an installed wheel has), without the
        # importlib.resources machinery and the tempfile module it imports
        with open(path, encoding="utf-8") as grammar:
            return grammar.read()
    except OSError:  # imported from a zip archive, say
        from importlib.resources import files

        return files(GRAMMAR_PACKAGE).joinpath(GRAMMAR_FILE).read_text(encoding="utf-8")


def line_terminals(terminals: Sequence[Terminal]) -> list[tuple[str, str]]:
    """The line-class terminals (name, regular expression), highest priority first (the
    grammar's order among equals): the order they are tried in."""
    ranked = sorted(
        (
            (-priority, index, name, rx)
            for index, (name, priority, rx) in enumerate(terminals)
            if not name.startswith("__")  # Lark's anonymous helpers
            and name not in _HELPER_TERMINALS
            and not name.startswith(INLINE_PREFIX)
        ),
    )
    return [(name, rx) for _, _, name, rx in ranked]


class LineClassifier:
    """The line-class terminals as one pattern, ``match(content)`` like a compiled regex's.

    The pattern is the indentation, then a blank line (BLANK) or, after a Markdown heading's
    hashes, every line-class terminal as a named group, highest priority first, so that
    ``m.lastgroup`` names the terminal that matched. It is compiled per line only with the
    terminals the line's first and last characters allow (`govspeech.syntax.dispatch`), which
    gives the same match at a fraction of the cost; each such subset is compiled once.
    """

    def __init__(
        self,
        order: Sequence[tuple[str, str]],
        indent: str,
        hashes: str,
        analysis: Analysis,
        indent_chars: str,
    ) -> None:
        self._order = list(order)
        self._indent = indent
        self._hashes = hashes
        #: The patterns compiled so far, by mask (None: no terminal allowed).
        self.by_mask: dict[int, re.Pattern[str] | None] = {}
        #: The mask of every terminal.
        self.all = (1 << len(order)) - 1
        a = analysis
        # the dispatch tables (see `govspeech.syntax.dispatch.Analysis`)
        self.first, self.first_other = a.first, a.first_other
        self.last, self.last_other = a.last, a.last_other
        self.indented, self.decorated = a.indented, a.decorated
        #: What a line's indentation is made of (the grammar's INDENT).
        self.indent_chars = indent_chars
        self._blank = compile_cached(f"(?:{indent})?(?P<BLANK>$)")
        self._cache = PatternCache("lines")

    def pattern(self, mask: int) -> re.Pattern[str] | None:
        """The pattern of the terminals in ``mask`` (bit i: the i-th in priority order)."""
        try:
            return self.by_mask[mask]
        except KeyError:
            pass
        alternatives = "|".join(
            f"(?P<{name}>{rx})" for i, (name, rx) in enumerate(self._order) if mask >> i & 1
        )
        compiled = (
            self._cache.get(
                f"(?:{self._indent})?(?:(?P<BLANK>$)|(?:{self._hashes})?(?:{alternatives}))"
            )
            if alternatives
            else None
        )
        self.by_mask[mask] = compiled
        return compiled

    def mask(self, content: str) -> int:
        """The terminals that may match ``content`` (a line without its line ending); -1 for a
        blank line."""
        rest = content.lstrip(self.indent_chars)
        if not rest:
            return -1
        first = rest[0]
        if first in self.decorated:  # hashes or a bullet: any terminal may follow them
            allowed = self.all
        else:
            allowed = self.first.get(first, self.first_other)
            if len(rest) != len(content):  # the pattern may give indentation back
                allowed |= self.indented
        last = rest[-1]
        if last in TRAILING:
            last = rest.rstrip(TRAILING)[-1:]
        return allowed & self.last.get(last, self.last_other)

    def match(self, content: str) -> re.Match[str] | None:
        """The line terminal that ``content`` starts with (``m.lastgroup``), or None."""
        mask = self.mask(content)
        if mask < 0:
            return self._blank.match(content)
        pattern = self.pattern(mask)
        return pattern.match(content) if pattern is not None else None

    def full(self) -> re.Pattern[str]:
        """All the terminals in one pattern (what `match` must agree with)."""
        pattern = self.pattern(self.all)
        assert pattern is not None
        return pattern


class LinePatterns:
    """The grammar's terminals compiled for the line lexer.

    ``line.match(content)`` tries the line-class terminals in the grammar's priority order (see
    `LineClassifier`); the name of the group that matched (``m.lastgroup``) is the terminal's
    name. ``terminals`` are (name, priority, regular expression) in the grammar's order, as
    `govspeech.syntax.generated_tables` ships them; ``indent_chars`` the characters of INDENT
    (`govspeech.nodes.INDENT_CHARS`); ``analysis`` is the terminals' dispatch by first and last
    character, computed here when not given.
    """

    def __init__(
        self, terminals: Sequence[Terminal], indent_chars: str, analysis: Analysis | None = None
    ) -> None:
        # name → (priority, position in the grammar, regular expression)
        by_name = {
            name: (priority, index, rx)
            for index, (name, priority, rx) in enumerate(terminals)
            if not name.startswith("__")
        }
        inline = sorted(
            (item for item in by_name.items() if item[0].startswith(INLINE_PREFIX)),
            key=lambda item: item[1][1],
        )
        line_terms = line_terminals(terminals)
        self.order = [name for name, _ in line_terms]
        indent = by_name["INDENT"][2]
        if analysis is None:
            from govspeech.syntax.dispatch import analyse

            analysis = analyse(
                [rx for _, rx in line_terms], indent, by_name["MARKDOWN_HASHES"][2], TRAILING
            )
        # After the indentation: an empty rest is a blank line (BLANK has no pattern of its own).
        # A line's class may follow a Markdown heading's hashes or a list bullet (## 第一章 总则,
        # * （一）…): once before all the alternatives, which is cheaper than before each.
        self.line = LineClassifier(
            line_terms, indent, by_name["MARKDOWN_HASHES"][2], analysis, indent_chars
        )
        hashes = f"(?:{by_name['MARKDOWN_HASHES'][2]})?"
        # What comes before a line's text and is not part of it: indentation and the hashes
        # of a Markdown heading (# 上海市露天仓库消防安全管理规定).
        self.decoration = compile_cached(f"(?:{indent})?{hashes}")
        self.indent = compile_cached(by_name["INDENT"][2])
        self.trailing_space = compile_cached(f"(?:{indent})$")
        self.sentence_end = compile_cached(by_name["SENTENCE_END"][2])
        # What may follow an article's number: its caption; and an article run in after a
        # chapter's title on the same line (第一章　总则　　第一条　为规范…).
        self.caption = compile_cached(by_name["ARTICLE_CAPTION"][2])
        self.run_in_article = compile_cached(f"(?:{indent})(?P<ARTICLE>{by_name['ARTICLE'][2]})")
        # An inline item: the lead, then one family's marker as a group named by its terminal
        # (``m.lastgroup``), e.g. INLINE_ENUM_SHI for the family ENUM_SHI.
        families = "|".join(
            f"(?P<{name}>{rx})" for name, (_, _, rx) in inline if name != "INLINE_LEAD"
        )
        self.inline_item = compile_cached(f"(?:{by_name['INLINE_LEAD'][2]})(?:{families})")
