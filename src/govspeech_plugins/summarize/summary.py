"""Extractive summaries that fit the genre: the heading skeleton, the most representative
sentences of each section in document order, keywords and 提法.

>>> import govspeech
>>> from govspeech_plugins.summarize.summary import summarize
>>> tree = govspeech.parse_file("speech.txt")                         # doctest: +SKIP
>>> for doc in summarize(tree, depth=1):                               # doctest: +SKIP
...     print(doc.label, doc.keywords, [t.text for t in doc.tifa])

What is picked, and from where
------------------------------
* One `DocumentSummary` per document *and* per subdocument (a speech a scraped page ran
  together with the one before it), in the order of `govspeech.views.documents`.
* A section shows its children down to ``depth`` levels. Its sentences come from its own body
  paragraphs, not its children's: a heading whose text is all in its sub-points gets none, and
  the sub-points speak for themselves. A section *at the depth limit* whose children are not
  shown ranks its own body and all its descendants' together, so that even a ``depth=1``
  skeleton says what each point asks for.
* ``opening`` is the best sentence of the text before the first heading (salutations left
  out). A document without any heading is all opening: its whole body (closing included) is
  ranked and up to ``max(3, sentences)`` sentences are picked (none for ``sentences=0``).
* Sentences of fewer than 6 Chinese characters (谢谢大家！, 散会！) are never picked.

Ranking (one section at a time)
-------------------------------
Each sentence is a TF-IDF vector of its words (user dictionary, stop words and one-character
words left out, IDF from the bundled table raised to the power 0.75, unknown words the median).
Its score is::

    (cos(sentence, centroid of the section) / best such cosine in the section
     + 0.5 × cos(sentence, the section's heading)
     + 0.25 if it gives a directive (要, 必须, 确保, 落实…))
    × (140 / length if it is longer than 140 characters)

The top ``sentences`` are returned in document order; ties go to the earlier sentence.

Keywords
--------
Words scored by count × IDF^0.75, heading words counting double, kept when they occur at least
twice; the document's title is not counted (scraped pages give every speech the same one).
Document keywords come from its whole body; a top-level section's from its subtree.

Budget
------
``max_chars`` and ``ratio`` (a fraction of the document's body characters; the smaller wins
when both are given) limit the total length of a document's picked sentences. The lowest-scored
picks are dropped first, but each top-level section keeps its best pick while any other pick
can still go; only then are those dropped too, lowest first. A document always keeps at least
one sentence, even when that one alone is longer than the budget.

Results are deterministic: the same text gives the same summary on every run and under any
``PYTHONHASHSEED``. jieba is imported on the first call, not when this module is imported;
its dictionary is cached in the user cache folder, or in ``$GOVSPEECH_CACHE_DIR`` when that is
set (see ``govspeech_plugins.summarize.segment``).
"""

from __future__ import annotations

import math
import re
import statistics
import threading
import time
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from importlib.resources import files

from attrs import frozen

from govspeech.nodes import Document, Leaf, Paragraph, ParsedFile, Section, TitleLine
from govspeech.views import documents
from govspeech_plugins.summarize.segment import Segmenter, Timings, read_userdict, segmenter
from govspeech_plugins.summarize.sentences import Sentence, sentence_spans
from govspeech_plugins.summarize.tifa import find_tifa, terms_pattern

__all__ = [
    "DocumentSummary",
    "Resources",
    "SectionSummary",
    "Sentence",
    "Tifa",
    "load_resources",
    "summarize",
]

IDF_POWER = 0.75
TITLE_WEIGHT = 0.5
DIRECTIVE_BONUS = 0.25
LONG_SENTENCE = 140
MIN_HAN = 6
HEADING_WEIGHT = 2
MIN_KEYWORD_COUNT = 2
SECTIONLESS_PICKS = 3

_BODY_ROLES = frozenset({"text", "opening", "closing"})
_HAN = re.compile("[\u4e00-\u9fff]")
_NUMERAL_WORD = re.compile(
    "^第?[零一二两三四五六七八九十百千万几0-9０-９.%％]+[是要个项条大点年月日次方面些]?$"
)
_DIRECTIVE = re.compile("要|必须|务必|确保|坚决|切实|严格|严禁|不得|一律|抓好|做好|落实")


# --------------------------------------------------------------------------- records


@frozen
class SectionSummary:
    """A section of the skeleton with its picked sentences.

    ``marker``, ``title``, ``level``, ``line`` and ``kind`` are the section's (see
    `govspeech.Section`); ``sentences`` are in document order; ``keywords`` are filled for
    top-level sections only; ``children`` go down to the ``depth`` asked for.
    """

    marker: str
    title: str
    level: int
    line: int
    kind: str
    sentences: tuple[Sentence, ...]
    keywords: tuple[str, ...]
    children: tuple[SectionSummary, ...]


@frozen
class Tifa:
    """A 提法 (slogan or formula) of a document.

    ``kind`` is ``"quoted"``, ``"formula"``, ``"list"`` or ``"term"`` (see
    ``govspeech_plugins.summarize.tifa``); ``text`` never includes quotation marks; ``count`` is how
    often the text occurs in the document; ``line`` is where it first occurs.
    """

    text: str
    kind: str
    count: int
    line: int


@frozen
class DocumentSummary:
    """The summary of one document or subdocument.

    ``title`` is the document's own title (``None`` for an untitled one or a part), ``label``
    the display title of `govspeech.views.documents` (``(untitled, line 5)``, ``… (part 2 of 7,
    line 135)``), ``index`` its number (``"7"``, or ``"7.2"`` for a part). ``characters`` is the
    total length of the picked sentences, ``body_characters`` that of all the document's body
    sentences (the base of ``ratio``). A document with no body text has no sentences,
    keywords or 提法.
    """

    title: str | None
    line: int
    index: str
    label: str
    opening: tuple[Sentence, ...]
    sections: tuple[SectionSummary, ...]
    keywords: tuple[str, ...]
    tifa: tuple[Tifa, ...]
    characters: int
    body_characters: int


@frozen
class Resources:
    """The segmenter and word tables; build once with `load_resources`.

    ``idf`` holds IDF^0.75 of each known word, ``unknown_idf`` the median used for other words.
    ``timings`` says what loading jieba cost, ``load_seconds`` the whole load.
    """

    segmenter: Segmenter
    idf: Mapping[str, float]
    unknown_idf: float
    stopwords: frozenset[str]
    tifa_terms: frozenset[str]
    tifa_pattern: re.Pattern[str] | None
    timings: Timings
    load_seconds: float


def _data(name: str) -> str:
    return (files("govspeech_plugins.summarize") / "data" / name).read_text(encoding="utf-8")


def _read_idf(text: str) -> dict[str, float]:
    idf: dict[str, float] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, _, value = line.partition("\t")
            idf[word] = float(value) ** IDF_POWER
    return idf


_resources: Resources | None = None
_lock = threading.Lock()


def load_resources() -> Resources:
    """Load jieba, the user dictionary, the stop words and the IDF table (once per process)."""
    global _resources
    if _resources is None:
        with _lock:
            if _resources is None:
                t0 = time.perf_counter()
                seg = segmenter()
                idf = _read_idf(_data("idf.txt"))
                stop = frozenset(
                    line.strip()
                    for line in _data("stopwords.txt").splitlines()
                    if line.strip() and not line.lstrip().startswith("#")
                )
                terms = frozenset(e.word for e in read_userdict() if e.tag == "tf")
                _resources = Resources(
                    segmenter=seg,
                    idf=idf,
                    unknown_idf=statistics.median(idf.values()) if idf else 1.0,
                    stopwords=stop,
                    tifa_terms=terms,
                    tifa_pattern=terms_pattern(terms),
                    timings=seg.timings,
                    load_seconds=time.perf_counter() - t0,
                )
    return _resources


# --------------------------------------------------------------------------- analysis


class _Sent:
    """A body sentence with its words and TF-IDF vector (internal)."""

    __slots__ = ("end", "han", "line", "norm", "start", "terms", "text", "vec")

    def __init__(self, text: str, line: int, start: int, end: int, terms: list[str]) -> None:
        self.text, self.line, self.start, self.end, self.terms = text, line, start, end, terms
        self.han = len(_HAN.findall(text))
        self.vec: dict[str, float] = {}
        self.norm = 0.0

    def public(self) -> Sentence:
        return Sentence(self.text, self.line, self.start, self.end)


class _Analyser:
    """Segments paragraphs and keeps the words that carry meaning (memoised per word)."""

    def __init__(self, res: Resources) -> None:
        self.res = res
        self.cut = res.segmenter.cut
        self.idf = res.idf
        self.unknown = res.unknown_idf
        self._keep: dict[str, bool] = {}

    def keep(self, word: str) -> bool:
        ok = self._keep.get(word)
        if ok is None:
            ok = self._keep[word] = (
                len(word) >= 2
                and _HAN.search(word) is not None
                and word not in self.res.stopwords
                and _NUMERAL_WORD.match(word) is None
            )
        return ok

    def terms(self, text: str) -> list[str]:
        keep = self.keep
        return [w for w in self.cut(text) if keep(w)]

    def vector(self, terms: Iterable[str]) -> dict[str, float]:
        vec: dict[str, float] = {}
        idf, unknown = self.idf, self.unknown
        for w in terms:
            vec[w] = vec.get(w, 0.0) + idf.get(w, unknown)
        return vec

    def paragraph(self, para: Paragraph) -> list[_Sent]:
        """The paragraph's sentences; the paragraph is segmented once (a word never crosses a
        sentence end: jieba splits at punctuation) and its words dealt out to the sentences."""
        text = para.text
        spans = sentence_spans(text)
        if not spans:
            return []
        words = self.cut(text)
        keep = self.keep
        out: list[_Sent] = []
        pos = 0
        k = 0
        for s, e in spans:
            terms: list[str] = []
            while k < len(words) and pos < e:
                w = words[k]
                if pos >= s and keep(w):
                    terms.append(w)
                pos += len(w)
                k += 1
            sent = _Sent(text[s:e], para.line, para.start + s, para.start + e, terms)
            sent.vec = self.vector(terms)
            sent.norm = math.sqrt(sum(v * v for v in sent.vec.values()))
            out.append(sent)
        return out

    def paragraphs(self, leaves: Iterable[Leaf]) -> list[_Sent]:
        out: list[_Sent] = []
        for leaf in leaves:
            if isinstance(leaf, Paragraph) and leaf.role in _BODY_ROLES:
                out.extend(self.paragraph(leaf))
        return out


def _cosine(a: Mapping[str, float], na: float, b: Mapping[str, float], nb: float) -> float:
    if not na or not nb:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items()) / (na * nb)


def _norm(vec: Mapping[str, float]) -> float:
    return math.sqrt(sum(v * v for v in vec.values()))


def _rank(pool: list[_Sent], n: int, title_vec: Mapping[str, float]) -> list[tuple[float, _Sent]]:
    """The ``n`` best sentences of ``pool`` with their scores, in document order."""
    cands = [s for s in pool if s.han >= MIN_HAN]
    if not cands or n <= 0:
        return []
    centroid: dict[str, float] = {}
    for s in cands:
        for w, v in s.vec.items():
            centroid[w] = centroid.get(w, 0.0) + v
    nc = _norm(centroid)
    base = [_cosine(s.vec, s.norm, centroid, nc) for s in cands]
    best = max(base) or 1.0
    nt = _norm(title_vec)
    scores = []
    for s, b in zip(cands, base, strict=True):
        score = b / best + TITLE_WEIGHT * _cosine(s.vec, s.norm, title_vec, nt)
        if _DIRECTIVE.search(s.text):
            score += DIRECTIVE_BONUS
        if len(s.text) > LONG_SENTENCE:
            score *= LONG_SENTENCE / len(s.text)
        scores.append(score)
    top = sorted(range(len(cands)), key=lambda i: (-scores[i], i))[:n]
    return [(scores[i], cands[i]) for i in sorted(top)]


def _keywords(
    analyser: _Analyser, sources: Iterable[tuple[list[str], int]], k: int
) -> tuple[str, ...]:
    """Top ``k`` words of ``(terms, weight)`` sources given in document order."""
    if k <= 0:
        return ()
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for terms, weight in sources:
        for w in terms:
            if w not in counts:
                counts[w] = 0
                first[w] = len(first)
            counts[w] += weight
    idf, unknown = analyser.idf, analyser.unknown
    scored = {w: n * idf.get(w, unknown) for w, n in counts.items() if n >= MIN_KEYWORD_COUNT}
    return tuple(sorted(scored, key=lambda w: (-scored[w], first[w]))[:k])


# --------------------------------------------------------------------------- documents


class _Node:
    """A section being summarised (internal, mutable until the budget is applied)."""

    __slots__ = ("children", "keywords", "picks", "section")

    def __init__(self, section: Section) -> None:
        self.section = section
        self.picks: list[tuple[float, _Sent]] = []
        self.keywords: tuple[str, ...] = ()
        self.children: list[_Node] = []

    def walk(self) -> Iterator[_Node]:
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


@frozen
class _Options:
    depth: int
    sentences: int
    keywords: int
    section_keywords: int
    max_chars: int | None
    ratio: float | None
    tifa: int


class _DocumentSummariser:
    def __init__(self, doc: Document, analyser: _Analyser, opts: _Options) -> None:
        self.doc, self.an, self.opts = doc, analyser, opts
        self.own: dict[int, list[_Sent]] = {}  # id(section) -> its own body sentences
        self.title_terms: dict[int, list[str]] = {}
        for sec in doc.iter_sections():
            self.own[id(sec)] = analyser.paragraphs(sec.own_leaves)
            self.title_terms[id(sec)] = analyser.terms(sec.title)
        self.opening = analyser.paragraphs(doc.opening)
        self.closing = analyser.paragraphs(doc.closing)

    def subtree(self, sec: Section) -> list[_Sent]:
        found = [s for node in sec.iter_sections() for s in self.own[id(node)]]
        if any(node.tail for node in sec.iter_sections()):
            found.sort(key=lambda s: s.start)  # a tail comes after subsections: source order
        return found

    def keyword_sources(self, secs: Iterable[Section]) -> Iterator[tuple[list[str], int]]:
        for top in secs:
            for sec in top.iter_sections():
                yield self.title_terms[id(sec)], HEADING_WEIGHT
                for s in self.own[id(sec)]:
                    yield s.terms, 1

    def node(self, sec: Section, depth: int) -> _Node:
        node = _Node(sec)
        shown = depth < self.opts.depth and bool(sec.children)
        pool = self.own[id(sec)] if shown else self.subtree(sec)
        title_vec = self.an.vector(self.title_terms[id(sec)])
        node.picks = _rank(pool, self.opts.sentences, title_vec)
        if depth == 1:
            node.keywords = _keywords(
                self.an, self.keyword_sources([sec]), self.opts.section_keywords
            )
        if shown:
            node.children = [self.node(child, depth + 1) for child in sec.children]
        return node

    def summarise(self, index: str, label: str) -> DocumentSummary:
        doc, opts = self.doc, self.opts
        nodes = [self.node(sec, 1) for sec in doc.sections]
        if doc.sections:
            opening = _rank(self.opening, opts.sentences, {})
        else:  # all opening: rank the whole body, a few sentences
            n = max(SECTIONLESS_PICKS, opts.sentences) if opts.sentences else 0
            opening = _rank(self.opening + self.closing, n, {})
        body = [*self.opening, *(s for sec in doc.iter_sections() for s in self.own[id(sec)])]
        body += self.closing
        body_chars = sum(len(s.text) for s in body)
        kept = _budget(opening, nodes, _limit(opts, body_chars))
        opening = [p for p in opening if id(p[1]) in kept]
        for top in nodes:
            for node in top.walk():
                node.picks = [p for p in node.picks if id(p[1]) in kept]

        def sources() -> Iterator[tuple[list[str], int]]:
            for s in self.opening:
                yield s.terms, 1
            yield from self.keyword_sources(doc.sections)
            for s in self.closing:
                yield s.terms, 1

        return DocumentSummary(
            title=doc.title,
            line=doc.line,
            index=index,
            label=label,
            opening=tuple(s.public() for _, s in opening),
            sections=tuple(_freeze(n) for n in nodes),
            keywords=_keywords(self.an, sources(), opts.keywords),
            tifa=self.tifa(),
            characters=sum(len(s.text) for _, s in opening)
            + sum(len(s.text) for top in nodes for n in top.walk() for _, s in n.picks),
            body_characters=body_chars,
        )

    def tifa(self) -> tuple[Tifa, ...]:
        if self.opts.tifa <= 0:
            return ()
        parts: list[str] = []
        starts: list[int] = []
        lines: list[int] = []
        pos = 0
        for leaf in _own_leaves(self.doc):
            if isinstance(leaf, (Paragraph, TitleLine)):
                text = leaf.content
            elif isinstance(leaf, Section):
                text = leaf.heading.text.rstrip("\r\n")
            else:
                continue
            parts.append(text)
            starts.append(pos)
            lines.append(leaf.line)
            pos += len(text) + 1
        found = find_tifa("\n".join(parts), self.an.cut, self.an.res.tifa_pattern)
        # The line of the first occurrence: that of the last part starting at or before it.
        return tuple(
            Tifa(text, kind, count, lines[bisect_right(starts, at) - 1])
            for text, kind, count, at in found[: self.opts.tifa]
        )


def _own_leaves(doc: Document) -> Iterator[Leaf | Section]:
    """The document's own title lines, body paragraphs and sections (for their headings),
    without its subdocuments, blank lines and boilerplate."""
    yield from doc.title_lines
    yield from doc.opening
    for sec in doc.iter_sections():
        yield sec
        yield from sec.own_leaves
    yield from doc.closing


def _limit(opts: _Options, body_chars: int) -> int | None:
    limits = []
    if opts.max_chars is not None:
        limits.append(opts.max_chars)
    if opts.ratio is not None:
        limits.append(int(opts.ratio * body_chars))
    return min(limits) if limits else None


def _budget(opening: list[tuple[float, _Sent]], nodes: list[_Node], limit: int | None) -> set[int]:
    """ids of the picks that stay within ``limit`` characters (see the module docstring)."""
    picks: list[tuple[float, _Sent, bool]] = [(sc, s, False) for sc, s in opening]
    for top in nodes:
        group = [p for node in top.walk() for p in node.picks]
        if group:
            best = min(range(len(group)), key=lambda i: (-group[i][0], group[i][1].start))
            picks += [(sc, s, i == best) for i, (sc, s) in enumerate(group)]
    if not nodes and opening:
        best = min(range(len(picks)), key=lambda i: (-picks[i][0], picks[i][1].start))
        picks[best] = (picks[best][0], picks[best][1], True)
    kept = {id(s) for _, s, _ in picks}
    if limit is None:
        return kept
    total = sum(len(s.text) for _, s, _ in picks)
    # Unprotected picks first, lowest score first, later sentence first on a tie.
    order = sorted(picks, key=lambda p: (p[2], p[0], -p[1].start))
    for _score, s, _protected in order:
        if total <= limit or len(kept) <= 1:
            break
        kept.discard(id(s))
        total -= len(s.text)
    return kept


def _freeze(node: _Node) -> SectionSummary:
    sec = node.section
    return SectionSummary(
        marker=sec.marker,
        title=sec.title,
        level=sec.level,
        line=sec.line,
        kind=sec.kind,
        sentences=tuple(s.public() for _, s in node.picks),
        keywords=node.keywords,
        children=tuple(_freeze(child) for child in node.children),
    )


def _check(name: str, value: int, least: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        raise ValueError(f"summarize: {name} must be an integer of at least {least}, got {value!r}")


def summarize(
    tree: ParsedFile,
    *,
    depth: int = 2,
    sentences: int = 1,
    keywords: int = 8,
    section_keywords: int = 5,
    max_chars: int | None = None,
    ratio: float | None = None,
    tifa: int = 20,
) -> list[DocumentSummary]:
    """Summarise every document and subdocument of ``tree`` (see the module docstring).

    ``depth`` levels of headings are kept (1 = top-level only); ``sentences`` are picked per
    section; ``keywords`` per document and ``section_keywords`` per top-level section;
    ``max_chars`` / ``ratio`` limit the picked characters of each document; ``tifa`` caps the
    number of 提法 per document. Raises `ValueError` for a value out of range.
    """
    _check("depth", depth, 1)
    _check("sentences", sentences, 0)
    _check("keywords", keywords, 0)
    _check("section_keywords", section_keywords, 0)
    _check("tifa", tifa, 0)
    if max_chars is not None:
        _check("max_chars", max_chars, 0)
    if ratio is not None and not (isinstance(ratio, (int, float)) and 0 < ratio <= 1):
        raise ValueError(f"summarize: ratio must be a number in (0, 1], got {ratio!r}")
    opts = _Options(depth, sentences, keywords, section_keywords, max_chars, ratio, tifa)
    views = list(documents(tree))
    if not views:
        return []
    analyser = _Analyser(load_resources())
    return [
        _DocumentSummariser(v.document, analyser, opts).summarise(v.index, v.title) for v in views
    ]
