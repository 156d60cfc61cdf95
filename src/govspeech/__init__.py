"""govspeech: Chinese government speeches, work reports and 公文 as a document tree.

>>> import govspeech
>>> tree = govspeech.parse("同志们：\\n一、统一思想。\\n（一）提高站位。正文。\\n")
>>> [(s.marker, s.level, s.title) for s in tree.documents[0].iter_sections()]
[('一、', 1, '统一思想。'), ('（一）', 2, '提高站位。')]
"""

from .api import parse, parse_file
from .errors import (
    BinaryInputError,
    DecodeError,
    GovspeechError,
    InputNotFoundError,
    InputReadError,
)
from .nodes import (
    Blank,
    Boilerplate,
    Document,
    Heading,
    InlineItem,
    Leaf,
    Paragraph,
    ParsedFile,
    Section,
    TitleLine,
)

__version__ = "0.1.0"

__all__ = [
    "BinaryInputError",
    "Blank",
    "Boilerplate",
    "DecodeError",
    "Document",
    "GovspeechError",
    "Heading",
    "InlineItem",
    "InputNotFoundError",
    "InputReadError",
    "Leaf",
    "Paragraph",
    "ParsedFile",
    "Section",
    "TitleLine",
    "__version__",
    "parse",
    "parse_file",
]
