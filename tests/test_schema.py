"""The JSON Schema shipped in the package describes what `to_dict` and `to_outline_dict` write.

Real output (the corpus file, the 42 work reports) is validated after a JSON round trip;
hand-broken copies prove the schema rejects drift; `to_outline_dict`'s filters are checked
against the tree itself.
"""

from __future__ import annotations

import copy
import json
import os
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

import govspeech
from govspeech.nodes import Section, SectionKind
from govspeech.serialize import SCHEMA_FILE, load_schema, to_dict, to_outline_dict
from govspeech.syntax.families import FAMILIES

from .conftest import report_paths

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_SCHEMA = ROOT / "src" / "govspeech" / SCHEMA_FILE
DOCS_SCHEMA = ROOT / "docs" / SCHEMA_FILE
REPORTS = report_paths()

Data = dict[str, Any]

# One small speech with every part the full view has: title, salutation, sections at two
# levels with a dash item, inline items, boilerplate, closing.
SAMPLE = (
    "在全县工作会议上的讲话\n"
    "同志们：\n"
    "一、统一思想。\n"
    "（一）提高站位。正文。一是要严把准入关。二是要把好检查关。\n"
    "——要做忠诚可靠的人。\n"
    "【本文地址:http://www.example.com/1.html】\n"
    "谢谢大家！\n"
)


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _json(data: Data) -> Data:
    """What a consumer reads back from the exported JSON."""
    out: Data = json.loads(json.dumps(data, ensure_ascii=False))
    return out


def _assert_valid(validator: Draft202012Validator, data: Data) -> None:
    error = best_match(validator.iter_errors(_json(data)))
    assert error is None, f"{error.json_path}: {error.message}"


def _walk(sections: list[Data]) -> Iterator[Data]:
    """Sections and their descendants in document order (non-recursive)."""
    stack = list(reversed(sections))
    while stack:
        sec = stack.pop()
        yield sec
        stack.extend(reversed(sec["children"]))


def _documents(data: Data) -> Iterator[Data]:
    """Documents and their subdocuments, in source order (like ParsedFile.iter_documents)."""
    for doc in data["documents"]:
        yield doc
        yield from doc["subdocuments"]


# --- the schema file itself ---------------------------------------------------------------


def test_schema_is_a_valid_draft_2020_12_schema():
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("/govspeech-2.schema.json")
    assert schema["title"] and schema["description"]
    assert {"document", "section", "outline_document", "outline_section", "leaf"} <= set(
        schema["$defs"]
    )


def test_load_schema_reads_the_package_file_and_returns_a_fresh_dict():
    assert load_schema() == json.loads(PACKAGE_SCHEMA.read_text("utf-8"))
    first = load_schema()
    first["$defs"].clear()
    assert load_schema()["$defs"]


def test_docs_copy_is_a_relative_symlink_to_the_package_file():
    assert DOCS_SCHEMA.is_symlink()
    assert os.readlink(DOCS_SCHEMA) == f"../src/govspeech/{SCHEMA_FILE}"
    assert DOCS_SCHEMA.resolve() == PACKAGE_SCHEMA.resolve()
    assert DOCS_SCHEMA.read_bytes() == PACKAGE_SCHEMA.read_bytes()


def test_kind_and_style_enums_match_the_marker_families():
    defs = load_schema()["$defs"]
    assert set(defs["kind"]["enum"]) == set(typing.get_args(SectionKind))
    assert set(defs["style"]["enum"]) == {f.style for f in FAMILIES.values()}


# --- real output validates ----------------------------------------------------------------


def test_full_view_of_the_corpus_file_validates(corpus_tree, validator):
    data = to_dict(corpus_tree)
    assert (data["schema"], data["view"]) == ("govspeech/2", "full")
    _assert_valid(validator, data)


def test_sample_validates_in_both_views(validator):
    tree = govspeech.parse(SAMPLE)
    full = _json(to_dict(tree))
    assert (full["path"], full["encoding"]) == (None, None)
    _assert_valid(validator, full)
    _assert_valid(validator, to_outline_dict(tree))
    (doc,) = full["documents"]
    leaves = doc["title_lines"] + doc["opening"] + doc["closing"]
    leaves += [leaf for sec in _walk(doc["sections"]) for leaf in sec["body"]]
    assert {leaf["type"] for leaf in leaves} == {"title_line", "paragraph", "boilerplate"}
    assert any("items" in leaf for leaf in leaves)


def test_title_lines_are_typed_title_line(corpus_tree):
    data = _json(to_dict(corpus_tree))
    types = {leaf["type"] for doc in _documents(data) for leaf in doc["title_lines"]}
    assert types == {"title_line"}
    roles = [
        leaf["role"]
        for doc in _documents(data)
        for leaf in doc["title_lines"]
        if leaf["text"] == doc["title"]
    ]
    assert roles == ["title"] * 13


@pytest.mark.parametrize(
    ("kinds", "depth"),
    [
        (None, None),
        ({"numbered"}, None),
        ({"enum", "dash"}, None),
        (None, 1),
        ({"numbered"}, 2),
        ((), None),
    ],
)
def test_outline_views_of_the_corpus_file_validate(corpus_tree, validator, kinds, depth):
    data = to_outline_dict(corpus_tree, kinds=kinds, depth=depth)
    assert (data["schema"], data["view"]) == ("govspeech/2", "outline")
    _assert_valid(validator, data)


@pytest.mark.skipif(not REPORTS, reason="shared corpus reports not present")
# every third report here (1954 to 2024, every decade), all 42 under CI=true: jsonschema walks
# every node of the full view in Python, a third of a second a report
@pytest.mark.parametrize(
    "path",
    [p if i % 3 == 0 else pytest.param(p, marks=pytest.mark.slow) for i, p in enumerate(REPORTS)],
    ids=lambda p: p.stem,
)
def test_reports_validate_in_both_views(path, validator):
    tree = govspeech.parse_file(path)
    _assert_valid(validator, to_dict(tree))
    _assert_valid(validator, to_outline_dict(tree))
    _assert_valid(validator, to_outline_dict(tree, kinds={"numbered"}, depth=2))


# --- the schema rejects drift -------------------------------------------------------------


def _first_section(data: Data) -> Data:
    sec: Data = data["documents"][0]["sections"][0]
    return sec


def _nested_section(data: Data) -> Data:
    sec: Data = _first_section(data)["children"][0]
    return sec


def _paragraph_with_items(data: Data) -> Data:
    return next(p for p in _nested_section(data)["body"] if "items" in p)


BROKEN: list[tuple[str, str, Callable[[Data], object], str]] = [
    # (id, view, how to break it, a piece of one error's message)
    ("section-missing-level", "full", lambda d: _nested_section(d).pop("level"), "'level'"),
    (
        "outline-section-missing-level",
        "outline",
        lambda d: _nested_section(d).pop("level"),
        "'level'",
    ),
    ("kind-bogus", "full", lambda d: _first_section(d).update(kind="bogus"), "'bogus'"),
    ("outline-kind-bogus", "outline", lambda d: _first_section(d).update(kind="bogus"), "bogus"),
    ("unknown-style", "full", lambda d: _first_section(d).update(style="roman"), "'roman'"),
    ("section-extra-key", "full", lambda d: _nested_section(d).update(colour=1), "'colour'"),
    ("document-extra-key", "full", lambda d: d["documents"][0].update(colour=1), "'colour'"),
    ("root-extra-key", "full", lambda d: d.update(colour=1), "'colour'"),
    ("outline-root-extra-key", "outline", lambda d: d.update(colour=1), "'colour'"),
    ("leaf-extra-key", "full", lambda d: _paragraph_with_items(d).update(colour=1), "'colour'"),
    (
        "item-extra-key",
        "full",
        lambda d: _paragraph_with_items(d)["items"][0].update(colour=1),
        "'colour'",
    ),
    ("outline-section-with-body", "outline", lambda d: _first_section(d).update(body=[]), "body"),
    (
        "outline-section-with-title-span",
        "outline",
        lambda d: _first_section(d).update(title_span=[0, 1]),
        "title_span",
    ),
    (
        "outline-document-with-opening",
        "outline",
        lambda d: d["documents"][0].update(opening=[]),
        "opening",
    ),
    ("outline-with-preamble", "outline", lambda d: d.update(preamble=[]), "False schema"),
    ("full-section-missing-body", "full", lambda d: _nested_section(d).pop("body"), "'body'"),
    ("full-without-preamble", "full", lambda d: d.pop("preamble"), "'preamble'"),
    (
        "document-missing-sections",
        "full",
        lambda d: d["documents"][0].pop("sections"),
        "'sections'",
    ),
    ("level-zero", "full", lambda d: _first_section(d).update(level=0), "0"),
    ("number-as-string", "full", lambda d: _first_section(d).update(number="1"), "'1'"),
    ("line-zero", "outline", lambda d: _first_section(d).update(line=0), "0"),
    ("span-of-three", "full", lambda d: _first_section(d).update(span=[0, 1, 2]), "at most 2"),
    ("negative-offset", "outline", lambda d: d["documents"][0].update(span=[-1, 5]), "-1"),
    (
        "old-leaf-type-name",
        "full",
        lambda d: d["documents"][0]["title_lines"][0].update(type="titleline"),
        "'title_line' was expected",
    ),
    (
        "unknown-paragraph-role",
        "full",
        lambda d: d["documents"][0]["opening"][0].update(role="aside"),
        "'aside'",
    ),
    ("wrong-schema-version", "full", lambda d: d.update(schema="govspeech/1"), "govspeech/2"),
    ("unknown-view", "full", lambda d: d.update(view="summary"), "'summary'"),
    (
        "full-view-with-outline-documents",
        "outline",
        lambda d: d.update(view="full"),
        "'title_lines'",
    ),
    ("outline-view-with-full-documents", "full", lambda d: d.update(view="outline"), "'body'"),
]


@pytest.fixture(scope="module")
def sample_views(validator) -> dict[str, Data]:
    tree = govspeech.parse(SAMPLE)
    views = {"full": _json(to_dict(tree)), "outline": _json(to_outline_dict(tree))}
    for data in views.values():
        assert validator.is_valid(data)
    return views


@pytest.mark.parametrize(
    ("view", "breaker", "message"),
    [pytest.param(view, breaker, message, id=name) for name, view, breaker, message in BROKEN],
)
def test_schema_rejects_broken_output(sample_views, validator, view, breaker, message):
    data = copy.deepcopy(sample_views[view])
    breaker(data)
    errors = list(validator.iter_errors(data))
    assert errors, "the broken output was accepted"
    # the reason, also when it sits inside a oneOf (a leaf matches none of the leaf types)
    messages = []
    while errors:
        error = errors.pop()
        messages.append(error.message)
        errors.extend(error.context)
    assert any(message in m for m in messages), messages


# --- to_outline_dict on real text ---------------------------------------------------------


def test_outline_without_filters_is_the_full_view_cut_down(corpus_tree):
    full = _json(to_dict(corpus_tree))
    outline = _json(to_outline_dict(corpus_tree))
    section_keys = ("kind", "style", "marker", "number", "level", "title", "line", "column", "span")

    def cut_section(sec: Data) -> Data:
        out = {k: sec[k] for k in section_keys}
        out["children"] = [cut_section(c) for c in sec["children"]]
        return out

    def cut_document(doc: Data) -> Data:
        return {
            "title": doc["title"],
            "kind": doc["meta"]["kind"],
            "number": doc["meta"]["number"],
            "date": doc["meta"]["date"],
            "line": doc["line"],
            "span": doc["span"],
            "parts": [
                {"title": leaf["text"].strip(" \u3000"), "line": leaf["line"]}
                for leaf in (*doc["opening"], *doc["tail"])
                if leaf.get("role") == "part"
            ],
            "sections": [cut_section(s) for s in doc["sections"]],
            "subdocuments": [cut_document(d) for d in doc["subdocuments"]],
        }

    assert outline == {
        "schema": full["schema"],
        "view": "outline",
        "path": full["path"],
        "encoding": full["encoding"],
        "documents": [cut_document(d) for d in full["documents"]],
    }


def test_numbered_only_keeps_every_numbered_heading_in_order(corpus_tree):
    all_kinds = {s.kind for d in corpus_tree.iter_documents() for s in d.iter_sections()}
    assert all_kinds == {"numbered", "enum", "dash"}  # so the filter has something to remove
    data = to_outline_dict(corpus_tree, kinds={"numbered"})
    docs = list(corpus_tree.iter_documents())
    out_docs = list(_documents(data))
    assert len(out_docs) == len(docs)
    for doc, out in zip(docs, out_docs, strict=True):
        kept = list(_walk(out["sections"]))
        assert {s["kind"] for s in kept} <= {"numbered"}
        expected = [
            (s.line, s.marker, s.title) for s in doc.iter_sections() if s.kind == "numbered"
        ]
        assert [(s["line"], s["marker"], s["title"]) for s in kept] == expected
        for sec in out["sections"]:
            assert sec["level"] == 1
        for sec in kept:
            assert all(c["level"] == sec["level"] + 1 for c in sec["children"])


def test_enum_and_dash_only_drop_every_numbered_heading(corpus_tree):
    data = to_outline_dict(corpus_tree, kinds=["enum", "dash"])
    for doc, out in zip(corpus_tree.iter_documents(), _documents(data), strict=True):
        expected = [s.line for s in doc.iter_sections() if s.kind != "numbered"]
        assert [s["line"] for s in _walk(out["sections"])] == expected


def test_left_out_sections_hand_their_children_up_in_place():
    text = "三、能源\n第一，甲。\n（一）乙。\n（二）丙。\n第二，丁。\n（三）戊。\n四、技术\n"
    tree = govspeech.parse(text)
    numbered = to_outline_dict(tree, kinds={"numbered"})["documents"][0]["sections"]
    assert [(s["marker"], s["level"]) for s in numbered] == [("三、", 1), ("四、", 1)]
    assert [(c["marker"], c["level"], c["line"]) for c in numbered[0]["children"]] == [
        ("（一）", 2, 3),
        ("（二）", 2, 4),
        ("（三）", 2, 6),
    ]
    (source,) = [s for s in tree.documents[0].iter_sections() if s.marker == "（一）"]
    assert source.level == 3  # the outline level counts only the kept sections
    enums = to_outline_dict(tree, kinds={"enum"})["documents"][0]["sections"]
    assert [(s["marker"], s["level"], s["children"]) for s in enums] == [
        ("第一，", 1, []),
        ("第二，", 1, []),
    ]


def test_depth_one_gives_exactly_the_top_level_sections(corpus_tree):
    data = to_outline_dict(corpus_tree, depth=1)
    for doc, out in zip(corpus_tree.iter_documents(), _documents(data), strict=True):
        assert [(s["line"], s["marker"], s["level"]) for s in out["sections"]] == [
            (s.line, s.marker, 1) for s in doc.sections
        ]
        assert all(s["children"] == [] for s in out["sections"])


def test_depth_counts_the_kept_sections(corpus_tree):
    for depth in (1, 2, 3):
        data = to_outline_dict(corpus_tree, kinds={"numbered", "dash"}, depth=depth)
        for doc, out in zip(corpus_tree.iter_documents(), _documents(data), strict=True):
            levels = [s["level"] for s in _walk(out["sections"])]
            assert max(levels, default=0) <= depth
            deep = to_outline_dict(
                govspeech.ParsedFile(preamble=(), documents=(doc,)), kinds={"numbered", "dash"}
            )
            expected = [
                s["line"] for s in _walk(deep["documents"][0]["sections"]) if s["level"] <= depth
            ]
            assert [s["line"] for s in _walk(out["sections"])] == expected


def test_documents_keep_their_line_title_and_subdocuments(corpus_tree):
    data = to_outline_dict(corpus_tree, kinds={"numbered"}, depth=1)
    assert [d["line"] for d in data["documents"]] == [d.line for d in corpus_tree.documents]
    for doc, out in zip(corpus_tree.iter_documents(), _documents(data), strict=True):
        assert (out["title"], out["line"], out["span"]) == (
            doc.title,
            doc.line,
            [doc.start, doc.end],
        )
        assert len(out["subdocuments"]) == len(doc.subdocuments)
    seventh = data["documents"][6]
    assert [s["line"] for s in seventh["subdocuments"]] == [135, 143, 157, 169, 183, 197]
    assert all(s["title"] is None for s in seventh["subdocuments"])
    assert [s["marker"] for s in seventh["subdocuments"][1]["sections"]] == [
        "(一)",
        "(二)",
        "(三)",
        "(四)",
        "(一)",
        "(二)",
        "(三)",
    ]


def test_outline_of_a_file_keeps_path_and_encoding(corpus_tree):
    data = to_outline_dict(corpus_tree)
    assert (data["path"], data["encoding"]) == (corpus_tree.path, "utf-8")
    assert "preamble" not in data and corpus_tree.preamble


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kinds": {"numbered", "heading"}}, "kinds"),
        ({"kinds": "numbered"}, "kinds"),
        ({"depth": 0}, "depth"),
    ],
)
def test_outline_rejects_bad_filters(kwargs, message):
    with pytest.raises(ValueError, match=message):
        to_outline_dict(govspeech.parse(SAMPLE), **kwargs)


def test_outline_of_very_deep_nesting_does_not_recurse():
    tree = govspeech.parse("一、甲\n")
    (doc,) = tree.documents
    sec = doc.sections[0]
    n = 1500  # past the recursion limit (1000)
    children: tuple[Section, ...] = ()
    for level in range(n, 0, -1):  # odd levels numbered, even levels dash
        kind, style = ("numbered", "cn_num") if level % 2 else ("dash", "dash")
        deep = attrs.evolve(sec, kind=kind, style=style, level=level, parts=children)
        children = (deep,)
    tree = attrs.evolve(tree, documents=(attrs.evolve(doc, parts=(deep,)),))
    every = list(_walk(to_outline_dict(tree)["documents"][0]["sections"]))
    assert [s["level"] for s in every] == list(range(1, n + 1))
    numbered = list(_walk(to_outline_dict(tree, kinds={"numbered"})["documents"][0]["sections"]))
    assert [s["level"] for s in numbered] == list(range(1, n // 2 + 1))
    cut = list(_walk(to_outline_dict(tree, depth=7)["documents"][0]["sections"]))
    assert len(cut) == 7
