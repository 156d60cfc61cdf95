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
