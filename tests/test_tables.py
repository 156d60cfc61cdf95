"""govspeech.tables and ``export --format parquet``: corpus tables for pandas, and docs/research.md.

The rows are checked against what the tree says (the views the other formats use), for the
corpus file and a work report; the frame's dtypes; ids; the Parquet table read back; ``--jobs``;
and the messages when pandas, pyarrow or govspeech.chunks are missing.
"""

from __future__ import annotations

import json
import re
import sys
import types
from pathlib import Path
from typing import Any

import attrs
import pytest

import govspeech
from govspeech.cli import main
from govspeech.nodes import Element, Paragraph, Section
from govspeech.plugin import EXPORTERS, discover
from govspeech.tables import (
    COLUMNS,
    DTYPES,
    UNITS,
    chunk_columns,
    iter_trees,
    rows,
    sentence_spans,
    to_dataframe,
)
from govspeech.views import body_text, documents, leaf_text, section_id, sections
from govspeech_plugins.summarize.sentences import split_paragraph

from .conftest import CORPUS_FILE, REPORTS, REQUIRE_CORPUS, TESTS, report, report_paths

ROOT = TESTS.parent
EXAMPLE = ROOT / "examples" / "speech.txt"
TABLE_UNITS = tuple(u for u in UNITS if u != "chunk")


def expected_sections(tree: govspeech.ParsedFile) -> list[dict[str, Any]]:
    """The section rows built straight from the views, as the CSV test builds its rows."""
    out = []
    for view in documents(tree):
        meta = tree.meta_of(view.document)
        for sv in sections(view.document):
            s = sv.section
            sid = section_id(view.index, s)
            out.append(
                {
                    "file": tree.path,
                    "document": view.index,
                    "document_title": view.title,
                    "section_id": sid,
                    "parent_id": section_id(view.index, sv.lineage[-2])
                    if len(sv.lineage) > 1
                    else None,
                    "id": sid,
                    "level": s.level,
                    "kind": s.kind,
                    "style": s.style,
                    "marker": s.marker,
                    "number": s.number,
                    "title": s.title,
                    "path": " > ".join(f"{x.marker}{x.title}".strip() for x in sv.lineage),
                    "path_markers": sv.path_text,
                    "role": None,
                    "text": body_text(s),
                    "start": s.start,
                    "end": s.end,
                    "line": s.line,
                    "citation": sv.citation,
                    "doc_kind": meta.kind,
                    "doc_number": meta.number,
                    "doc_date": meta.date,
                    "doc_issuers": "；".join(meta.issuers) or None,
                    "doc_addressees": "；".join(meta.addressees) or None,
                    "doc_attachments": "；".join(meta.attachments) or None,
                    "doc_cc": "；".join(meta.cc) or None,
                }
            )
    return out


def own_paragraphs(doc: govspeech.Document) -> list[tuple[Section | None, Paragraph | Element]]:
    """Each paragraph and 公文 part of the document (not of its parts) with the section whose
    own leaves hold it, found by walking the tree rather than through `views.flow`."""
    owner: dict[int, Section] = {
        id(leaf): sec for sec in doc.iter_sections() for leaf in sec.own_leaves
    }
    subs = {id(leaf) for sub in doc.subdocuments for leaf in sub.iter_leaves()}
    return [
        (owner.get(id(leaf)), leaf)
        for leaf in doc.iter_leaves()
        if isinstance(leaf, (Paragraph, Element)) and id(leaf) not in subs and leaf_text(leaf)
    ]


# ---------------------------------------------------------------- rows against the tree


def test_section_rows_are_what_the_tree_says(corpus_tree):
    found = list(rows(corpus_tree))
    assert len(found) == 170 and all(tuple(row) == COLUMNS for row in found)
    assert found == expected_sections(corpus_tree)
    # Speech 5 (line 86): 二、抓实两个环节 > (一)在“外防输入”环节 > 1.第一张防护网 > (1)在防“人”方面
    (row,) = [r for r in found if r["line"] == 86]
    assert (row["document"], row["level"], row["number"]) == ("5", 4, 1)
    assert row["path_markers"] == "二、 > (一) > 1. > (1)"
    assert row["path"].startswith("二、") and row["path"].endswith(
        " > (1)在防“人”方面:一是用好公安大数据排查。"
    )
    assert row["path"].count(" > ") == 3
    # A dash item has no number; a part of speech 7 has ids of its own.
    dash = next(r for r in found if r["line"] == 6)
    assert (dash["kind"], dash["number"], dash["parent_id"]) == ("dash", None, found[0]["id"])
    part = [r for r in found if r["document"] == "7.2"]
    assert part[0]["id"] == "d7.2-s23167" and part[0]["parent_id"] is None
    assert "(part 2 of 7, line " in part[0]["document_title"]


def test_section_rows_of_a_report():
    tree = govspeech.parse_file(report(2024))
    found = list(rows(tree))
    assert found == expected_sections(tree)
    top = [r for r in found if r["level"] == 1]
    assert [r["marker"] for r in top] == ["一、", "二、", "三、"]
    assert top[0]["path"] == "一、2023年工作回顾" and top[0]["parent_id"] is None
    assert "Public domain" not in "".join(r["text"] for r in found)


def test_paragraph_rows_are_every_paragraph_exactly(corpus_tree):
    found = list(rows(corpus_tree, "paragraph"))
    expected = [
        (view.index, sec, leaf)
        for view in documents(corpus_tree)
        for sec, leaf in own_paragraphs(view.document)
    ]
    assert len(found) == len(expected) > 170
    ids = {r["id"] for r in found}
    for row, (index, sec, leaf) in zip(found, expected, strict=True):
        assert row["document"] == index and row["line"] == leaf.line
        assert row["text"] == leaf_text(leaf) == corpus_tree.text[row["start"] : row["end"]]
        assert row["role"] == (leaf.role if isinstance(leaf, Paragraph) else leaf.kind)
        if sec is None:  # the document's own text: opening, closing, a part without a number
            assert row["section_id"] is row["parent_id"] is row["level"] is None
            assert re.fullmatch(rf"d{re.escape(index)}-p\d+", row["id"])
        else:
            assert row["section_id"] == row["parent_id"] == section_id(index, sec)
            assert row["level"] == sec.level and row["title"] == sec.title
            assert row["id"].startswith(row["section_id"] + "-p")
    assert len(ids) == len(found)
    # A section's paragraphs are counted from one, in source order, its tail's after its body.
    by_section: dict[str, list[str]] = {}
    for row in found:
        if row["section_id"]:
            by_section.setdefault(row["section_id"], []).append(row["id"])
    for sid, pids in by_section.items():
        assert pids == [f"{sid}-p{k}" for k in range(1, len(pids) + 1)]


def test_sentence_rows_are_the_summarize_sentences(corpus_tree):
    paragraphs = {r["id"]: r for r in rows(corpus_tree, "paragraph")}
    found = list(rows(corpus_tree, "sentence"))
    assert len({r["id"] for r in found}) == len(found) > len(paragraphs)
    leaves = {
        (leaf.line, leaf_text(leaf)): leaf
        for leaf in corpus_tree.iter_leaves()
        if isinstance(leaf, Paragraph)
    }
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in found:
        assert corpus_tree.text[row["start"] : row["end"]] == row["text"]
        grouped.setdefault(row["parent_id"], []).append(row)
    assert set(grouped) == set(paragraphs)
    for pid, sents in grouped.items():
        para = paragraphs[pid]
        assert [s["id"] for s in sents] == [f"{pid}-s{k}" for k in range(1, len(sents) + 1)]
        assert all(s["section_id"] == para["section_id"] for s in sents)
        leaf = leaves.get((para["line"], para["text"]))
        if leaf is not None:  # the same sentences as govspeech summarize
            assert [s["text"] for s in sents] == [s.text for s in split_paragraph(leaf)]


def test_sentence_spans_keep_quotations_whole():
    text = "要提高认识。他说：“要做好。要做实”，然后落实！？　最后一句"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "要提高认识。",
        "他说：“要做好。要做实”，然后落实！？",
        "最后一句",
    ]
    assert sentence_spans("") == [] and sentence_spans("　\t") == []


def test_document_rows(corpus_tree):
    found = list(rows(corpus_tree, "document"))
    views = list(documents(corpus_tree))
    assert [r["id"] for r in found] == [f"d{v.index}" for v in views] and len(found) == 19
    for row, view in zip(found, views, strict=True):
        assert row["title"] == view.document.title and row["document_title"] == view.title
        assert row["parent_id"] == (f"d{view.index.split('.')[0]}" if view.is_part else None)
        assert row["section_id"] is None and row["level"] is None
        assert row["start"] == view.document.start and row["line"] == view.document.line
        assert "本文地址" not in row["text"] and "\n\n" not in row["text"]
    # A page that ran speeches together: the parent's own text ends where its first part begins.
    seventh = corpus_tree.documents[6]
    (row,) = [r for r in found if r["id"] == "d7"]
    assert row["end"] == seventh.subdocuments[0].start
    assert row["text"].splitlines()[0] == seventh.title


def test_a_gongwen_carries_its_metadata_and_parts():
    tree = govspeech.parse(
        "上海市人民政府关于做好防汛工作的通知\n沪府发〔2024〕12号\n\n"
        "各区人民政府，市政府各委、办、局：\n一、压实责任\n各区要落实属地责任。\n"
        "二、强化保障\n各部门要加强协同。\n\n上海市人民政府\n上海市应急管理局\n2024年5月6日\n"
    )
    found = list(rows(tree, "paragraph"))
    assert {(r["doc_kind"], r["doc_number"], r["doc_date"]) for r in found} == {
        ("通知", "沪府发〔2024〕12号", "2024-05-06")
    }
    assert found[0]["doc_issuers"] == "上海市人民政府；上海市应急管理局"
    assert found[0]["doc_addressees"] == "各区人民政府；市政府各委、办、局"
    assert [(r["role"], r["section_id"] is None) for r in found] == [
        ("number", True),
        ("addressees", True),
        ("text", False),
        ("text", False),
        ("issuer", True),
        ("issuer", True),
        ("date", True),
    ]
    assert found[0]["file"] is None  # parsed from a string


@pytest.mark.parametrize("unit", TABLE_UNITS)
def test_ids_are_unique_and_stable(unit):
    first = [r["id"] for r in rows(govspeech.parse_file(CORPUS_FILE), unit)]
    again = [r["id"] for r in rows(govspeech.parse_file(CORPUS_FILE), unit)]
    assert first == again and len(set(first)) == len(first) > 0


def test_unknown_unit_and_input():
    with pytest.raises(ValueError, match="unknown unit 'word'"):
        list(rows(govspeech.parse("一、总体要求\n"), "word"))
    with pytest.raises(TypeError, match="expected a ParsedFile or a path, got int"):
        list(iter_trees([CORPUS_FILE, 3]))  # type: ignore[list-item]


def test_csv_ids_are_the_tables_ids(corpus_tree, capsys):
    """The CSV's section_id, parent_id and title_path are the table's id, parent_id and path."""
    import csv
    import io

    assert main(["export", "--format", "csv", str(CORPUS_FILE)]) == 0
    found = list(csv.DictReader(io.StringIO(capsys.readouterr().out, newline="")))
    assert [(r["section_id"], r["parent_id"] or None, r["title_path"]) for r in found] == [
        (r["id"], r["parent_id"], r["path"]) for r in rows(corpus_tree)
    ]


# ---------------------------------------------------------------- pandas


@pytest.mark.parametrize("unit", TABLE_UNITS)
def test_frame_has_the_rows_and_dtypes(unit, corpus_tree):
    pd = pytest.importorskip("pandas")
    frame = to_dataframe(corpus_tree, unit)
    assert list(frame.columns) == list(COLUMNS)
    assert {name: str(frame[name].dtype) for name in COLUMNS} == {
        name: "string" if dtype == "string[python]" else dtype for name, dtype in DTYPES.items()
    }
    assert str(frame["number"].dtype) == "Int64" and str(frame["level"].dtype) == "Int64"
    assert all(
        frame[n].dtype.storage == "python" for n, d in DTYPES.items() if d == "string[python]"
    )
    records = [
        {k: None if v is pd.NA else v for k, v in r.items()} for r in frame.to_dict("records")
    ]
    assert records == list(rows(corpus_tree, unit))
    assert frame["id"].is_unique


def test_frame_numbers_stay_integers_where_some_are_missing(corpus_tree):
    pytest.importorskip("pandas")
    frame = to_dataframe(corpus_tree)
    assert frame["number"].isna().sum() > 0 and frame["number"].notna().sum() > 0
    assert frame["number"].max() == max(r["number"] or 0 for r in rows(corpus_tree))
    assert frame.loc[frame["kind"] == "dash", "number"].isna().all()


def test_frame_from_paths_and_iterables(corpus_tree):
    pd = pytest.importorskip("pandas")
    by_tree = to_dataframe([corpus_tree, govspeech.parse_file(EXAMPLE)])
    by_path = to_dataframe(p for p in (str(CORPUS_FILE), EXAMPLE))  # a str and a Path
    pd.testing.assert_frame_equal(by_tree, by_path)
    single = to_dataframe(str(CORPUS_FILE))
    pd.testing.assert_frame_equal(single, to_dataframe(corpus_tree))
    assert len(to_dataframe(CORPUS_FILE, "document")) == 19
    empty = to_dataframe([])
    assert len(empty) == 0 and list(empty.columns) == list(COLUMNS)
    assert str(empty["number"].dtype) == "Int64"


def test_missing_pandas_says_what_to_install(monkeypatch, corpus_tree):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    with pytest.raises(govspeech.MissingDependencyError) as info:
        to_dataframe(corpus_tree)
    assert str(info.value) == (
        "govspeech.tables.to_dataframe needs pandas: pip install 'govspeech[pandas]'"
    )
    assert len(list(rows(corpus_tree))) == 170  # rows need no pandas


# ---------------------------------------------------------------- chunks


@attrs.frozen
class _Chunk:
    id: str
    document: str
    text: str
    start: int
    end: int
    section_ids: tuple[str, ...]
    path: tuple[str, ...]
    tokens: int | None
    extra: dict[str, int]


def _fake_chunks(tree: govspeech.ParsedFile) -> list[_Chunk]:
    """A stand-in for govspeech.chunks.chunks: a chunk per top-level section."""
    out = []
    for view in documents(tree):
        for sec in view.document.sections:
            out.append(
                _Chunk(
                    f"d{view.index}-c{sec.start}",
                    view.index,
                    tree.text[sec.start : sec.end],
                    sec.start,
                    sec.end,
                    tuple(section_id(view.index, s) for s in sec.iter_sections()),
                    (f"{sec.marker}{sec.title}",),
                    None if sec.number is None else sec.number * 10,
                    {"level": sec.level},
                )
            )
    return out


@pytest.fixture
def fake_chunks(monkeypatch):  # type: ignore[no-untyped-def]
    module = types.ModuleType("govspeech.chunks")
    module.Chunk = _Chunk  # type: ignore[attr-defined]
    module.chunks = _fake_chunks  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "govspeech.chunks", module)
    # `import govspeech.chunks as m` takes the package's attribute once the real one was imported
    monkeypatch.setattr(govspeech, "chunks", module, raising=False)
    return module


def test_chunk_unit_without_the_chunks_module(monkeypatch, corpus_tree):
    monkeypatch.setitem(sys.modules, "govspeech.chunks", None)
    with pytest.raises(govspeech.MissingDependencyError, match=r"needs govspeech\.chunks"):
        list(rows(corpus_tree, "chunk"))


def test_chunk_rows_are_the_chunks_fields(fake_chunks, corpus_tree):
    assert chunk_columns() == {
        "file": "str",
        "id": "str",
        "document": "str",
        "text": "str",
        "start": "int",
        "end": "int",
        "section_ids": "list[str]",
        "path": "str",
        "tokens": "int",
        "extra": "object",
    }
    found = list(rows(corpus_tree, "chunk"))
    first = _fake_chunks(corpus_tree)[0]
    assert found[0] == {
        "file": str(CORPUS_FILE),
        **attrs.asdict(first),
        "section_ids": list(first.section_ids),
        "path": first.path[0],
    }
    pd = pytest.importorskip("pandas")
    frame = to_dataframe(corpus_tree, "chunk")
    assert list(frame.columns) == list(chunk_columns()) and len(frame) == len(found)
    assert str(frame["start"].dtype) == "int64" and str(frame["tokens"].dtype) == "Int64"
    assert frame["tokens"].isna().any() and frame["tokens"].notna().any()
    assert frame["text"].dtype == pd.StringDtype("python") and frame["section_ids"].dtype == object


def test_chunk_rows_of_govspeech_chunks(corpus_tree):
    chunks = pytest.importorskip("govspeech.chunks")
    pd = pytest.importorskip("pandas")
    frame = to_dataframe(corpus_tree, "chunk")
    made = chunks.chunks(corpus_tree)
    assert frame["id"].tolist() == [c.id for c in made] and frame["id"].is_unique
    assert frame["text"].tolist() == [c.text for c in made]
    assert frame["path"].tolist() == [" > ".join(c.path) for c in made]
    assert str(frame["start"].dtype) == "int64" and frame["sections"].dtype == object
    # The document's metadata as in the other units' doc_* columns.
    sections = to_dataframe(corpus_tree)
    assert set(sections.columns) - set(frame.columns) <= {
        "level",
        "kind",
        "style",
        "marker",
        "number",
        "title",
        "path_markers",
        "role",
    }
    assert frame["doc_kind"].dtype == pd.StringDtype("python")


# ---------------------------------------------------------------- parquet


@pytest.fixture
def parquet_format(tmp_path_factory, monkeypatch):  # type: ignore[no-untyped-def]
    """The parquet format discoverable: registered in pyproject.toml, or (before it is) by a
    distribution of this test's own that names it."""
    if "parquet" not in discover(EXPORTERS).specs:
        site = tmp_path_factory.mktemp("site")
        info = site / "govspeech_parquet_fixture-0.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            "Metadata-Version: 2.1\nName: govspeech-parquet-fixture\nVersion: 0.0\n", "utf-8"
        )
        (info / "entry_points.txt").write_text(
            "[govspeech.exporters]\nparquet = govspeech_plugins.export.parquet:ParquetExporter\n",
            "utf-8",
        )
        monkeypatch.syspath_prepend(str(site))  # forked workers inherit it


@pytest.fixture
def parquet(parquet_format):  # type: ignore[no-untyped-def]
    """pandas and pyarrow, and the parquet format discoverable."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    return pd


def _read(pd: Any, path: Path) -> Any:
    return pd.read_parquet(path)


def _same(pd: Any, back: Any, expected: Any) -> None:
    """The frame read back equals ``expected``: integer columns as they are, the text's string
    dtype whichever storage pandas reads it with."""
    assert str(back["number"].dtype) == "Int64" and str(back["level"].dtype) == "Int64"
    _same_columns(pd, back, expected)


def _same_columns(pd: Any, back: Any, expected: Any) -> None:
    assert str(back["start"].dtype) == "int64"
    strings = [n for n in expected.columns if str(expected[n].dtype) == "string"]
    assert all(str(back[n].dtype) in ("string", "str") for n in strings)
    pd.testing.assert_frame_equal(back.astype(expected.dtypes.to_dict()), expected)


def test_parquet_round_trip(parquet, tmp_path, capsys):
    pd = parquet
    inputs = [str(CORPUS_FILE), str(EXAMPLE)]
    target = tmp_path / "sections.parquet"  # the extension picks the format
    assert main(["export", *inputs, "-o", str(target)]) == 0
    assert target.read_bytes()[:4] == b"PAR1"
    _same(pd, _read(pd, target), to_dataframe(inputs))
    for unit in ("document", "paragraph", "sentence"):
        out = tmp_path / f"{unit}.parquet"
        assert (
            main(["export", "-f", "parquet", "--parquet-unit", unit, *inputs, "-o", str(out)]) == 0
        )
        _same(pd, _read(pd, out), to_dataframe(inputs, unit))


def test_parquet_of_a_report_and_zstd(parquet, tmp_path):
    pd = parquet
    path = str(report(2024))
    target = tmp_path / "r.parquet"
    args = ["export", "-f", "parquet", "--parquet-compression", "zstd", path, "-o", str(target)]
    assert main(args) == 0
    _same(pd, _read(pd, target), to_dataframe(path))
    import pyarrow.parquet as pq

    column = pq.ParquetFile(target).metadata.row_group(0).column(0)
    assert column.compression == "ZSTD"


def test_parquet_row_groups_stream_across_inputs(parquet, tmp_path, monkeypatch):
    """With small row groups, each is written with the input that completes it: the file the
    steps' outputs make together is one valid table."""
    import pyarrow.parquet as pq

    import govspeech_plugins.export.parquet as module

    pd = parquet
    monkeypatch.setattr(module, "ROW_GROUP_ROWS", 50)
    copy = tmp_path / "copy.txt"  # the same input twice is read once
    copy.write_bytes(CORPUS_FILE.read_bytes())
    inputs = [str(CORPUS_FILE), str(EXAMPLE), str(copy)]
    target = tmp_path / "t.parquet"
    assert main(["export", "-f", "parquet", *inputs, "-o", str(target)]) == 0
    assert pq.ParquetFile(target).metadata.num_row_groups == 2  # 170 rows, then 16 + 170
    _same(pd, _read(pd, target), to_dataframe(inputs))


def test_parquet_a_failing_input_adds_nothing(parquet, tmp_path, monkeypatch, capsys):
    import govspeech_plugins.export.parquet as module

    pd = parquet
    monkeypatch.setattr(module, "ROW_GROUP_ROWS", 50)
    real = module.rows

    def failing(tree, unit):  # type: ignore[no-untyped-def]
        for k, row in enumerate(real(tree, unit)):
            if tree.path == str(EXAMPLE) and k == 5:
                raise RuntimeError("boom")
            yield row

    monkeypatch.setattr(module, "rows", failing)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    copy = tmp_path / "copy.txt"
    copy.write_bytes(CORPUS_FILE.read_bytes())
    inputs = [str(CORPUS_FILE), str(EXAMPLE), str(binary), str(copy)]
    target = tmp_path / "t.parquet"
    assert main(["export", "-f", "parquet", *inputs, "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "boom" in err and "binary.txt" in err
    _same(pd, _read(pd, target), to_dataframe([str(CORPUS_FILE), str(copy)]))


def test_parquet_jobs_gives_the_serial_rows(parquet, tmp_path, capsys):
    pd = parquet
    copy = tmp_path / "copy.txt"
    copy.write_bytes(CORPUS_FILE.read_bytes())
    inputs = [str(CORPUS_FILE), str(EXAMPLE), str(copy)]
    serial, jobs = tmp_path / "serial.parquet", tmp_path / "jobs.parquet"
    assert main(["export", "-f", "parquet", *inputs, "-o", str(serial)]) == 0
    assert (
        main(["export", "-f", "parquet", "--jobs", "2", "--force-jobs", *inputs, "-o", str(jobs)])
        == 0
    )
    assert "--jobs ignored" in capsys.readouterr().err  # one footer: one process writes it
    assert jobs.read_bytes() == serial.read_bytes()
    # One file per input: there the workers write the tables.
    inputs = [str(CORPUS_FILE), str(EXAMPLE)]
    folder = tmp_path / "tables"
    args = ["export", "-f", "parquet", "--jobs", "2", "--force-jobs", *inputs, "-o", f"{folder}/"]
    assert main(args) == 0
    assert "ignored" not in capsys.readouterr().err
    written = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.parquet"))
    assert written == ["examples/speech.parquet", "tests/data/corpus_speeches.parquet"]
    parts = [
        _read(pd, folder / "tests/data/corpus_speeches.parquet"),
        _read(pd, folder / "examples/speech.parquet"),
    ]
    expected = to_dataframe(inputs)
    _same(pd, pd.concat(parts, ignore_index=True), expected)
    whole = _read(pd, folder).sort_values(["file", "start"], ignore_index=True)
    _same(pd, whole, expected.sort_values(["file", "start"], ignore_index=True))


def test_parquet_to_a_pipe(parquet, capsysbinary):
    assert main(["export", "-f", "parquet", str(EXAMPLE)]) == 0
    data = capsysbinary.readouterr().out
    assert data[:4] == b"PAR1" and data[-4:] == b"PAR1"
    import io

    pd = parquet
    _same(pd, pd.read_parquet(io.BytesIO(data)), to_dataframe(EXAMPLE))


def test_parquet_without_pyarrow_says_what_to_install(
    parquet_format, tmp_path, monkeypatch, capsys
):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    target = tmp_path / "t.parquet"
    assert main(["export", str(CORPUS_FILE), "-o", str(target)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.endswith("export --format parquet needs pyarrow: pip install 'govspeech[parquet]'")
    assert "\n" not in err and not target.exists()


def test_parquet_chunk_unit_without_the_chunks_module(parquet, tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "govspeech.chunks", None)
    target = tmp_path / "t.parquet"
    args = [
        "export",
        "-f",
        "parquet",
        "--parquet-unit",
        "chunk",
        str(CORPUS_FILE),
        "-o",
        str(target),
    ]
    assert main(args) == 1
    assert "needs govspeech.chunks" in capsys.readouterr().err and not target.exists()


def test_parquet_chunk_unit(parquet, tmp_path, fake_chunks):
    pd = parquet
    target = tmp_path / "t.parquet"
    inputs = [str(CORPUS_FILE), str(EXAMPLE)]
    assert (
        main(["export", "-f", "parquet", "--parquet-unit", "chunk", *inputs, "-o", str(target)])
        == 0
    )
    back = _read(pd, target)
    expected = to_dataframe(inputs, "chunk")
    assert list(back.columns) == list(expected.columns) and len(back) == len(expected)
    for name in ("id", "text", "start", "tokens"):
        assert back[name].tolist() == expected[name].tolist()
    assert str(back["tokens"].dtype) == "Int64"
    assert [list(x) for x in back["section_ids"]] == expected["section_ids"].tolist()
    # A field of no Parquet type is JSON text.
    assert back["extra"].tolist() == [json.dumps(x) for x in expected["extra"]]


def test_parquet_chunks_of_govspeech_chunks(parquet, tmp_path):
    pytest.importorskip("govspeech.chunks")
    pd = parquet
    target = tmp_path / "t.parquet"
    inputs = [str(CORPUS_FILE), str(EXAMPLE)]
    assert (
        main(["export", "-f", "parquet", "--parquet-unit", "chunk", *inputs, "-o", str(target)])
        == 0
    )
    back = _read(pd, target)
    expected = to_dataframe(inputs, "chunk")
    lists = [n for n, kind in chunk_columns().items() if kind.startswith("list[")]
    plain = [n for n in expected.columns if n not in lists]
    _same_columns(pd, back[plain], expected[plain])
    for name in lists:
        assert [_lists(x) for x in back[name]] == [_lists(x) for x in expected[name]]


def _lists(value: Any) -> Any:
    return (
        [_lists(x) for x in value]
        if hasattr(value, "__len__") and not isinstance(value, str)
        else value
    )


# ---------------------------------------------------------------- docs/research.md


def test_research_page_runs(tmp_path, monkeypatch, capsys):
    """Every Python block of docs/research.md, in order, on the 42 reports."""
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    if len(report_paths()) < 42:
        if REQUIRE_CORPUS:
            pytest.fail(f"{REPORTS} lacks work reports (GOVSPEECH_REQUIRE_CORPUS=1)")
        pytest.skip("shared corpus reports not present")
    page = (ROOT / "docs" / "research.md").read_text("utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, re.S)
    source = "\n".join(blocks)
    assert source.count('"../shared/corpus/reports"') == 1
    source = source.replace('"../shared/corpus/reports"', repr(str(REPORTS)))
    monkeypatch.chdir(tmp_path)  # reports.parquet lands here
    namespace: dict[str, Any] = {"__name__": "research"}
    exec(compile(source, "docs/research.md", "exec"), namespace)
    assert len(namespace["documents"]) == 42 and (tmp_path / "reports.parquet").is_file()
    trees = namespace["trees"]
    assert len(namespace["sections"]) == sum(
        1 for t in trees for d in t.iter_documents() for _ in d.iter_sections()
    )
    out = capsys.readouterr().out
    assert out.startswith(f"42 reports, {len(namespace['sections'])} sections,")
