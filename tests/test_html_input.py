"""Web pages as input: our own decoding (gb2312 read as GB18030), the main text only.

The pages are built here the way government sites serve them: a ``charset=gb2312`` label on
GBK bytes (镕 and 喆 are not in GB2312), navigation, a header, a footer, scripts and the speech
in a ``#zoom`` div of ``<p>`` paragraphs, or in an old table layout as ``<br>`` lines.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

pytest.importorskip("lxml")

import govspeech
from govspeech import (
    EmptyInputError,
    MissingDependencyError,
    UsageError,
)
from govspeech.cli import main
from govspeech.cli.inputs import INPUT_SUFFIXES, TEXT_SUFFIXES, expand, read_input
from govspeech.read.formats import sniff
from govspeech.read.html import decode_html, html_text

BODY_LINES = [
    "在全市经济工作会议上的讲话",
    "（2023年12月20日）",
    "市长　朱镕基",  # 镕: in GBK, not in GB2312
    "同志们：",
    "这次会议的主要任务是总结今年经济工作，部署明年工作。下面，我讲三点意见。",
    "一、充分肯定今年经济工作取得的成绩",
    "今年以来，全市上下认真贯彻落实中央和省委决策部署，经济运行稳中有进。",
    "（一）经济总量稳步增长。全年地区生产总值增长6.2%，高于全省平均水平。",
    "（二）产业结构持续优化。",
    "1．制造业加快转型。规上工业增加值增长7.1%。",
    "2．服务业贡献提升。",
    "二、准确把握明年经济工作的总体要求",
    "一是坚持稳中求进。二是坚持以进促稳。三是坚持先立后破。",
    "三、扎实做好明年经济工作",
    "——要着力扩大有效需求。",
    "——要着力深化改革开放。",
    "同志们，让我们在张喆同志带领下，凝心聚力，真抓实干！",  # 喆: GBK only
]
TYPED = "".join(line + "\n" for line in BODY_LINES)
BOILERPLATE = ["首页", "政务公开", "当前位置", "相关文章", "版权所有", "分享到", "ICP", "发布时间",
               "欢迎访问", "广告", "请输入关键字", "在全市安全生产工作会议上的讲话", "关闭窗口", "技术支持"]  # fmt: skip


def div_page(content_attrs: str = 'class="article-con" id="zoom"', extra: str = "") -> str:
    L = BODY_LINES
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{L[0]}_市人民政府门户网站</title>
<meta name="keywords" content="经济工作会议,讲话" />
<style type="text/css">body{{font-family:"宋体";}} p{{text-indent:2em}}</style>
<script type="text/javascript">var _hmt=_hmt||[];document.write("<div>广告：欢迎访问</div>");</script>
</head>
<body>
<div class="top"><div class="topbar">欢迎访问市人民政府门户网站 | <a href="#">无障碍浏览</a> | <a href="#">繁体版</a></div>
<div class="header"><img src="/images/logo.png" alt="市人民政府" /><form action="/search"><input name="q" value="请输入关键字"/><button>搜索</button></form></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="main">
 <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ldjh/">领导讲话</a></div>
 <div class="left-side"><h3>领导讲话</h3><ul><li><a href="/a1.html">在全市安全生产工作会议上的讲话</a></li><li><a href="/a2.html">在全市优化营商环境大会上的讲话</a></li></ul></div>
 <div class="article">
  <h1 class="article-title">{L[0]}</h1>
  <div class="article-info">发布时间：2023-12-21 09:30　来源：市政府办公室　字号：[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>]　<a href="javascript:window.print()">打印</a></div>
  <div {content_attrs}>
   <p style="text-align:center">{L[1]}</p>
   <p style="text-align:center">{L[2]}</p>
   <p>{L[3]}</p>
   <p>　　{L[4]}</p>
   <p><strong>{L[5]}</strong></p>
   <p>　　{L[6]}</p>
   <p>　　{L[7]}<br/>　　{L[8]}<br/>　　{L[9]}<br />　　{L[10]}</p>
   <p><strong>{L[11]}</strong></p>
   <p>&nbsp;&nbsp;&nbsp;&nbsp;{L[12]}</p>
   {extra}
   <div><strong>{L[13]}</strong></div>
   <div>　　{L[14]}</div><div>　　{L[15]}</div>
   <p>　　{L[16]}</p>
   <script>var share=1;</script>
  </div>
  <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
  <div class="related"><h4>相关文章</h4><ul><li><a href="/b1.html">市政府召开常务会议研究部署经济工作</a></li></ul></div>
 </div>
</div>
<div class="footer"><p>主办：市人民政府办公室　承办：市大数据中心</p><p>网站标识码：1234000001　<a href="#">ICP备05001234号</a></p><p>版权所有 &copy; 市人民政府 未经许可不得复制</p></div>
<script type="text/javascript" src="/js/stat.js"></script>
</body>
</html>
"""


def table_page() -> str:
    """An old site: a table layout, the speech one <td> of <br>-separated lines, &nbsp; indents."""
    L = BODY_LINES
    body = "<br>\n".join("&nbsp;&nbsp;&nbsp;&nbsp;" + x for x in L[1:])
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{L[0]}</title><script>function fontZoom(s){{document.getElementById('c').style.fontSize=s+'px';}}</script></head>
<body><table width="960" align="center"><tr><td colspan="2"><img src="banner.jpg"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/bsfw">办事服务</a></td></tr>
<tr><td width="200" valign="top"><table><tr><td><a href="/ldjh">领导讲话</a></td></tr><tr><td><a href="/a1.html">在全市安全生产工作会议上的讲话</a></td></tr></table></td>
<td valign="top"><table width="100%"><tr><td align="center"><font size="5"><b>{L[0]}</b></font></td></tr>
<tr><td align="center"><font color="#999">发布时间：2023-12-21　来源：市政府办公室　【<a href="javascript:fontZoom(16)">大</a> <a href="javascript:fontZoom(14)">中</a>】</font></td></tr>
<tr><td id="c" class="bt_content"><font face="仿宋_GB2312" size="4">{body}</font></td></tr>
<tr><td align="right"><a href="javascript:window.close()">【关闭窗口】</a> <a href="javascript:window.print()">【打印本页】</a></td></tr></table></td></tr>
<tr><td colspan="2" align="center">版权所有：市人民政府办公室　ICP备05001234号　技术支持：某某网络公司</td></tr></table></body></html>
"""


def outline(text: str) -> list[list[tuple[str, int, str]]]:
    tree = govspeech.parse(text)
    return [[(s.marker, s.level, s.title) for s in d.iter_sections()] for d in tree.documents]


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def run_cli(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --- the page's main text ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        div_page(),
        table_page(),
        div_page(content_attrs='class="wz"'),  # no known CMS container: the densest element
    ],
    ids=["zoom-div", "table-br", "no-known-container"],
)
def test_a_gb2312_page_outlines_exactly_like_the_typed_text(tmp_path, html):
    data = html.encode("gbk")  # what such sites serve under a gb2312 label
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb2312")
    path = write(tmp_path / "speech.html", data)
    tree = govspeech.parse_file(path)
    assert tree.text == TYPED  # positions refer to this extracted text
    assert tree.encoding == "gb18030" and tree.path == str(path)
    assert "朱镕基" in tree.text and "张喆" in tree.text
    assert outline(tree.text) == outline(TYPED)
    assert tree.documents[0].title == BODY_LINES[0]
    for word in BOILERPLATE:
        assert word not in tree.text, word


def test_cli_outline_of_a_page(capsys, tmp_path):
    path = write(tmp_path / "speech.htm", div_page().encode("gbk"))
    typed = write(tmp_path / "speech.txt", TYPED.encode("utf-8"))
    code, out, err = run_cli(capsys, "outline", str(path))
    assert code == 0, err
    code, out_typed, _ = run_cli(capsys, "outline", str(typed))
    assert out.replace(str(path), "X") == out_typed.replace(str(typed), "X")


def test_hostile_content_never_reaches_the_text(tmp_path):
    hostile = (
        '<script>document.write("<p>一、注入的标题</p>"); alert("脚本里的文字")</script>'
        "<style>p::before{content:'样式里的文字'}</style>"
        "<noscript>请启用脚本才能看到的文字</noscript>"
        "<template><p>模板里的文字</p></template>"
        '<iframe src="https://example.com/">框架里的文字</iframe>'
        '<div style="display: none">隐藏的文字一</div><p hidden>隐藏的文字二</p>'
        '<span style="VISIBILITY:hidden">隐藏的文字三</span>'
        "<!-- 注释里的文字 --><object data='x.swf'>对象里的文字</object>"
        '<p onclick="alert(1)"><a href="javascript:alert(2)">（三）</a>链接是正文。</p>'
        "<svg><text>矢量图里的文字</text></svg>"
    )
    path = write(tmp_path / "hostile.html", div_page(extra=hostile).encode("gbk"))
    text = govspeech.parse_file(path).text
    for word in ("注入", "脚本里", "样式里", "启用脚本", "模板里", "框架里", "隐藏的", "注释里", "对象里",
                 "矢量图", "alert", "document.write", "<"):  # fmt: skip
        assert word not in text, word
    assert "（三）链接是正文。\n" in text  # link text inside the content is text
    assert text.replace("（三）链接是正文。\n", "") == TYPED


@pytest.mark.parametrize(
    "html",
    [
        b"",
        b"   \n",
        b"<html><head><title>\xb1\xea\xcc\xe2</title></head><body></body></html>",
        b"<html><body><script>var a='\xd6\xd0\xce\xc4';</script><nav><a href='/'>\xca\xd7\xd2\xb3</a></nav></body></html>",
        b'<!DOCTYPE html><html><body><div id="app"></div><script src="app.js"></script></body></html>',
    ],
    ids=["empty", "blank", "title-only", "script-and-nav-only", "javascript-app"],
)
def test_a_page_with_no_text_is_one_line_exit_2(capsys, tmp_path, html):
    path = write(tmp_path / "empty.html", html)
    with pytest.raises(EmptyInputError) as info:
        govspeech.parse_file(path)
    assert isinstance(info.value, ValueError) and str(info.value).startswith(f"{path}: no text")
    code, out, err = run_cli(capsys, "outline", str(path))
    lines = err.strip().splitlines()
    assert code == 2 and out == "" and len(lines) == 1 and "Traceback" not in err
    assert lines[0].startswith(f"error: {path}: no text")


def test_title_is_added_once():
    # the <h1> outside the content becomes the first line …
    page = "<html><head><title>通知_某某网</title></head><body><h1>关于做好工作的通知</h1><div id='zoom'><p>一、总体要求。各单位要高度重视。</p></div></body></html>"
    assert html_text(page.encode("utf-8"))[0] == "关于做好工作的通知\n一、总体要求。各单位要高度重视。\n"
    # … unless the content already starts with it
    page = "<html><body><h1>关于做好工作的通知</h1><div id='zoom'><p>关于做好工作的通知</p><p>一、总体要求。各单位要高度重视。</p></div></body></html>"
    assert html_text(page.encode("utf-8"))[0].count("关于做好工作的通知") == 1
    # an <h1> inside the content is its first line already
    page = "<html><body><article><h1>关于做好工作的通知</h1><p>一、总体要求。各单位要高度重视。</p></article></body></html>"
    assert html_text(page.encode("utf-8"))[0] == "关于做好工作的通知\n一、总体要求。各单位要高度重视。\n"
    # an article's own <header> holds its title; the page's <header> holds the site's name
    page = "<html><body><header><h1>某某市人民政府</h1></header><article><header><h1>关于做好工作的通知</h1></header><p>一、总体要求。各单位要高度重视。</p></article></body></html>"
    assert html_text(page.encode("utf-8"))[0] == "关于做好工作的通知\n一、总体要求。各单位要高度重视。\n"
    # no <h1>: the <title> without the site's name
    page = "<html><head><title>关于做好工作的通知 - 某某市人民政府门户网站</title></head><body><div id='zoom'><p>一、总体要求。各单位要高度重视。</p></div></body></html>"
    assert html_text(page.encode("utf-8"))[0].splitlines()[0] == "关于做好工作的通知"


def test_whitespace_of_the_page_source():
    page = (
        "<html><body><div id='zoom'><p>　　一、总体\n    要求。各单位要\r\n高度重视。</p>"
        "<p>&nbsp;Open  Government\nData 开放数据。</p><p>\n\n</p><p>第一行<br><br>第二行</p>"
        "<pre>（一）保留\n  原样</pre></div></body></html>"
    )
    text = html_text(page.encode("utf-8"))[0]
    assert text == "一、总体要求。各单位要高度重视。\nOpen Government Data 开放数据。\n第一行\n第二行\n（一）保留\n原样\n"


# --- decoding -----------------------------------------------------------------------------------

SAMPLE = "朱镕基同志和张喆同志的讲话。一、统一思想。"


@pytest.mark.parametrize(
    ("head", "encoding", "reported"),
    [
        ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', "gbk", "gb18030"),
        ('<meta charset="GBK">', "gbk", "gb18030"),
        ("<meta charset=x-gbk>", "gb18030", "gb18030"),
        ('<meta charset="utf-8">', "utf-8", "utf-8"),
        ('<meta charset="big5">', "big5", "big5hkscs"),
        ('<meta charset="utf-8">', "gbk", "gb18030"),  # a wrong label: detected instead
        ('<meta charset="iso-8859-1">', "gbk", "gb18030"),  # a Western label on Chinese bytes
        ("", "gbk", "gb18030"),  # no label: detected
    ],
)
def test_the_declared_charset_read_as_browsers_do(head, encoding, reported):
    sample = SAMPLE if encoding != "big5" else "講話。一、統一思想。"
    page = f"<html><head>{head}<title>t</title></head><body><div id='zoom'><p>{sample}</p></div></body></html>"
    text, used = decode_html(page.encode(encoding))
    assert used == reported and sample in text


def test_xml_declaration_bom_and_explicit_encoding():
    xhtml = f'<?xml version="1.0" encoding="gb2312"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>{SAMPLE}</p></body></html>'
    assert decode_html(xhtml.encode("gbk")) == (xhtml, "gb18030")
    assert html_text(xhtml.encode("gbk"))[0] == SAMPLE + "\n"
    page = f"<html><head><meta charset='gbk'></head><body><p>{SAMPLE}</p></body></html>"
    assert decode_html(b"\xef\xbb\xbf" + page.encode("utf-8"))[1] == "utf-8-sig"
    assert decode_html(page.encode("utf-16"))[1] == "utf-16"
    # an explicit encoding wins over the page's label
    assert decode_html(page.replace("gbk", "utf-8").encode("gbk"), "gb18030") == (
        page.replace("gbk", "utf-8"),
        "gb18030",
    )


# --- formats, folders, stdin, --from -----------------------------------------------------------


def test_sniff_by_extension_then_content():
    page = div_page().encode("gbk")
    assert sniff("a.html", b"") == sniff("a.HTM", b"") == sniff("a.shtml", b"") == "html"
    assert sniff("a.xhtml", b"") == "html" and sniff("a.docx", b"") == "docx"
    assert sniff("a.txt", page) == "txt"  # the extension wins; --from overrides it
    assert sniff(None, page) == sniff("page.asp", page) == "html"
    assert sniff(None, b"\xef\xbb\xbf\n  <!doctype html><p>x") == "html"
    assert sniff(None, "<html><body>一</body></html>".encode("utf-16")) == "html"
    assert sniff(None, b"<meta charset=utf-8><p>x") == "html"
    assert sniff(None, "一、关于<html>标签的说明。\n".encode()) == "txt"
    assert sniff(None, "<一>、标题\n".encode()) == "txt"
    assert sniff(None, TYPED.encode("gbk")) == "txt"


def test_folder_picks_up_word_and_web_pages(capsys, tmp_path):
    from .test_docx_input import build_speech

    pytest.importorskip("docx")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    write(folder / "a.txt", TYPED.encode("utf-8"))
    write(folder / "b.html", div_page().encode("gbk"))
    write(folder / "sub" / "c.htm", table_page().encode("gbk"))
    build_speech(folder / "d.docx")
    write(folder / "e.md", "# 一、总体要求\n".encode())  # Markdown is an input too
    write(folder / "f.json", b'{"not": "a content list"}')
    write(folder / "~$d.docx", b"\x05owner" + bytes(100))
    assert [Path(p).name for p in expand([str(folder)])] == [
        "a.txt",
        "b.html",
        "d.docx",
        "e.md",
        "c.htm",
    ]
    assert {".docx", ".html", ".htm", ".txt"} <= INPUT_SUFFIXES and TEXT_SUFFIXES is INPUT_SUFFIXES
    code, out, err = run_cli(capsys, "outline", str(folder))
    assert code == 0, err
    assert out.count("==> ") == 5
    assert out.count("一、充分肯定今年经济工作取得的成绩") == 3
    assert "一、统一思想认识，提高政治站位" in out


def test_an_empty_folder_names_every_suffix(tmp_path):
    folder = tmp_path / "none"
    folder.mkdir()
    write(folder / "e.json", b"x")
    with pytest.raises(govspeech.InputReadError, match=r"no text files.*\*\.docx.*\*\.html"):
        expand([str(folder)])


def test_from_overrides_the_extension(tmp_path):
    path = write(tmp_path / "saved.txt", div_page().encode("gbk"))
    as_text = govspeech.parse_file(path)
    assert "<html" in as_text.text  # by extension: a text file full of markup
    tree = govspeech.parse_file(path, source_format="html")
    assert tree.text == TYPED and tree.encoding == "gb18030"
    assert read_input(str(path), None, "html").text == TYPED
    assert read_input(str(path)).text == as_text.text
    # and the other way round: a page read as text keeps its markup
    page = write(tmp_path / "page.html", div_page().encode("gbk"))
    assert "<html" in read_input(str(page), None, "txt").text
    with pytest.raises(UsageError, match="unknown input format 'epub'"):
        govspeech.parse_file(page, source_format="epub")


def test_stdin_is_sniffed_and_overridden(monkeypatch):
    def stdin(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))

    stdin(div_page().encode("gbk"))
    tree = read_input("-")
    assert tree.text == TYPED and tree.path == "<stdin>" and tree.encoding == "gb18030"
    stdin(div_page().encode("gbk"))
    assert "<html" in read_input("-", None, "txt").text
    # plain text forced through as HTML runs together, as a browser would show it
    stdin(TYPED.encode("utf-8"))
    text = read_input("-", None, "html").text
    assert text.count("\n") == 1 and all(line in text for line in BODY_LINES)


def test_missing_lxml_names_the_html_extra(tmp_path, monkeypatch):
    path = write(tmp_path / "speech.html", div_page().encode("gbk"))
    monkeypatch.setitem(sys.modules, "lxml.html", None)
    with pytest.raises(MissingDependencyError, match=r"pip install 'govspeech\[html\]'"):
        govspeech.parse_file(path)


def test_content_split_over_sections_is_read_whole():
    sections = "".join(
        f"<section><h2>{n}、第{n}部分的标题</h2><div><p>这是第{n}部分的正文，内容比较充实，说明相关工作要求。</p>"
        f"<p>这是第{n}部分的第二段，继续说明具体的措施和办法。</p></div></section>"
        for n in "一二三四"
    )
    page = (
        "<html><body><div class='links'><a href='/1'>相关链接一则很长的标题</a><a href='/2'>相关链接二则很长的标题</a></div>"
        f"<main>{sections}</main><p>主办单位：某某市人民政府办公室</p></body></html>"
    )
    text = html_text(page.encode("utf-8"))[0]
    assert [m for doc in outline(text) for m, _, _ in doc] == ["一、", "二、", "三、", "四、"]
    assert "相关链接" not in text and "主办单位" not in text


@pytest.mark.parametrize("encoding", ["utf-32", "utf-16", "utf-8-sig"])
def test_a_byte_order_mark_decides_a_page_encoding(encoding):
    """The one BOM table (govspeech.read.source.BOMS) reads pages too: UTF-32 included."""
    from govspeech.read.html import html_text

    page = "<html><head><meta charset='gb2312'></head><body><div id='content'>"
    page += "<p>一、统一思想</p><p>要认真学习领会会议精神。</p></div></body></html>"
    text, used = html_text(page.encode(encoding), None, "x.html")
    assert used == encoding and text.splitlines()[0] == "一、统一思想"
