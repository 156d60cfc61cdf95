"""The Lark grammar (``govspeech/syntax/govspeech.lark``) and its terminals compiled for the
line lexer.

The grammar ships inside the package; `govspeech.syntax.treebuilder` builds the parser from it.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from lark.lexer import TerminalDef

__all__ = ["INLINE_PREFIX", "LinePatterns", "grammar_text"]

GRAMMAR_PACKAGE = "govspeech.syntax"
GRAMMAR_FILE = "govspeech.lark"

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


def grammar_text() -> str:
    """The grammar's source text, read from the installed package."""
    from importlib.resources import files

    return files(GRAMMAR_PACKAGE).joinpath(GRAMMAR_FILE).read_text(encoding="utf-8")


class LinePatterns:
    """The grammar's terminals compiled for the line lexer.

    ``line`` tries every line-class terminal at once, in the grammar's priority order; the name
    of the group that matched (``m.lastgroup``) is the terminal's name.
    """

    def __init__(self, terminal_defs: Collection[TerminalDef]) -> None:
        # name → (priority, position in the grammar, regular expression); names with a leading
        # __ are Lark's anonymous helpers.
        terminals = {
            term.name: (term.priority, index, term.pattern.to_regexp())
            for index, term in enumerate(terminal_defs)
            if not term.name.startswith("__")
        }
        inline = sorted(
            (item for item in terminals.items() if item[0].startswith(INLINE_PREFIX)),
            key=lambda item: item[1][1],
        )
        line_terms = sorted(
            (
                item
                for item in terminals.items()
                if item[0] not in _HELPER_TERMINALS and not item[0].startswith(INLINE_PREFIX)
            ),
            key=lambda item: (-item[1][0], item[1][1]),
        )
        self.order = [name for name, _ in line_terms]
        # After the indentation: an empty rest is a blank line (BLANK has no pattern of its own).
        # A line's class may follow a Markdown heading's hashes or a list bullet (## 第一章 总则,
        # * （一）…): once before all the alternatives, which is cheaper than before each.
        hashes = f"(?:{terminals['MARKDOWN_HASHES'][2]})?"
        alternatives = "|".join(f"(?P<{name}>{rx})" for name, (_, _, rx) in line_terms)
        indent = terminals["INDENT"][2]
        self.line = re.compile(f"(?:{indent})?(?:(?P<BLANK>$)|{hashes}(?:{alternatives}))")
        # What comes before a line's text and is not part of it: indentation and the hashes
        # of a Markdown heading (# 上海市露天仓库消防安全管理规定).
        self.decoration = re.compile(f"(?:{indent})?{hashes}")
        self.indent = re.compile(terminals["INDENT"][2])
        self.trailing_space = re.compile(f"(?:{indent})$")
        self.sentence_end = re.compile(terminals["SENTENCE_END"][2])
        # What may follow an article's number: its caption; and an article run in after a
        # chapter's title on the same line (第一章　总则　　第一条　为规范…).
        self.caption = re.compile(terminals["ARTICLE_CAPTION"][2])
        self.run_in_article = re.compile(f"(?:{indent})(?P<ARTICLE>{terminals['ARTICLE'][2]})")
        # An inline item: the lead, then one family's marker as a group named by its terminal
        # (``m.lastgroup``), e.g. INLINE_ENUM_SHI for the family ENUM_SHI.
        families = "|".join(
            f"(?P<{name}>{rx})" for name, (_, _, rx) in inline if name != "INLINE_LEAD"
        )
        self.inline_item = re.compile(f"(?:{terminals['INLINE_LEAD'][2]})(?:{families})")
