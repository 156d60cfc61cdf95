"""``export --format csv``: one row per section, a table for spreadsheets and data frames.

Columns, in this order (`COLUMNS`):

``file``
    the input as given on the command line (``<stdin>`` for standard input);
``document``, ``part``
    the document's position in its file (1, 2, …) and which part of it the row belongs to: 1
    for the document itself, 2, 3, … for the speeches a scraped page ran into it without a
    title line of their own (its subdocuments). The exportkit index ``7.2`` is ``7``, ``2``;
    two integer columns rather than that string, which a spreadsheet or ``pandas`` would read
    as the number 7.2 (and ``7.10`` as 7.1);
``document_title``
    the document's title; for a part, the parent's title with ``(part 2 of 7, line 135)``;
    for an untitled document ``(untitled, line N)``;
``path``
    the markers from the top of the document down to the section: ``二、 > (一) > 1. > (1)``;
``level``
    the depth in that path, 1 at the top (`Section.level`);
``kind``, ``style``
    ``numbered`` / ``enum`` / ``dash`` and the marker family (``cn_num``, ``ar_paren`` …);
``marker``
    the marker exactly as written (``（一）``, ``1.``, ``一是``, ``——``);
``number``
    the marker's value as an integer, empty for dash items and 最后;
``title``
    the heading sentence;
``body``
    the section's own body paragraphs (not its subsections'), without indentation, one per
    line (joined by ``\\n``); boilerplate and blank lines left out;
``line``, ``column``
    1-based line of the heading and column of the marker (characters);
``start``, ``end``
    the section's span in the decoded text, children included: character offsets (not
    bytes), ``end`` exclusive;
``citation``
    in a regulation, how the article, 项 or 目 is cited (``第三条第二款第（一）项``); empty
    elsewhere;
``document_kind``, ``document_number``, ``document_date``, ``document_issuers``,
``document_addressees``
    what the document (for a part, its own part) says about itself (`Document.meta`): its
    kind (通知, 办法…), 发文字号, 成文日期 (ISO), issuing bodies and addressees (several joined
    by ``；``); empty where the text does not say;
``section_id``, ``parent_id``
    the section's stable id (`govspeech.views.section_id`: its document's index and the offset
    of its heading, ``d3-s1234``, ``d7.2-s5678`` in a part) and its parent section's, empty for
    a top-level section: the ids of `govspeech.tables` and ``--format parquet``, to join on;
``title_path``
    marker and title of each section from the top down to this one, joined by `` > ``:
    ``一、总体要求 > （二）工作目标`` (``path`` has the markers only).

The header row is written once, before the first file, so several inputs give one table
(with ``-o folder/``, one table per input, each with its header). Rows end with ``\\r\\n``
(RFC 4180, what Excel writes); line breaks inside a cell are ``\\n`` and the cell is quoted.
Documents without sections give no rows.

Options: ``--csv-bom`` starts the output with a UTF-8 byte-order mark, which Excel needs to
read the file as UTF-8 rather than in the system's code page (GBK on a Chinese Windows).
``--csv-excel-safe`` defends against formula injection: a text cell starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return is run by Excel (and LibreOffice, Google
Sheets) as a formula; with the option such a cell gets a ``'`` in front, which spreadsheets
take as "this is text" and every other reader sees as part of the value. It changes the data,
so it is off by default: use it for files that people open in a spreadsheet, not for files
that programs read. Integer cells are never changed.
"""

from __future__ import annotations

import argparse
import csv
from typing import IO, Any

from govspeech.nodes import ParsedFile
from govspeech.plugin import N_, Exporter
from govspeech.plugin import gettext as _
from govspeech.views import body_text, documents, section_id, sections

__all__ = ["COLUMNS", "FORMULA_STARTS", "NAME_SEPARATOR", "CsvExporter", "excel_safe"]

COLUMNS = (
    "file",
    "document",
    "part",
    "document_title",
    "path",
    "level",
    "kind",
    "style",
    "marker",
    "number",
    "title",
    "body",
    "line",
    "column",
    "start",
    "end",
    "citation",
    "document_kind",
    "document_number",
    "document_date",
    "document_issuers",
    "document_addressees",
    "section_id",
    "parent_id",
    "title_path",
)
#: Between the names of a cell that holds several (issuing bodies, addressees): no organ's
#: name holds a full-width semicolon.
NAME_SEPARATOR = "；"

#: What makes a spreadsheet read a cell as a formula (OWASP's list for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_BOM = "\ufeff"
# RFC 4180 and Excel end records with CRLF. The output streams do not translate line endings
# (the runner's files are opened with newline="\n", its buffers are StringIO), so this is
# what lands in the file; line breaks inside a cell stay "\n".
_RECORD_END = "\r\n"


def excel_safe(cell: str) -> str:
    """``cell`` with a ``'`` in front when a spreadsheet would take it for a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


class CsvExporter(Exporter):
    """The ``csv`` format."""

    name = "csv"
    description = N_("One row per section: file, document, path, marker, title, body, positions")
    extensions = (".csv",)
    parallel = True  # run depends on its file only

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        group = parser.add_argument_group(_("csv format"))
        group.add_argument(
            "--csv-bom",
            action="store_true",
            help=_(
                "csv: start with a UTF-8 byte-order mark, so that Excel reads the file as UTF-8"
            ),
        )
        group.add_argument(
            "--csv-excel-safe",
            action="store_true",
            help=_(
                "csv: put a ' before text cells starting with = + - @ (which Excel would run "
                "as formulas); changes those cells"
            ),
        )

    def start(self, options: argparse.Namespace, out: IO[Any]) -> None:
        # The runner writes text as UTF-8: the BOM is one character, EF BB BF in the file.
        if options.csv_bom:
            out.write(_BOM)
        csv.writer(out, lineterminator=_RECORD_END).writerow(COLUMNS)

    def run(self, tree: ParsedFile, options: argparse.Namespace, out: IO[Any]) -> int:
        writer = csv.writer(out, lineterminator=_RECORD_END)
        safe = bool(options.csv_excel_safe)
        file = tree.path if tree.path is not None else ""
        for view in documents(tree):
            document, _, part = view.index.partition(".")
            meta = tree.meta_of(view.document)  # a web page's own metadata fills gaps
            about: list[str | int] = [
                meta.kind or "",
                meta.number or "",
                meta.date or "",
                NAME_SEPARATOR.join(meta.issuers),
                NAME_SEPARATOR.join(meta.addressees),
            ]
            for sv in sections(view.document):
                sec = sv.section
                row: list[str | int] = [
                    file,
                    int(document),
                    int(part or 1),
                    view.title,
                    sv.path_text,
                    sv.depth,
                    sec.kind,
                    sec.style,
                    sec.marker,
                    "" if sec.number is None else sec.number,
                    sec.title,
                    body_text(sec),
                    sec.line,
                    sec.column,
                    sec.start,
                    sec.end,
                    sv.citation or "",
                    *about,
                    section_id(view.index, sec),
                    section_id(view.index, sv.lineage[-2]) if len(sv.lineage) > 1 else "",
                    " > ".join(sv.title_path),
                ]
                if safe:
                    row = [excel_safe(c) if isinstance(c, str) else c for c in row]
                writer.writerow(row)
        return 0
