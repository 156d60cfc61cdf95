"""A 公文's metadata (issue 14, part 3): read from its parts, never guessed. The expectations
were written from each file's own lines (its 发文字号, 主送机关, 附件 list, 署名 and date)."""

from __future__ import annotations

import pytest

import govspeech
from govspeech.meta import DocumentMeta

from .conftest import CORPUS_FILE
from .test_regulations import GONGWEN, corpus_file

pytestmark = pytest.mark.skipif(not GONGWEN.is_dir(), reason="shared corpus gongwen/ not present")


def _meta(name: str, k: int = 0) -> DocumentMeta:
    return list(govspeech.parse_file(corpus_file(name)).iter_documents())[k].meta


def test_a_notice_with_number_addressees_and_date():
    meta = _meta("tongzhi_xinyu_lvse_jianzhu.txt")
    assert (meta.kind, meta.number, meta.agency_code, meta.year, meta.serial) == (
        "通知",
        "余府发〔2012〕3号",
        "余府发",
        2012,
        3,
    )
    assert meta.date == "2012-01-09"  # 二○一二年一月九日
    assert meta.addressees == ("各县（区）人民政府、管委会", "市政府各部门", "市直各单位")
    issued = _meta("tongzhi_xinyu_lvse_jianzhu.txt", 1)  # the 办法 it issues has none of them
    assert (issued.kind, issued.number, issued.date, issued.addressees) == ("办法", None, None, ())


def test_a_circular_with_attachments_issuer_and_date():
    meta = _meta("tongbao_shanghai_jiaowei_shixin_mingdan.txt")
    assert meta.kind == "通报" and meta.date == "2025-11-03"
    assert meta.issuers == ("上海市交通委员会",)
    assert meta.attachments == (
        "上海市道路运输市场严重失信主体名单（法人类）",
        "上海市道路运输市场严重失信主体名单（行业从业人员）",
    )


def test_a_number_in_square_brackets_and_one_addressee_of_a_kind():
    meta = _meta("tongzhi_laoshebu_gongzi_zhesuan.txt")
    assert (meta.number, meta.agency_code, meta.year, meta.serial) == (
        "劳社部发[2008]3号",
        "劳社部发",
        2008,
        3,
    )
    assert meta.addressees == ("各省、自治区、直辖市劳动和社会保障厅（局）",)


def test_a_reply_without_headings():
    meta = _meta("tongzhi_shanghai_tongyi_laji_jiesuan.txt")
    assert (meta.kind, meta.date, meta.issuers, meta.addressees) == (
        "通知",
        "2022-12-29",
        ("上海市人民政府办公厅",),
        ("市绿化市容局",),
    )


def test_a_speech_says_nothing_of_the_kind():
    for doc in govspeech.parse_file(CORPUS_FILE).iter_documents():
        meta = doc.meta
        assert (meta.kind, meta.number, meta.date) == (None, None, None)
        assert meta.issuers == meta.addressees == meta.attachments == ()


def test_the_json_export_holds_it():
    data = govspeech.parse_file(corpus_file("tongzhi_xinyu_lvse_jianzhu.txt")).to_dict()
    meta = data["documents"][0]["meta"]
    assert meta["number"] == "余府发〔2012〕3号" and meta["date"] == "2012-01-09"


PAGE = """<html><head><meta charset="utf-8"><title>关于做好防汛工作的通知_上海市人民政府门户网站</title>
<meta name="ArticleTitle" content="上海市人民政府关于做好防汛工作的通知">
<meta name="PubDate" content="2024-05-08 10:30">
<meta name="ContentSource" content="上海市人民政府办公厅">
<meta name="Description" content="{long}">
</head><body><div class="article"><h1>上海市人民政府关于做好防汛工作的通知</h1>
<p>各区人民政府，市政府各委、办、局：</p><p>一、压实责任</p>
<p>各区要落实属地责任，汛前完成隐患排查。</p>{ending}</div></body></html>
"""


def test_a_web_pages_own_metadata_fills_the_gaps(tmp_path):
    """A page that drops the 落款 (most do) still gives a date and a source: its <meta> tags,
    as government CMSs write them, fill what the text does not say, and say so."""
    path = tmp_path / "notice.html"
    path.write_text(PAGE.format(long="长" * 5000, ending=""), encoding="utf-8")
    tree = govspeech.parse_file(path)
    assert dict(tree.webpage) == {
        "title": "上海市人民政府关于做好防汛工作的通知",
        "published": "2024-05-08 10:30",
        "source": "上海市人民政府办公厅",
    }
    doc = tree.documents[0]
    assert doc.meta.date is None and doc.meta.issuers == ()  # the text alone says nothing
    meta = tree.meta_of(doc)
    assert (meta.date, meta.issuers, meta.from_page) == (
        "2024-05-08",
        ("上海市人民政府办公厅",),
        ("date", "issuers"),
    )
    data = tree.to_dict()
    assert data["webpage"]["source"] == "上海市人民政府办公厅"
    assert data["documents"][0]["meta"]["from_page"] == ["date", "issuers"]


def test_the_text_wins_over_the_pages_metadata(tmp_path):
    path = tmp_path / "notice.html"
    ending = "<p>上海市人民政府</p><p>2024年5月6日</p>"
    path.write_text(PAGE.format(long="", ending=ending), encoding="utf-8")
    tree = govspeech.parse_file(path)
    meta = tree.meta_of(tree.documents[0])
    assert (meta.date, meta.issuers, meta.from_page) == ("2024-05-06", ("上海市人民政府",), ())


def test_text_input_has_no_page_metadata():
    tree = govspeech.parse("关于做好防汛工作的通知\n一、压实责任\n")
    assert tree.webpage == () and tree.meta_of(tree.documents[0]) == tree.documents[0].meta


def test_an_orders_number_and_signer():
    """An order: 中华人民共和国国务院令 over 第656号 is its number, 总理　李克强 who signed it."""
    text = (
        "中华人民共和国国务院令\n第656号\n\n《不动产登记暂行条例》已经国务院常务会议通过，"
        "现予公布。\n\n总理　李克强\n2014年11月24日\n\n不动产登记暂行条例\n\n第一条　为规范登记行为，制定本条例。\n"
    )
    order, rule = govspeech.parse(text).documents
    meta = order.meta
    assert (meta.kind, meta.number, meta.agency_code, meta.serial) == (
        "令",
        "中华人民共和国国务院令第656号",
        "中华人民共和国国务院令",
        656,
    )
    assert (meta.signer, meta.issuers, meta.date) == ("总理李克强", (), "2014-11-24")
    assert (rule.title, rule.meta.kind, rule.meta.number) == ("不动产登记暂行条例", "条例", None)


# The 15 kinds of 公文 (党政机关公文处理工作条例, art. 8) and the words rules and plans end in.
KINDS = (
    "决议 决定 命令 令 公报 公告 通告 意见 通知 通报 报告 请示 批复 议案 函 纪要 "
    "办法 规定 条例 细则 规则 方案 计划 规划 要点 指引 指南 标准 清单"
).split()


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_names_a_title(kind):
    """A title ending in any kind (…（试行） after it too) is read as a title of that kind, at
    the top of a text and as a document of its own."""
    from govspeech.meta import title_kind

    title = f"上海市人民政府关于加强城市管理工作的{kind}（试行）"
    assert title_kind(title) == kind
    tree = govspeech.parse(f"{title}\n\n一、总体要求\n各区要抓好落实。\n")
    assert tree.documents[0].title == title and tree.documents[0].meta.kind == kind


def test_two_bodies_signing_on_one_line_are_two_issuers():
    meta = _meta("tongzhi_shanghai_huangpu_xiaofang_zerenzhi.txt")
    assert meta.issuers == ("中共上海市黄浦区委办公室", "上海市黄浦区人民政府办公室")
    assert meta.date == "2020-06-01"
