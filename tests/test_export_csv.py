"""``export --format csv``: one row per section, read back with the csv module (and pandas)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import govspeech
from govspeech.cli import main
from govspeech.views import body_text, documents, section_id, sections
from govspeech_plugins.export.csv import COLUMNS

from .conftest import CORPUS_FILE, TESTS, report, report_paths

EXAMPLE = TESTS.parent / "examples" / "speech.txt"
BOM = b"\xef\xbb\xbf"

TRICKY = (
    "关于测试的讲话\n"
    '一、关于"引号",逗号和“中文”的问题。第一段正文,含逗号。\n'
    '第二段正文,"再引号"。\n'
    "二、=cmd|' /C calc'!A0\n"
    "三、+1+2\n"
    "四、@SUM(A1)\n"
    "五、-2+3\n"
    "六、普通标题\n"
)


def export(capsys, *args: str) -> str:  # type: ignore[no-untyped-def]
    assert main(["export", "--format", "csv", *args]) == 0
    return capsys.readouterr().out


def read(text: str) -> list[dict[str, str]]:
    """Rows as the csv module reads them (newline="" keeps the line breaks inside cells)."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


def read_file(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as f:
        return read(f.read())


def expected_rows(tree: govspeech.ParsedFile, file: str) -> list[dict[str, str]]:
    """The rows built straight from the tree, as strings."""
    rows = []
    for view in documents(tree):
        doc, _, part = view.index.partition(".")
        for sv in sections(view.document):
            s = sv.section
            values = (
                file,
                doc,
                part or "1",
                view.title,
                sv.path_text,
                s.level,
                s.kind,
                s.style,
                s.marker,
                "" if s.number is None else s.number,
                s.title,
                body_text(s),
                s.line,
                s.column,
                s.start,
                s.end,
                sv.citation or "",
                view.document.meta.kind or "",
                view.document.meta.number or "",
                view.document.meta.date or "",
                "；".join(view.document.meta.issuers),
                "；".join(view.document.meta.addressees),
                section_id(view.index, s),
                section_id(view.index, sv.lineage[-2]) if len(sv.lineage) > 1 else "",
                " > ".join(sv.title_path),
            )
            rows.append(dict(zip(COLUMNS, map(str, values), strict=True)))
    return rows


def test_corpus_one_row_per_section(capsys, corpus_tree):
    rows = read(export(capsys, str(CORPUS_FILE)))
    count = sum(1 for doc in corpus_tree.iter_documents() for _ in doc.iter_sections())
    assert count == 170 and len(rows) == count
    assert rows == expected_rows(corpus_tree, str(CORPUS_FILE))
    # Every span starts at its heading line and holds the title.
    source = corpus_tree.text
    for row in rows:
        span = source[int(row["start"]) : int(row["end"])]
        assert span.lstrip(" \t\u3000").startswith(row["marker"] + row["title"])
        assert source.count("\n", 0, int(row["start"])) + 1 == int(row["line"])


def test_corpus_known_sections(capsys, corpus_tree):
    rows = read(export(capsys, str(CORPUS_FILE)))
    # Speech 5 (line 76): 二、抓实两个环节 > (一)在“外防输入”环节 > 1.第一张防护网 > (1)在防“人”方面
    (row,) = [r for r in rows if r["line"] == "86"]
    sec = next(s for s in corpus_tree.documents[4].iter_sections() if s.line == 86)
    assert (row["document"], row["part"], row["path"], row["level"]) == (
        "5",
        "1",
        "二、 > (一) > 1. > (1)",
        "4",
    )
    assert (row["marker"], row["number"], row["title"]) == (sec.marker, "1", sec.title)
    assert row["title"] == "在防“人”方面:一是用好公安大数据排查。"
    assert row["body"].startswith("对上级反馈的重点地区返回人员第一时间通过大数据进行核实")
    assert row["document_title"] == "在全县疫情防控工作会议上的讲话篇五"
    # Speech 7 ran six more speeches together; the numbering error 一是 二是 二是 is kept.
    part6 = [r for r in rows if r["document"] == "7" and r["part"] == "6"]
    assert [(r["line"], r["marker"], r["number"]) for r in part6[:3]] == [
        ("190", "一是", "1"),
        ("191", "二是", "2"),
        ("192", "二是", "2"),
    ]
    assert (
        part6[0]["document_title"] == "在全县疫情防控工作会议上的讲话篇七 (part 6 of 7, line 183)"
    )
    # Dash items have no number; their path ends in the dash.
    dash = next(r for r in rows if r["line"] == "6")
    assert (dash["kind"], dash["number"], dash["path"]) == ("dash", "", "(一) > ——")


def test_body_has_no_boilerplate(capsys, corpus_tree):
    rows = read(export(capsys, str(CORPUS_FILE)))
    blurbs = [
        leaf.content
        for leaf in corpus_tree.iter_leaves()
        if isinstance(leaf, govspeech.Boilerplate)
    ]
    assert any("本文地址" in b for b in blurbs)  # the source link on the last line
    bodies = "\n".join(r["body"] for r in rows)
    for blurb in blurbs:
        if len(blurb) > 3:
            assert blurb not in bodies
    # The last section's body ends before the source link below it.
    assert rows[-1]["line"] == "321" and "本文地址" not in rows[-1]["body"]


def test_matches_checked_golden(monkeypatch, tmp_path, golden):
    """tests/golden/export/corpus_speeches.csv was read row by row against the source."""
    monkeypatch.chdir(TESTS.parent)
    target = tmp_path / "corpus.csv"
    assert main(["export", "tests/data/corpus_speeches.txt", "-o", str(target)]) == 0
    golden("export/corpus_speeches.csv", target.read_bytes())


def test_file_output_line_endings_and_no_bom(capsys, tmp_path):
    target = tmp_path / "提纲.csv"  # the extension picks the format
    assert main(["export", str(CORPUS_FILE), "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    data = target.read_bytes()
    assert data.startswith(b"file,document,part,") and data.endswith(b"\r\n")
    assert b"\r\r" not in data
    text = data.decode("utf-8")
    rows = read_file(target)
    # Every record ends in \r\n; line breaks inside cells stay \n.
    in_cells = sum(r["body"].count("\n") for r in rows)
    assert text.count("\r\n") == len(rows) + 1
    assert text.count("\n") == len(rows) + 1 + in_cells and in_cells > 0
    assert rows == read(export(capsys, str(CORPUS_FILE)))


def test_bom(capsys, tmp_path):
    target = tmp_path / "excel.csv"
    assert main(["export", "--csv-bom", str(EXAMPLE), "-o", str(target)]) == 0
    data = target.read_bytes()
    assert data.startswith(BOM + b"file,") and data.count(BOM) == 1
    rows = read_file(target, encoding="utf-8-sig")
    assert (
        rows[0]["marker"] == "一、"
        and rows[0]["document_title"] == "在全县安全生产和防汛工作会议上的讲话"
    )
    out = export(capsys, "--csv-bom", str(EXAMPLE))
    assert out.startswith("\ufefffile,") and out.count("\ufeff") == 1


def test_several_inputs_one_header(capsys, tmp_path, corpus_tree):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(CORPUS_FILE.read_bytes())
    out = export(capsys, "--csv-bom", str(CORPUS_FILE), str(EXAMPLE), str(copy))
    assert out.count("file,document,part,") == 1 and out.count("\ufeff") == 1
    rows = read(out.removeprefix("\ufeff"))
    example = govspeech.parse_file(EXAMPLE)
    assert rows == (
        expected_rows(corpus_tree, str(CORPUS_FILE))
        + expected_rows(example, str(EXAMPLE))
        + expected_rows(corpus_tree, str(copy))
    )


def test_folder_output_one_table_per_input(capsys, tmp_path):
    folder = tmp_path / "tables"
    assert (
        main(
            ["export", "-f", "csv", "--csv-bom", str(CORPUS_FILE), str(EXAMPLE), "-o", f"{folder}/"]
        )
        == 0
    )
    written = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.csv"))
    assert written == ["examples/speech.csv", "tests/data/corpus_speeches.csv"]
    for name, count in (("examples/speech.csv", 16), ("tests/data/corpus_speeches.csv", 170)):
        data = (folder / name).read_bytes()
        assert data.startswith(BOM + b"file,") and data.count(b"file,document,") == 1
        assert len(read_file(folder / name, encoding="utf-8-sig")) == count


def test_quotes_commas_newlines_survive(capsys, tmp_path):
    src = tmp_path / "tricky.txt"
    src.write_text(TRICKY, encoding="utf-8")
    out = export(capsys, str(src))
    assert '"关于""引号"",逗号和“中文”的问题。"' in out  # quoted, quotes doubled
    rows = read(out)
    assert [r["title"] for r in rows] == [
        '关于"引号",逗号和“中文”的问题。',
        "=cmd|' /C calc'!",
        "+1+2",
        "@SUM(A1)",
        "-2+3",
        "普通标题",
    ]
    assert rows[0]["body"] == '第一段正文,含逗号。\n第二段正文,"再引号"。'
    assert rows[1]["body"] == "A0"


def test_excel_safe(capsys, tmp_path):
    src = tmp_path / "tricky.txt"
    src.write_text(TRICKY, encoding="utf-8")
    plain = read(export(capsys, str(src)))
    safe = read(export(capsys, "--csv-excel-safe", str(src)))
    assert [r["title"] for r in safe] == [
        '关于"引号",逗号和“中文”的问题。',
        "'=cmd|' /C calc'!",
        "'+1+2",
        "'@SUM(A1)",
        "'-2+3",
        "普通标题",
    ]
    # Only cells that would start a formula change; numbers never do.
    for p, s in zip(plain, safe, strict=True):
        for column in COLUMNS:
            if p[column][:1] in ("=", "+", "-", "@"):
                assert s[column] == "'" + p[column]
            else:
                assert s[column] == p[column]
    # Nothing on the real corpus starts a formula: the option changes nothing there.
    assert export(capsys, "--csv-excel-safe", str(CORPUS_FILE)) == export(capsys, str(CORPUS_FILE))


def test_report(capsys):
    path = report(2024)
    tree = govspeech.parse_file(path)
    rows = read(export(capsys, str(path)))
    assert rows == expected_rows(tree, str(path))
    assert [r["marker"] for r in rows if r["level"] == "1"][:3] == ["一、", "二、", "三、"]
    bodies = "\n".join(r["body"] for r in rows)
    assert "Public domain" not in bodies and "本作品是中华人民共和国的" not in bodies


def test_stdin(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(EXAMPLE.read_bytes())))
    rows = read(export(capsys, "-"))
    assert len(rows) == 16 and {r["file"] for r in rows} == {"<stdin>"}


def test_pandas_reads_it(tmp_path):
    pd = pytest.importorskip("pandas")
    target = tmp_path / "t.csv"
    assert main(["export", "--csv-bom", str(CORPUS_FILE), "-o", str(target)]) == 0
    frame = pd.read_csv(target, keep_default_na=False, dtype=str)
    assert list(frame.columns) == list(COLUMNS)  # the BOM is not part of the first name
    assert frame.to_dict("records") == read_file(target, encoding="utf-8-sig")
    numbers = pd.read_csv(target)
    assert str(numbers["document"].dtype) == "int64" and str(numbers["part"].dtype) == "int64"


@pytest.mark.parametrize("path", report_paths(), ids=lambda p: p.stem)
def test_every_report(capsys, path):
    tree = govspeech.parse_file(path)
    assert read(export(capsys, str(path))) == expected_rows(tree, str(path))


def test_articles_items_and_sub_items_carry_their_citation(capsys, tmp_path):
    """In a regulation the citation column names 第X条, its 款 and 项 as lawyers cite them."""
    path = tmp_path / "条例.txt"
    path.write_text(
        "第一章　总则\n第一条　为了规范登记行为，制定本条例。\n"
        "第二条　登记机构应当设立登记簿。\n登记簿应当记载下列事项：\n"
        "（一）自然状况；\n1．坐落；\n2．面积。\n（二）权属状况。\n"
        "第三条　有下列情形之一的，不予登记：\n（一）材料不全的；\n（二）违反法律的。\n",
        encoding="utf-8",
    )
    rows = read(export(capsys, str(path)))
    assert [(r["marker"].strip(), r["citation"]) for r in rows] == [
        ("第一章", ""),
        ("第一条", "第一条"),
        ("第二条", "第二条"),
        ("（一）", "第二条第二款第（一）项"),
        ("1．", "第二条第二款第（一）项第1目"),
        ("2．", "第二条第二款第（一）项第2目"),
        ("（二）", "第二条第二款第（二）项"),
        ("第三条", "第三条"),
        ("（一）", "第三条第（一）项"),
        ("（二）", "第三条第（二）项"),
    ]


def test_a_gongwen_row_carries_its_documents_metadata(capsys, tmp_path):
    """The rows of a 公文 say which document they belong to: kind, 发文字号, date, issuers and
    addressees, as its parts give them (for a table of many notices)."""
    path = tmp_path / "notice.txt"
    path.write_text(
        "上海市人民政府关于做好防汛工作的通知\n沪府发〔2024〕12号\n\n"
        "各区人民政府，市政府各委、办、局：\n一、压实责任\n各区要落实属地责任。\n"
        "二、强化保障\n各部门要加强协同。\n\n上海市人民政府\n上海市应急管理局\n2024年5月6日\n",
        encoding="utf-8",
    )
    code = main(["export", str(path), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert code == 0 and len(rows) == 2
    assert {
        (r["document_kind"], r["document_number"], r["document_date"], r["document_issuers"])
        for r in rows
    } == {("通知", "沪府发〔2024〕12号", "2024-05-06", "上海市人民政府；上海市应急管理局")}
    assert rows[0]["document_addressees"] == "各区人民政府；市政府各委、办、局"
    assert rows[1]["body"] == "各部门要加强协同。"  # the 落款 is no body of 二、
