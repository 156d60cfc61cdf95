"""``export --format jsonl``: one schema-valid JSON line per document, for streaming corpora."""

from __future__ import annotations

import json

import jsonschema

from govspeech.cli import main
from govspeech.serialize import load_schema

from .conftest import CORPUS_FILE, TESTS


def test_one_line_per_document(capsys, corpus_tree):
    assert main(["export", "--format", "jsonl", str(CORPUS_FILE)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(corpus_tree.documents) == 13
    validator = jsonschema.Draft202012Validator(load_schema())
    full = corpus_tree.to_dict()
    for line, doc in zip(lines, full["documents"], strict=True):
        data = json.loads(line)
        validator.validate(data)
        assert data["path"] == str(CORPUS_FILE)
        assert data["documents"] == [json.loads(json.dumps(doc, ensure_ascii=False))]
    # Speech 7's run-together parts travel with it, as subdocuments.
    assert len(json.loads(lines[6])["documents"][0]["subdocuments"]) == 6


def test_extension_and_many_inputs(tmp_path):
    example = TESTS.parent / "examples" / "speech.txt"
    target = tmp_path / "corpus.jsonl"
    assert main(["export", str(CORPUS_FILE), str(example), "-o", str(target)]) == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 14
    assert json.loads(lines[-1])["documents"][0]["title"] == "在全县安全生产和防汛工作会议上的讲话"
    assert "\\u" not in lines[0]


REGULATION = """上海市露天仓库消防安全管理规定
第一章　总则
第一条　为了加强本市露天仓库的消防安全管理，制定本规定。
第二条　露天仓库有下列情形之一的，应当立即整改：
(一)消防通道被占用的；
(二)消防设施损坏的。
整改情况应当报消防机构备案。
第二章　附则
第三条　本规定自发布之日起施行。
"""


def test_one_line_per_article(capsys, tmp_path):
    """--jsonl-unit article: per article its citation, chapter, exact text, 款 and 项."""
    path = tmp_path / "规定.txt"
    path.write_text(REGULATION, encoding="utf-8")
    assert main(["export", "--format", "jsonl", "--jsonl-unit", "article", str(path)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    validator = jsonschema.Draft202012Validator(load_schema())
    for row in rows:
        validator.validate(row)
    assert [r["citation"] for r in rows] == ["第一条", "第二条", "第三条"]
    assert [[c["title"] for c in r["context"]] for r in rows] == [["总则"], ["总则"], ["附则"]]
    second = rows[1]
    assert second["text"] == REGULATION[REGULATION.index("第二条") : REGULATION.index("第二章")]
    assert second["clauses"] == ["露天仓库有下列情形之一的，应当立即整改："]
    # The brackets as the standard cites them, whatever the text writes.
    assert [i["citation"] for i in second["items"]] == ["第二条第（一）项", "第二条第（二）项"]
    assert second["items"][0]["text"] == "(一)消防通道被占用的；"
    # The article view is not the full view: it holds no documents.
    bad = dict(second, documents=[])
    assert not validator.is_valid(bad)


def test_a_speech_has_no_articles(capsys):
    assert main(["export", "--format", "jsonl", "--jsonl-unit", "article", str(CORPUS_FILE)]) == 0
    assert capsys.readouterr().out == ""
