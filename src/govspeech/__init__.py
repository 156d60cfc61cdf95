"""govspeech: Chinese government speeches, work reports and 公文 as a document tree.

>>> import govspeech
>>> tree = govspeech.parse("同志们：\\n一、统一思想。\\n（一）提高站位。正文。\\n")
>>> [(s.marker, s.level, s.title) for s in tree.documents[0].iter_sections()]
[('一、', 1, '统一思想。'), ('（一）', 2, '提高站位。')]
"""

from __future__ import annotations

# (not typing.TYPE_CHECKING: importing typing costs start-up milliseconds; type checkers
# treat this name the same)
TYPE_CHECKING = False

__version__ = "0.1.0"

__all__ = [
    "DROP",
    "FAMILIES",
    "BinaryInputError",
    "Blank",
    "Boilerplate",
    "DecodeError",
    "Document",
    "Element",
    "EmptyInputError",
    "Family",
    "GovspeechError",
    "Heading",
    "InlineItem",
    "InputFormatError",
    "InputNotFoundError",
    "InputReadError",
    "Leaf",
    "MissingDependencyError",
    "OutputError",
    "Paragraph",
    "ParsedFile",
    "PluginError",
    "PluginLoadError",
    "Section",
    "TitleLine",
    "Transformer",
    "UsageError",
    "Visitor",
    "__version__",
    "parse",
    "parse_file",
    "walk",
]

# The public names are imported when first used (PEP 562), so that ``import govspeech`` — and
# ``govspeech --version`` — do not pay for the parser, attrs and the nodes before they are
# needed; ``from govspeech import parse`` works as always.
_WHERE = {
    "parse": "govspeech.api",
    "parse_file": "govspeech.api",
    "BinaryInputError": "govspeech.errors",
    "DecodeError": "govspeech.errors",
    "EmptyInputError": "govspeech.errors",
    "GovspeechError": "govspeech.errors",
    "InputFormatError": "govspeech.errors",
    "InputNotFoundError": "govspeech.errors",
    "InputReadError": "govspeech.errors",
    "MissingDependencyError": "govspeech.errors",
    "OutputError": "govspeech.errors",
    "PluginError": "govspeech.errors",
    "PluginLoadError": "govspeech.errors",
    "UsageError": "govspeech.errors",
    "Blank": "govspeech.nodes",
    "Boilerplate": "govspeech.nodes",
    "Document": "govspeech.nodes",
    "Element": "govspeech.nodes",
    "Heading": "govspeech.nodes",
    "InlineItem": "govspeech.nodes",
    "Leaf": "govspeech.nodes",
    "Paragraph": "govspeech.nodes",
    "ParsedFile": "govspeech.nodes",
    "Section": "govspeech.nodes",
    "TitleLine": "govspeech.nodes",
    "FAMILIES": "govspeech.syntax.families",
    "Family": "govspeech.syntax.families",
    "DROP": "govspeech.walk",
    "Transformer": "govspeech.walk",
    "Visitor": "govspeech.walk",
    "walk": "govspeech.walk",
}

if TYPE_CHECKING:
    from typing import Any

    from govspeech.api import (
        parse,
        parse_file,
    )
    from govspeech.errors import (
        BinaryInputError,
        DecodeError,
        EmptyInputError,
        GovspeechError,
        InputFormatError,
        InputNotFoundError,
        InputReadError,
        MissingDependencyError,
        OutputError,
        PluginError,
        PluginLoadError,
        UsageError,
    )
    from govspeech.nodes import (
        Blank,
        Boilerplate,
        Document,
        Element,
        Heading,
        InlineItem,
        Leaf,
        Paragraph,
        ParsedFile,
        Section,
        TitleLine,
    )
    from govspeech.syntax.families import (
        FAMILIES,
        Family,
    )
    from govspeech.walk import (
        DROP,
        Transformer,
        Visitor,
        walk,
    )


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'govspeech' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next lookup finds it directly
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])
