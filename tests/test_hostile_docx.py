"""Hostile Word files: each is refused with one line and exit code 2, or read with its numbers
clamped (exit code 0), within seconds and in bounded memory; none ends in a traceback.

Every file is built here, in tmp_path, with zipfile (the few headers no writer produces are
patched in afterwards). The command line runs in a child process under an address-space limit,
so a regression fails with MemoryError instead of eating the machine, and reports its own peak
RSS. Before the limits existed, these files took up to minutes (zip bombs: killed after 150 s at
7 GB), or ended in OverflowError, MemoryError, NotImplementedError or ValueError tracebacks.
"""

from __future__ import annotations

import random
import string
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

pytest.importorskip("lxml")

from govspeech import GovspeechError
from govspeech.read.docx import (
    MAX_COMPRESSION_RATIO,
    MAX_COUNTER,
    MAX_LABEL,
    MAX_LEVEL_TEXT,
    MAX_PART_SIZE,
    MAX_STYLE_DEPTH,
    MAX_STYLES,
    RATIO_GRACE,
    docx_text,
    read_docx,
)

from .childrun import Run, run_limited

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XMLNS = f'xmlns:w="{W_NS}"'
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'

#: Each child may map this much address space; the reader needs well under a tenth of it.
ADDRESS_SPACE = 1536 * 1024 * 1024
#: Peak RSS of a child, in MiB: the interpreter, lxml and the command line take about 40-70.
PEAK_RSS_MB = 300
#: CPU time of a child, in seconds, start-up included: the work itself, whatever the load.
CPU_SECONDS = 5.0
#: Wall time of a child: generous, as the machine's two cores are shared with other jobs.
WALL_SECONDS = 20.0


# --- building .docx files -----------------------------------------------------------------------


def document(body: str) -> str:
    return f"{DECL}<w:document {XMLNS}><w:body>{body}</w:body></w:document>"


def para(
    text: str = "正文。", *, num: int | None = None, ilvl: int | None = 0, style: str | None = None
) -> str:
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        il = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        ppr += f'<w:numPr>{il}<w:numId w:val="{num}"/></w:numPr>'
    ppr = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


def lvl(
    ilvl: int, fmt: str = "decimal", text: str = "%1．", *, start: int | str = 1, extra: str = ""
) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def numbering(
    levels: str, *, nums: str = '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
) -> str:
    return f'{DECL}<w:numbering {XMLNS}><w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>{nums}</w:numbering>'


def style(
    sid: str, *, based_on: str | None = None, num: int | None = None, ilvl: int | None = None
) -> str:
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    numpr = ""
    if num is not None:
        il = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        numpr = f'<w:pPr><w:numPr>{il}<w:numId w:val="{num}"/></w:numPr></w:pPr>'
    return f'<w:style w:type="paragraph" w:styleId="{sid}">{base}{numpr}</w:style>'


def styles(body: str) -> str:
    return f"{DECL}<w:styles {XMLNS}>{body}</w:styles>"


def write_docx(
    path: Path, parts: dict[str, str | bytes], compression: int = zipfile.ZIP_DEFLATED
) -> Path:
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


# Offsets of fields in a zip's local file header (LH) and central directory entry (CD).
LH_METHOD, LH_CRC, LH_USIZE = 8, 14, 22
CD_VERSION, CD_FLAGS, CD_METHOD, CD_CRC, CD_CSIZE, CD_USIZE, CD_OFFSET = 6, 8, 10, 16, 20, 24, 42


def central_entry(data: bytes | bytearray, name: str) -> int:
    """Where the central directory entry of ``name`` starts."""
    at = data.rindex(b"PK\x05\x06")
    start = struct.unpack_from("<I", data, at + 16)[0]
    while data[start : start + 4] == b"PK\x01\x02":
        length = struct.unpack_from("<H", data, start + 28)[0]
        extra, comment = struct.unpack_from("<HH", data, start + 30)
        if data[start + 46 : start + 46 + length] == name.encode():
            return start
        start += 46 + length + extra + comment
    raise KeyError(name)


def patch(path: Path, edits: Callable[[bytearray], None]) -> Path:
    data = bytearray(path.read_bytes())
    edits(data)
    path.write_bytes(bytes(data))
    return path


def put(data: bytearray, at: int, fmt: str, value: int) -> None:
    struct.pack_into(fmt, data, at, value)


def deflated(
    path: Path, stream: bytes, size: int, crc: int, extra: dict[str, bytes] | None = None
) -> Path:
    """A .docx whose document.xml is the raw deflate ``stream`` (``size`` bytes, CRC ``crc``):
    written stored by zipfile, then marked deflated, as no writer takes compressed bytes."""
    write_docx(path, {"word/document.xml": stream, **(extra or {})}, zipfile.ZIP_STORED)

    def mark(data: bytearray) -> None:
        cd = central_entry(data, "word/document.xml")
        lh = struct.unpack_from("<I", data, cd + CD_OFFSET)[0]
        for base, method, crc_at, usize in (
            (lh, LH_METHOD, LH_CRC, LH_USIZE),
            (cd, CD_METHOD, CD_CRC, CD_USIZE),
        ):
            put(data, base + method, "<H", zipfile.ZIP_DEFLATED)
            put(data, base + crc_at, "<I", crc)
            put(data, base + usize, "<I", size)

    return patch(path, mark)


def repeated_deflate(
    prefix: bytes, block: bytes, count: int, suffix: bytes
) -> tuple[bytes, int, int]:
    """The deflate stream of prefix + block * count + suffix, built in milliseconds: each piece
    is compressed on its own and ends with a full flush, so one block's bytes can be repeated."""

    def piece(data: bytes, last: bool) -> bytes:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        return c.compress(data) + c.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH)

    crc = zlib.crc32(prefix)
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(suffix, crc)
    stream = piece(prefix, False) + piece(block, False) * count + piece(suffix, True)
    return stream, len(prefix) + len(block) * count + len(suffix), crc


HEAD = f"{DECL}<w:document {XMLNS}><w:body>".encode()
TAIL = (para("一、正文。") + "</w:body></w:document>").encode()
EMPTY_PARAS = b"<w:p/>" * (1 << 18)  # 1.5 MiB, deflates about 690:1


def zip_bomb(
    path: Path, size: int = MAX_PART_SIZE - (2 << 20), extra: dict[str, bytes] | None = None
) -> Path:
    """document.xml of empty paragraphs, just under the size cap: 256 MiB from 400 KB."""
    count = (size - len(HEAD) - len(TAIL)) // len(EMPTY_PARAS)
    stream, total, crc = repeated_deflate(HEAD, EMPTY_PARAS, count, TAIL)
    return deflated(path, stream, total, crc, extra)


def lying_bomb(path: Path) -> Path:
    """The zip bomb, with a central directory that claims 2 GB of compressed data, in an archive
    padded to 1 MB: the claimed ratio looks harmless, where the member's bytes end does not."""
    noise = random.Random(7).randbytes(1 << 20)
    zip_bomb(path, extra={"docProps/thumbnail.jpeg": noise})
    return patch(
        path, lambda d: put(d, central_entry(d, "word/document.xml") + CD_CSIZE, "<I", 0x7FFFFFFF)
    )


def padded_bomb(path: Path) -> Path:
    """200 MiB of blanks whose deflate stream is followed, inside the member, by 1 MiB of junk:
    every claim in the headers is consistent and the claimed ratio is 170:1; only inflating
    shows 1000:1, so the check made while streaming must stop it."""
    stream, size, crc = repeated_deflate(HEAD, b" " * (1 << 20), 200, TAIL)
    return deflated(path, stream + random.Random(8).randbytes(1 << 20), size, crc)


def ratio_docx(path: Path, ratio: float) -> Path:
    """A legitimate, repetitive document.xml of 3 MB that deflates about ``ratio``:1 (one
    paragraph of random letters sets the ratio, found by a few trial compressions made as
    zipfile makes them)."""
    rng = random.Random(3)
    letters = "".join(rng.choice(string.ascii_letters) for _ in range(20_000))
    bulk = para("同" * 3000) * 330  # deflates about 830:1

    def xml(k: int) -> bytes:
        return document(para("一、" + letters[:k]) + bulk).encode()

    def measured(k: int) -> float:
        c = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        data = xml(k)
        return len(data) / len(c.compress(data) + c.flush())

    lo, hi = 0, len(letters)  # the ratio falls as k grows: find where it crosses ``ratio``
    while hi - lo > 16:
        mid = (lo + hi) // 2
        if measured(mid) > ratio:
            lo = mid
        else:
            hi = mid
    write_docx(path, {"word/document.xml": xml(hi)})
    info = zipfile.ZipFile(path).getinfo("word/document.xml")
    assert (
        info.file_size > RATIO_GRACE and 0.98 < info.file_size / info.compress_size / ratio < 1.02
    )
    return path


def start_at(path: Path, start: int | str, fmt: str = "upperLetter") -> Path:
    return write_docx(
        path,
        {
            "word/document.xml": document(para("标题", num=1) * 3 + para("正文。")),
            "word/numbering.xml": numbering(lvl(0, fmt, "%1.", start=start)),
        },
    )


def long_level_text(path: Path, repeats: int = 20_000, paragraphs: int = 1_000) -> Path:
    return write_docx(
        path,
        {
            "word/document.xml": document(para("标题", num=1) * paragraphs),
            "word/numbering.xml": numbering(lvl(0, "decimal", "%1" * repeats)),
        },
    )


def levels_through_style(path: Path, levels: int = 20_000, paragraphs: int = 20_000) -> Path:
    """A style numbered without w:ilvl: the level is the one whose w:pStyle names the style,
    searched among every level, for every paragraph."""
    defs = "".join(lvl(k, extra=f'<w:pStyle w:val="Other{k}"/>') for k in range(levels))
    return write_docx(
        path,
        {
            "word/document.xml": document(para("标题", style="Listed") * paragraphs),
            "word/styles.xml": styles(style("Listed", num=1)),
            "word/numbering.xml": numbering(defs),
        },
    )


def never_restarting(path: Path, levels: int = 20_000) -> Path:
    """Levels that never restart (w:lvlRestart 0), each used once: every counter lives on and
    is looked at again for each later paragraph."""
    defs = "".join(lvl(k, extra='<w:lvlRestart w:val="0"/>') for k in range(levels))
    return write_docx(
        path,
        {
            "word/document.xml": document(
                "".join(para("标题", num=1, ilvl=k) for k in range(levels))
            ),
            "word/numbering.xml": numbering(defs),
        },
    )


def based_on_chain(
    path: Path, length: int = 100_000, paragraphs: int = 1_000, cycle: bool = False
) -> Path:
    """S0 (numbered) <- S1 <- ... <- S{length-1}, which the paragraphs use; ``cycle`` bases S0
    on the last style instead."""
    chain = style("S0", num=1, ilvl=0, based_on=f"S{length - 1}" if cycle else None)
    chain += "".join(style(f"S{k}", based_on=f"S{k - 1}") for k in range(1, length))
    return write_docx(
        path,
        {
            "word/document.xml": document(para("标题", style=f"S{length - 1}") * paragraphs),
            "word/styles.xml": styles(chain),
            "word/numbering.xml": numbering(lvl(0, "chineseCounting", "%1、")),
        },
    )


def empty_paragraphs(path: Path, count: int = 10**6) -> Path:
    """A million empty paragraphs (and one with text), stored: 6 MB of markup, no ratio."""
    body = "<w:p/>" * count + para("一、正文。")
    return write_docx(path, {"word/document.xml": document(body)}, zipfile.ZIP_STORED)


def small_docx(path: Path) -> Path:
    """A small valid .docx with styles and numbering: the base the header patches start from."""
    return write_docx(
        path,
        {
            "word/document.xml": document(
                para("一、标题", style="Heading1") + para("正文。", num=1)
            ),
            "word/styles.xml": styles(style("Heading1", num=1, ilvl=0)),
            "word/numbering.xml": numbering(lvl(0, "chineseCounting", "%1、")),
        },
    )


def patched(edit: Callable[[bytearray, int, int], None]) -> Callable[[Path], Path]:
    """A builder: small_docx with ``edit(data, central entry, local header)`` applied to
    document.xml's headers."""

    def build(path: Path) -> Path:
        def edits(data: bytearray) -> None:
            cd = central_entry(data, "word/document.xml")
            edit(data, cd, struct.unpack_from("<I", data, cd + CD_OFFSET)[0])

        return patch(small_docx(path), edits)

    return build


def version_needed(data: bytearray, cd: int, lh: int) -> None:
    put(data, cd + CD_VERSION, "<H", 80)  # "version needed to extract" 8.0


def negative_seek(data: bytearray, cd: int, lh: int) -> None:
    # The end record puts the central directory further on than it is: zipfile takes the
    # difference for data prepended to the archive, and the first local header lands before 0.
    at = data.rindex(b"PK\x05\x06")
    put(data, at + 16, "<I", struct.unpack_from("<I", data, at + 16)[0] + 10_000)


def encrypted(data: bytearray, cd: int, lh: int) -> None:
    put(data, cd + CD_FLAGS, "<H", 1)


def strong_encryption(data: bytearray, cd: int, lh: int) -> None:
    put(data, cd + CD_FLAGS, "<H", 0x40)


def unknown_method(data: bytearray, cd: int, lh: int) -> None:
    put(data, cd + CD_METHOD, "<H", 99)


def bzip2(data: bytearray, cd: int, lh: int) -> None:
    put(data, cd + CD_METHOD, "<H", zipfile.ZIP_BZIP2)


def bad_local_magic(data: bytearray, cd: int, lh: int) -> None:
    data[lh : lh + 4] = b"PK\x09\x09"


def utf8_local_name(data: bytearray, cd: int, lh: int) -> None:
    put(data, lh + 6, "<H", 0x800)  # the local name claims UTF-8...
    data[lh + 30] = 0xFF  # ...and is not


def bad_deflate(data: bytearray, cd: int, lh: int) -> None:
    start = lh + 30 + struct.unpack_from("<H", data, lh + 26)[0]
    data[start] = 0xFF  # a reserved block type: zlib.error


def huge_offset(data: bytearray, cd: int, lh: int) -> None:
    # A zip64 extra field moves the local header past 2**63: a seek C cannot represent.
    name_len = struct.unpack_from("<H", data, cd + 28)[0]
    old_extra = struct.unpack_from("<H", data, cd + 30)[0]
    assert old_extra == 0
    put(data, cd + CD_OFFSET, "<I", 0xFFFFFFFF)
    extra = struct.pack("<HHQ", 1, 8, 2**63 + 5)
    at = cd + 46 + name_len
    data[at:at] = extra
    put(data, cd + 30, "<H", len(extra))
    end = data.rindex(b"PK\x05\x06")
    put(data, end + 12, "<I", struct.unpack_from("<I", data, end + 12)[0] + len(extra))


def truncated_data(data: bytearray, cd: int, lh: int) -> None:
    # Claim more compressed bytes than the archive holds: the stream runs dry (EOFError).
    put(data, cd + CD_CSIZE, "<I", len(data) * 4)
    start = lh + 30 + struct.unpack_from("<H", data, lh + 26)[0]
    del data[start + 20 : cd]  # keep the stream's start only
    end = data.rindex(b"PK\x05\x06")
    put(data, end + 16, "<I", data.index(b"PK\x01\x02"))


# --- running the command line in a child ------------------------------------------------------


def run_cli(path: Path, command: str = "outline") -> Run:
    """``govspeech outline path`` (or, for ``--reader``, `docx_text` alone) in a child
    process under the address-space limit."""
    args = ["--docx-reader", str(path)] if command == "--reader" else [command, str(path)]
    return run_limited(args, path.with_name(path.name + ".rss"), ADDRESS_SPACE)


def assert_handled(path: Path, code: int, message: str | None, command: str = "outline") -> Run:
    run = run_cli(path, command)
    assert "Traceback" not in run.err, run.err[-2000:]
    assert run.code == code, run.err
    if code == 2:
        lines = run.err.splitlines()
        assert len(lines) == 1, run.err
        assert lines[0].startswith(f"error: {path}: "), lines[0]
        assert message is not None and message in lines[0], lines[0]
    else:
        assert run.err == "" and run.out
    assert run.cpu_seconds < CPU_SECONDS, f"{run.cpu_seconds:.1f} s of CPU"
    assert run.seconds < WALL_SECONDS, f"{run.seconds:.1f} s"
    assert run.peak_mb < PEAK_RSS_MB, f"{run.peak_mb:.0f} MiB"
    return run


# --- the hostile files ----------------------------------------------------------------------------

CASES: list[tuple[str, Callable[[Path], Path], int, str | None]] = [
    # numbers: clamped, the file stays readable
    ("start-1e30-letters", lambda p: start_at(p, 10**30), 0, None),
    ("start-2e62-letters", lambda p: start_at(p, 2**62), 0, None),
    ("start-1e9-letters", lambda p: start_at(p, 10**9), 0, None),
    ("start-1e9-roman", lambda p: start_at(p, 10**9, "upperRoman"), 0, None),
    ("start-5000-digits", lambda p: start_at(p, "9" * 5000), 0, None),
    ("start-negative", lambda p: start_at(p, -(10**30), "chineseCounting"), 0, None),
    # numbering definitions
    ("lvltext-20000-placeholders", long_level_text, 2, "w:lvlText of 40000 characters"),
    ("levels-through-style-20000", levels_through_style, 2, "more than 10000 elements"),
    ("levels-through-style-1500", lambda p: levels_through_style(p, 1_500, 10_000), 0, None),
    ("never-restart-20000-levels", never_restarting, 2, "more than 10000 elements"),
    ("never-restart-1500-levels", lambda p: never_restarting(p, 1_500), 0, None),
    # styles
    ("based-on-chain-1e5", based_on_chain, 2, f"more than {MAX_STYLES} styles"),
    (
        "based-on-chain-too-deep",
        lambda p: based_on_chain(p, 5_000),
        2,
        f"w:basedOn chain is more than {MAX_STYLE_DEPTH} styles deep",
    ),
    (
        "based-on-cycle-5000",
        lambda p: based_on_chain(p, 5_000, cycle=True),
        2,
        f"w:basedOn chain is more than {MAX_STYLE_DEPTH} styles deep",
    ),
    # sizes
    ("zip-bomb-under-size-cap", zip_bomb, 2, "zip bomb"),
    ("zip-bomb-lying-sizes", lying_bomb, 2, "zip bomb"),
    ("zip-bomb-padded", padded_bomb, 2, "zip bomb"),
    ("ratio-just-over", lambda p: ratio_docx(p, MAX_COMPRESSION_RATIO * 1.1), 2, "zip bomb"),
    ("ratio-just-under", lambda p: ratio_docx(p, MAX_COMPRESSION_RATIO * 0.9), 0, None),
    # archives zipfile cannot read: each used to escape as a traceback
    ("zip-version-8.0", patched(version_needed), 2, "unsupported .docx (zip file version 8.0)"),
    (
        "negative-seek",
        patched(negative_seek),
        2,
        "corrupt .docx (word/document.xml: negative seek value",
    ),
]


@pytest.mark.parametrize(
    ("build", "code", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_hostile_docx_is_one_line_or_read_fast(
    tmp_path: Path, build: Callable[[Path], Path], code: int, message: str | None
) -> None:
    assert_handled(build(tmp_path / "hostile.docx"), code, message)


@pytest.mark.slow  # seconds of zip building; CI runs it
def test_a_million_empty_paragraphs_in_bounded_memory(tmp_path: Path) -> None:
    """The reader alone: parsing the million lines after it is not the reader's cost."""
    run = assert_handled(empty_paragraphs(tmp_path / "empty.docx"), 0, None, "--reader")
    assert run.out == f"{10**6 + 1}\n"


def test_a_small_part_is_never_judged_by_its_ratio(tmp_path: Path) -> None:
    body = "<w:p/>" * ((RATIO_GRACE - 1000) // 6) + para("一、正文。")
    path = write_docx(tmp_path / "small.docx", {"word/document.xml": document(body)})
    info = zipfile.ZipFile(path).getinfo("word/document.xml")
    assert info.file_size / info.compress_size > MAX_COMPRESSION_RATIO  # compresses like a bomb
    assert docx_text(path.read_bytes()).endswith("\n一、正文。\n")


def test_declared_size_over_the_cap(tmp_path: Path) -> None:
    stream, size, crc = repeated_deflate(HEAD, EMPTY_PARAS, 2, TAIL)
    path = deflated(tmp_path / "big.docx", stream, size, crc)
    patch(
        path,
        lambda d: put(d, central_entry(d, "word/document.xml") + CD_USIZE, "<I", MAX_PART_SIZE + 1),
    )
    with pytest.raises(
        GovspeechError, match=r"word/document.xml is too large \(268435457 bytes unpacked\)"
    ):
        read_docx(path.read_bytes(), "big.docx")


# --- numbers, labels and styles, in-process ----------------------------------------------------


def labels(path: Path) -> list[str]:
    return [p.label for p in read_docx(path.read_bytes(), str(path)) if p.label]


@pytest.mark.parametrize(
    ("start", "fmt", "expected"),
    [
        (10**30, "upperLetter", [f"{MAX_COUNTER}."] * 3),  # clamped, then written in digits
        (MAX_COUNTER - 1, "decimal", [f"{MAX_COUNTER - 1}.", f"{MAX_COUNTER}.", f"{MAX_COUNTER}."]),
        (779, "upperLetter", ["Y" * 30 + ".", "Z" * 30 + ".", "781."]),  # 781 would be 31 letters
        (10**9, "upperRoman", [f"{MAX_COUNTER}."] * 3),
        (10**9, "chineseCounting", ["一百万."] * 3),
        (-(10**30), "decimal", [f"-{MAX_COUNTER}.", f"{1 - MAX_COUNTER}.", f"{2 - MAX_COUNTER}."]),
    ],
)
def test_counters_are_clamped(tmp_path: Path, start: int, fmt: str, expected: list[str]) -> None:
    assert labels(start_at(tmp_path / "n.docx", start, fmt)) == expected


def test_level_text_at_the_limit_reads_and_labels_are_cut(tmp_path: Path) -> None:
    path = long_level_text(tmp_path / "ok.docx", repeats=MAX_LEVEL_TEXT // 2, paragraphs=2)
    assert labels(path) == ["1" * (MAX_LEVEL_TEXT // 2), "2" * (MAX_LEVEL_TEXT // 2)]
    path = write_docx(
        tmp_path / "cut.docx",
        {
            "word/document.xml": document(para("标题", num=1)),
            "word/numbering.xml": numbering(
                lvl(0, "upperLetter", "%1" * (MAX_LEVEL_TEXT // 2), start=780)
            ),
        },
    )
    assert labels(path) == [("Z" * 30 * (MAX_LEVEL_TEXT // 2))[:MAX_LABEL]]
    path = long_level_text(tmp_path / "long.docx", repeats=MAX_LEVEL_TEXT // 2 + 1, paragraphs=1)
    with pytest.raises(GovspeechError, match=f"w:lvlText of {MAX_LEVEL_TEXT + 1} characters"):
        read_docx(path.read_bytes(), "long.docx")


def test_levels_beyond_word_s_nine_are_ignored(tmp_path: Path) -> None:
    defs = lvl(0, text="%1．") + lvl(9, text="%10．") + lvl(12, text="x%1")
    body = (
        para("甲", num=1, ilvl=0)
        + para("乙", num=1, ilvl=9)
        + para("丙", num=1, ilvl=12)
        + para("丁", num=1, ilvl=0)
    )
    path = write_docx(
        tmp_path / "n.docx",
        {"word/document.xml": document(body), "word/numbering.xml": numbering(defs)},
    )
    assert docx_text(path.read_bytes()).splitlines() == ["1．甲", "乙", "丙", "2．丁"]


def test_based_on_chain_at_the_depth_limit_reads(tmp_path: Path) -> None:
    path = based_on_chain(tmp_path / "ok.docx", MAX_STYLE_DEPTH, paragraphs=2)
    assert docx_text(path.read_bytes()).splitlines() == ["一、标题", "二、标题"]
    path = based_on_chain(tmp_path / "deep.docx", MAX_STYLE_DEPTH + 1, paragraphs=2)
    with pytest.raises(
        GovspeechError, match=f"style 'S{MAX_STYLE_DEPTH}': its w:basedOn chain is more than"
    ):
        read_docx(path.read_bytes(), "deep.docx")


def test_a_short_based_on_cycle_ends_the_chain(tmp_path: Path) -> None:
    path = based_on_chain(tmp_path / "cycle.docx", 3, paragraphs=2, cycle=True)
    assert docx_text(path.read_bytes()).splitlines() == ["一、标题", "二、标题"]


def test_style_count_at_the_limit_reads(tmp_path: Path) -> None:
    body = style("S0", num=1, ilvl=0) + "".join(style(f"S{k}") for k in range(1, MAX_STYLES))
    parts = {
        "word/document.xml": document(para("标题", style="S0")),
        "word/styles.xml": styles(body),
        "word/numbering.xml": numbering(lvl(0, "chineseCounting", "%1、")),
    }
    path = write_docx(tmp_path / "many.docx", parts)
    assert docx_text(path.read_bytes()) == "一、标题\n"
    parts["word/styles.xml"] = styles(body + style("One too many"))
    write_docx(path, parts)
    with pytest.raises(GovspeechError, match=f"more than {MAX_STYLES} styles"):
        read_docx(path.read_bytes(), "many.docx")


def test_a_cyclic_numbering_style_link_ends(tmp_path: Path) -> None:
    # abstractNum 1 takes its definition from numbering style L, whose num uses abstractNum 1.
    xml = (
        f'{DECL}<w:numbering {XMLNS}><w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="L"/>'
        f'{lvl(0)}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    )
    parts = {
        "word/document.xml": document(para("甲", num=1)),
        "word/styles.xml": styles(style("L", num=1)),
        "word/numbering.xml": xml,
    }
    path = write_docx(tmp_path / "link.docx", parts)
    assert docx_text(path.read_bytes()) == "1．甲\n"


# --- every exception zipfile, zlib and lxml raise becomes one line --------------------------


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (version_needed, "unsupported .docx (zip file version 8.0)"),
        (negative_seek, "corrupt .docx (word/document.xml: negative seek value"),
        (encrypted, "is encrypted, password required"),
        (strong_encryption, "unsupported .docx (word/document.xml: strong encryption"),
        (unknown_method, "compression method 99"),
        (bzip2, "compression method 12"),
        (bad_local_magic, "Bad magic number for file header"),
        (utf8_local_name, "corrupt .docx (word/document.xml: 'utf-8' codec can't decode"),
        (bad_deflate, "corrupt .docx (word/document.xml: Error -3"),
        (huge_offset, "corrupt .docx (word/document.xml: "),
        (truncated_data, "corrupt .docx (word/document.xml: "),
    ],
    ids=lambda v: v.__name__ if callable(v) else None,
)
def test_archive_errors_are_one_line(
    tmp_path: Path, edit: Callable[[bytearray, int, int], None], message: str
) -> None:
    path = patched(edit)(tmp_path / "bad.docx")
    with pytest.raises(GovspeechError) as info:
        read_docx(path.read_bytes(), "bad.docx")
    text = str(info.value)
    assert text.startswith("bad.docx: ") and "\n" not in text and message in text, text


@pytest.mark.parametrize(
    "xml",
    [
        b'<?xml version="1.0" encoding="x-no-such-encoding"?><w:document/>',
        b"\xff\xfe<\x00w\x00:\x00",
        b"\x00" * 64,
        b"",
        document("<w:p>" * 300 + "</w:p>" * 300).encode(),  # deeper than libxml2 allows
    ],
    ids=["unknown-encoding", "truncated-utf16", "nul-bytes", "empty", "too-deep"],
)
def test_xml_errors_are_one_line(tmp_path: Path, xml: bytes) -> None:
    for part in ("word/document.xml", "word/styles.xml", "word/numbering.xml"):
        parts: dict[str, str | bytes] = {"word/document.xml": document(para())}
        parts[part] = xml
        path = write_docx(tmp_path / "bad.docx", parts)
        with pytest.raises(GovspeechError) as info:
            read_docx(path.read_bytes(), "bad.docx")
        assert str(info.value).startswith(f"bad.docx: {part} ") and "\n" not in str(info.value)


def test_byte_fuzzing_never_escapes(tmp_path: Path) -> None:
    """Random damage to a small .docx: the result is paragraphs or a GovspeechError, never
    another exception (the fuzzer that found the version-8.0 and negative-seek tracebacks)."""
    seed = small_docx(tmp_path / "seed.docx").read_bytes()
    rng = random.Random(20240601)
    for _ in range(1500):
        data = bytearray(seed)
        for _ in range(rng.choice((1, 2, 4))):
            at = rng.randrange(len(data))
            if rng.random() < 0.8:
                data[at] = rng.randrange(256)
            else:
                data[at : at + 4] = rng.choice(
                    (b"\xff\xff\xff\xff", b"\x00\x00\x00\x80", b"\x7f\xff\xff\xff")
                )
        try:
            read_docx(bytes(data), "fuzz.docx")
        except GovspeechError as exc:
            assert "\n" not in str(exc)
