"""``export --format text``: the input as plain text, and with --clean the speeches only."""

from __future__ import annotations

import argparse
import io
import re

import pytest

import govspeech
from govspeech.cli import main
from govspeech.views import leaf_text
from govspeech_plugins.export.text import TextExporter

from .conftest import CORPUS_FILE, TESTS, report, report_paths

EXAMPLE = TESTS.parent / "examples" / "speech.txt"
LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")  # what the parser calls a line


def strip(text: str) -> str:
    """White space (and stray BOMs) off both ends, line ending included."""
    space = "[\\s\ufeff\u200b\u200c\u200d\u2060]+"
    return re.sub(f"^{space}|{space}$", "", text)


def export(capsys, *args: str) -> str:  # type: ignore[no-untyped-def]
    assert main(["export", "--format", "text", *args]) == 0
    return capsys.readouterr().out


def boilerplate_lines(tree: govspeech.ParsedFile) -> set[int]:
    return {leaf.line for leaf in tree.iter_leaves() if isinstance(leaf, govspeech.Boilerplate)}


def expected_clean_lines(tree: govspeech.ParsedFile) -> list[str]:
    """The source lines that are neither blank nor boilerplate, stripped (no separators)."""
    skip = boilerplate_lines(tree)
    lines = [strip(line) for line in LINES.findall(tree.text)]
    return [line for n, line in enumerate(lines, 1) if n not in skip and line]


def assert_clean(tree: govspeech.ParsedFile, out: str) -> list[str]:
    """What --clean promises, checked against the tree; returns the output's lines."""
    assert out.endswith("\n") and not out.startswith("\n") and "\n\n\n" not in out
    lines = out.splitlines()
    assert [line for line in lines if line] == expected_clean_lines(tree)
    # Every non-boilerplate leaf's content is there, in order.
    pos = 0
    for leaf in tree.iter_leaves():
        if isinstance(leaf, (govspeech.Blank, govspeech.Boilerplate)):
            continue
        content = strip(leaf.text)
        if not content:  # a line of em spaces is a Paragraph to the parser
            continue
        found = out.find(content, pos)
        assert found >= 0, (leaf.line, content)
        pos = found + len(content)
    # No boilerplate line, no indentation, no trailing white space.
    blurbs = {
        strip(leaf.text) for leaf in tree.iter_leaves() if isinstance(leaf, govspeech.Boilerplate)
    }
    assert not blurbs & set(lines)
    assert all(line == strip(line) for line in lines)
    # Every title and heading line is kept, as written.
    for doc in tree.iter_documents():
        if doc.title is not None:
            assert doc.title in lines
        for sec in doc.iter_sections():
            assert any(line.startswith(leaf_text(sec.heading)) for line in lines)
    return lines


def test_default_is_the_input(capsys, corpus_tree):
    out = export(capsys, str(CORPUS_FILE))
    source = CORPUS_FILE.read_text(encoding="utf-8")
    assert not source.endswith("\n")  # the last line is the source link, without a newline
    assert out == source + "\n" == corpus_tree.text + "\n"
    assert export(capsys, str(EXAMPLE)) == EXAMPLE.read_text(encoding="utf-8")


def test_default_normalizes_line_endings_and_encoding(capsys, tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    cr = tmp_path / "cr.txt"
    cr.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r").encode("utf-8"))
    assert export(capsys, str(crlf)) == text
    assert export(capsys, str(cr)) == text  # the BOM is gone as well
    # Several inputs follow each other, like cat.
    assert export(capsys, str(crlf), str(EXAMPLE)) == text + text


def test_clean_corpus(capsys, corpus_tree):
    out = export(capsys, "--clean", str(CORPUS_FILE))
    lines = assert_clean(corpus_tree, out)
    # The web blurbs of the scraped page are gone.
    for blurb in ("众鑫文档网", "下面是小编为大家整理的", "本文地址", "xuefen.com.cn"):
        assert blurb not in out
    assert ";" not in lines
    assert "总结是观察、思考和总结所得的结论和经验" not in out  # the site's opening blurb
    # 13 speeches, the seventh with six more run into it: 19 blocks, 18 empty lines between.
    assert lines.count("") == 18
    blocks = out.split("\n\n")
    assert len(blocks) == 19
    assert blocks[0].startswith("在全县疫情防控工作会议上的讲话篇一\n近日,中央、省市县委分别召开了")
    assert blocks[7].startswith("同志们:\n在市第五届人民代表大会第五次会议闭幕后")  # part 2 of 7
    assert blocks[-1].splitlines()[-1].startswith("3.提升核酸采样人员组织能力。要充分发挥网")
    # A heading stays on one line with the rest of its source line.
    assert any(
        line.startswith("(1)在防“人”方面:一是用好公安大数据排查。对上级反馈") for line in lines
    )


def test_clean_matches_checked_golden(capsys, golden):
    """tests/golden/export/corpus_speeches.clean.txt was read line by line against the source."""
    out = export(capsys, "--clean", str(CORPUS_FILE))
    golden("export/corpus_speeches.clean.txt", out)


def test_clean_example(capsys):
    out = export(capsys, "--clean", str(EXAMPLE))
    assert out == EXAMPLE.read_text(encoding="utf-8")  # nothing to clean in a tidy file


def test_clean_report(capsys):
    path = report(2024)
    tree = govspeech.parse_file(path)
    out = export(capsys, "--text-clean", str(path))
    lines = assert_clean(tree, out)
    assert lines[:3] == [
        "2024年中华人民共和国国务院政府工作报告",
        "政府工作报告",
        "——2024年3月5日在第十四届全国人民代表大会第二次会议上",
    ]
    assert "国务院总理" in lines and "李　强" in lines  # internal spaces are kept
    assert "" not in lines  # one document, no blank lines
    assert lines[-1].startswith("使命重在担当，奋斗创造未来。")
    for licence in ("Public domain", "本作品是中华人民共和国的", "公有领域", "false"):
        assert licence not in out
    raw = path.read_text(encoding="utf-8")
    assert raw.count("\n\n") > 100 and len(out) < len(raw)


def test_clean_several_inputs(capsys, tmp_path, corpus_tree):
    one = export(capsys, "--clean", str(CORPUS_FILE))
    example = export(capsys, "--clean", str(EXAMPLE))
    both = export(capsys, "--clean", str(CORPUS_FILE), str(EXAMPLE))
    assert both == one + "\n" + example
    folder = tmp_path / "clean"
    assert (
        main(
            ["export", "-f", "text", "--clean", str(CORPUS_FILE), str(EXAMPLE), "-o", f"{folder}/"]
        )
        == 0
    )
    assert (folder / "tests" / "data" / "corpus_speeches.txt").read_text(encoding="utf-8") == one
    assert (folder / "examples" / "speech.txt").read_text(encoding="utf-8") == example


def test_output_file_by_extension(capsys, tmp_path):
    target = tmp_path / "讲话.txt"
    assert main(["export", "--clean", str(CORPUS_FILE), "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert target.read_text(encoding="utf-8") == export(capsys, "--clean", str(CORPUS_FILE))


def test_clean_yields_to_another_formats_option(corpus_tree):
    """When another format registered --clean first, --text-clean still works."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--clean", dest="other_clean", action="store_true")
    exporter = TextExporter()
    exporter.add_arguments(parser)
    options = parser.parse_args(["--text-clean"])
    assert options.text_clean is True and options.other_clean is False
    tree = govspeech.parse_file(EXAMPLE)
    clean, plain = _run(exporter, tree, options), _run(exporter, tree, parser.parse_args([]))
    assert clean == EXAMPLE.read_text(encoding="utf-8") == plain
    assert _run(exporter, corpus_tree, options) != _run(
        exporter, corpus_tree, parser.parse_args([])
    )
    # A general --clean switch (dest "clean") registered by another format counts too.
    shared = argparse.ArgumentParser()
    shared.add_argument("--clean", action="store_true")
    exporter.add_arguments(shared)
    assert _run(exporter, corpus_tree, shared.parse_args(["--clean"])) == _run(
        exporter, corpus_tree, options
    )


def _run(exporter: TextExporter, tree: govspeech.ParsedFile, options: argparse.Namespace) -> str:
    out = io.StringIO()
    exporter.start(options, out)
    assert exporter.run(tree, options, out) == 0
    return out.getvalue()


@pytest.mark.parametrize("path", report_paths(), ids=lambda p: p.stem)
def test_clean_every_report(capsys, path):
    tree = govspeech.parse_file(path)
    lines = assert_clean(tree, export(capsys, "--clean", str(path)))
    assert lines[0] == tree.documents[0].title
    assert export(capsys, str(path)) == tree.text.replace("\r\n", "\n") + "\n"
