"""The family table is the one description of marker families, and it covers the grammar."""

from __future__ import annotations

import re

import pytest

import govspeech
from govspeech.syntax.families import BY_STYLE, FAMILIES
from govspeech.syntax.grammar import grammar_text
from govspeech.syntax.numerals import marker_number


def test_every_heading_terminal_of_the_grammar_has_a_row_and_no_row_is_extra():
    rule = re.search(r"^_heading:(.*?)\n\n", grammar_text(), re.S | re.M)
    assert rule is not None
    terminals = set(re.findall(r"\b[A-Z][A-Z_]+\b", rule.group(1)))
    assert terminals == set(FAMILIES)


def test_every_row_is_complete():
    for name, family in FAMILIES.items():
        assert family.kind in ("numbered", "enum", "dash"), name
        assert (family.script is None) == (family.kind == "dash"), name
        assert (family.rank is None) == (family.kind != "numbered"), name
        if family.judged or family.above_cn_num:
            assert family.kind == "numbered" and family.rank is not None, name
        if family.nests_as is not None:
            shared = FAMILIES[family.nests_as]
            assert shared.nests_as is None and shared.rank == family.rank, name
    assert len(BY_STYLE) == len(FAMILIES)  # styles are unique


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("第十二部分", 12), ("第三章", 3), ("第二节", 2), ("十一、", 11), ("二", 2), ("（十二）", 12),
        ("２３．", 23), ("（4）", 4), ("5)", 5), ("⑦", 7), ("⑵", 2), ("三是", 3), ("二要", 2),
        ("第四，", 4), ("其次，", 2), ("——", None),
    ],
)  # fmt: skip
def test_the_number_of_each_family_is_read_by_its_script(text, number):
    """A marker of every family, parsed, carries the number its family's script gives it."""
    source = text + "内容。\n" if text != "二" else "二\n"
    (section,) = [s for d in govspeech.parse(source).documents for s in d.iter_sections()]
    assert section.number == number
    assert marker_number(section.style, section.marker) == number


@pytest.mark.parametrize("name", sorted(n for n, f in FAMILIES.items() if f.canonical))
def test_each_standard_form_is_read_as_its_own_family(name):
    """The table's canonical marker is a marker of that very family (fix rewrites to it)."""
    family = FAMILIES[name]
    text = f"一、上级标题\n{family.canonical}标准写法的标题。\n"
    sections = [s for d in govspeech.parse(text).documents for s in d.iter_sections()]
    assert sections[-1].style == family.style and sections[-1].marker == family.canonical


def _case_texts() -> list[tuple[str, str]]:
    """(case id, input text) of every case in tests/cases/."""
    from tests.test_cases import CASES, read_cases

    return [
        (f"{path.name}::{case.name}", case.text)
        for path in sorted(CASES.glob("*.txt"))
        for case in read_cases(path.read_text(encoding="utf-8"), path.name).cases
    ]


def test_every_family_has_a_case_in_the_fixtures():
    """A new family comes with its fixture line: tests/cases/ shows every family parsed."""
    seen = {
        s.style
        for _, text in _case_texts()
        for doc in govspeech.parse(text).iter_documents()
        for s in doc.iter_sections()
    }
    assert set(BY_STYLE) <= seen, sorted(set(BY_STYLE) - seen)


def test_every_row_states_its_script_and_standard_form():
    """None is a decision, not a gap: each row of the table writes ``script=`` and
    ``canonical=`` (None where fix keeps the form as written, or for —— which has no number)."""
    import ast
    import inspect

    from govspeech.syntax import families

    tree = ast.parse(inspect.getsource(families))
    rows = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Family"
    ]
    assert len(rows) == len(FAMILIES)
    for row in rows:
        named = {kw.arg for kw in row.keywords}
        style = ast.literal_eval(row.args[0])
        assert {"canonical"} <= named, f"{style}: write canonical=… (None: kept as written)"
        assert "script" in named or style == "dash", f"{style}: write script=…"


