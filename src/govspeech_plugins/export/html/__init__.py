"""``export --format html``: one self-contained page to read and navigate the documents.

The page needs no network: CSS and a small vanilla script are inline, fonts are the reader's
system fonts, and a Content-Security-Policy (``default-src 'none'``, the script and style
allowed by their SHA-256 hashes) makes sure nothing else loads or runs.

Left, a sidebar that scrolls on its own: the tools (show boilerplate, expand / collapse all),
the document list (the parts of a run-together page as sub-entries) and the outline (marker
and title of every section, nested, one group per document). Right, the documents: title
lines, opening, every section as a ``<details>`` element (collapsible without JavaScript) with
its heading (marker styled apart from the title, one style per level) and body, then the
closing. Enumerations inside paragraphs (一是… 二是…) have their markers highlighted.
Boilerplate is kept but hidden until the page's toggle is ticked, and then shown greyed.

Clicking an outline entry opens every collapsed section around the target, scrolls to it and
marks the entry. Every piece of input text is escaped; ids are generated (``f1-d7-2-s3``: file
1, document 7 part 2, its third section), never taken from the input. The output depends only
on the input and the options (no dates), so it can be compared with a golden file.

Several inputs make one page with a group per file: the sidebar cannot be written one file
at a time, so ``run`` renders each file into memory and ``finish`` writes the whole page.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import re
from collections.abc import Iterable
from html import escape
from typing import IO, Any

from attrs import frozen

from govspeech.nodes import (
    BASIC_INDENT_CHARS,
    LINE_ENDINGS,
    Blank,
    Boilerplate,
    Document,
    Element,
    Heading,
    Leaf,
    Paragraph,
    ParsedFile,
    TitleLine,
)
from govspeech.plugin import N_, Exporter
from govspeech.plugin import gettext as _
from govspeech.views import SectionView, TextRun, documents, flow

__all__ = ["CSS", "SCRIPT", "HtmlExporter"]

_SPACE = BASIC_INDENT_CHARS
_CLASS_UNSAFE = re.compile(r"[^a-z0-9_-]")


def _e(text: str) -> str:
    """Input text as HTML text or attribute value."""
    return escape(text, quote=True)


def _cls(value: str) -> str:
    """A class name made from a value the parser chose (style, role, reason): never raw input."""
    return _CLASS_UNSAFE.sub("", value.lower()) or "other"


def _strip(text: str) -> str:
    return text.rstrip(LINE_ENDINGS).strip(_SPACE)


FONT_SERIF = (
    '"Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "Songti SC", '
    '"STSong", "SimSun", "宋体", "Noto Serif", serif'
)
FONT_SANS = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "PingFang SC", '
    '"Hiragino Sans GB", "Microsoft YaHei", "微软雅黑", "SimHei", "黑体", '
    '"WenQuanYi Micro Hei", "Noto Sans", sans-serif'
)
FONT_KAI = '"Kaiti SC", "STKaiti", "KaiTi", "楷体", "AR PL UKai CN", ' + FONT_SERIF
FONT_FANG = '"FangSong", "仿宋", "STFangsong", "FangSong_GB2312", ' + FONT_SERIF

CSS = (
    """
:root {
  --serif: @SERIF@;
  --sans: @SANS@;
  --kai: @KAI@;
  --fang: @FANG@;
  --fg: #1d1d1b; --muted: #6b6b66; --faint: #9a988f; --bg: #fdfcf8; --side-bg: #f4f1e8;
  --line: #e2ddcf; --red: #a3161a; --blue: #1f4e8c; --teal: #2d6a64; --hi: #fbe6d4;
  --side: 21rem;
}
* { box-sizing: border-box; }
html { scroll-padding-top: 1rem; -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--fg); background: var(--bg);
  font-family: var(--serif); font-size: 17px; line-height: 1.9;
}
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; z-index: 9; background: #fff; padding: .3rem .6rem; }
.layout { display: grid; grid-template-columns: var(--side) minmax(0, 1fr); }
.sidebar {
  position: sticky; top: 0; height: 100vh; overflow-y: auto; overscroll-behavior: contain;
  background: var(--side-bg); border-right: 1px solid var(--line);
  font-family: var(--sans); font-size: 14px; line-height: 1.5; padding: 0 .6rem 2rem;
}
.tools {
  position: sticky; top: 0; z-index: 2; background: var(--side-bg);
  display: flex; flex-wrap: wrap; gap: .35rem .6rem; align-items: center;
  padding: .6rem .2rem; border-bottom: 1px solid var(--line);
}
.tools label { cursor: pointer; white-space: nowrap; }
.tools button {
  font: inherit; font-size: 13px; padding: .1rem .55rem; cursor: pointer;
  border: 1px solid var(--line); border-radius: 4px; background: #fff; color: var(--fg);
}
.tools button:hover { border-color: var(--red); color: var(--red); }
.sidebar h2 {
  font-size: 12px; letter-spacing: .15em; color: var(--muted); font-weight: 600;
  margin: 1rem .3rem .3rem; text-transform: uppercase;
}
.sidebar ol { list-style: none; margin: 0; padding: 0; }
.sidebar ol ol { padding-left: .9rem; border-left: 1px solid var(--line); margin-left: .55rem; }
.sidebar a {
  display: block; padding: .12rem .35rem; border-radius: 4px;
  color: inherit; text-decoration: none;
}
.sidebar a:hover { background: #ebe6d8; }
.sidebar a[aria-current] { background: var(--hi); color: var(--red); }
.sidebar .file-name { margin: .8rem .3rem .2rem; font-weight: 600; color: var(--blue); }
.doc-list .part a { color: var(--muted); font-size: 13px; }
.toc-doc { margin: .2rem 0 .4rem; }
.toc-doc > summary { cursor: pointer; font-weight: 600; padding: .1rem 0; }
.toc-doc > summary a { display: inline; }
.sidebar .toc-tree { padding-left: .5rem; }
.toc-empty { color: var(--faint); margin: 0 0 0 1.6rem; font-size: 13px; }
.doc-index {
  display: inline-block; min-width: 1.6em; margin-right: .35em; padding: 0 .25em;
  border-radius: 3px; background: #e7e1d1; color: var(--muted);
  font-family: var(--sans); font-size: .75em; font-weight: 600; text-align: center;
  vertical-align: .12em;
}
.marker { font-family: var(--sans); font-weight: 700; color: var(--red); margin-right: .3em; }
.kind-enum > summary .marker, .toc-enum > a .marker { color: var(--blue); }
.kind-dash > summary .marker, .toc-dash > a .marker { color: var(--teal); }
.toc-dash > a .marker { margin-right: .15em; }
main {
  padding: 1.5rem clamp(1rem, 4vw, 3.5rem) 80vh; max-width: 56rem; min-width: 0;
}
.page-head { border-bottom: 3px double var(--red); margin-bottom: 1.5rem; }
.page-head h1 {
  font-family: var(--sans); font-size: 1.5rem; line-height: 1.4; margin: 0 0 .3rem;
}
.page-head p {
  margin: 0 0 .6rem; color: var(--muted); font-family: var(--sans); font-size: 14px;
}
.file { margin-bottom: 3rem; }
.file > .file-name {
  font-family: var(--sans); color: var(--blue); font-weight: 700;
  border-bottom: 1px solid var(--line); margin: 0 0 1rem;
}
.doc { margin: 0 0 3.5rem; }
.doc-head { text-align: center; margin: 0 0 1.2rem; }
.doc-title {
  font-family: var(--sans); font-size: 1.45rem; line-height: 1.45; margin: .4rem 0;
  color: var(--red); font-weight: 700;
}
.doc.part .doc-title { font-size: 1.15rem; color: var(--fg); }
.part-label {
  display: block; font-size: .8rem; font-weight: 400; color: var(--muted); margin-top: .2rem;
}
.doc-head p { margin: .2rem 0; text-indent: 0; text-align: center; }
.subtitle, .title-line { font-family: var(--kai); font-size: 1.05rem; }
p { margin: .35rem 0; }
.para { text-indent: 2em; text-align: justify; }
.para.cont { text-indent: 0; }
.role-salutation { text-indent: 0; font-weight: 700; }
.role-closing { font-weight: 700; }
/* a 公文's parts (GB/T 9704-2012): 版头 centred, 落款 right-aligned, 版记 ruled */
.element { text-indent: 0; }
.kind-issuer-mark { text-align: center; color: #c00; font-size: 1.6em; font-weight: 700; }
.kind-number { text-align: center; }
.kind-copy-number, .kind-secrecy, .kind-urgency { font-weight: 700; }
.kind-signer { text-align: right; }
.kind-attachments { padding-left: 2em; }
.kind-issuer, .kind-date { text-align: right; padding-right: 2em; }
.kind-annotation { padding-left: 2em; }
.kind-cc, .kind-printing, .kind-keywords {
  border-top: 1px solid #888; padding-top: .2em; font-size: .9em;
}
.role-part { text-indent: 0; font-weight: 700; font-size: 1.12em; margin-top: 1.2em; }
.closing { margin-top: 1rem; }
.imarker { font-weight: 700; color: var(--blue); }
details.sec { margin: .2rem 0; }
details.sec > summary {
  list-style: none; cursor: pointer; position: relative; padding-left: 1.1em;
  margin-left: -1.1em; border-radius: 4px;
}
details.sec > summary::-webkit-details-marker { display: none; }
details.sec > summary::before {
  content: "▸"; position: absolute; left: .1em; top: 0; color: var(--faint);
  font-family: var(--sans); transition: transform .1s;
}
details.sec[open] > summary::before { transform: rotate(90deg); }
details.sec > summary:hover { background: #f3efe3; }
details.sec > summary:focus-visible { outline: 2px solid var(--blue); }
.h { display: inline; margin: 0; font-size: 1rem; line-height: inherit; }
.lvl-1 > summary .h { font-family: var(--sans); font-size: 1.2rem; }
.lvl-2 > summary .h { font-family: var(--kai); font-size: 1.1rem; }
.lvl-3 > summary .h { font-family: var(--fang); font-size: 1.05rem; }
.lvl-4 > summary .h, .lvl-5 > summary .h, .lvl-6 > summary .h { font-family: var(--serif); }
.lvl-1 { margin-top: 1.4rem; }
.lvl-1 > summary { margin-bottom: .3rem; }
.kind-enum > summary .h, .kind-dash > summary .h { font-size: 1rem; }
.borrowed { color: var(--muted); font-weight: 400; }
details[open] > summary .borrowed { display: none; }
.sec-body { padding-left: .9em; border-left: 1px solid var(--line); margin-left: .15em; }
.kind-enum > .sec-body, .kind-dash > .sec-body { border-left-style: dotted; }
.sec.current > summary { background: var(--hi); }
.boilerplate {
  display: none; color: var(--faint); font-family: var(--sans); font-size: 13px;
  text-indent: 0; border-left: 3px solid #ddd8ca; padding-left: .6rem; background: #f7f5ef;
}
.boilerplate::before { content: "杂项 · "; color: #b8b4a8; }
body:has(#show-boilerplate:checked) .boilerplate, body.show-boilerplate .boilerplate {
  display: block;
}
[hidden] { display: none !important; }
@media (max-width: 60rem) {
  .layout { grid-template-columns: minmax(0, 1fr); }
  .sidebar {
    position: relative; height: auto; max-height: 42vh;
    border-right: 0; border-bottom: 1px solid var(--line);
  }
  body { font-size: 16px; }
}
@media print {
  .sidebar { display: none; }
  .layout { display: block; }
  main { padding: 0; max-width: none; }
  details.sec > summary::before { content: none; }
}
""".replace("@SERIF@", FONT_SERIF)
    .replace("@SANS@", FONT_SANS)
    .replace("@KAI@", FONT_KAI)
    .replace("@FANG@", FONT_FANG)
)

SCRIPT = """
(function () {
  "use strict";
  var d = document;
  function reveal(el) {
    for (var n = el; n; n = n.parentElement) {
      if (n.tagName === "DETAILS") { n.open = true; }
    }
  }
  function mark(id, scroll) {
    var old = d.querySelectorAll(".sidebar a[aria-current]"), i;
    for (i = 0; i < old.length; i++) { old[i].removeAttribute("aria-current"); }
    var cur = d.querySelectorAll("main .current");
    for (i = 0; i < cur.length; i++) { cur[i].classList.remove("current"); }
    var links = d.querySelectorAll(".toc a[href=\\"#" + id + "\\"]");
    for (i = 0; i < links.length; i++) { links[i].setAttribute("aria-current", "location"); }
    if (scroll && links.length) { follow(links[0]); }
  }
  function follow(link) {
    /* Keep the outline entry visible in the sidebar, without scrolling the page. */
    var side = d.getElementById("sidebar"), s = side.getBoundingClientRect();
    var r = link.getBoundingClientRect();
    if (r.top < s.top + 40 || r.bottom > s.bottom) {
      side.scrollTop += r.top - s.top - side.clientHeight / 3;
    }
  }
  function show(id, push, fromSidebar) {
    var el = id ? d.getElementById(id) : null;
    if (!el) { return false; }
    reveal(el);
    mark(id, !fromSidebar);
    el.classList.add("current");
    if (push && location.hash !== "#" + id) {
      try { history.pushState(null, "", "#" + id); } catch (err) { /* file: in old browsers */ }
    }
    el.scrollIntoView({block: "start"});
    return true;
  }
  d.addEventListener("click", function (ev) {
    if (ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) { return; }
    var a = ev.target.closest ? ev.target.closest("a[href^=\\"#\\"]") : null;
    if (!a) { return; }
    var side = !!a.closest(".sidebar");
    if (show(a.getAttribute("href").slice(1), true, side)) { ev.preventDefault(); }
  });
  function fromHash() {
    var id = location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (err) { return; }
    show(id, false, false);
  }
  window.addEventListener("hashchange", fromHash);
  window.addEventListener("popstate", fromHash);
  if (location.hash) { fromHash(); }
  var toggle = d.getElementById("show-boilerplate");
  function sync() { d.body.classList.toggle("show-boilerplate", toggle.checked); }
  toggle.addEventListener("change", sync);
  sync();
  function all(open) {
    var s = d.querySelectorAll("main details.sec");
    for (var i = 0; i < s.length; i++) { s[i].open = open; }
  }
  var expand = d.getElementById("expand-all"), collapse = d.getElementById("collapse-all");
  expand.addEventListener("click", function () { all(true); });
  collapse.addEventListener("click", function () { all(false); });
  expand.hidden = collapse.hidden = false;
  window.addEventListener("beforeprint", function () { all(true); });
}());
"""


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


CSP = (
    "default-src 'none'; "
    f"style-src 'sha256-{_sha256(CSS)}'; "
    f"script-src 'sha256-{_sha256(SCRIPT)}'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


@frozen
class _Doc:
    """One document (or part) of one file, rendered: list entry, outline group, article."""

    is_part: bool
    title: str
    entry: str
    toc: str
    article: str
    sections: int


@frozen
class _File:
    """One input file, rendered."""

    name: str
    docs: tuple[_Doc, ...]
    preamble: str
    boilerplate: int


def _file_name(tree: ParsedFile, given: str | None) -> str:
    for path in (tree.path, given):
        if path and path != "-":
            return os.path.basename(str(path)) or str(path)
    return "stdin"


def _paragraph(leaf: Paragraph, extra: str = "") -> str:
    """A paragraph; the markers of the enumerations inside it (一是 二是) highlighted."""
    raw = leaf.text.rstrip(LINE_ENDINGS)
    text = raw.lstrip(_SPACE)
    lead = len(raw) - len(text)
    text = text.rstrip(_SPACE)
    if not text:
        return ""
    spans: list[tuple[int, int]] = []
    for item in leaf.items:
        at = item.start - leaf.start - lead
        if (
            item.marker
            and at >= (spans[-1][1] if spans else 0)
            and text.startswith(item.marker, at)
        ):
            spans.append((at, at + len(item.marker)))
    pieces: list[str] = []
    done = 0
    for a, b in spans:
        pieces.append(_e(text[done:a]))
        pieces.append(f'<span class="imarker">{_e(text[a:b])}</span>')
        done = b
    pieces.append(_e(text[done:]))
    return f'<p class="para role-{_cls(leaf.role)}{extra}">{"".join(pieces)}</p>\n'


def _leaf(leaf: Leaf, skip_title: str | None = None) -> str:
    """Any leaf outside a heading: paragraph, boilerplate, title line; blank lines vanish."""
    if isinstance(leaf, Paragraph):
        return _paragraph(leaf)
    if isinstance(leaf, Blank):
        return ""
    text = _strip(leaf.text)
    if not text:
        return ""
    if isinstance(leaf, Boilerplate):
        return f'<p class="boilerplate reason-{_cls(leaf.reason)}">{_e(text)}</p>\n'
    if isinstance(leaf, Element):  # a 公文's part, laid out by its kind (the CSS above)
        kind = _cls(leaf.kind.replace("_", "-"))
        return f'<p class="element kind-{kind}" title="{leaf.name}">{_e(text)}</p>\n'
    if isinstance(leaf, TitleLine):
        text = _strip(leaf.text[leaf.decoration :])  # without a Markdown heading's hashes
        if not text:
            return ""
        if leaf.role == "subtitle":
            return f'<p class="subtitle">{_e(text)}</p>\n'
        return "" if text == skip_title else f'<p class="title-line">{_e(text)}</p>\n'
    assert isinstance(leaf, Heading)  # headings belong to sections; kept as text if met here
    return f'<p class="para">{_e(text)}</p>\n'


def _leaves(leaves: Iterable[Leaf], skip_title: str | None = None) -> str:
    return "".join(_leaf(leaf, skip_title) for leaf in leaves)


def _count_boilerplate(leaves: Iterable[Leaf]) -> int:
    return sum(1 for x in leaves if isinstance(x, Boilerplate) and _strip(x.text))


def _section_open(view: SectionView, sid: str, is_open: bool) -> str:
    sec = view.section
    depth = view.depth
    level = min(depth, 6)
    h = min(depth + 2, 6)
    classes = f"sec lvl-{level} kind-{_cls(sec.kind)} style-{_cls(sec.style)}"
    title = sec.heading.title.strip(_SPACE)
    heading = f'<span class="marker">{_e(sec.marker.strip(_SPACE))}</span>'
    if title:
        heading += f'<span class="title">{_e(title)}</span>'
    elif sec.title.strip(_SPACE):
        # A marker alone on its line: while collapsed, show the title the parser borrowed.
        heading += f'<span class="borrowed">{_e(sec.title.strip(_SPACE))}</span>'
    body: list[str] = []
    for leaf in sec.body:
        if isinstance(leaf, Paragraph) and leaf.line == sec.heading.line:
            body.append(_paragraph(leaf, " cont"))  # the rest of the heading's line
        else:
            body.append(_leaf(leaf))
    return (
        f'<details class="{classes}" id="{sid}"{" open" if is_open else ""}>\n'
        f'<summary><h{h} class="h">{heading}</h{h}></summary>\n'
        f'<div class="sec-body">\n{"".join(body)}'
    )


def _toc_entry(view: SectionView, sid: str) -> str:
    sec = view.section
    return (
        f'<li class="toc-{_cls(sec.kind)}"><a href="#{sid}">'
        f'<span class="marker">{_e(sec.marker.strip(_SPACE))}</span>'
        f"{_e(sec.title.strip(_SPACE))}</a>"
    )


def _nested_toc(views: list[SectionView], ids: list[str]) -> str:
    """The outline as nested lists, without recursion (sections may nest very deep)."""
    out = ['<ol class="toc-tree">']
    stack: list[list[int]] = []  # [depth, has an open <ol> inside] per open <li>
    for view, sid in zip(views, ids, strict=True):
        while stack and stack[-1][0] >= view.depth:
            depth_open = stack.pop()
            out.append("</ol></li>" if depth_open[1] else "</li>")
        if stack and not stack[-1][1]:
            out.append("<ol>")
            stack[-1][1] = 1
        out.append(_toc_entry(view, sid))
        stack.append([view.depth, 0])
    while stack:
        out.append("</ol></li>" if stack.pop()[1] else "</li>")
    out.append("</ol>\n")
    return "\n".join(out[:1]) + "".join(out[1:])


def _sections_html(
    items: list[SectionView | TextRun], ids: list[str], open_depth: int | None
) -> str:
    """Every section as nested ``<details>``, without recursion; the text going back up after
    a list (a `TextRun`) after the sections it follows, inside its own section's body."""
    out: list[str] = []
    stack: list[int] = []
    sids = iter(ids)
    for item in items:
        if isinstance(item, TextRun):  # inside its own section, or the document's
            depth = item.owner.depth + 1 if item.owner else 1
        else:
            depth = item.depth
        while stack and stack[-1] >= depth:
            stack.pop()
            out.append("</div>\n</details>\n")
        if isinstance(item, TextRun):
            out.append(_leaves(item.leaves))
            continue
        out.append(_section_open(item, next(sids), open_depth is None or depth <= open_depth))
        stack.append(depth)
    out.extend("</div>\n</details>\n" for _ in stack)
    return "".join(out)


class HtmlExporter(Exporter):
    """The ``html`` format."""

    name = "html"
    description = N_(
        "One self-contained HTML page: document list, clickable outline, collapsible sections"
    )
    extensions = (".html", ".htm")

    def __init__(self) -> None:
        self._files: list[_File] = []

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--html-title",
            metavar="TEXT",
            help=_("html: the page title (default: the document's title, else the file name)"),
        )
        parser.add_argument(
            "--html-open-depth",
            type=self.whole_number(0),
            metavar="N",
            help=_("html: sections deeper than N start collapsed (0: all; default: none)"),
        )
        parser.add_argument(
            "--html-boilerplate",
            choices=("hide", "show"),
            default="hide",
            help=_(
                "html: boilerplate hidden until the page's toggle is ticked (hide, the "
                "default) or shown greyed (show)"
            ),
        )

    def start(self, options: argparse.Namespace, out: IO[Any]) -> None:
        self._files = []  # one page per output: with -o folder/ start() runs once per file

    def run(self, tree: ParsedFile, options: argparse.Namespace, out: IO[Any]) -> int:
        # Nothing is written yet: the sidebar lists every file, so finish() writes the page.
        # A file that fails half-way is not appended, just as the runner drops its output.
        k = len(self._files) + 1
        given = options.files[k - 1] if k <= len(options.files) else None
        self._files.append(_render_file(tree, k, _file_name(tree, given), options))
        return 0

    def finish(self, options: argparse.Namespace, out: IO[Any]) -> int:
        out.write(_page(self._files, options))
        return 0


def _render_file(tree: ParsedFile, k: int, name: str, options: argparse.Namespace) -> _File:
    docs: list[_Doc] = []
    parent: Document | None = None
    parent_title = ""
    for view in documents(tree):
        doc = view.document
        doc_id = f"f{k}-d{view.index.replace('.', '-')}"
        if view.is_part and parent is not None:
            part = int(view.index.rsplit(".", 1)[1])
            total = len(parent.subdocuments) + 1
            title = parent_title
            entry_text = f"第 {part} 部分 · 第 {doc.line} 行起"
            label = f"第 {part} 部分（共 {total} 部分），第 {doc.line} 行起"
            short = f"第 {part} 部分"
        else:
            parent = doc
            title = doc.title if doc.title is not None else f"（无标题，第 {doc.line} 行）"
            parent_title = title
            entry_text = short = title
            total = len(doc.subdocuments) + 1
            label = f"第 1 部分（共 {total} 部分）" if doc.subdocuments else ""
        index = f'<span class="doc-index">{_e(view.index)}</span>'
        masthead = next(
            (k for k, x in enumerate(doc.title_lines) if isinstance(x, TitleLine)),
            len(doc.title_lines),
        )
        items = list(flow(doc))
        views = [item for item in items if isinstance(item, SectionView)]
        ids = [f"{doc_id}-s{n}" for n in range(1, len(views) + 1)]
        toc = (
            f'<details class="toc-doc" open><summary><a href="#{doc_id}">{index}{_e(short)}</a>'
            "</summary>\n"
            + (_nested_toc(views, ids) if views else '<p class="toc-empty">（无层级标题）</p>\n')
            + "</details>\n"
        )
        part_label = f'<span class="part-label">{_e(label)}</span>' if label else ""
        article = [
            f'<article class="doc{" part" if view.is_part else ""}" id="{doc_id}">\n',
            '<header class="doc-head">\n',
            # a 公文's 版头 (发文机关标志, 发文字号…) stands above its title, as on paper
            _leaves(doc.title_lines[:masthead]),
            f'<h2 class="doc-title">{index}{_e(title)}{part_label}</h2>\n',
            _leaves(doc.title_lines[masthead:], skip_title=doc.title),
            "</header>\n",
        ]
        if any(_leaf(x) for x in doc.opening):
            article += ['<div class="opening">\n', _leaves(doc.opening), "</div>\n"]
        article.append(_sections_html(items, ids, options.html_open_depth))
        if any(_leaf(x) for x in doc.closing):
            article += ['<div class="closing">\n', _leaves(doc.closing), "</div>\n"]
        article.append("</article>\n")
        docs.append(
            _Doc(
                is_part=view.is_part,
                title=title,
                entry=f'<a href="#{doc_id}">{index}{_e(entry_text)}</a>',
                toc=toc,
                article="".join(article),
                sections=len(views),
            )
        )
    count = _count_boilerplate(tree.iter_leaves())
    preamble = _leaves(tree.preamble)
    if preamble:
        preamble = f'<div class="preamble">\n{preamble}</div>\n'
    return _File(name=name, docs=tuple(docs), preamble=preamble, boilerplate=count)


def _page_title(files: list[_File], options: argparse.Namespace) -> str:
    if options.html_title:
        return str(options.html_title)
    titles = [d.title for f in files for d in f.docs if not d.is_part]
    if len(titles) == 1:
        return titles[0]
    if len(files) == 1:
        return files[0].name
    return f"{len(files)} 个文件" if files else "govspeech"


def _doc_list(docs: tuple[_Doc, ...]) -> str:
    out = ["<ol>\n"]
    li_open = parts_open = False
    for doc in docs:
        if doc.is_part and li_open:
            if not parts_open:
                out.append("<ol>\n")
                parts_open = True
            out.append(f'<li class="part">{doc.entry}</li>\n')
            continue
        if parts_open:
            out.append("</ol>\n")
        if li_open:
            out.append("</li>\n")
        out.append(f"<li>{doc.entry}")
        li_open, parts_open = True, False
    if parts_open:
        out.append("</ol>\n")
    if li_open:
        out.append("</li>\n")
    out.append("</ol>\n")
    return "".join(out)


def _page(files: list[_File], options: argparse.Namespace) -> str:
    several = len(files) > 1
    n_docs = sum(1 for f in files for d in f.docs if not d.is_part)
    n_parts = sum(1 for f in files for d in f.docs if d.is_part)
    n_secs = sum(d.sections for f in files for d in f.docs)
    n_boiler = sum(f.boilerplate for f in files)
    facts = " · ".join(f.name for f in files) or "没有输入"
    facts += f" — 文档 {n_docs} 篇"
    if n_parts:
        facts += f"（另含续篇 {n_parts} 个）"
    facts += f"，标题 {n_secs} 个"
    if n_boiler:
        facts += f"，杂项 {n_boiler} 行"
    checked = " checked" if options.html_boilerplate == "show" else ""
    w: list[str] = [
        "<!DOCTYPE html>\n",
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">\n',
        '<meta name="generator" content="govspeech">\n',
        f"<title>{_e(_page_title(files, options))}</title>\n",
        f"<style>{CSS}</style>\n</head>\n<body>\n",
        '<a class="skip" href="#main">跳到正文</a>\n<div class="layout">\n',
        '<aside class="sidebar" id="sidebar" aria-label="目录">\n<div class="tools">\n',
        f'<label title="网页杂项：来源链接、版权声明等，不属于正文"><input type="checkbox" '
        f'id="show-boilerplate"{checked}> 显示杂项（{n_boiler}）</label>\n',
        '<button type="button" id="expand-all" hidden>全部展开</button>\n',
        '<button type="button" id="collapse-all" hidden>全部折叠</button>\n',
        "</div>\n",
        '<nav class="doc-list" aria-labelledby="doc-list-h">\n<h2 id="doc-list-h">文档</h2>\n',
    ]
    for f in files:
        if several:
            w.append(f'<p class="file-name">{_e(f.name)}</p>\n')
        w.append(_doc_list(f.docs))
    w.append('</nav>\n<nav class="toc" aria-labelledby="toc-h">\n<h2 id="toc-h">提纲</h2>\n')
    for f in files:
        if several:
            w.append(f'<p class="file-name">{_e(f.name)}</p>\n')
        w.extend(d.toc for d in f.docs)
    w += [
        "</nav>\n</aside>\n",
        '<main id="main">\n<header class="page-head">\n',
        f"<h1>{_e(_page_title(files, options))}</h1>\n<p>{_e(facts)}</p>\n</header>\n",
    ]
    for k, f in enumerate(files, 1):
        w.append(f'<section class="file" id="f{k}">\n')
        if several:
            w.append(f'<p class="file-name">{_e(f.name)}</p>\n')
        w.append(f.preamble)
        w.extend(d.article for d in f.docs)
        w.append("</section>\n")
    w.append(f"</main>\n</div>\n<script>{SCRIPT}</script>\n</body>\n</html>\n")
    return "".join(w)
