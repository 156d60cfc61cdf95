"""Structure-aware chunks for search, RAG and research: `chunks` and `Chunk`.

A chunk is a piece of a document's text small enough to embed or index, cut along the tree
rather than every N characters: a heading is never separated from its body, a chunk never
holds a section's text without the heading path that says what it is about, a long section
is cut at line ends and, inside a paragraph longer than the limit, at sentence ends
(``。！？；!?;`` and the closing quotes after them), boilerplate never enters a chunk, and,
without ``overlap``, every character of every other leaf is in exactly one chunk (a blank
line in at most one: those at a chunk's edges are left out). docs/rag.md has the details.

``unit`` chooses what a chunk may hold:

``"section"`` (the default)
    one section's own text (heading, body, and the text going back up after its subsections,
    each run on its own) — one chunk, or several when it is longer than ``max_size``;
``"merged"``
    as much as fits: a section with everything under it when it fits, small sibling sections
    together, a long section's text cut as in ``"section"``;
``"paragraph"``
    one paragraph (one line: a heading goes with the paragraph after it), cut at sentence
    ends when it is longer than ``max_size``.

The document's own text is chunked the same way: its title lines with its opening
(``d1-opening#1``), the text between its sections where a part without a number begins
(``d1-t5678#1``), its closing (``d1-closing#1``).

>>> import govspeech
>>> from govspeech.chunks import chunks
>>> text = "关于安全生产的讲话\\n同志们：\\n一、统一思想\\n要提高认识。要压实责任。\\n"
>>> tree = govspeech.parse(text)
>>> for c in chunks(tree, max_size=15):
...     print(c.id, c.path, repr(c.text))
d1-opening#1 () '关于安全生产的讲话\\n同志们：\\n'
d1-s15#1 ('一、统一思想',) '一、统一思想\\n要提高认识。'
d1-s15#2 ('一、统一思想',) '要压实责任。\\n'
>>> print(chunks(tree, max_size=15)[2].context)
关于安全生产的讲话
一、统一思想
要压实责任。
<BLANKLINE>
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final, Literal, Union

import attrs
from attrs import field, frozen

from govspeech.nodes import Blank, Boilerplate, Document, Heading, Leaf, ParsedFile, TitleLine
from govspeech.views import SectionView, documents, flow, heading_text, section_id

__all__ = ["UNITS", "Chunk", "Unit", "chunks", "iter_chunks"]

#: What a chunk may hold (see the module docstring).
Unit = Literal["section", "merged", "paragraph"]
UNITS: Final[tuple[str, ...]] = ("section", "merged", "paragraph")

# A sentence ends at 。！？； (or their halfwidth forms) and the closing quotes and brackets
# right after them. Not at a halfwidth period: 2.5万, 1.抓好 and 12.8亿 are not sentence ends.
_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’\"'）)\]】」』》〉]*")
# Where an overlap that cannot start at a sentence may start instead: after a clause.
_CLAUSE_END = re.compile(r"[，、：,:]+")


@frozen
class Chunk:
    """One chunk of a tree's text, with where it comes from; `to_dict` gives its JSON.

    ``text`` is the exact source text: the pieces of ``tree.text`` named by ``spans`` (the
    ``[start, end)`` offsets of the leaves it covers, boilerplate left out), joined; a chunk
    without boilerplate inside it has one span and ``text == tree.text[start:end]``.
    ``context`` is what to embed: the document's title and the headings of ``path`` that
    ``text`` does not itself begin with, one a line, then ``text``.
    """

    #: stable id: ``{section_id}#k`` for the k-th chunk starting in a section
    #: (``d3-s1234#2``), ``d3-opening#1``, ``d3-closing#1`` and ``d3-t5678#1`` (the
    #: document's own text between sections, from offset 5678) for the document's text; a
    #: parent chunk's id is the section id (or ``d3-opening`` …) without ``#k``
    id: str
    #: the input file (`ParsedFile.path`), None for a parsed string
    file: str | None
    #: the document's index in the file (``"3"``, ``"7.2"`` for a part), None for a preamble
    document: str | None
    #: the document's display title (`govspeech.views.DocumentView.title`)
    document_title: str | None
    #: the id of the innermost section holding all of the chunk (`govspeech.views.section_id`),
    #: None for the document's own text (and for merged top-level sections)
    section_id: str | None
    #: with ``parents=True``, the id of the parent chunk holding this one; else None
    parent_id: str | None
    #: True for a parent chunk (``parents=True``): a section's whole own text
    is_parent: bool
    #: the ids of the sections with text in the chunk, in order (several when merged)
    sections: tuple[str, ...]
    #: marker and title of each section from the top down to ``section_id``'s (its title path)
    path: tuple[str, ...]
    #: the markers of the same sections (``("二、", "1.", "（1）")``)
    markers: tuple[str, ...]
    #: how a regulation cites ``section_id``'s section (第三条第二款), else None
    citation: str | None
    #: offset in ``tree.text`` of the first character and after the last (``end`` exclusive)
    start: int
    end: int
    #: 1-based lines of the first and the last character
    line: int
    end_line: int
    #: the ``[start, end)`` pieces of ``tree.text`` that make ``text``, in order
    spans: tuple[tuple[int, int], ...]
    #: ``len(text)``
    chars: int
    #: ``size(text)`` when `chunks` was given a ``size`` function, else None
    tokens: int | None
    #: how many characters at the start of ``text`` repeat the previous chunk (``overlap``)
    overlap: int
    #: True when the chunk is larger than ``max_size``: one sentence (with the heading it
    #: opens) longer than the limit, held alone; or a parent chunk over the limit
    oversize: bool
    #: the chunk's source text
    text: str
    #: the heading path (lines not already at the start of ``text``) and ``text``: to embed
    context: str
    #: the document's metadata (`ParsedFile.meta_of` as a dict), one dict shared by the
    #: chunks of a document: read it, do not change it
    meta: dict[str, Any] = field(hash=False)

    def to_dict(self) -> dict[str, Any]:
        """The chunk as plain data for JSON (the keys are the field names, in order)."""
        return {
            "id": self.id,
            "file": self.file,
            "document": self.document,
            "document_title": self.document_title,
            "section_id": self.section_id,
            "parent_id": self.parent_id,
            "is_parent": self.is_parent,
            "sections": list(self.sections),
            "path": list(self.path),
            "markers": list(self.markers),
            "citation": self.citation,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "end_line": self.end_line,
            "spans": [list(s) for s in self.spans],
            "chars": self.chars,
            "tokens": self.tokens,
            "overlap": self.overlap,
            "oversize": self.oversize,
            "text": self.text,
            "context": self.context,
            "meta": self.meta,
        }


# ---------------------------------------------------------------- pieces, units, blocks

# Kinds of piece: body text, a heading, a blank line, a line of the document's title.
_TEXT, _HEAD, _BLANK, _TITLE = 0, 1, 2, 3

# A piece of text: (start, end, line, owner, block, kind). ``owner`` indexes _Doc.owner_ids
# (0: the document itself), ``block`` the document's blocks. Tuples: there is one per leaf.
_Piece = tuple[int, int, int, int, int, int]


class _Unit:
    """Pieces that go into one chunk together (a sentence, a heading and the sentence after
    it, a paragraph, a whole section that fits) and their size."""

    __slots__ = ("blank", "pieces", "size")

    def __init__(self, pieces: list[_Piece], size: int, blank: bool = False) -> None:
        self.pieces = pieces
        self.size = size
        self.blank = blank


class _Break:
    """Where the chunk must end (between blocks, before a paragraph in paragraph mode)."""


_BREAK: Final = _Break()
_Item = Union[_Unit, _Break]  # noqa: UP007 (a runtime alias on 3.10)


@frozen
class _Block:
    """A contiguous run of one owner's leaves: a section's heading and body, a run of its
    tail, the document's title lines and opening, a run of its own text, its closing."""

    prefix: str  # what its chunks' ids are numbered under
    owner: int
    kind: Literal["opening", "head", "tail", "doctail", "closing", "preamble"]
    leaves: tuple[Leaf, ...]


class _Doc:
    """One document's context: its view, metadata, blocks and the sections owning them."""

    def __init__(
        self,
        index: str | None,
        title: str | None,
        context_title: str | None,
        meta: dict[str, Any],
    ) -> None:
        self.index = index
        self.title = title
        self.context_title = context_title
        self.meta = meta
        self.blocks: list[_Block] = []
        # Owners: 0 is the document, then each section in source order, by index.
        self.owner_of: dict[int, int] = {}  # id(Section) -> owner index
        self.owner_ids: list[str | None] = [None]  # section ids
        # per owner, read once (every chunk of a section needs them)
        self.paths: list[tuple[str, ...]] = [()]
        self.markers: list[tuple[str, ...]] = [()]
        self.citations: list[str | None] = [None]
        self.lineages: list[tuple[int, ...]] = [()]  # the owner indexes of its lineage
        # for the "head" block of a section: the index after the last block of its subtree
        self.subtree_end: dict[int, int] = {}


def _doc_blocks(tree_doc: Document, doc: _Doc) -> None:
    """Fill ``doc.blocks`` in source order from the document's flow of sections and runs."""
    index = doc.index
    head = (*tree_doc.title_lines, *tree_doc.opening)
    if head:
        doc.blocks.append(_Block(f"d{index}-opening", 0, "opening", head))
    open_heads: list[tuple[int, int]] = []  # (depth, block index) of sections still open
    for item in flow(tree_doc):
        if isinstance(item, SectionView):
            while open_heads and open_heads[-1][0] >= item.depth:
                doc.subtree_end[open_heads.pop()[1]] = len(doc.blocks)
            owner = len(doc.owner_ids)
            sid = section_id(index or "", item.section)
            parent = doc.owner_of[id(item.lineage[-2])] if item.depth > 1 else 0
            doc.owner_of[id(item.section)] = owner
            doc.owner_ids.append(sid)
            # item.title_path, built on the parent's rather than from the top each time
            doc.paths.append((*doc.paths[parent], heading_text(item.section)))
            doc.markers.append(item.path)
            doc.citations.append(item.citation)
            doc.lineages.append((*doc.lineages[parent], owner))
            open_heads.append((item.depth, len(doc.blocks)))
            sec = item.section
            doc.blocks.append(_Block(sid, owner, "head", (sec.heading, *sec.body)))
        elif item.owner is not None:
            # The text going back up after a list: the subsections above it are over.
            while open_heads and open_heads[-1][0] > item.owner.depth:
                doc.subtree_end[open_heads.pop()[1]] = len(doc.blocks)
            owner = doc.owner_of[id(item.owner.section)]
            prefix = doc.owner_ids[owner] or ""
            doc.blocks.append(_Block(prefix, owner, "tail", item.leaves))
        else:
            while open_heads:
                doc.subtree_end[open_heads.pop()[1]] = len(doc.blocks)
            prefix = f"d{index}-t{item.leaves[0].start}"
            doc.blocks.append(_Block(prefix, 0, "doctail", item.leaves))
    while open_heads:
        doc.subtree_end[open_heads.pop()[1]] = len(doc.blocks)
    if tree_doc.closing:
        doc.blocks.append(_Block(f"d{index}-closing", 0, "closing", tree_doc.closing))


class _Chunker:
    """One call of `chunks`: the options, the source text and the chunks made so far."""

    def __init__(
        self,
        tree: ParsedFile,
        max_size: int,
        size: Callable[[str], int] | None,
        overlap: int,
        unit: str,
        parents: bool,
    ) -> None:
        self.tree = tree
        self.src = tree.text
        self.max = max_size
        self.size_fn = size
        self.overlap = overlap
        self.unit = unit
        self.parents = parents

    # ---- sizes

    def measure(self, pieces: Iterable[_Piece]) -> int:
        """The size of the pieces' text: characters, or ``size`` of the joined text."""
        if self.size_fn is None:
            return sum(p[1] - p[0] for p in pieces)
        src = self.src
        return self.size_fn("".join(src[p[0] : p[1]] for p in pieces))

    def measure_text(self, text: str) -> int:
        return len(text) if self.size_fn is None else self.size_fn(text)

    # ---- pieces and units

    @staticmethod
    def leaf_piece(leaf: Leaf, owner: int, block: int) -> _Piece:
        if isinstance(leaf, Heading):
            kind = _HEAD
        elif isinstance(leaf, Blank):
            kind = _BLANK
        elif isinstance(leaf, TitleLine) and leaf.role == "title":
            kind = _TITLE
        else:
            kind = _TEXT
        return (leaf.start, leaf.end, leaf.line, owner, block, kind)

    def sentences(self, leaf: Leaf, owner: int, block: int) -> list[_Piece]:
        """The leaf cut after each sentence end; white space after the last one stays in it."""
        text, start, line = leaf.text, leaf.start, leaf.line
        kind = _TITLE if isinstance(leaf, TitleLine) and leaf.role == "title" else _TEXT
        out: list[_Piece] = []
        pos = 0
        for m in _SENTENCE_END.finditer(text):
            cut = m.end()
            if not text[cut:].strip():
                break  # only the line ending (or white space) after it: one piece to the end
            out.append((start + pos, start + cut, line, owner, block, kind))
            pos = cut
        out.append((start + pos, leaf.end, line, owner, block, kind))
        return out

    def unit_of(self, pieces: list[_Piece]) -> _Unit:
        return _Unit(pieces, self.measure(pieces))

    def block_pieces(self, doc: _Doc, b: int) -> list[_Piece]:
        """The block's leaves as pieces (boilerplate left out), blank lines at its edges too."""
        block = doc.blocks[b]
        return [
            self.leaf_piece(leaf, block.owner, b)
            for leaf in block.leaves
            if not isinstance(leaf, Boilerplate)
        ]

    def block_units(self, doc: _Doc, b: int, sizes: list[int]) -> list[_Item]:
        """The units of one block, with the breaks ``unit="paragraph"`` puts between leaves."""
        paragraph = self.unit == "paragraph"
        if not paragraph and sizes[b] <= self.max:
            pieces = _trim(self.block_pieces(doc, b))
            return [self.unit_of(pieces)] if pieces else []
        block = doc.blocks[b]
        owner = block.owner
        out: list[_Item] = []
        glue: list[_Piece] | None = None  # a heading (and blank lines) waiting for its body
        content = False  # a content unit is in ``out`` already
        previous_title = False
        for leaf in block.leaves:
            if isinstance(leaf, Boilerplate):
                continue
            piece = self.leaf_piece(leaf, owner, b)
            if piece[5] == _BLANK:
                if glue is not None:
                    glue.append(piece)
                else:
                    out.append(_Unit([piece], self.measure((piece,)), blank=True))
                continue
            if piece[5] == _HEAD:
                glue = [piece]
                continue
            is_title = piece[5] == _TITLE
            # A title wrapped over several lines is one paragraph.
            if paragraph and content and glue is None and not (is_title and previous_title):
                out.append(_BREAK)
            previous_title = is_title
            if self.measure([*glue, piece] if glue is not None else (piece,)) <= self.max:
                parts = [piece]
            else:
                parts = self.sentences(leaf, owner, b)
            if glue is not None:
                # The heading goes with the first sentence of its body, whatever the size.
                out.append(self.unit_of([*glue, parts[0]]))
                parts = parts[1:]
                glue = None
            out.extend(self.unit_of([p]) for p in parts)
            content = True
        if glue is not None:
            out.append(self.unit_of(_trim(glue)))
        return out

    # ---- the items of a document, per unit

    def doc_items(self, doc: _Doc) -> Iterator[_Item]:
        if self.size_fn is None:
            sizes = [
                sum(x.end - x.start for x in block.leaves if not isinstance(x, Boilerplate))
                for block in doc.blocks
            ]
        else:
            sizes = [self.measure(self.block_pieces(doc, b)) for b in range(len(doc.blocks))]
        if self.unit != "merged":
            for b in range(len(doc.blocks)):
                yield _BREAK
                yield from self.block_units(doc, b, sizes)
            yield _BREAK
            return
        # Merged: a section whose whole subtree fits is one unit; sections that fit are packed
        # together; a section that does not fit starts a new chunk with its own text, its
        # subsections follow (packed the same way), and a new chunk starts after it.
        totals = [0]
        for s in sizes:
            totals.append(totals[-1] + s)
        ends: list[int] = []  # subtree ends of the expanded sections, innermost last
        b = 0
        while b < len(doc.blocks):
            while ends and ends[-1] == b:
                ends.pop()
                yield _BREAK
            block = doc.blocks[b]
            if block.kind == "head":
                end = doc.subtree_end[b]
                if totals[end] - totals[b] <= self.max:
                    pieces = _trim([p for k in range(b, end) for p in self.block_pieces(doc, k)])
                    whole = self.unit_of(pieces)
                    if whole.size <= self.max:  # ``size`` need not add up over pieces
                        yield whole
                        b = end
                        continue
                yield _BREAK
                yield from self.block_units(doc, b, sizes)
                ends.append(end)
            elif block.kind == "tail":
                yield from self.block_units(doc, b, sizes)
            else:  # opening, the document's own text, closing: each starts a chunk
                yield _BREAK
                yield from self.block_units(doc, b, sizes)
                if block.kind != "doctail":
                    yield _BREAK
            b += 1
        yield _BREAK

    # ---- chunks

    def run(self) -> Iterator[Chunk]:
        """The chunks of every document in source order, one document at a time."""
        tree = self.tree
        if any(not isinstance(x, (Boilerplate, Blank)) for x in tree.preamble):
            # Text before the first document that is not a site's blurb (rare): its own chunks.
            pre = _Doc(None, None, None, {})
            pre.blocks.append(_Block("preamble", 0, "preamble", tree.preamble))
            yield from self.doc_chunks(pre)
        base_title: str | None = None  # a part's context names the document it is part of
        for view in documents(tree):
            if not view.is_part:
                base_title = view.document.title
            meta = _plain(attrs.asdict(tree.meta_of(view.document)))
            doc = _Doc(view.index, view.title, view.document.title or base_title, meta)
            _doc_blocks(view.document, doc)
            yield from self.doc_chunks(doc)

    def doc_chunks(self, doc: _Doc) -> Iterator[Chunk]:
        counters: dict[str, int] = {}
        parents_done: set[str] = set()
        for pieces, lead in _pack(self, self.doc_items(doc)):
            first = doc.blocks[pieces[0][4]].prefix
            k = counters[first] = counters.get(first, 0) + 1
            parent_id = None
            if self.parents:
                parent_id = first
                if first not in parents_done:
                    parents_done.add(first)
                    yield self.parent_chunk(doc, first)
            yield self.make_chunk(doc, f"{first}#{k}", pieces, lead, parent_id)

    def parent_chunk(self, doc: _Doc, prefix: str) -> Chunk:
        pieces: list[_Piece] = []
        for b, block in enumerate(doc.blocks):
            if block.prefix == prefix:
                pieces.extend(_trim(self.block_pieces(doc, b)))
        return self.make_chunk(doc, prefix, pieces, 0, None, parent=True)

    def make_chunk(
        self,
        doc: _Doc,
        chunk_id: str,
        pieces: list[_Piece],
        lead: int,
        parent_id: str | None,
        parent: bool = False,
    ) -> Chunk:
        src = self.src
        spans: list[tuple[int, int]] = []
        owners: list[int] = []
        headed: set[int] = set()
        titled = False
        for start, end, _line, owner, _block, kind in pieces:
            if spans and spans[-1][1] == start:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
            if kind == _BLANK:
                continue  # a blank line says nothing about whose text the chunk holds
            if not owners or owners[-1] != owner:
                if owner not in owners:
                    owners.append(owner)
            if kind == _HEAD:
                headed.add(owner)
            elif kind == _TITLE:
                titled = True
        text = "".join(src[a:b] for a, b in spans)
        # The innermost section holding every piece: the common start of their lineages.
        holder = owners[0]
        for owner in owners[1:]:
            if owner != holder:
                holder = _common(doc, holder, owner)
        context_lines: list[str] = []
        if doc.context_title and not titled:
            context_lines.append(doc.context_title)
        path = doc.paths[holder]
        if headed:
            context_lines.extend(
                h for h, o in zip(path, doc.lineages[holder], strict=True) if o not in headed
            )
        else:
            context_lines.extend(path)
        context = "\n".join([*context_lines, text]) if context_lines else text
        tokens = self.size_fn(text) if self.size_fn is not None else None
        measured = len(text) if tokens is None else tokens
        return Chunk(
            id=chunk_id,
            file=self.tree.path,
            document=doc.index,
            document_title=doc.title,
            section_id=doc.owner_ids[holder],
            parent_id=parent_id,
            is_parent=parent,
            sections=tuple(doc.owner_ids[o] for o in owners if o),  # type: ignore[misc]
            path=path,
            markers=doc.markers[holder],
            citation=doc.citations[holder],
            start=spans[0][0],
            end=spans[-1][1],
            line=pieces[0][2],
            end_line=pieces[-1][2],
            spans=tuple(spans),
            chars=len(text),
            tokens=tokens,
            overlap=lead,
            oversize=measured > self.max,
            text=text,
            context=context,
            meta=doc.meta,
        )


def _plain(data: dict[str, Any]) -> dict[str, Any]:
    """Lists, not tuples: the same plain data as the JSON export's ``meta``."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}


def _common(doc: _Doc, a: int, b: int) -> int:
    """The owner index of the innermost section above (or equal to) both owners; 0 for the
    document."""
    last = 0
    for x, y in zip(doc.lineages[a], doc.lineages[b], strict=False):
        if x != y:
            break
        last = x
    return last


def _trim(pieces: list[_Piece]) -> list[_Piece]:
    """The pieces without the blank lines at either end."""
    lo, hi = 0, len(pieces)
    while lo < hi and pieces[lo][5] == _BLANK:
        lo += 1
    while hi > lo and pieces[hi - 1][5] == _BLANK:
        hi -= 1
    return pieces[lo:hi]


# ---------------------------------------------------------------- packing


def _pack(ck: _Chunker, items: Iterable[_Item]) -> Iterator[tuple[list[_Piece], int]]:
    """Units packed greedily into chunks of at most ``max_size``: (pieces, overlap chars).

    A break ends the chunk. Blank lines at a chunk's edges are left out. When a chunk is cut
    because the next unit does not fit and that unit continues the same block, the next chunk
    starts with the end of this one (``overlap``): whole sentences if they fit, else the last
    characters. With a ``size`` function the sizes of units need not add up: each chunk is
    measured whole, and units that make it too large go on to the next chunk.
    """
    limit = ck.max
    units: list[_Unit] = []  # the chunk's units (blank ones only between others)
    lead: list[_Piece] = []  # the overlap the chunk starts with
    lead_size = 0
    total = 0  # size of lead and units, as the sum of their sizes
    pending: list[_Unit] = []  # blank units after the last one: kept only if more follows
    pending_size = 0

    def pieces_of() -> list[_Piece]:
        return [*lead, *(p for u in units for p in u.pieces)]

    def close(following: _Unit | None) -> tuple[list[tuple[list[_Piece], int]], list[_Unit]]:
        """End the chunk; returns it (if any) and the units a ``size`` check moved out."""
        nonlocal lead, lead_size, total, units, pending, pending_size
        spilled: list[_Unit] = []
        if ck.size_fn is not None and units:
            while ck.measure(pieces_of()) > limit:
                if sum(1 for u in units if not u.blank) > 1:
                    while True:  # the last unit, and the blank lines before it
                        unit = units.pop()
                        spilled.insert(0, unit)
                        if not unit.blank:
                            break
                    while units[-1].blank:
                        spilled.insert(0, units.pop())
                elif lead:
                    lead = []
                else:
                    break  # one sentence over the limit: oversize
            if spilled:  # the blank lines after them go on with them
                spilled.extend(pending)
                pending, pending_size = [], 0
        out: list[tuple[list[_Piece], int]] = []
        new_lead: list[_Piece] = []
        if units:
            pieces = pieces_of()
            out.append((pieces, sum(p[1] - p[0] for p in lead)))
            nxt = next((u for u in spilled if not u.blank), following)
            if ck.overlap and nxt is not None and nxt.pieces[0][4] == pieces[-1][4]:
                new_lead = _overlap(ck, pieces, nxt.pieces[0][4], ck.overlap)
        lead = new_lead
        lead_size = ck.measure(lead) if lead else 0
        units, total = [], lead_size
        if not lead:
            pending, pending_size = [], 0
        return out, spilled

    queue: deque[_Item] = deque(items)
    while queue:
        item = queue.popleft()
        if isinstance(item, _Break):
            done, spilled = close(None)
            yield from done
            if spilled:
                queue.appendleft(_BREAK)
                queue.extendleft(reversed(spilled))
            continue
        if item.blank:
            if units or lead:
                pending.append(item)
                pending_size += item.size
            continue
        extra = pending_size
        if units and total + extra + item.size > limit:
            done, spilled = close(item)
            yield from done
            queue.appendleft(item)
            queue.extendleft(reversed(spilled))
            continue
        if not units and lead and total + extra + item.size > limit:
            # The overlap gives way to the new text: shorten it, or drop it.
            lead = _overlap(ck, lead, lead[-1][4], limit - item.size - extra)
            lead_size = ck.measure(lead) if lead else 0
            total = lead_size
            if not lead:
                pending, extra = [], 0
        if pending:
            units.extend(pending)
            pending = []
        total += extra
        pending_size = 0
        units.append(item)
        total += item.size
    done, _ = close(None)
    yield from done


def _overlap(ck: _Chunker, pieces: list[_Piece], block: int, budget: int) -> list[_Piece]:
    """The end of ``pieces`` (those of ``block``, no heading or title) of at most ``budget``:
    whole pieces (sentences, lines) if at least one fits, else the last characters of the
    last one, from after a comma if there is one among them."""
    if budget <= 0:
        return []
    tail: list[_Piece] = []
    for piece in reversed(pieces):
        if piece[4] != block or piece[5] in (_HEAD, _TITLE):  # those are in ``context``
            break
        tail.insert(0, piece)
    tail = _trim(tail)
    if not tail:
        return []
    taken: list[_Piece] = []
    for k in range(len(tail) - 1, -1, -1):
        candidate = tail[k:]
        if ck.measure(candidate) > budget:
            break
        taken = candidate
    taken = _trim(taken)
    if taken:
        return taken
    # Not even the last sentence fits: its last characters, as many as the budget allows.
    start, end, line, owner, blk, kind = tail[-1]
    if ck.size_fn is None:
        cut = max(start, end - budget)
    else:  # the shortest start whose suffix fits (sizes grow with the text)
        lo, hi = start, end
        while lo < hi:
            mid = (lo + hi) // 2
            if ck.measure_text(ck.src[mid:end]) <= budget:
                hi = mid
            else:
                lo = mid + 1
        cut = lo
    # Rather from after a comma or colon in that stretch than from inside a phrase.
    clause = _CLAUSE_END.search(ck.src, cut, end - 1)
    if clause is not None:
        cut = clause.end()
    if cut >= end:
        return []
    return [(cut, end, line, owner, blk, kind)]


# ---------------------------------------------------------------- the API


def iter_chunks(
    tree: ParsedFile,
    *,
    max_size: int = 800,
    size: Callable[[str], int] | None = None,
    overlap: int = 0,
    unit: Unit = "section",
    parents: bool = False,
) -> Iterator[Chunk]:
    """`chunks`, one at a time (the export writes them as they come)."""
    if isinstance(max_size, bool) or not isinstance(max_size, int) or max_size < 1:
        raise ValueError(f"max_size must be a positive integer, not {max_size!r}")
    if isinstance(overlap, bool) or not isinstance(overlap, int) or overlap < 0:
        raise ValueError(f"overlap must be a non-negative integer, not {overlap!r}")
    if overlap >= max_size:
        raise ValueError(f"overlap ({overlap}) must be smaller than max_size ({max_size})")
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}, not {unit!r}")
    if parents and unit == "merged":
        raise ValueError(
            "parents=True needs unit 'section' or 'paragraph': a merged chunk can hold "
            "several sections, and no one section's text holds it"
        )
    if size is not None and not callable(size):
        raise TypeError(f"size must be a function of a str, not {size!r}")
    return _Chunker(tree, max_size, size, overlap, unit, parents).run()


def chunks(
    tree: ParsedFile,
    *,
    max_size: int = 800,
    size: Callable[[str], int] | None = None,
    overlap: int = 0,
    unit: Unit = "section",
    parents: bool = False,
) -> list[Chunk]:
    """The tree's text as structure-aware chunks, in source order.

    ``max_size`` is the largest ``size(text)`` of a chunk; ``size`` defaults to ``len``
    (characters): pass a tokenizer's count (``lambda s: len(tok.encode(s))``) to limit
    tokens, and each chunk's ``tokens`` gives it. A chunk is larger only when one sentence
    (with the heading it follows) is: ``oversize``. ``unit`` is ``"section"``, ``"merged"``
    or ``"paragraph"`` (module docstring). ``overlap`` (in the same measure, less than
    ``max_size``) repeats the end of a chunk at the start of the next where a block of text
    was cut for size: whole sentences when they fit. ``parents=True`` adds before the first
    chunk of each section a parent chunk with its whole own text (possibly over the limit),
    and each chunk's ``parent_id`` names it (not with ``unit="merged"``).

    With ``overlap=0`` every character of every leaf but boilerplate and blank lines is in
    exactly one chunk (parents aside); blank lines inside a chunk are in it, at its edges in
    none. Raises ValueError for a bad option.
    """
    return list(
        iter_chunks(tree, max_size=max_size, size=size, overlap=overlap, unit=unit, parents=parents)
    )
