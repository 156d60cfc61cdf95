"""A 公文's parts on real text (issue 14): for 22 files of the corpus, where each document
starts, its kind, its 附件 label and wrapped title lines, and every line that is one of its
parts (发文字号, 主送机关, 附件说明, 署名, 成文日期, 附注, 版记…), against what a person wrote down
by reading each file (`tests/parts/<file>.tsv`), before the parser was taught the parts.

A row is ``line<TAB>kind<TAB>the line's first characters[<TAB>文种 of a document]``; comment
lines start with ``#`` and say why a doubtful line is what it is. To review a file by eye,
print the parser's view of it beside the truth with ``python -m tests.test_parts FILE``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import govspeech
from govspeech import Element, Paragraph, TitleLine

from .test_regulations import GONGWEN, corpus_file

pytestmark = pytest.mark.skipif(not GONGWEN.is_dir(), reason="shared corpus gongwen/ not present")

TRUTH = Path(__file__).parent / "parts"
FILES = sorted(p.stem for p in TRUTH.glob("*.tsv"))

Row = tuple[int, str, str]  # line, kind, 文种 (for doc rows, "" otherwise)


def truth(stem: str) -> list[Row]:
    rows: list[Row] = []
    for raw in (TRUTH / f"{stem}.tsv").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        kind = cells[1]
        extra = cells[3] if kind == "doc" and len(cells) > 3 else ""
        rows.append((int(cells[0]), kind, "" if extra == "-" else extra))
    return sorted(set(rows))


def found(stem: str) -> list[Row]:
    tree = govspeech.parse_file(corpus_file(f"{stem}.txt"))
    rows: set[Row] = set()
    for doc in tree.iter_documents():
        titles = [x for x in doc.title_lines if isinstance(x, TitleLine)]
        first = True
        for leaf in titles:
            if leaf.role == "label":
                rows.add((leaf.line, "label", ""))
            elif leaf.role == "title":
                if first:
                    rows.add((leaf.line, "doc", doc.meta.kind or ""))
                    first = False
                else:
                    rows.add((leaf.line, "title", ""))
        for leaf in doc.iter_leaves():
            if isinstance(leaf, Element):
                rows.add((leaf.line, leaf.kind, ""))
    return sorted(rows)


@pytest.mark.parametrize("stem", FILES)
def test_documents_and_parts_as_read_by_hand(stem):
    assert found(stem) == truth(stem)


def test_every_truth_file_is_read():
    assert len(FILES) >= 20


if __name__ == "__main__":  # print found vs truth for one file
    stem = Path(sys.argv[1]).stem
    want, got = set(truth(stem)), set(found(stem))
    for row in sorted(want | got):
        mark = " " if row in want and row in got else ("-" if row in want else "+")
        print(mark, *row)


def test_the_full_view_with_elements_is_valid_and_loses_nothing():
    """Every 公文 and rule of the corpus: the JSON with its elements validates against the
    schema, and the leaves give back the text."""
    jsonschema = pytest.importorskip("jsonschema")
    from govspeech.read.source import read_source
    from govspeech.serialize import load_schema

    validator = jsonschema.Draft202012Validator(load_schema())
    kinds: set[str] = set()
    for path in sorted(GONGWEN.glob("*.txt")):
        tree = govspeech.parse_file(path)
        assert tree.text == read_source(path).text, path.name
        if any(doc.elements for doc in tree.iter_documents()):  # (the laws: no parts, slow)
            validator.validate(tree.to_dict())
        for doc in tree.iter_documents():
            kinds.update(leaf.kind for leaf in doc.elements)
            for sec in doc.iter_sections():
                assert not any(isinstance(x, Element) for x in sec.own_leaves), path.name
    assert {"number", "addressees", "attachments", "issuer", "date"} <= kinds


#: Lines that look like a 公文's parts, put in the middle of a body.
DECOYS = (
    "2024年3月5日",
    "抄送：市委办公厅，市人大常委会办公厅。",
    "附件：1．防汛责任人名单",
    "沪府发〔2024〕1号",
    "上海市人民政府文件",
    "各区人民政府：",
    "（此件公开发布）",
    "上海市人民政府办公厅　　2024年5月7日印发",
    "机密★1年",
    "000123",
)


@pytest.mark.parametrize("decoy", DECOYS)
def test_a_line_like_a_part_inside_a_body_makes_no_part(decoy):
    """Every such line put between two paragraphs of a report's sections stays text of the
    section: no element, no new document, the headings as they were."""
    from .conftest import REPORTS

    reports = sorted(REPORTS.glob("*.txt"))[::7] if REPORTS.is_dir() else []
    if not reports:
        pytest.skip("shared corpus reports/ not present")
    placed = 0
    for report in reports:
        text = report.read_bytes().decode("utf-8-sig")
        before = govspeech.parse(text)
        lines = text.splitlines(keepends=True)
        # after the first paragraph of every third section with two paragraphs or more
        bodies = [
            p
            for sec in before.documents[0].iter_sections()
            if len(p := [x for x in sec.body if isinstance(x, Paragraph)]) >= 2
        ]
        spots = [p[0].line for p in bodies[::3]]
        placed += len(spots)
        for line in reversed(spots):
            lines.insert(line, decoy + "\n")
        after = govspeech.parse("".join(lines))
        assert len(after.documents) == len(before.documents), (report.name, decoy)
        assert [d.elements for d in after.iter_documents()] == [
            () for _ in after.iter_documents()
        ], (report.name, decoy)
        old = [(s.level, s.marker) for s in before.documents[0].iter_sections()]
        new = [(s.level, s.marker) for s in after.documents[0].iter_sections()]
        assert new == old, (report.name, decoy)
    assert placed >= 10
