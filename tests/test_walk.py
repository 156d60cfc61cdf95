"""walk / Visitor / Transformer on the corpus file, on nested trees and on hostile depth."""

from __future__ import annotations

import attrs
import pytest

import govspeech
from govspeech import (
    Blank,
    Boilerplate,
    Document,
    Heading,
    Paragraph,
    ParsedFile,
    Section,
    TitleLine,
)
from govspeech.walk import (
    DROP,
    Drop,
    Transformer,
    Visitor,
    children,
    walk,
    walk_with_depth,
)

from .conftest import CORPUS_FILE

CONTAINERS = (ParsedFile, Document, Section)
LEAVES = (TitleLine, Heading, Paragraph, Blank, Boilerplate)


def all_sections(tree: ParsedFile) -> list[Section]:
    return [sec for doc in tree.iter_documents() for sec in doc.iter_sections()]


def nested_section(tree: ParsedFile) -> Section:
    """A top-level section of the corpus with at least two levels below it."""
    for sec in all_sections(tree):
        if sec.level == 1 and any(child.children for child in sec.children):
            return sec
    raise AssertionError("the corpus has no section nested three deep")


def postorder(node):  # recursive reference implementation; the corpus is shallow
    out = []
    for kid in children(node):
        out.extend(postorder(kid))
    out.append(node)
    return out


# --- children -------------------------------------------------------------------------------


def test_children_follow_the_fields_in_source_order(corpus_tree):
    seen = set()
    for node in walk(corpus_tree):
        seen.add(type(node))
        kids = children(node)
        if isinstance(node, ParsedFile):
            assert kids == (*node.preamble, *node.documents)
        elif isinstance(node, Document):
            assert kids == (
                *node.title_lines,
                *node.opening,
                *node.parts,
                *node.closing,
                *node.subdocuments,
            )
            assert {id(k) for k in node.parts} == {id(k) for k in (*node.sections, *node.tail)}
        elif isinstance(node, Section):
            assert kids == (node.heading, *node.parts)
            assert {id(k) for k in node.parts} == {
                id(k) for k in (*node.body, *node.children, *node.tail)
            }
        else:
            assert isinstance(node, LEAVES)
            assert kids == ()
        # Children of a node sit one after the other in the source.
        starts = [kid.start for kid in kids]
        assert starts == sorted(starts)
    assert seen == {ParsedFile, Document, Section, TitleLine, Heading, Paragraph, Boilerplate}


def test_children_refuses_what_is_not_a_node(corpus_tree):
    para = next(p for p in corpus_tree.iter_leaves() if isinstance(p, Paragraph) and p.items)
    with pytest.raises(TypeError, match="not a govspeech tree node"):
        children(para.items[0])  # InlineItem is computed, not a child
    with pytest.raises(TypeError, match="not a govspeech tree node"):
        list(walk("一、统一思想。"))  # type: ignore[arg-type]


# --- child_fields: the one table of what the children are --------------------------------


@pytest.mark.parametrize("cls", [*CONTAINERS, *LEAVES])
def test_child_fields_name_every_field_that_holds_nodes(cls):
    node_names = {c.__name__ for c in (*CONTAINERS, *LEAVES)} | {"Leaf"}
    holding = {}
    for f in attrs.fields(cls):
        words = set(str(f.type).replace("[", " ").replace("]", " ").replace(",", " ").split())
        if words & node_names:
            leaves = "Leaf" in words or bool(words & {c.__name__ for c in LEAVES})
            containers = bool(words & {c.__name__ for c in CONTAINERS})
            holding[f.name] = (
                not str(f.type).startswith("tuple["),
                leaves and not containers,
                leaves and containers,
            )
    listed = {f.name: (f.single, f.leaves, f.mixed) for f in cls.child_fields}
    assert listed == holding
    assert list(listed) == [f.name for f in attrs.fields(cls) if f.name in listed]  # in order


def test_iter_leaves_reads_the_same_fields_as_walk(corpus_tree):
    def walked(node):
        return [n for n in walk(node) if not n.child_fields]

    nodes = [corpus_tree, *corpus_tree.iter_documents(), *all_sections(corpus_tree)]
    for node in nodes:
        leaves = list(node.iter_leaves())
        assert all(a is b for a, b in zip(leaves, walked(node), strict=True))


def test_iter_leaves_of_subclassed_containers():
    @attrs.frozen
    class MySection(Section):
        pass

    @attrs.frozen
    class MyDocument(Document):
        pass

    tree = govspeech.parse(
        "关于工作的讲话\n同志们：\n一、统一思想。\n（一）提高站位。正文。\n谢谢！\n"
    )
    doc = tree.documents[0]
    top = doc.sections[0]
    sub = MySection(**attrs.asdict(top.children[0], recurse=False))
    top = MySection(**{**attrs.asdict(top, recurse=False), "parts": (*top.body, sub)})
    doc = MyDocument(**{**attrs.asdict(doc, recurse=False), "parts": (top,)})
    mine = attrs.evolve(tree, documents=(doc,))
    assert [leaf.text for leaf in mine.iter_leaves()] == [leaf.text for leaf in tree.iter_leaves()]
    assert list(top.iter_leaves()) == [n for n in walk(top) if isinstance(n, LEAVES)]


# --- walk -----------------------------------------------------------------------------------


def test_walk_yields_the_leaves_in_source_order(corpus_tree):
    leaves = [node for node in walk(corpus_tree) if isinstance(node, LEAVES)]
    expected = list(corpus_tree.iter_leaves())
    assert len(leaves) == len(expected)
    assert all(a is b for a, b in zip(leaves, expected, strict=True))
    assert "".join(leaf.text for leaf in leaves) == CORPUS_FILE.read_text("utf-8")


def test_walk_yields_every_section_and_document_once_in_order(corpus_tree):
    nodes = list(walk(corpus_tree))
    assert nodes[0] is corpus_tree
    sections = [node for node in nodes if isinstance(node, Section)]
    expected = all_sections(corpus_tree)
    assert len(sections) == len(expected) == len({id(s) for s in sections})
    assert all(a is b for a, b in zip(sections, expected, strict=True))
    documents = [node for node in nodes if isinstance(node, Document)]
    assert documents == list(corpus_tree.iter_documents())
    # Pre-order: every container comes before its children, and sections before their headings.
    position = {id(node): k for k, node in enumerate(nodes)}
    for node in nodes:
        for kid in children(node):
            assert position[id(node)] < position[id(kid)]


def test_walk_from_a_section_or_a_leaf(corpus_tree):
    sec = nested_section(corpus_tree)
    nodes = list(walk(sec))
    assert nodes[0] is sec
    assert [n for n in nodes if isinstance(n, Section)] == list(sec.iter_sections())
    assert [n for n in nodes if isinstance(n, LEAVES)] == list(sec.iter_leaves())
    assert list(walk(sec.heading)) == [sec.heading]


def test_walk_with_depth_matches_section_levels(corpus_tree):
    depth_of = {}
    for node, depth in walk_with_depth(corpus_tree):
        depth_of[id(node)] = depth
    assert depth_of[id(corpus_tree)] == 0
    for doc in corpus_tree.documents:
        assert depth_of[id(doc)] == 1
        for sub in doc.subdocuments:
            assert depth_of[id(sub)] == 2
            for sec in sub.iter_sections():
                assert depth_of[id(sec)] == sec.level + 2
        for sec in doc.iter_sections():
            assert depth_of[id(sec)] == sec.level + 1
            assert depth_of[id(sec.heading)] == sec.level + 2
    assert [n for n, _ in walk_with_depth(corpus_tree)] == list(walk(corpus_tree))


# --- Visitor --------------------------------------------------------------------------------


class SectionTitles(Visitor):
    def __init__(self) -> None:
        self.titles: list[str] = []

    def visit_section(self, node: Section) -> None:
        self.titles.append(node.title)


def test_visitor_collects_section_titles(corpus_tree):
    visitor = SectionTitles()
    visitor.visit(corpus_tree)
    assert visitor.titles == [sec.title for sec in all_sections(corpus_tree)]
    assert len(visitor.titles) == 170


def test_visitor_started_at_a_document_or_a_section(corpus_tree):
    doc = next(d for d in corpus_tree.documents if d.subdocuments)
    visitor = SectionTitles()
    visitor.visit(doc)
    expected = [s.title for d in (doc, *doc.subdocuments) for s in d.iter_sections()]
    assert visitor.titles == expected
    sec = nested_section(corpus_tree)
    visitor = SectionTitles()
    visitor.visit(sec)
    assert visitor.titles == [s.title for s in sec.iter_sections()]


class Recorder(Visitor):
    """Records every call; visit_section returns False for the sections in `prune`."""

    def __init__(self, prune: tuple[int, ...] = ()) -> None:
        self.prune = prune
        self.events: list[tuple[str, object]] = []

    def _enter(self, node: object) -> None:
        self.events.append(("visit", node))

    def _leave(self, node: object) -> None:
        self.events.append(("leave", node))

    def visit_section(self, node: Section) -> bool:
        self._enter(node)
        return node.level not in self.prune

    visit_parsed_file = visit_document = visit_heading = _enter
    visit_paragraph = visit_title_line = visit_blank = visit_boilerplate = _enter
    leave_parsed_file = leave_document = leave_section = leave_heading = _leave
    leave_paragraph = leave_title_line = leave_blank = leave_boilerplate = _leave


def test_leave_calls_come_in_post_order(corpus_tree):
    rec = Recorder()
    rec.visit(corpus_tree)
    entered = [node for what, node in rec.events if what == "visit"]
    left = [node for what, node in rec.events if what == "leave"]
    assert all(a is b for a, b in zip(entered, walk(corpus_tree), strict=True))
    assert all(a is b for a, b in zip(left, postorder(corpus_tree), strict=True))
    # Properly nested: a node is left right after the last of its descendants is.
    open_nodes: list[object] = []
    for what, node in rec.events:
        if what == "visit":
            open_nodes.append(node)
        else:
            assert open_nodes.pop() is node
    assert open_nodes == []


def test_returning_false_skips_the_children_but_not_leave(corpus_tree):
    sec = nested_section(corpus_tree)
    rec = Recorder(prune=(2,))
    rec.visit(sec)
    entered = [node for what, node in rec.events if what == "visit"]
    left = [node for what, node in rec.events if what == "leave"]
    kept = [s for s in sec.iter_sections() if s.level <= 2]
    assert [n for n in entered if isinstance(n, Section)] == kept
    assert [n for n in left if isinstance(n, Section)] == [
        s for s in postorder(sec) if any(s is k for k in kept)
    ]
    pruned = [s for s in sec.children]
    assert pruned and any(s.children for s in pruned)
    for child in pruned:
        # The level-2 section itself is visited and left, nothing inside it is.
        assert sum(1 for _, node in rec.events if node is child) == 2
        assert all(node is not child.heading for _, node in rec.events)
        for grandchild in child.children:
            assert all(node is not grandchild for _, node in rec.events)
    # Whole corpus, pruning at the top: only level-1 sections, their headings never seen.
    rec = Recorder(prune=(1,))
    rec.visit(corpus_tree)
    seen = [node for what, node in rec.events if what == "visit"]
    assert [n for n in seen if isinstance(n, Section)] == [
        s for s in all_sections(corpus_tree) if s.level == 1
    ]
    assert not any(isinstance(n, Heading) for n in seen)
    openings = [leaf for doc in corpus_tree.iter_documents() for leaf in doc.opening]
    assert openings and all(any(n is leaf for n in seen) for leaf in openings)


def test_none_does_not_skip_and_hooks_are_inherited(corpus_tree):
    class Counting(SectionTitles):
        def __init__(self) -> None:
            super().__init__()
            self.paragraphs = 0

        def visit_paragraph(self, node: Paragraph) -> None:
            self.paragraphs += 1

    visitor = Counting()
    visitor.visit(corpus_tree)
    assert len(visitor.titles) == len(all_sections(corpus_tree))
    assert visitor.paragraphs == sum(isinstance(x, Paragraph) for x in corpus_tree.iter_leaves())

    class Silenced(Counting):
        visit_section = None  # type: ignore[assignment]

    visitor = Silenced()
    visitor.visit(corpus_tree)
    assert visitor.titles == [] and visitor.paragraphs > 0


def test_static_and_class_method_hooks():
    tree = govspeech.parse("一、统一思想。\n（一）提高站位。\n")
    found: list[str] = []

    class Static(Visitor):
        @staticmethod
        def visit_heading(node: Heading) -> None:
            found.append(node.marker)

        @classmethod
        def leave_section(cls, node: Section) -> None:
            found.append(f"{cls.__name__}:{node.title}")

    Static().visit(tree)
    assert found == ["一、", "（一）", "Static:提高站位。", "Static:统一思想。"]


def test_subclassed_nodes_dispatch_like_their_base():
    @attrs.frozen
    class QuotedParagraph(Paragraph):
        pass

    tree = govspeech.parse("一、统一思想。正文。\n")
    sec = tree.documents[0].sections[0]
    para = QuotedParagraph(**attrs.asdict(sec.body[0], recurse=False))
    sec = attrs.evolve(sec, parts=(para,))
    visitor = Recorder()
    visitor.visit(sec)
    assert ("visit", para) in visitor.events and ("leave", para) in visitor.events

    class Upper(Transformer):
        def transform_paragraph(self, node: Paragraph) -> Paragraph:
            return attrs.evolve(node, text="【" + node.text)

    assert Upper().transform(sec).body[0].text == "【正文。\n"


@pytest.mark.parametrize(
    "name", ["visit_Section", "visit_sections", "leave_para", "visit_inline_item"]
)
def test_misspelt_visitor_hooks_are_refused(name):
    with pytest.raises(TypeError, match=f"{name} does not name a tree node"):
        type("Typo", (Visitor,), {name: lambda self, node: None})


def test_misspelt_transformer_hooks_are_refused():
    with pytest.raises(TypeError, match="transform_Paragraph does not name a tree node"):

        class Typo(Transformer):
            def transform_Paragraph(self, node: Paragraph) -> Paragraph:
                return node


# --- Transformer ----------------------------------------------------------------------------


def test_transformer_without_changes_returns_the_same_object(corpus_tree):
    assert Transformer().transform(corpus_tree) is corpus_tree

    class Identity(Transformer):
        def transform_paragraph(self, node: Paragraph) -> Paragraph:
            return node

        def transform_section(self, node: Section) -> Section:
            return node

        def transform_document(self, node: Document) -> Document:
            return node

    assert Identity().transform(corpus_tree) is corpus_tree
    sec = nested_section(corpus_tree)
    assert Identity().transform(sec) is sec


class DropEnums(Transformer):
    def transform_section(self, node: Section) -> Section | Drop:
        return DROP if node.kind == "enum" else node


def surviving_sections(tree: ParsedFile) -> list[Section]:
    """Sections that are not enum items and not inside one, in document order."""
    out = []
    for doc in tree.iter_documents():
        stack = list(reversed(doc.sections))
        while stack:
            sec = stack.pop()
            if sec.kind != "enum":
                out.append(sec)
                stack.extend(reversed(sec.children))
    return out


def test_dropping_enum_sections_removes_exactly_those(corpus_tree):
    before = all_sections(corpus_tree)
    assert any(s.kind == "enum" for s in before)
    new = DropEnums().transform(corpus_tree)
    after = all_sections(new)
    assert not any(s.kind == "enum" for s in after)
    key = [
        (s.line, s.level, s.kind, s.style, s.marker, s.title)
        for s in surviving_sections(corpus_tree)
    ]
    assert [(s.line, s.level, s.kind, s.style, s.marker, s.title) for s in after] == key
    # Branches without enum items are shared with the old tree, not copied.
    for old_doc, new_doc in zip(corpus_tree.documents, new.documents, strict=True):
        has_enum = any(
            s.kind == "enum" for d in (old_doc, *old_doc.subdocuments) for s in d.iter_sections()
        )
        assert (new_doc is old_doc) is not has_enum
    untouched = [s for s in before if not any(d.kind == "enum" for d in s.iter_sections())]
    after_ids = {id(s) for s in after}
    assert untouched and all(id(s) in after_ids for s in untouched)
    # The text loses the enum items' lines and nothing else; the old tree is unchanged.
    dropped = {id(leaf) for s in before if s.kind == "enum" for leaf in s.iter_leaves()}
    expected = "".join(x.text for x in corpus_tree.iter_leaves() if id(x) not in dropped)
    assert new.text == expected != corpus_tree.text
    assert corpus_tree.text == CORPUS_FILE.read_text("utf-8")
    assert len(all_sections(corpus_tree)) == 170


def test_rewriting_paragraphs(corpus_tree):
    class Traditional(Transformer):
        def transform_paragraph(self, node: Paragraph) -> Paragraph:
            if "发展" not in node.text:
                return node
            return attrs.evolve(node, text=node.text.replace("发展", "發展"))

    source = CORPUS_FILE.read_text("utf-8")
    new = Traditional().transform(corpus_tree)
    old_leaves = list(corpus_tree.iter_leaves())
    new_leaves = list(new.iter_leaves())
    assert len(old_leaves) == len(new_leaves)
    changed = 0
    for old, fresh in zip(old_leaves, new_leaves, strict=True):
        if isinstance(old, Paragraph) and "发展" in old.text:
            changed += 1
            assert fresh.text == old.text.replace("发展", "發展")
            assert "发展" in old.text  # frozen: the old leaf is untouched
        else:
            assert fresh is old
    assert changed > 10
    assert new.text == "".join(
        x.text.replace("发展", "發展") if isinstance(x, Paragraph) else x.text for x in old_leaves
    )
    assert corpus_tree.text == source
    # Headings are not paragraphs: their 发展 stays.
    assert [s.title for s in all_sections(new)] == [s.title for s in all_sections(corpus_tree)]


def test_dropping_boilerplate(corpus_tree):
    class NoBoilerplate(Transformer):
        def transform_boilerplate(self, node: Boilerplate) -> Drop:
            return DROP

    new = NoBoilerplate().transform(corpus_tree)
    assert sum(isinstance(x, Boilerplate) for x in corpus_tree.iter_leaves()) > 0
    assert not any(isinstance(x, Boilerplate) for x in new.iter_leaves())
    assert new.text == "".join(
        x.text for x in corpus_tree.iter_leaves() if not isinstance(x, Boilerplate)
    )
    assert new.preamble == () and corpus_tree.preamble != ()


def test_transformer_started_at_a_document_or_a_section(corpus_tree):
    doc = next(d for d in corpus_tree.documents if any(s.kind == "enum" for s in d.iter_sections()))
    new_doc = DropEnums().transform(doc)
    assert isinstance(new_doc, Document)
    assert [s.title for s in new_doc.iter_sections()] == [
        s.title for s in doc.iter_sections() if s.kind != "enum"
    ]
    sec = next(s for s in all_sections(corpus_tree) if any(c.kind == "enum" for c in s.children))
    new_sec = DropEnums().transform(sec)
    assert isinstance(new_sec, Section) and new_sec is not sec
    assert [c.title for c in new_sec.children] == [
        c.title for c in sec.children if c.kind != "enum"
    ]
    assert new_sec.heading is sec.heading and all(
        a is b for a, b in zip(new_sec.body, sec.body, strict=True)
    )


def test_dropping_a_heading_or_the_root_is_refused(corpus_tree):
    class NoHeadings(Transformer):
        def transform_heading(self, node: Heading) -> Drop:
            return DROP

    with pytest.raises(TypeError, match=r"cannot drop a Heading: Section\.heading"):
        NoHeadings().transform(corpus_tree)

    sec = nested_section(corpus_tree)
    with pytest.raises(ValueError, match="cannot drop the node transform"):
        DropEnums().transform(next(s for s in all_sections(corpus_tree) if s.kind == "enum"))
    assert DropEnums().transform(sec.heading) is sec.heading


def test_bad_return_values_are_refused(corpus_tree):
    class Forgetful(Transformer):
        def transform_paragraph(self, node: Paragraph) -> Paragraph:
            node.content  # noqa: B018 (forgot the return)
            return None  # type: ignore[return-value]

    with pytest.raises(TypeError, match=r"Forgetful\.transform_paragraph returned NoneType"):
        Forgetful().transform(corpus_tree)

    class Flatten(Transformer):
        def transform_document(self, node: Document) -> Section:
            return node.sections[0]

    doc = next(d for d in corpus_tree.documents if d.sections)
    with pytest.raises(TypeError, match="started at a Document and must return one"):
        Flatten().transform(doc)
    assert repr(DROP) == "DROP"


# --- hostile depth --------------------------------------------------------------------------

DEPTH = 20_000


@pytest.fixture(scope="module")
def deep_tree() -> ParsedFile:
    """A real heading line and paragraph, with sections nested DEPTH levels deep."""
    tree = govspeech.parse("一、统一思想。\n（一）提高站位。正文。\n")
    doc = tree.documents[0]
    inner = doc.sections[0].children[0]
    assert isinstance(inner.body[0], Paragraph)
    sec = attrs.evolve(inner, level=DEPTH)
    for level in range(DEPTH - 1, 0, -1):
        sec = attrs.evolve(inner, level=level, parts=(sec,))
    return attrs.evolve(tree, documents=(attrs.evolve(doc, parts=(sec,)),))


def test_deep_nesting_walks_without_recursion(deep_tree):
    nodes = list(walk(deep_tree))
    assert sum(isinstance(n, Section) for n in nodes) == DEPTH
    assert len(nodes) == 2 + 2 * DEPTH + 1  # file, document, DEPTH × (section, heading), paragraph
    assert max(d for _, d in walk_with_depth(deep_tree)) == DEPTH + 2
    assert deep_tree.text == "（一）提高站位。" * DEPTH + "正文。\n"

    class Depth(Visitor):
        def __init__(self) -> None:
            self.depth = self.deepest = self.left = 0

        def visit_section(self, node: Section) -> None:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

        def leave_section(self, node: Section) -> None:
            self.depth -= 1
            self.left += 1

    visitor = Depth()
    visitor.visit(deep_tree)
    assert (visitor.deepest, visitor.depth, visitor.left) == (DEPTH, 0, DEPTH)


def test_deep_nesting_transforms_without_recursion(deep_tree):
    assert Transformer().transform(deep_tree) is deep_tree

    class Rewrite(Transformer):
        def transform_paragraph(self, node: Paragraph) -> Paragraph:
            return attrs.evolve(node, text="新正文。\n")

    new = Rewrite().transform(deep_tree)
    assert new.text == "（一）提高站位。" * DEPTH + "新正文。\n"
    old_sections = list(deep_tree.documents[0].iter_sections())
    new_sections = list(new.documents[0].iter_sections())
    assert len(new_sections) == DEPTH
    # Every ancestor of the changed paragraph is rebuilt; headings are shared.
    assert all(
        a is not b and a.heading is b.heading
        for a, b in zip(old_sections, new_sections, strict=True)
    )

    class DropDeepest(Transformer):
        def transform_section(self, node: Section) -> Section | Drop:
            return DROP if node.level == DEPTH else node

    cut = DropDeepest().transform(deep_tree)
    assert sum(1 for _ in cut.documents[0].iter_sections()) == DEPTH - 1
