""".doc, .wps, .rtf and .odt inputs, converted to .docx by LibreOffice (`govspeech.read.office`).

The files are made here by LibreOffice itself from real text (examples/speech.txt, a 公文 of the
shared corpus) and from a .docx with Word's automatic numbering, then converted back and read:
the outline must be the one of the text. LibreOffice cannot write .wps; a .wps from WPS Office
is a Word .doc in an OLE compound file, so a .doc named .wps stands for one.

The tests that run LibreOffice are skipped, with the reason, when it is not installed, except
under ``CI=true``, where they fail instead (.ci/run installs it). The others (sniffing, refusing
bytes before LibreOffice runs, timeouts and leftovers with a fake ``soffice``) always run.
"""

from __future__ import annotations

import concurrent.futures
import io
import os
import random
import shutil
import struct
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("lxml")

import govspeech
from govspeech import InputFormatError, MissingDependencyError
from govspeech.read import office
from govspeech.read.docx import docx_text
from govspeech.read.office import convert_to_docx, is_odt, is_ole, is_rtf

from .conftest import TESTS
from .test_regulations import corpus_file

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
SPEECH = TESTS.parent / "examples" / "speech.txt"
GONGWEN_FILE = "tongbao_shanghai_jiaowei_shixin_mingdan.txt"
TEXT_FILTER = "Text (encoded):UTF8,LF,,,"  # read the .txt as UTF-8, whatever the locale
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# --- LibreOffice, as the tests drive it to make their files ---------------------------------


def _soffice() -> str:
    try:
        return office.find_soffice()
    except MissingDependencyError:
        reason = "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
        if os.environ.get("GOVSPEECH_SOFFICE"):
            reason = f"GOVSPEECH_SOFFICE ({os.environ['GOVSPEECH_SOFFICE']}) is not a program"
        if IN_CI:
            pytest.fail(f"CI=true but {reason}; .ci/run installs it")
        pytest.skip(reason)


@pytest.fixture(scope="session")
def soffice() -> str:
    return _soffice()


def lo_convert(
    soffice: str, source: Path, to: str, outdir: Path, profile: Path, infilter: str | None = None
) -> Path:
    """``source`` converted by LibreOffice to format ``to`` in ``outdir`` (a profile of its own)."""
    command = [soffice, "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck"]
    command += [f"-env:UserInstallation={profile.as_uri()}"]
    command += [f"--infilter={infilter}"] if infilter else []
    command += ["--convert-to", to, "--outdir", str(outdir), str(source)]
    subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, timeout=120, check=True)
    result = outdir / f"{source.stem}.{to.split(':')[0]}"
    assert result.is_file(), f"LibreOffice made no {result.name}"
    return result


def make_from_text(soffice: str, text_path: Path, to: str, tmp: Path) -> bytes:
    copy = tmp / f"source{text_path.suffix}"
    shutil.copyfile(text_path, copy)
    return lo_convert(soffice, copy, to, tmp / "made", tmp / "profile", TEXT_FILTER).read_bytes()


@pytest.fixture(scope="session")
def made(tmp_path_factory: pytest.TempPathFactory, soffice: str) -> Path:
    """A folder with speech.doc, made once per worker, and the LibreOffice profile it used."""
    folder = tmp_path_factory.mktemp("made")
    shutil.copyfile(SPEECH, folder / "speech.txt")
    lo_convert(soffice, folder / "speech.txt", "doc", folder, folder / "profile", TEXT_FILTER)
    return folder


@pytest.fixture(scope="session")
def speech_doc(made: Path) -> bytes:
    return (made / "speech.doc").read_bytes()


# A Basic macro that saves a document as a password-protected .doc ("MS Word 97" with a
# Password): put into the (already made) profile's Standard library, run by a macro:/// URL.
ENCRYPT_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" \
script:language="StarBasic">
Sub Encrypt(src As String, dst As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot; : load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), &quot;_blank&quot;, 0, load())
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = &quot;FilterName&quot; : store(0).Value = &quot;MS Word 97&quot;
  store(1).Name = &quot;Password&quot; : store(1).Value = &quot;secret&quot;
  doc.storeToURL(ConvertToURL(dst), store())
  doc.close(True)
End Sub
</script:module>
"""


@pytest.fixture(scope="session")
def encrypted_doc(made: Path, soffice: str) -> bytes:
    """speech.doc saved by LibreOffice with the password "secret"."""
    (made / "profile" / "user" / "basic" / "Standard" / "Module1.xba").write_text(ENCRYPT_MACRO)
    target = made / "encrypted.doc"
    macro = f'macro:///Standard.Module1.Encrypt("{made / "speech.doc"}","{target}")'
    command = [soffice, "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck"]
    command += [f"-env:UserInstallation={(made / 'profile').as_uri()}", macro]
    subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, timeout=120, check=True)
    assert target.is_file(), "the macro saved no encrypted.doc"
    return target.read_bytes()


def outline(text: str) -> list[tuple[str | None, list[tuple[int, str, str]]]]:
    """Each document's title and its sections' level, marker and title."""
    tree = govspeech.parse(text)
    return [
        (d.title, [(s.level, s.marker, s.title) for s in d.iter_sections()]) for d in tree.documents
    ]


def texts() -> list[object]:
    return [
        pytest.param(lambda: SPEECH, id="speech"),
        pytest.param(lambda: corpus_file(GONGWEN_FILE), id="gongwen"),
    ]


# --- round trips through LibreOffice ---------------------------------------------------------


@pytest.mark.slow  # LibreOffice runs: CI=true or --run-slow (one stays in the default run)
@pytest.mark.parametrize("text_path", texts())
@pytest.mark.parametrize(
    ("to", "suffixes"),
    [("doc", (".doc", ".wps")), ("rtf", (".rtf",)), ("odt", (".odt",))],
    ids=["doc+wps", "rtf", "odt"],
)
def test_round_trip_keeps_the_outline(soffice, tmp_path, text_path, to, suffixes):
    path = text_path()
    original = path.read_text(encoding="utf-8")
    data = make_from_text(soffice, path, to, tmp_path)
    assert {"doc": is_ole, "rtf": is_rtf, "odt": is_odt}[to](data)
    expected = outline(original)
    assert expected and expected[0][1], "the source text has sections to compare"
    for suffix in suffixes:
        text = docx_text(convert_to_docx(data, suffix, f"input{suffix}"), f"input{suffix}")
        assert outline(text) == expected, suffix
        assert text == original, suffix  # LibreOffice keeps plain text exactly, line by line


def numbered_docx() -> tuple[bytes, str]:
    """A .docx whose 一、 （一） 1． （1） are Word automatic numbering (not in the text), and the
    text Word shows."""
    levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3．")]
    levels += [("decimal", "（%4）")]
    lvl = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:suff w:val="nothing"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}">'
        f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>{lvl}'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    paragraphs = [
        ("", None, "在全县安全生产工作会议上的讲话"),
        ("", None, "同志们："),
        ("一、", 0, "提高思想认识"),
        ("（一）", 1, "认清当前形势。"),
        ("1．", 2, "抓好重点行业。"),
        ("（1）", 3, "道路交通。"),
        ("（2）", 3, "建筑施工。"),
        ("2．", 2, "抓好防汛准备。"),
        ("（二）", 1, "正视存在问题。"),
        ("二、", 0, "突出工作重点"),
        ("（一）", 1, "压实责任。"),
        ("", None, "谢谢大家！"),
    ]
    body = "".join(
        "<w:p>"
        + (
            f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            if level is not None
            else ""
        )
        + f"<w:r><w:t>{text}</w:t></w:r></w:p>"
        for _, level, text in paragraphs
    )
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006"
    ooxml = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    parts = {
        "[Content_Types].xml": f'<Types xmlns="{pkg}/content-types">'
        f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{ooxml}.document.main+xml"/>'
        f'<Override PartName="/word/numbering.xml" ContentType="{ooxml}.numbering+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{pkg}/relationships"><Relationship Id="rId1" '
        f'Type="{rel}/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/_rels/document.xml.rels": f'<Relationships xmlns="{pkg}/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/numbering" Target="numbering.xml"/></Relationships>',
        "word/document.xml": f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>',
        "word/numbering.xml": numbering,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, part in parts.items():
            zf.writestr(name, part)
    return buffer.getvalue(), "".join(label + text + "\n" for label, _, text in paragraphs)


@pytest.mark.slow  # LibreOffice runs: CI=true or --run-slow (one stays in the default run)
@pytest.mark.parametrize("to", ["doc", "odt"])
def test_word_numbering_survives_doc_and_odt(soffice, tmp_path, to):
    # Chinese automatic numbering (chineseCounting, full-width brackets) goes into the .doc's or
    # .odt's lists and comes back as numbering.xml, where the .docx reader rebuilds the labels.
    # (Not .rtf: LibreOffice writes RTF list labels in an 8-bit code page, 、 as ?, （ as ().
    data, shown = numbered_docx()
    assert docx_text(data) == shown
    (tmp_path / "numbered.docx").write_bytes(data)
    made = lo_convert(soffice, tmp_path / "numbered.docx", to, tmp_path / "made", tmp_path / "p")
    text = docx_text(convert_to_docx(made.read_bytes(), f".{to}", made.name))
    assert text == shown
    assert outline(text) == outline(shown)


def _running_in(folders: list[str]) -> list[str]:
    """The command lines of running processes that name one of ``folders``."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if any(folder in command for folder in folders):
            found.append(command)
    return found


@pytest.mark.slow  # LibreOffice runs: CI=true or --run-slow (one stays in the default run)
def test_conversions_run_at_once(speech_doc, monkeypatch):
    # Each conversion has its own LibreOffice profile; with a shared one the second waits for,
    # or hands its work to, the first.
    folders: list[str] = []
    real = office.tempfile.TemporaryDirectory

    def recorded(*args: object, **kwargs: object) -> object:
        folder = real(*args, **kwargs)  # type: ignore[call-overload]
        folders.append(folder.name)
        return folder

    monkeypatch.setattr(office.tempfile, "TemporaryDirectory", recorded)
    original = SPEECH.read_text(encoding="utf-8")
    names = ["a.doc", "b.wps", "c.doc"]
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(len(names)) as pool:
        results = list(
            pool.map(lambda n: convert_to_docx(speech_doc, Path(n).suffix, n, timeout=60), names)
        )
    assert [docx_text(r) for r in results] == [original] * len(names)
    assert time.monotonic() - started < 60
    assert len(set(folders)) == len(names)
    if Path("/proc/self/cmdline").exists():
        assert not _running_in(folders), "LibreOffice was left running"


@pytest.mark.slow  # LibreOffice runs: seconds (CI=true), like the round trips
def test_a_docx_under_an_office_name_is_read(soffice):
    # Files as users have them: a .docx renamed .doc (LibreOffice tells it from the content).
    data, shown = numbered_docx()
    assert docx_text(convert_to_docx(data, ".doc", "renamed.doc", timeout=60)) == shown


# --- files LibreOffice cannot read ------------------------------------------------------------


@pytest.mark.slow  # LibreOffice runs: CI=true or --run-slow (one stays in the default run)
def test_truncated_doc_is_refused(speech_doc):
    with pytest.raises(InputFormatError) as exc:
        convert_to_docx(speech_doc[:2048], ".doc", "cut.doc", timeout=60)
    message = str(exc.value)
    assert message.startswith("cut.doc: LibreOffice could not read it as .doc (")
    assert "\n" not in message and "javaldx" not in message


@pytest.mark.slow  # LibreOffice runs: CI=true or --run-slow (one stays in the default run)
def test_zip_that_is_no_odt_is_refused(soffice):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("notes.txt", "不是开放文档")
    with pytest.raises(InputFormatError, match=r"^x\.odt: LibreOffice could not read it as \.odt"):
        convert_to_docx(buffer.getvalue(), ".odt", "x.odt", timeout=60)


@pytest.mark.slow  # its encrypted .doc is made by a LibreOffice macro (3 s)
def test_password_protected_doc_is_refused_before_libreoffice(encrypted_doc, monkeypatch):
    assert is_ole(encrypted_doc)
    monkeypatch.setenv("PATH", "")  # no LibreOffice needed to say so
    monkeypatch.delenv("GOVSPEECH_SOFFICE", raising=False)
    started = time.monotonic()
    with pytest.raises(InputFormatError, match=r"^secret\.doc: a password-protected Word document"):
        convert_to_docx(encrypted_doc, ".doc", "secret.doc")
    assert time.monotonic() - started < 1


@pytest.mark.slow  # LibreOffice runs: CI=true or --run-slow (one stays in the default run)
def test_password_protected_doc_in_libreoffice_ends_with_one_line(encrypted_doc, monkeypatch):
    # Were the password not seen first, headless LibreOffice must still fail, not wait for it.
    monkeypatch.setattr(office, "_encryption", lambda data: None)
    started = time.monotonic()
    with pytest.raises(InputFormatError) as exc:
        convert_to_docx(encrypted_doc, ".doc", "secret.doc", timeout=60)
    assert str(exc.value).startswith("secret.doc: LibreOffice ")
    assert "\n" not in str(exc.value)
    assert time.monotonic() - started < 60


@pytest.mark.parametrize(
    ("data", "suffix", "message"),
    [
        (random.Random(0).randbytes(4096).replace(b"{", b"x"), ".rtf", r"^bad: not an \.rtf"),
        (b"\x00" * 100, ".doc", r"^bad: not a \.doc file"),
        (b"", ".wps", r"^bad: not a \.wps file"),
        ("一、总体要求\n".encode(), ".odt", r"^bad: not an \.odt file"),
        (b"<html><body>a web page saved as .doc</body></html>", ".doc", r"^bad: not a \.doc"),
        (b"plain", "", r"^bad: not a \.doc, \.wps, \.rtf or \.odt file"),
    ],
    ids=["random-rtf", "zeros-doc", "empty-wps", "text-odt", "html-doc", "no-suffix"],
)
def test_bytes_of_no_office_format_are_refused_without_libreoffice(data, suffix, message):
    # LibreOffice would import any bytes as plain text; these never reach it.
    with pytest.raises(InputFormatError, match=message):
        convert_to_docx(data, suffix, "bad")


# --- a fake soffice: timeouts, leftovers, what LibreOffice is asked ------------------------


def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> Path:
    """A shell script standing in for soffice; ``$log`` is a file it may write to."""
    script = tmp_path / "soffice"
    script.write_text(f'#!/bin/sh\nlog="{tmp_path}/log"\n{body}\n')
    script.chmod(0o755)
    monkeypatch.setenv("GOVSPEECH_SOFFICE", str(script))
    return tmp_path / "log"


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie is dead, waiting to be reaped


def _pids(log: Path) -> list[int]:
    return [int(line) for line in log.read_text().split()]


def _gone(pids: list[int], within: float = 3.0) -> bool:
    deadline = time.monotonic() + within
    while any(_alive(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


RTF = b"{\\rtf1\\ansi hello}"


def test_a_hang_is_killed_at_the_timeout(tmp_path, monkeypatch):
    log = fake_soffice(tmp_path, monkeypatch, 'echo $$ >"$log"; sleep 60 & echo $! >>"$log"; wait')
    started = time.monotonic()
    with pytest.raises(InputFormatError) as exc:
        convert_to_docx(RTF, ".rtf", "slow.rtf", timeout=1)
    assert str(exc.value) == "slow.rtf: LibreOffice did not convert it in 1 s (a damaged file?)"
    assert time.monotonic() - started < 6
    pids = _pids(log)
    assert len(pids) == 2 and _gone(pids), "soffice or its child outlived the timeout"


def test_what_libreoffice_leaves_running_is_killed(tmp_path, monkeypatch):
    # soffice exits but a child of it goes on (as soffice.bin may): the group is killed anyway.
    log = fake_soffice(tmp_path, monkeypatch, 'sleep 60 & echo $! >"$log"; exit 0')
    with pytest.raises(InputFormatError, match=r"could not read it as \.rtf \(it wrote no \.docx"):
        convert_to_docx(RTF, ".rtf", "x.rtf", timeout=30)
    assert _gone(_pids(log)), "a child of soffice was left running"


def test_ctrl_c_kills_libreoffice(tmp_path, monkeypatch):
    log = fake_soffice(tmp_path, monkeypatch, 'echo $$ >"$log"; sleep 60 & echo $! >>"$log"; wait')
    real_wait = subprocess.Popen.wait

    def interrupted(self: subprocess.Popen[bytes], timeout: float | None = None) -> int:
        if timeout is not None and timeout > 10:  # the conversion's wait, not the reaping one
            deadline = time.monotonic() + 5
            while not (log.exists() and len(log.read_text().split()) == 2):
                assert time.monotonic() < deadline
                time.sleep(0.02)
            raise KeyboardInterrupt
        return real_wait(self, timeout)

    monkeypatch.setattr(subprocess.Popen, "wait", interrupted)
    with pytest.raises(KeyboardInterrupt):
        convert_to_docx(RTF, ".rtf", "x.rtf", timeout=30)
    assert _gone(_pids(log)), "soffice outlived Ctrl-C"


def test_libreoffice_is_asked_with_a_private_profile(tmp_path, monkeypatch):
    log = fake_soffice(
        tmp_path,
        monkeypatch,
        'for a in "$@"; do echo "$a" >>"$log"; done; echo --- >>"$log"\n'
        'while [ $# -gt 0 ]; do [ "$1" = --outdir ] && out="$2"; shift; done\n'
        'printf docx >"$out/input.docx"',
    )
    assert convert_to_docx(RTF, ".doc", "a.doc") == b"docx"  # RTF content: named input.rtf
    assert convert_to_docx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), ".wps", "b.wps")
    first, second = (call.splitlines() for call in log.read_text().split("---\n")[:2])
    assert first[:5] == ["--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck"]
    assert first[6:9] == ["--convert-to", "docx:MS Word 2007 XML", "--outdir"]
    assert Path(first[-1]).name == "input.rtf" and Path(second[-1]).name == "input.wps"
    profiles = [call[5] for call in (first, second)]
    assert all(p.startswith("-env:UserInstallation=file:///") for p in profiles)
    assert all(p.endswith("/profile") for p in profiles) and profiles[0] != profiles[1]
    assert not Path(first[-1]).parent.exists(), "the temporary folder was not removed"


def test_a_docx_past_the_limit_is_refused(tmp_path, monkeypatch):
    fake_soffice(
        tmp_path,
        monkeypatch,
        'while [ $# -gt 0 ]; do [ "$1" = --outdir ] && out="$2"; shift; done\n'
        'head -c 5000 /dev/zero >"$out/input.docx"',
    )
    monkeypatch.setattr(office, "MAX_DOCX_SIZE", 4096)
    with pytest.raises(InputFormatError, match=r"^big\.rtf: LibreOffice made a \.docx larger"):
        convert_to_docx(RTF, ".rtf", "big.rtf")


def test_a_failing_libreoffice_says_why(tmp_path, monkeypatch):
    fake_soffice(
        tmp_path,
        monkeypatch,
        'echo "Warning: failed to launch javaldx - java may not function correctly" >&2\n'
        'echo "Error: source file could not be loaded" >&2; exit 1',
    )
    with pytest.raises(InputFormatError) as exc:
        convert_to_docx(RTF, ".rtf", "x.rtf")
    assert str(exc.value) == (
        "x.rtf: LibreOffice could not read it as .rtf (source file could not be loaded; "
        "a damaged file?)"
    )


# --- LibreOffice missing ------------------------------------------------------------------


def test_missing_libreoffice_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder
    monkeypatch.delenv("GOVSPEECH_SOFFICE", raising=False)
    with pytest.raises(MissingDependencyError) as exc:
        convert_to_docx(RTF, ".rtf", "a.rtf")
    assert str(exc.value) == (
        "a.rtf: reading .rtf files needs LibreOffice, which is not installed: "
        "apt-get install libreoffice-writer (or save the file as .docx)"
    )


def test_a_wrong_govspeech_soffice_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVSPEECH_SOFFICE", str(tmp_path / "nowhere" / "soffice"))
    with pytest.raises(MissingDependencyError, match="GOVSPEECH_SOFFICE"):
        convert_to_docx(RTF, ".rtf", "a.rtf")


def test_the_timeout_can_be_set_from_the_environment(monkeypatch):
    for value, expected in (("5", 5.0), ("0.5", 0.5), ("abc", 120.0), ("-1", 120.0), ("", 120.0)):
        monkeypatch.setenv("GOVSPEECH_CONVERT_TIMEOUT", value)
        assert office._env_timeout() == expected


# --- sniffing -------------------------------------------------------------------------------


def odt_like(mimetype: bytes, *, first: bool = True, stored: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        if not first:
            zf.writestr("content.xml", "<x/>")
        method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        zf.writestr("mimetype", mimetype, compress_type=method)
        zf.writestr("content.xml" if first else "styles.xml", "<x/>")
    return buffer.getvalue()


def test_sniff_helpers():
    assert is_ole(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(8))
    assert not is_ole(b"\xd0\xcf\x11\xe0") and not is_ole(b"PK\x03\x04")
    assert is_rtf(b"{\\rtf1\\ansi}") and is_rtf(b"\xef\xbb\xbf \r\n{\\rtf1}")
    assert not is_rtf(b"{\\rt") and not is_rtf(b"rtf{\\rtf1") and not is_rtf(b"")
    odt = b"application/vnd.oasis.opendocument.text"
    assert is_odt(odt_like(odt))
    assert not is_odt(odt_like(odt + b"-template"))  # an .ott
    assert not is_odt(odt_like(b"application/vnd.oasis.opendocument.spreadsheet"))
    assert not is_odt(odt_like(odt, first=False))  # the standard puts mimetype first
    assert not is_odt(odt_like(odt, stored=False))
    assert not is_odt(odt_like(odt)[:40]) and not is_odt(b"PK\x03\x04") and not is_odt(b"")
    assert office.OFFICE_SUFFIXES == (".doc", ".wps", ".rtf", ".odt")


# --- the encryption check on hand-made OLE files --------------------------------------------

END, FREE, FAT_SECTOR, NONE = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def make_ole(streams: dict[str, bytes], *, dir_next: int = END) -> bytes:
    """A minimal OLE compound file (512-byte sectors, every stream in regular sectors):
    sector 0 the FAT, sector 1 the directory, then each stream's sectors."""
    fat = [FAT_SECTOR, dir_next]
    entries = [("Root Entry", 5, END, 0)]
    data = b""
    for name, content in streams.items():
        count = max(1, -(-len(content) // 512))
        start = 2 + len(data) // 512
        fat += [*range(start + 1, start + count), END]
        entries.append((name, 2, start, len(content)))
        data += content.ljust(count * 512, b"\0")
    assert len(entries) <= 4 and len(fat) <= 128
    directory = b""
    for i, (name, kind, start, size) in enumerate(entries):
        encoded = (name + "\0").encode("utf-16-le")
        right = i + 1 if 0 < i < len(entries) - 1 else NONE
        child = 1 if i == 0 and len(entries) > 1 else NONE
        directory += encoded.ljust(64, b"\0") + struct.pack(
            "<HBBIII16sIQQIQ", len(encoded), kind, 1, NONE, right, child, b"", 0, 0, 0, start, size
        )
    directory = directory.ljust(512, b"\0")
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack("<HHHHH6sIIIII", 0x3E, 3, 0xFFFE, 9, 6, b"", 0, 1, 1, 0, 4096)
    header += struct.pack("<IIII", END, 0, END, 0)
    header += struct.pack("<109I", 0, *[FREE] * 108)
    fat_sector = struct.pack(f"<{128}I", *fat, *[FREE] * (128 - len(fat)))
    return header + fat_sector + directory + data


def fib(flags: int) -> bytes:
    return struct.pack("<HHHHHH", 0xA5EC, 0xC1, 0, 0x0804, 0, flags).ljust(4096, b"\0")


def test_encryption_is_seen_in_ole_files():
    assert office._encryption(make_ole({"WordDocument": fib(0x0100), "1Table": b"t"}))
    assert office._encryption(make_ole({"WordDocument": fib(0x0200), "1Table": b"t"})) is None
    docx = make_ole({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": b"x" * 600})
    assert office._encryption(docx) == "an encrypted (password-protected) Office document"
    with pytest.raises(InputFormatError, match=r"^locked\.docx\.doc: an encrypted \(password"):
        convert_to_docx(docx, ".doc", "locked.docx.doc")
    with pytest.raises(InputFormatError, match=r"^w\.wps: a password-protected Word document"):
        convert_to_docx(make_ole({"WordDocument": fib(0x0100)}), ".wps", "w.wps")


def test_encryption_check_survives_damaged_ole_files():
    good = make_ole({"WordDocument": fib(0x0100)})
    looped = make_ole({"WordDocument": fib(0x0100)}, dir_next=1)  # the directory chains to itself
    assert office._encryption(looped)
    for data in (good[:512], good[:700], good[:1500], good[:1536], b"\xd0\xcf\x11\xe0" * 200):
        assert office._encryption(data) is None
    assert office._encryption(good[:1600])  # cut, but its FIB is there: still locked
    huge_shift = bytearray(good)
    huge_shift[0x1E:0x20] = struct.pack("<H", 30)
    assert office._encryption(bytes(huge_shift)) is None
    wild = bytearray(good)
    wild[0x30:0x34] = struct.pack("<I", 0xFFFFFFF0)  # the directory starts past the file
    wild[0x4C:0x50] = struct.pack("<I", 0x7FFFFFFF)
    assert office._encryption(bytes(wild)) is None


def test_a_hanging_conversion_never_kills_a_jobs_run(tmp_path, monkeypatch, capsys):
    """A .doc LibreOffice hangs on is one error line after the time limit; the other inputs of
    a ``--jobs`` run are read and printed in order, and no LibreOffice is left running."""
    from govspeech.cli import main

    log = fake_soffice(tmp_path, monkeypatch, 'echo $$ >>"$log"; sleep 60 & echo $! >>"$log"; wait')
    monkeypatch.setenv("GOVSPEECH_CONVERT_TIMEOUT", "1")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("一、总体要求\n（一）压实责任\n", encoding="utf-8")
    (folder / "b.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))
    (folder / "c.txt").write_text("一、强化保障\n", encoding="utf-8")
    started = time.monotonic()
    code = main(["outline", "--jobs", "2", str(folder)])
    out, err = capsys.readouterr()
    assert code == 2 and time.monotonic() - started < 30
    assert out.index("一、总体要求") < out.index("一、强化保障")
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "b.doc" in errors[0] and "did not convert it in 1 s" in errors[0]
    assert _gone(_pids(log))
