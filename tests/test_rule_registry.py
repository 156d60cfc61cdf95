"""The lint rules as registered units: every registered code is documented in docs/check.md and
every documented code registered; the codes are registered in code order, one unit each, and
that is the order findings at one place are reported in; a new rule is one module (the
example of docs/check.md, registered here for the length of a test)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

import govspeech
from govspeech_plugins.check import rules
from govspeech_plugins.check.config import LintConfig
from govspeech_plugins.check.rules import RULES, Phase, Rule, Settings, analyse, register, registry

from .test_check import DOCS, INJECTED, found, run

# Two codes at one place: （二）、 starts its run at two (GS104) and has a stray 、 (GS302).
CROWDED = "一、甲\n（二）、乙。\n（三）丙\n"


def documented_codes() -> tuple[list[str], list[str], set[str]]:
    """The codes of docs/check.md: its ``### GSNNN name`` sections, its table rows, and every
    code it mentions anywhere."""
    doc = DOCS.read_text(encoding="utf-8")
    sections = re.findall(r"^### (GS\d{3}) ", doc, flags=re.M)
    rows = re.findall(r"^\| (GS\d{3}) \|", doc, flags=re.M)
    return sections, rows, set(re.findall(r"\bGS\d{3}\b", doc))


def test_every_registered_code_is_documented():
    sections, rows, _ = documented_codes()
    for code in RULES:
        assert code in sections, f"{code}: no ### {code} section in docs/check.md"
        assert code in rows, f"{code}: no row in the table of docs/check.md"


def test_every_documented_code_is_registered():
    sections, rows, mentioned = documented_codes()
    assert set(sections) | set(rows) | mentioned <= set(RULES)
    # Each once, in registration order.
    assert sections == rows == list(RULES)


def test_codes_are_registered_in_code_order_one_unit_each():
    assert list(RULES) == sorted(RULES)
    units = sorted([*registry.FILE_UNITS, *registry.GROUP_UNITS], key=lambda u: u.check.__module__)
    codes = [rule.code for unit in units for rule in unit.rules]
    assert codes == list(RULES)  # every code registered by exactly one unit, in module order
    for unit in units:
        module = unit.check.__module__
        assert module.startswith(rules.__name__ + ".")
        assert module.rsplit(".", 1)[1].startswith(unit.rules[0].code.lower() + "_"), module
        assert all(RULES[rule.code] is rule for rule in unit.rules)


def test_group_units_run_by_phase_then_registration():
    phases = [unit.phase for unit in registry.GROUP_UNITS]
    assert phases == sorted(phases) and Phase.FILE not in phases
    assert all(unit.phase is Phase.FILE for unit in registry.FILE_UNITS)


def test_fix_channels_follow_the_rules():
    number = {c for c, r in RULES.items() if r.rewrites == "number"}
    form = {c for c, r in RULES.items() if r.rewrites == "form"}
    assert registry.NUMBER_FIXES == number == {"GS101", "GS102", "GS104"}
    assert registry.FORM_FIXES == form == {"GS301", "GS302", "GS303"}
    assert registry.UNSAFE_NUMBER_FIXES == {"GS101"}
    # a 公文's parts are no markers: their rules rewrite text through Report.edit
    text = {c for c, r in RULES.items() if r.rewrites == "text"}
    assert text == {"GS601", "GS602", "GS603", "GS604", "GS605"}
    assert {c for c, r in RULES.items() if r.fix} == number | form | text


def test_findings_at_one_place_are_reported_in_registration_order(capsys, tmp_path):
    path = tmp_path / "crowded.txt"
    path.write_text(CROWDED, encoding="utf-8")
    order = list(RULES)
    rows = found(capsys, "--select", "ALL", path)
    places = [(r["line"], r["column"], order.index(r["code"])) for r in rows]
    assert places == sorted(places)
    at = {(r["line"], r["column"]) for r in rows}
    assert len(at) < len(rows), "the example should put several codes at one place"
    # The walk finds them phase by phase (GS302 before GS104); the report is in code order.
    raw = [f.code for f in analyse(govspeech.parse(CROWDED), Settings(frozenset(RULES))).findings]
    assert raw.index("GS302") < raw.index("GS104")
    assert [r["code"] for r in rows if r["line"] == 2] == ["GS104", "GS302"]


def test_statistics_and_error_messages_list_codes_in_registration_order(capsys):
    _, out, _ = run(capsys, "check", "--statistics", "--select", "ALL", INJECTED)
    listed = [line.split()[1] for line in out.splitlines()]
    assert listed == [c for c in RULES if c in listed] and len(listed) > 5
    code, _, err = run(capsys, "check", "--select", "GS9", INJECTED)
    assert code == 2
    assert f"(known: {', '.join(RULES)}, or ALL)" in err


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (Rule("GS10", "x", "x", None), "three digits"),
        (Rule("GS101", "x", "x", None), "registered twice"),
        (Rule("GS998", "x", "x", "safe"), "rewrites"),
        (Rule("GS998", "x", "x", None, rewrites="form"), "rewrites"),
        (Rule("GS998", "x", "x", "maybe", rewrites="form"), "fix is"),
    ],
)
def test_register_refuses_a_rule_it_cannot_use(rule, message):
    before = dict(RULES)
    with pytest.raises(ValueError, match=message):
        register(rule, phase=Phase.SIBLINGS)
    with pytest.raises(ValueError, match="twice"):
        register(Rule("GS998", "x", "x", None), Rule("GS998", "y", "y", None), phase=Phase.FILE)
    assert RULES == before


@pytest.fixture
def scratch_registry() -> Iterator[None]:
    """Whatever a test registers is gone after it."""
    saved = (
        dict(RULES),
        list(registry.FILE_UNITS),
        list(registry.GROUP_UNITS),
        set(registry.NUMBER_FIXES),
        set(registry.FORM_FIXES),
        set(registry.UNSAFE_NUMBER_FIXES),
    )
    try:
        yield
    finally:
        RULES.clear()
        RULES.update(saved[0])
        registry.FILE_UNITS[:] = saved[1]
        registry.GROUP_UNITS[:] = saved[2]
        for live, old in zip(
            (registry.NUMBER_FIXES, registry.FORM_FIXES, registry.UNSAFE_NUMBER_FIXES),
            saved[3:],
            strict=True,
        ):
            live.clear()
            live.update(old)


def test_a_new_rule_is_one_module(scratch_registry, capsys, tmp_path):
    """The example unit of docs/check.md, as a module of its own, registers a code that
    check reports, selects and counts like the built-in ones."""
    doc = DOCS.read_text(encoding="utf-8")
    source = doc.split("## Adding a rule")[1].split("```python\n")[1].split("```")[0]
    source = source.replace("GSNNN", "GS999")
    namespace = {"__name__": f"{rules.__name__}.gs999_empty_heading"}
    exec(compile(source, "gs999_empty_heading.py", "exec"), namespace)
    assert list(RULES)[-1] == "GS999" and not RULES["GS999"].default

    text = "一、\n二、乙\n"
    tree = govspeech.parse(text)
    assert [f.code for f in analyse(tree).findings] == []  # off by default
    (finding,) = LintConfig(frozenset({"GS999"})).analyse(tree).findings
    assert (finding.line, finding.column, finding.code, finding.fix) == (1, 1, "GS999", None)
    assert finding.message == "the heading 一、 has no title"

    path = tmp_path / "speech.txt"
    path.write_text(text, encoding="utf-8")
    rows = found(capsys, "--extend-select", "GS9", path)
    assert [(r["code"], r["name"]) for r in rows] == [("GS999", "empty-heading")]
    code, out, _ = run(capsys, "check", "--select", "GS999", "--format", "json", path)
    assert code == 1 and json.loads(out)[0]["message"] == finding.message
