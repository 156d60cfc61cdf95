"""The LangChain loader and the LlamaIndex reader and node parser (issue 18, part 3), tested
with the real packages (no network, no models: the objects they make)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

import govspeech
from govspeech.chunks import chunks

EXAMPLE = Path(__file__).parent.parent / "examples" / "speech.txt"
NEED = os.environ.get("CI") == "true"  # CI installs them; here they may be missing


def _need(module: str) -> None:
    if not NEED:
        pytest.importorskip(module)


def test_langchain_documents_are_the_chunks_with_flat_metadata():
    _need("langchain_core")
    from langchain_core.documents import Document

    from govspeech.integrations.langchain import GovspeechLoader

    loader = GovspeechLoader(EXAMPLE, max_size=300)
    docs = loader.load()
    want = chunks(govspeech.parse_file(EXAMPLE), max_size=300)
    assert [d.id for d in docs] == [c.id for c in want] and len(docs) > 5
    assert all(isinstance(d, Document) for d in docs)
    assert [d.page_content for d in docs] == [c.context for c in want]
    first = next(d for d in docs if d.metadata.get("section_id"))
    assert first.metadata["path"].startswith("一、提高思想认识")
    assert first.page_content.startswith("在全县安全生产和防汛工作会议上的讲话\n一、")
    # what vector stores accept: str, int, bool and lists of str only
    for d in docs:
        for value in d.metadata.values():
            assert isinstance(value, (str, int, bool)) or (
                isinstance(value, list) and all(isinstance(v, str) for v in value)
            )
    # the exact source text on request
    texts = GovspeechLoader(EXAMPLE, max_size=300, content="text").load()
    assert [d.page_content for d in texts] == [c.text for c in want]


def test_langchain_loader_reads_a_gongwen_with_its_metadata(tmp_path):
    _need("langchain_core")
    from govspeech.integrations.langchain import GovspeechLoader

    path = tmp_path / "notice.txt"
    path.write_text(
        "上海市人民政府关于做好防汛工作的通知\n沪府发〔2024〕12号\n\n各区人民政府：\n"
        "一、压实责任\n各区要落实属地责任。\n二、强化保障\n各部门要加强协同。\n\n"
        "上海市人民政府\n2024年5月6日\n",
        encoding="utf-8",
    )
    docs = GovspeechLoader(path).load()
    section = next(d for d in docs if d.metadata.get("markers") == ["二、"])
    assert section.metadata["doc_kind"] == "通知" and section.metadata["doc_number"] == (
        "沪府发〔2024〕12号"
    )
    assert section.metadata["doc_date"] == "2024-05-06"
    assert "上海市人民政府\n2024年5月6日" not in section.page_content  # the 落款 is no body
    # LlamaIndex's reader gives the whole document the same doc_* metadata as its chunks
    if importlib.util.find_spec("llama_index.core") is not None:
        from govspeech.integrations.llamaindex import GovspeechReader

        (whole,) = GovspeechReader().load_data(path)
        doc_keys = {k: v for k, v in section.metadata.items() if k.startswith("doc_")}
        assert {k: v for k, v in whole.metadata.items() if k.startswith("doc_")} == doc_keys
        assert whole.metadata["doc_addressees"] == ["各区人民政府"]


def test_llamaindex_reader_and_node_parser():
    _need("llama_index.core")
    from llama_index.core.schema import Document, NodeRelationship, TextNode

    from govspeech.integrations.llamaindex import GovspeechNodeParser, GovspeechReader

    docs = GovspeechReader().load_data(EXAMPLE)
    assert len(docs) == 1 and isinstance(docs[0], Document)
    assert docs[0].metadata["document_title"] == "在全县安全生产和防汛工作会议上的讲话"
    nodes = GovspeechNodeParser(max_size=300, parents=True).get_nodes_from_documents(docs)
    assert all(isinstance(n, TextNode) for n in nodes)
    children = [n for n in nodes if NodeRelationship.PARENT in n.relationships]
    assert children and all(
        n.relationships[NodeRelationship.SOURCE].node_id == docs[0].doc_id for n in nodes
    )
    ids = {n.node_id for n in nodes}
    assert all(n.relationships[NodeRelationship.PARENT].node_id in ids for n in children)
    # each node's text is the document's own text at its offsets; the path is what the
    # embedder sees besides it
    text = docs[0].text
    for n in nodes:
        if not n.metadata.get("is_parent") and n.start_char_idx is not None:
            assert n.text == text[n.start_char_idx : n.end_char_idx] or "\n" in n.text
    deep = next(n for n in children if n.metadata.get("path", "").count(" > ") >= 2)
    assert deep.metadata["path"] in deep.get_content(metadata_mode="embed")
    assert "start" not in deep.get_content(metadata_mode="embed")
    # stable: the same text, the same node ids
    again = GovspeechNodeParser(max_size=300, parents=True).get_nodes_from_documents(docs)
    assert [n.node_id for n in again] == [n.node_id for n in nodes]


def test_without_the_packages_the_error_names_the_extra(monkeypatch):
    import importlib

    from govspeech.integrations import langchain, llamaindex

    real = importlib.import_module

    def fail(name: str, *args: object) -> object:
        if name.startswith(("langchain_core", "llama_index")):
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", fail)
    with pytest.raises(govspeech.MissingDependencyError, match=r"govspeech\[langchain\]"):
        langchain.GovspeechLoader(EXAMPLE).load()
    with pytest.raises(govspeech.MissingDependencyError, match=r"govspeech\[llamaindex\]"):
        llamaindex.GovspeechReader().load_data(EXAMPLE)
