"""Messages in Chinese under a Chinese locale, in English otherwise; the catalogs behind them.

The suite runs with ``LANG=C.UTF-8`` and no ``LANGUAGE``/``LC_ALL``/``LC_MESSAGES`` (see
conftest.py); the tests here set the locale they need and forget the language chosen
(`govspeech.i18n.reset`) before and after.
"""

from __future__ import annotations

import builtins
import gettext
import importlib.resources
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from govspeech import i18n
from govspeech.cli import main
from govspeech.cli.commands import wrap_wide

ROOT = Path(__file__).resolve().parent.parent
SPEECH = ROOT / "examples" / "speech.txt"  # three GS302 findings, all fixable
CLEAN = ROOT / "tests" / "data" / "check_clean.txt"
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def _load_catalog_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("catalog", ROOT / "scripts" / "catalog.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("catalog", module)
    spec.loader.exec_module(module)
    return module


catalog = _load_catalog_script()


@pytest.fixture
def locale(monkeypatch):  # type: ignore[no-untyped-def]
    """``locale(LANG="zh_CN.UTF-8", LANGUAGE=…)``: that environment, and the language
    chosen again from it."""

    def use(**env: str) -> None:
        for name in LOCALE_VARIABLES:
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        i18n.reset()

    yield use
    i18n.reset()  # monkeypatch puts the environment back after this


def run(capsys, *args: str | Path) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- which language


@pytest.mark.parametrize(
    ("env", "catalog_name"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "zh_CN.GB18030"}, "zh_CN"),
        ({"LANG": "zh_SG.UTF-8"}, "zh_CN"),
        ({"LANG": "zh"}, "zh_CN"),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "zh_Hans"}, "zh_CN"),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "zh-Hans-CN"}, "zh_CN"),
        ({"LANG": "zh_TW.UTF-8"}, None),
        ({"LANG": "zh_HK.Big5-HKSCS"}, None),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "zh_Hant"}, None),
        ({"LANG": "zh_TW.UTF-8", "LANGUAGE": "zh_TW:zh_CN"}, "zh_CN"),
        ({"LANG": "fr_FR.UTF-8", "LANGUAGE": "fr:zh_CN"}, "zh_CN"),
        ({"LANG": "zh_CN.UTF-8", "LANGUAGE": "en"}, None),
        ({"LANG": "zh_CN.UTF-8", "LANGUAGE": "en_GB:zh_CN"}, None),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "zh_CN"}, "zh_CN"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, None),
        ({"LANG": "zh_CN.UTF-8", "LANGUAGE": "zh_CN", "LC_ALL": "C"}, None),
        ({"LANG": "C.UTF-8", "LANGUAGE": "zh_CN"}, None),
        ({"LANG": "POSIX"}, None),
        ({"LANG": "en_US.UTF-8"}, None),
        ({"LANG": "de_DE.UTF-8"}, None),
        ({}, None),
    ],
)
def test_the_language_comes_from_the_environment_as_gettext_reads_it(env, catalog_name):
    assert i18n.catalog_for(i18n.requested(env)) == catalog_name


def test_the_english_path_opens_no_file(locale, monkeypatch):
    locale(LANG="en_US.UTF-8")

    def no_open(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError(f"opened {args[0]!r}")

    monkeypatch.setattr(builtins, "open", no_open)
    assert i18n.gettext("usage: ") == "usage: "
    assert i18n.ngettext("{count} file", "{count} files", 2) == "{count} files"
    assert i18n.language() == "en"


def test_the_choice_is_made_once_and_reset_forgets_it(locale, monkeypatch):
    locale(LANG="zh_CN.UTF-8")
    assert i18n.gettext("usage: ") == "用法："
    monkeypatch.setenv("LANG", "C")
    assert i18n.language() == "zh_CN"  # kept for the process
    i18n.reset()
    assert i18n.gettext("usage: ") == "usage: "


def test_a_damaged_catalog_gives_english(locale, monkeypatch, tmp_path):
    folder = tmp_path / "zh_CN" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "govspeech.mo").write_bytes(b"not a catalog")
    monkeypatch.setattr(i18n, "LOCALE_DIR", str(tmp_path))
    locale(LANG="zh_CN.UTF-8")
    assert (i18n.gettext("usage: "), i18n.language()) == ("usage: ", "en")


def test_plugins_translate_through_the_plugin_api():
    import govspeech.plugin as api

    assert api.gettext is i18n.gettext and api.ngettext is i18n.ngettext and api.N_ is i18n.N_


# ---------------------------------------------------------------- the command line in Chinese


def test_a_usage_error_in_chinese(locale, capsys):
    locale(LANG="zh_CN.UTF-8")
    code, out, err = run(capsys, "outline", "--nope", SPEECH)
    assert (code, out) == (2, "")
    assert err == (
        "错误：govspeech outline：无法识别的参数：--nope（详见 govspeech outline --help）\n"
    )
    code, _, err = run(capsys, "outline", "--depth", "0", SPEECH)
    assert code == 2
    assert err == (
        "错误：govspeech outline：--depth 应不小于 1，而给出的是 '0'"
        "（详见 govspeech outline --help）\n"
    )
    code, _, err = run(capsys, "outlin", SPEECH)
    assert (code, err) == (2, "错误：govspeech：未知命令 'outlin'；您是否想用 'outline'？\n")


def test_a_missing_file_in_chinese(locale, capsys, tmp_path):
    locale(LANG="zh_CN.UTF-8")
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, "outline", missing)
    assert (code, out) == (2, "")
    assert err == f"错误：{missing}：找不到该文件或文件夹\n"


def test_top_help_in_chinese(locale, capsys):
    locale(LANG="zh_CN.UTF-8")
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert out.startswith("用法：govspeech [--version] [--debug] COMMAND [options] [FILE...]\n")
    for text in ("命令：", "选项：", "示例：", "退出码：", "列出已安装的插件", "检查序号及其写法"):
        assert text in out
    assert "usage:" not in out and "examples:" not in out


def test_command_help_in_chinese(locale, capsys):
    locale(LANG="zh_CN.UTF-8")
    code, out, _ = run(capsys, "outline", "--help")
    assert code == 0
    assert out.startswith("用法：govspeech outline [-h] [-o FILE]")
    for text in (
        "\n位置参数：\n",
        "\n选项：\n",
        "\n示例：\n",
        "显示本帮助信息并退出",
        "显示 N 级标题（默认：全部）",
        "（插件来自 govspeech ",
        "# 不显示 一是…… 和 —— 项",
    ):
        assert text in out
    for english in ("usage:", "options:", "positional arguments", "show N levels", "examples:"):
        assert english not in out
    # argparse's usage continues under the command, however wide "用法：" is on the screen
    lines = out.splitlines()
    assert lines[1].index("[") == len("用法：govspeech outline ") + 3


@pytest.mark.parametrize("command", ["outline", "export", "check", "fix", "summarize", "plugins"])
def test_every_help_formats_in_chinese(locale, capsys, command):
    """argparse %-formats the help texts: a translation with a bare % would fail here."""
    locale(LANG="zh_CN.UTF-8")
    code, out, _ = run(capsys, command, "--help")
    assert code == 0 and out.startswith(f"用法：govspeech {command}")
    assert "\n选项：\n" in out and "show this help message" not in out


def test_check_summary_and_findings_in_chinese(locale, capsys):
    locale(LANG="zh_CN.UTF-8")
    code, out, err = run(capsys, "check", SPEECH)
    assert code == 1
    assert err == "共发现 3 处问题，涉及 1 个文件；其中 3 处可用 govspeech fix 改正。\n"
    # the location and the code stay as they are, for editors and scripts
    assert out.splitlines()[0] == f"{SPEECH}:9:1: GS302 [*] 序号 1. 写法不规范：应写作 1．"
    code, out, err = run(capsys, "check", CLEAN)
    assert (code, out, err) == (0, "", "检查通过，未发现问题。\n")


def test_fix_summary_in_chinese(locale, capsys, tmp_path):
    locale(LANG="zh_CN.UTF-8")
    code, _, err = run(capsys, "fix", "--diff", SPEECH)
    assert (code, err) == (1, "可改正 3 处序号，涉及 1 个文件。\n")
    code, _, err = run(capsys, "fix", SPEECH, "-o", tmp_path / "fixed.txt")
    assert (code, err) == (0, "已改正 3 处序号，涉及 1 个文件。\n")


def test_language_overrides_lang(locale, capsys):
    locale(LANG="en_US.UTF-8", LANGUAGE="zh_CN")
    assert run(capsys, "check", SPEECH)[2].startswith("共发现 3 处问题")
    locale(LANG="zh_CN.UTF-8", LANGUAGE="en")
    assert run(capsys, "check", SPEECH)[2].startswith("Found 3 findings")
    locale(LANG="zh_CN.UTF-8", LANGUAGE="zh_CN", LC_ALL="C")  # LC_ALL=C: English, always
    assert run(capsys, "check", SPEECH)[2].startswith("Found 3 findings")


# ---------------------------------------------------------------- English as it always was

ENGLISH = {
    ("outline", "--nope", SPEECH): (
        2,
        "error: govspeech outline: unrecognized arguments: --nope (see govspeech outline --help)\n",
    ),
    ("outline", "--depth", "0", SPEECH): (
        2,
        "error: govspeech outline: --depth must be 1 or more; got '0' "
        "(see govspeech outline --help)\n",
    ),
    ("outline", "-f", "xml", SPEECH): (
        2,
        "error: govspeech outline: argument -f/--format: invalid choice: 'xml' (choose from "
        "'text', 'markdown', 'json') (see govspeech outline --help)\n",
    ),
    ("check", SPEECH): (1, "Found 3 findings in 1 file, 3 fixable with govspeech fix.\n"),
    ("check", CLEAN): (0, "All checks passed.\n"),
    ("fix", "--diff", SPEECH): (1, "Would fix 3 markers in 1 file.\n"),
    ("fix", "--diff", CLEAN): (0, "Would fix 0 markers in 0 files.\n"),
}


@pytest.mark.parametrize("lang", ["C", "C.UTF-8", "en_US.UTF-8", "zh_TW.UTF-8"])
def test_english_elsewhere_byte_for_byte(locale, capsys, lang):
    locale(LANG=lang)
    for args, (code, err) in ENGLISH.items():
        assert run(capsys, *args)[::2] == (code, err), args
    missing = ROOT / "missing.txt"
    assert run(capsys, "outline", missing)[2] == f"error: {missing}: no such file or folder\n"
    code, out, _ = run(capsys, "outline", "--help")
    assert out.startswith("usage: govspeech outline [-h] [-o FILE] [-q | -v] [--color WHEN]")
    assert "\npositional arguments:\n" in out and "\noptions:\n" in out
    assert "  --depth N             show N levels of headings (default: all)\n" in out
    assert out.endswith("\n  cat 讲话.txt | govspeech outline\n")
    code, top, _ = run(capsys, "--help")
    assert top.startswith("usage: govspeech [--version] [--debug] COMMAND [options] [FILE...]\n")
    assert "\nexit codes: 0 ok, 1 findings or a plugin failed, 2 usage or input error\n" in top


def test_the_help_is_the_same_in_every_english_locale(locale, capsys):
    helps = []
    for lang in ("C", "en_US.UTF-8", "de_DE.UTF-8"):
        locale(LANG=lang)
        helps.append([run(capsys, c, "--help")[1] for c in ("outline", "check", "summarize")])
    assert helps[0] == helps[1] == helps[2]


@pytest.mark.parametrize(
    ("lang", "summary"),
    [
        ("zh_CN.UTF-8", "共发现 3 处问题，涉及 1 个文件；其中 3 处可用 govspeech fix 改正。"),
        ("C", "Found 3 findings in 1 file, 3 fixable with govspeech fix."),
    ],
    ids=["zh_CN", "C"],
)
def test_a_real_run_each_way(lang, summary):
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    env["LANG"] = lang
    done = subprocess.run(
        [sys.executable, "-m", "govspeech", "check", str(SPEECH)],
        capture_output=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.decode("utf-8") == summary + "\n"


# ---------------------------------------------------------------- the catalog


@pytest.fixture(scope="module")
def extracted():  # type: ignore[no-untyped-def]
    return catalog.extract()


def test_every_message_of_the_code_is_translated(extracted):
    """A new English message without a translation fails here: run
    ``python scripts/catalog.py update``, translate it in the .po, then ``compile``."""
    messages, problems = extracted
    assert not problems
    _, entries = catalog.read_po(catalog.po_path("zh_CN"))
    translated = {e.msgid for e in entries if e.translated}
    missing = [m.msgid for m in messages if m.msgid not in translated]
    assert not missing, "not translated in govspeech.po: " + ", ".join(map(repr, missing))
    unused = {e.msgid for e in entries} - {m.msgid for m in messages}
    assert not unused, f"in govspeech.po but not in the code: {sorted(unused)}"


def test_the_shipped_mo_is_the_compiled_po():
    """Editing the .po without ``python scripts/catalog.py compile`` fails here."""
    header, entries = catalog.read_po(catalog.po_path("zh_CN"))
    assert catalog.mo_path("zh_CN").read_bytes() == catalog.compile_mo(header, entries)


def test_the_catalog_script_finds_nothing_wrong(extracted):
    assert catalog.check("zh_CN", extracted) == []


def test_translations_keep_their_fields():
    _, entries = catalog.read_po(catalog.po_path("zh_CN"))
    assert [p for e in entries for p in catalog.placeholder_problems(e)] == []
    broken = catalog.Entry("{path}: no such file", msgstr=["{路径}：找不到"])
    assert catalog.placeholder_problems(broken)
    bare = catalog.Entry("at most 10%% of it", msgstr=["最多 10%"])
    assert catalog.placeholder_problems(bare)


def test_the_extractor_refuses_an_f_string(tmp_path):
    source = tmp_path / "module.py"
    source.write_text(
        "from govspeech.i18n import gettext as _, ngettext\n"
        'x = _(f"{1} files")\n'
        'y = _("a new message")\n'
        'z = ngettext("{n} item", "{n} items", 2)\n',
        encoding="utf-8",
    )
    messages, problems = catalog.extract([source])
    assert [(m.msgid, m.msgid_plural) for m in messages] == [
        ("a new message", None),
        ("{n} item", "{n} items"),
    ]
    assert len(problems) == 1 and "f-string" in problems[0]


def test_the_mo_round_trips_through_gettext(tmp_path):
    header, entries = catalog.read_po(catalog.po_path("zh_CN"))
    path = tmp_path / "govspeech.mo"
    path.write_bytes(catalog.compile_mo(header, entries))
    with open(path, "rb") as f:
        zh = gettext.GNUTranslations(f)
    assert zh.gettext("error: {message}") == "错误：{message}"
    assert zh.ngettext("{count} file", "{count} files", 1) == "{count} 个文件"
    assert zh.ngettext("{count} file", "{count} files", 7) == "{count} 个文件"
    po = tmp_path / "round.po"
    po.write_text(catalog.format_po(header, entries), encoding="utf-8")
    assert po.read_text(encoding="utf-8") == catalog.po_path("zh_CN").read_text(encoding="utf-8")


def test_the_mo_is_package_data():
    mo = importlib.resources.files("govspeech").joinpath("locale/zh_CN/LC_MESSAGES/govspeech.mo")
    assert mo.is_file()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"locale/*/LC_MESSAGES/*.mo"' in pyproject


# ---------------------------------------------------------------- help text in Chinese


def test_wide_wrapping_counts_two_columns_for_a_chinese_character():
    text = (
        "文本文件、Word 文件（.docx）或 HTML 文件，文件夹（查找其中的 *.txt、*.docx、*.html），"
        "通配符模式，或用 - 表示标准输入"
    )
    lines = wrap_wide(text, 30)
    assert all(sum(2 if ord(c) > 0x2E7F else 1 for c in line) <= 32 for line in lines)
    assert not any(line[0] in "，。、；：）" for line in lines)
    assert not any(line[-1] in "（《" for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert "Word" in " ".join(lines).split() or any("Word" in line for line in lines)
