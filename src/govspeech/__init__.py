"""govspeech: Chinese government speeches, work reports and 公文 as a document tree.

>>> import govspeech
>>> tree = govspeech.parse("同志们：\\n一、统一思想。\\n（一）提高站位。正文。\\n")
>>> [(s.marker, s.level, s.title) for s in tree.documents[0].iter_sections()]
[('一、', 1, '统一思想。'), ('（一）', 2, '提高站位。')]
"""

from govspeech.api import parse, parse_file
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
from govspeech.syntax.families import FAMILIES, Family
from govspeech.walk import DROP, Transformer, Visitor, walk

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
