"""公文 and rules as documents: their titles, wrapped titles joined, several documents per file
(issue 14, part 1). The expectations were written by reading each file's head, before the
parser was changed: how many documents the file holds, and each one's title as the text has it.
"""

from __future__ import annotations

import pytest

import govspeech
from govspeech.read.source import read_source

from .test_regulations import GONGWEN, corpus_file

pytestmark = pytest.mark.skipif(not GONGWEN.is_dir(), reason="shared corpus gongwen/ not present")

# file → the titles of its documents, in order (read by hand)
TITLES: dict[str, list[str]] = {
    # flk: the title on one line, or wrapped over two or three
    "fa_guogefa.txt": ["中华人民共和国国歌法"],
    "tiaoli_haiguan_guanxian.txt": ["中华人民共和国海关关衔条例"],
    "jueding_npc_jingji_gongzuo_jiandu.txt": [
        "全国人民代表大会常务委员会关于加强经济工作监督的决定"
    ],
    "banfa_jiefangjun_xuanju_daibiao.txt": [
        "中国人民解放军选举全国人民代表大会和县级以上地方各级人民代表大会代表的办法"
    ],
    "jueyi_npc_laoruo_bingcan_ganbu.txt": [
        "全国人民代表大会常务委员会关于批准《国务院关于安置老弱病残干部的暂行办法》的决议"
    ],
    "jueding_npc_gongxun_rongyuzhang.txt": [
        "全国人民代表大会常务委员会关于批准中央军事委员会《关于授予军队离休干部中国人民解放军"
        "功勋荣誉章的规定》的决定"
    ],
    # LawRefBook Markdown: # 标题 (the hashes are not part of the title)
    "tiaoli_budongchan_dengji.txt": ["不动产登记暂行条例"],
    "tongzhi_laoshebu_gongzi_zhesuan.txt": ["关于职工全年月平均工作时间和工资折算问题的通知"],
    "pifu_zuigaofa_minjian_jiedai.txt": ["最高人民法院关于新民间借贷司法解释适用范围问题的批复"],
    # a reading edition: its breadcrumb line ([大萌法律读本](../duben) >> 2020-刑法) is no title
    "fa_xingfa_duben.txt": ["中华人民共和国刑法"],
    # Shanghai pages: the page's # title; a 印发/批转 notice and the document it issues
    "guiding_shanghai_lutian_cangku_xiaofang.txt": ["上海市露天仓库消防安全管理规定"],
    "fangan_shanghai_gumeilu_dujulaoren_xiaofang.txt": [
        "关于印发《古美路街道加强独居老人消防安全工作实施方案》的通知",
        "古美路街道加强独居老人消防安全工作实施方案",
    ],
    "tongzhi_shanghai_jiading_pizhuan_xialijiao.txt": [
        "上海市嘉定区人民政府关于批转《关于加强本区道路下立交设施防汛防台管理工作的通知》的通知",
        "关于加强本区道路下立交设施防汛防台管理工作的通知",
    ],
    # the page heads the text with its title and gives it again above the text: one document
    "jueding_shanghai_rendachang_tongxin_guanxian.txt": [
        "上海市人民代表大会常务委员会关于加强本市基础通信管线管理的决定"
    ],
    # pkulaw: 【法宝引证码】 and 原文链接 are the database's; the issued 办法 follows the notice's date
    "tongzhi_xinyu_lvse_jianzhu.txt": [
        "新余市人民政府办公室关于印发《新余市新余市绿色建筑管理办法》的通知",
        "新余市绿色建筑管理办法",
    ],
    # each printed attachment (附件1： above a form's title) is a document; the cells of its
    # table (部门领导意见, 区局办公室意见) start nothing
    "tongzhi_xinjiang_zhijian_xuanchuan.txt": [
        "新疆维吾尔自治区质监局关于进一步加强新闻宣传工作的通知",
        "自治区质量技术监督局信息宣传联络员登记表",
        "自治区质量技术监督局各单位（部门）宣传报道申报单",
        "自治区质量技术监督局协助宣传报道通知单",
    ],
    # a notice's printed attachments whose titles end in no kind (…消防安全职责, …一览表)
    "tonggao_shanghai_ranqi_zhudongche.txt": [
        "上海市人民政府关于燃气助动车限期报废事项的通告",
        "燃气助动车集中回收点一览表",
    ],
}


@pytest.mark.parametrize("name", sorted(TITLES))
def test_documents_and_their_titles(name):
    tree = govspeech.parse_file(corpus_file(name))
    assert [doc.title for doc in tree.iter_documents()] == TITLES[name]


def test_every_file_round_trips():
    """Titles, wrapped titles and repeated titles lose nothing: every 公文 and rule of the
    corpus gives back its decoded text."""
    for path in sorted(GONGWEN.glob("*.txt")):
        tree = govspeech.parse_file(path)
        assert tree.text == read_source(path).text, path.name


def test_a_wrapped_title_keeps_its_lines_as_title_lines():
    tree = govspeech.parse_file(corpus_file("jueyi_npc_laoruo_bingcan_ganbu.txt"))
    (doc,) = tree.documents
    lines = [leaf for leaf in doc.title_lines if type(leaf).__name__ == "TitleLine"]
    assert [leaf.role for leaf in lines[:3]] == ["title"] * 3
    assert "".join(leaf.content for leaf in lines[:3]) == doc.title


@pytest.mark.parametrize(
    "text",
    [
        # a piece of a sentence a page broke at 《…》
        "一、主要工作\n认真贯彻《\n国家中长期科学和技术发展规划纲要\n》，推进自主创新。\n",
        # the title of a rule lost its 《》 and runs on into the sentence
        "一、主要工作\n\n农村人民公社工作条例（试行草案）\n在经过试行以后，将提请审议。\n",
        # a cell of a table
        "一、填报要求\n单位名称\n部门领导意见\n区局办公室意见\n",
        # sentences that mention a kind
        "一、工作要求\n现将有关事项通知如下\n特此通知\n请认真贯彻执行本办法\n",
        # a date in the text, then a sentence
        "一、工作回顾\n2024年3月5日\n会议审议了政府工作报告。\n",
    ],
)
def test_no_document_starts_inside_a_body(text):
    tree = govspeech.parse(text)
    assert len(tree.documents) == 1 and tree.documents[0].title is None
    assert tree.text == text


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("tongzhi_shanghai_huangpu_xiaofang_zerenzhi.txt", 164),  # 2. after 附件：1.…
        ("tongzhi_xinjiang_zhijian_xuanchuan.txt", 40),
        ("fangan_shanghai_gumeilu_dujulaoren_xiaofang.txt", 58),  # 1. below 附件： alone
        ("tongbao_shanghai_jiaowei_shixin_mingdan.txt", 44),  # after a name wrapped in two
    ],
)
def test_the_list_of_attachments_is_no_numbering(name, line, capsys):
    """附件：1．… 2．…: the names are the list of attachments, not headings: check reports
    nothing about them, and fix leaves them as they are (it used to write 31． for 2．)."""
    from govspeech.cli import main

    path = corpus_file(name)
    tree = govspeech.parse_file(path)
    leaf = next(leaf for leaf in tree.iter_leaves() if leaf.line == line)
    # the 附件说明 at the end of a 公文 is one of its parts; one the ending does not hold (a list
    # before the printed attachments, 附件1 …) is a paragraph of that role
    assert getattr(leaf, "kind", None) == "attachments" or getattr(leaf, "role", None) == (
        "attachments"
    )
    main(["check", "--select", "GS1", str(path)])
    assert f":{line}:" not in capsys.readouterr().out
    main(["fix", "--unsafe-fixes", "--diff", str(path)])
    diff = capsys.readouterr().out
    assert not any(row.startswith("-") and leaf.content in row for row in diff.splitlines())


def test_a_databases_header_and_record_title_are_boilerplate():
    """pkulaw: 【法宝引证码】, 原文链接 and the record's title above the text's own title are
    the database's lines (the file's preamble); the document starts at its own title."""
    tree = govspeech.parse_file(corpus_file("tongzhi_xinyu_lvse_jianzhu.txt"))
    assert [leaf.line for leaf in tree.preamble if leaf.content.strip()] == [1, 2, 3]
    assert all(type(leaf).__name__ == "Boilerplate" for leaf in tree.preamble)
    assert tree.documents[0].line == 4
