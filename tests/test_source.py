"""Reading files: encodings detected and reported, bad input refused with a clear error."""

from __future__ import annotations

import pytest

import govspeech
from govspeech import (
    BinaryInputError,
    DecodeError,
    GovspeechError,
    InputNotFoundError,
    InputReadError,
)

TEXT = "在全县工作会议上的讲话\r\n同志们：\r\n一、统一思想。\r\n（一）提高站位，強化責任。正文。\r\n"


@pytest.mark.parametrize(
    ("encoding", "data_encoding", "reported"),
    [
        ("utf-8", "utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig", "utf-8-sig"),
        ("gb18030", "gb18030", "gb18030"),
        ("gbk", "gbk", "gb18030"),
        ("utf-16", "utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le", "utf-16-le"),
    ],
)
def test_encodings_are_detected(tmp_path, encoding, data_encoding, reported):
    path = tmp_path / f"speech-{encoding}.txt"
    path.write_bytes(TEXT.encode(data_encoding))
    tree = govspeech.parse_file(path)
    assert tree.encoding == reported
    assert tree.text == TEXT
    assert tree.path == str(path)
    assert [s.marker for s in tree.documents[0].iter_sections()] == ["一、", "（一）"]


def test_gbk_only_characters_in_a_gb2312_labelled_file(tmp_path):
    # 镕 and 堃 are outside GB2312 but in GBK/GB18030
    text = "朱镕基同志在会议上的讲话\n一、王堃同志的发言要点。\n" * 20
    path = tmp_path / "page.txt"
    path.write_bytes(text.encode("gbk"))
    tree = govspeech.parse_file(path)
    assert tree.encoding == "gb18030" and tree.text == text


def test_encoding_override(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    assert govspeech.parse_file(path, encoding="gb18030").text == TEXT
    with pytest.raises(DecodeError, match="not valid utf-8"):
        govspeech.parse_file(path, encoding="utf-8")
    with pytest.raises(DecodeError, match="unknown encoding"):
        govspeech.parse_file(path, encoding="no-such-codec")


def test_missing_file(tmp_path):
    with pytest.raises(InputNotFoundError, match="no such file") as exc:
        govspeech.parse_file(tmp_path / "missing.txt")
    assert isinstance(exc.value, FileNotFoundError) and isinstance(exc.value, GovspeechError)


def test_directory(tmp_path):
    with pytest.raises(InputReadError, match="is a directory"):
        govspeech.parse_file(tmp_path)


def test_binary_file(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(BinaryInputError, match="binary"):
        govspeech.parse_file(path)


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes("一、统一思想。\n".encode() + b"\xff\xfe\xff\x80\x80" * 3)
    with pytest.raises(DecodeError, match="cannot decode"):
        govspeech.parse_file(path)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    tree = govspeech.parse_file(path)
    assert tree.documents == () and tree.text == ""


def test_parse_rejects_bytes():
    with pytest.raises(TypeError, match="parse_file"):
        govspeech.parse(b"bytes")  # type: ignore[arg-type]


def test_large_utf8_is_decoded_in_pieces_to_the_same_text(monkeypatch):
    from govspeech.read import source

    monkeypatch.setattr(source, "UTF8_PIECE", 7)  # pieces cut through three-byte characters
    text = "一、统一思想。\n（一）提高站位，a1 ①😀\n" * 20
    data = text.encode("utf-8")
    assert len(data) > source.UTF8_PIECE
    assert source.decode(data).text == text
    bad = data[:100] + b"\xff" + data[100:]
    with pytest.raises(source.DecodeError):
        source.decode(bad)
