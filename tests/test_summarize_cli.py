"""``govspeech summarize`` on real text: verbatim sentences in order, keywords, 提法, formats."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from govspeech.cli import main

from .conftest import CORPUS_FILE, TESTS, report

EXAMPLE = TESTS.parent / "examples" / "speech.txt"
SAID = re.compile(r"^(?P<pad> *)(?:· |开场 · )(?P<text>.*)（第(?P<line>\d+)行）$")


@pytest.fixture(scope="module")
def corpus_text_summary():  # type: ignore[no-untyped-def]
    import io
    from contextlib import redirect_stdout

    buf = io.StringIO()
    with redirect_stdout(buf):
        assert main(["summarize", str(CORPUS_FILE)]) == 0
    return buf.getvalue()


def test_sentences_are_verbatim_and_in_order(corpus_text_summary):
    lines = CORPUS_FILE.read_text(encoding="utf-8").splitlines()
    blocks = corpus_text_summary.split("\n\n")
    assert len(blocks) == 13 + 6  # 13 speeches, the seventh with six run-together parts
    picked = 0
    for block in blocks:
        last = 0
        for row in block.splitlines():
            m = SAID.match(row)
            if not m:
                # A heading: the sentences under each heading are in source order. (A
                # section's own sentences come before its subsections', even those of its
                # text after a list, 一、's line 255 after its —— items.)
                last = 0
                continue
            number = int(m["line"])
            assert m["text"] in lines[number - 1], row
            assert number >= last, f"out of order: {row}"
            last = number
            picked += 1
    assert picked > 60


def test_keywords_name_the_topic(corpus_text_summary):
    blocks = corpus_text_summary.split("\n\n")
    keywords = [
        next(row for row in b.splitlines() if row.startswith("  关键词："))
        .split("：", 1)[1]
        .split()
        if "  关键词：" in b
        else []
        for b in blocks
    ]
    assert "安全生产" in keywords[3]
    assert "人才" in keywords[5]
    assert "未成年人" in keywords[1]
    for k in (2, 4, 8, 10):
        assert {"疫情", "防控"} & set(keywords[k]), keywords[k]
    filler = {"要", "进一步", "加强", "工作", "坚持", "全面"}
    assert not filler & {w for ks in keywords for w in ks}


def test_tifa(corpus_text_summary):
    tifa = " ".join(row for row in corpus_text_summary.splitlines() if row.startswith("  提法："))
    assert "外防输入、内防反弹" in tifa
    assert "四个意识" in tifa


def test_same_output_twice_and_under_another_hash_seed(corpus_text_summary):
    env = dict(os.environ, PYTHONHASHSEED="12345")
    proc = subprocess.run(
        [sys.executable, "-m", "govspeech", "summarize", str(CORPUS_FILE)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert proc.stdout == corpus_text_summary
    assert proc.stderr == ""  # jieba's log lines stay quiet


def test_example_speech_skeleton(capsys):
    assert main(["summarize", "--depth", "1", str(EXAMPLE)]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == "在全县安全生产和防汛工作会议上的讲话"
    headings = [r.strip() for r in rows if re.match(r"^  [一二三]、", r)]
    assert headings == [
        "一、提高思想认识，切实增强做好安全生产工作的责任感",
        "二、突出工作重点，全力抓好汛期安全各项措施",
        "三、强化组织保障，确保各项工作落到实处",
    ]
    assert not any(r.startswith("    （") for r in rows)  # depth 1: no （一）


def test_budget(capsys):
    assert main(["summarize", "--format", "json", "--max-chars", "300", str(CORPUS_FILE)]) == 0
    data = json.loads(capsys.readouterr().out)
    for doc in data["documents"]:
        texts = [s["text"] for s in doc["opening"]]
        stack = list(doc["sections"])
        while stack:
            sec = stack.pop()
            texts += [s["text"] for s in sec["sentences"]]
            stack.extend(sec["children"])
        assert sum(len(t) for t in texts) == doc["characters"]
        # The budget gives way only to keep one sentence for a top-level point.
        assert doc["characters"] <= 300 or len(texts) <= len(doc["sections"])


def test_json_shape_and_spans(capsys):
    assert main(["summarize", "--format", "json", "--sentences", "2", str(EXAMPLE)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "govspeech-summary/1"
    text = EXAMPLE.read_text(encoding="utf-8")
    (doc,) = data["documents"]
    assert doc["title"] == "在全县安全生产和防汛工作会议上的讲话" and doc["index"] == "1"
    for sec in doc["sections"]:
        assert sec["level"] == 1 and sec["keywords"]
        assert len(sec["sentences"]) <= 2
        for s in sec["sentences"]:
            assert text[s["span"][0] : s["span"][1]] == s["text"]


def test_markdown(capsys):
    assert main(["summarize", "--format", "markdown", str(EXAMPLE)]) == 0
    md = capsys.readouterr().out.splitlines()
    assert md[0] == "# 在全县安全生产和防汛工作会议上的讲话"
    assert "## 一、提高思想认识，切实增强做好安全生产工作的责任感" in md
    assert any(line.startswith("> ") and line.endswith("行）") for line in md)


def test_report(capsys):
    path = report(2024)
    assert main(["summarize", "--depth", "1", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2024年中华人民共和国国务院政府工作报告\n")
    assert "一、2023年工作回顾" in out


def test_bad_options(capsys):
    assert main(["summarize", "--ratio", "2", str(EXAMPLE)]) == 2
    assert "--ratio" in capsys.readouterr().err
    assert main(["summarize", "--max-chars", "10", "--ratio", "0.1", str(EXAMPLE)]) == 2
    assert "not allowed with" in capsys.readouterr().err
