"""``export --format json``: the whole tree, validated against the shipped schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

import govspeech
from govspeech.cli import main
from govspeech.serialize import load_schema

from .conftest import CORPUS_FILE, report


@pytest.fixture(scope="module")
def validator():  # type: ignore[no-untyped-def]
    return jsonschema.Draft202012Validator(load_schema())


def export(capsys, *args: str) -> str:  # type: ignore[no-untyped-def]
    assert main(["export", *args]) == 0
    return capsys.readouterr().out


def test_corpus_file(capsys, validator, corpus_tree):
    text = export(capsys, "--format", "json", str(CORPUS_FILE))
    assert "讲话篇一" in text and "\\u" not in text  # Chinese is written as is
    data = json.loads(text)
    validator.validate(data)
    assert data["schema"] == "govspeech/2" and data["view"] == "full"
    assert data == json.loads(json.dumps(corpus_tree.to_dict(), ensure_ascii=False))
    docs = data["documents"]
    assert len(docs) == 13
    assert [d["line"] for d in docs] == [d.line for d in corpus_tree.documents]
    # Every span points at the text it claims to hold.
    source = corpus_tree.text
    for doc in docs:
        stack = list(doc["sections"])
        while stack:
            sec = stack.pop()
            start, end = sec["span"]
            assert source[start:end].lstrip().startswith(sec["marker"])
            for para in sec["body"]:
                assert source[para["span"][0] : para["span"][1]].rstrip("\r\n") == para["text"]
            stack.extend(sec["children"])


def test_speech_7_keeps_its_numbering_error(capsys):
    data = json.loads(export(capsys, str(CORPUS_FILE)))
    part6 = data["documents"][6]["subdocuments"][4]
    assert [(s["marker"], s["number"], s["line"]) for s in part6["sections"]][:3] == [
        ("一是", 1, 190),
        ("二是", 2, 191),
        ("二是", 2, 192),
    ]


def test_report(capsys, validator):
    path = report(2024)
    data = json.loads(export(capsys, str(path)))
    validator.validate(data)
    doc = data["documents"][0]
    assert doc["title"] == govspeech.parse_file(path).documents[0].title
    assert [s["marker"] for s in doc["sections"]][:3] == ["一、", "二、", "三、"]


def test_output_file_by_extension(capsys, tmp_path, validator):
    target = tmp_path / "讲话.json"
    assert main(["export", str(CORPUS_FILE), "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    validator.validate(json.loads(target.read_text(encoding="utf-8")))


def test_unknown_extension_needs_a_format(capsys, tmp_path):
    assert main(["export", str(CORPUS_FILE), "-o", str(tmp_path / "x.xyz")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no format writes .xyz files" in err
    assert list(tmp_path.iterdir()) == []


def test_compact_and_json_lines(capsys, tmp_path, validator):
    one = export(capsys, "--indent", "0", str(CORPUS_FILE))
    assert one.count("\n") == 1
    copy = tmp_path / "copy.txt"
    copy.write_bytes(CORPUS_FILE.read_bytes())
    lines = export(capsys, str(CORPUS_FILE), str(copy)).splitlines()
    assert len(lines) == 2
    for line in lines:
        validator.validate(json.loads(line))
    assert json.loads(lines[0])["documents"] == json.loads(lines[1])["documents"]


def test_another_formats_option_warns(capsys):
    assert main(["export", "--csv-bom", "--html-title", "x", str(CORPUS_FILE)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "warning: --csv-bom has no effect with --format json",
        "warning: --html-title has no effect with --format json",
    ]
    assert main(["export", "--format", "csv", "--csv-bom", str(CORPUS_FILE)]) == 0
    assert capsys.readouterr().err == ""
