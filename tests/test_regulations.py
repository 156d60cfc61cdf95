"""The regulations of the shared corpus (../shared/corpus/gongwen/): 编 > 章 > 节 > 条 > 项.

The files stay outside the repository (see their README.md); these tests skip when the folder
is absent, and fail instead under GOVSPEECH_REQUIRE_CORPUS=1.

How the tables below were made: every file was read line by line (lines cut at \\n, \\r\\n and
\\r only, numbered from 1, a BOM not counted). A script listed the lines that open with
第X编/章/节/条 or （一）/(一)/㈠ (after indents, ``#`` or a Markdown ``* ``) as a counting aid;
each listed line was then checked by eye: a 目录 entry is not a heading, a cross-reference
(依照本法第十二条) never opens a line in these files, and no quoted 第X条 opens a line outside
the two amendments (whose quoted lines all open with “). In every file the articles run
1..N with no gap and no repeat in the source itself; the only additions are the 之一/之二
articles of the criminal law. Heading lines are those of the main text only.

Facts of the corpus worth knowing when reading a failure here:

- No file puts a chapter heading and its first article on one line, no file has 分编, and no
  file has an article caption on its own line (``第X条　（目的）`` with the body on the next
  line). The only ``第X条　（…）`` line is 第一百九十九条　（删去） in the criminal law: a
  repealed article whose whole text is （删去）, not a caption.
- No article holds 1． items (目) inside its （一） items: the only 1． lists in these files
  are annex lists after the last article (刑法 附件一/二, 香港基本法 附件三 决定).
"""

from __future__ import annotations

import itertools
import re
from functools import cache
from pathlib import Path

import pytest

import govspeech

from .conftest import REQUIRE_CORPUS, TESTS

GONGWEN = TESTS.parent.parent / "shared" / "corpus" / "gongwen"

pytestmark = pytest.mark.skipif(
    not GONGWEN.is_dir() and not REQUIRE_CORPUS, reason="shared corpus gongwen/ not present"
)

STRUCTURE = ("book", "subbook", "chapter", "section")

# --- the hand-counted facts, one table per file ---------------------------------------------
#
# books / chapters / sections: the lines of the 编 / 章 / 节 headings of the main text.
# articles: how many 第X条 headings (之一 articles included); they number 1..N, N = articles
#   minus the 之一/之二 ones, listed in sub as number + suffix in source order.
# mulu: first and last line of the 目录 block (its heading 目录 to its last entry), or None.
# preface: first and last line of the 序言 (its heading to its last paragraph), or None.
# items: article -> its （一） items (项): a count (numbered 1..n) or the list of numbers.
#   Complete (every other article holds none) unless items_total is given, then a sample.
# item_style: the style of those items. styles: every style of section the file holds.

XINGFA = {
    "file": "fa_xingfa_duben.txt",
    # Markdown reading edition: 编 as "# 第一编　总则", 章 underlined with ====, 节 with ----.
    # 目录 (line 13, underlined on 14) lists 编 > 章 > 节, then 附则 and 附件一/二 (line 71).
    "books": [74, 486],
    "chapters": [77, 109, 188, 313, 444, 489, 525, 637, 1061, 1201, 1251, 1687, 1729, 1788,
                 1860],  # 5 in 总则, 10 in 分则
    "sections": [112, 149, 161, 180, 191, 221, 242, 252, 261, 275, 283, 304, 316, 328, 336, 345,
                 356, 385, 404, 428, 640, 676, 709, 768, 879, 933, 978, 1011, 1254, 1405, 1460,
                 1492, 1519, 1555, 1595, 1649, 1667],  # 4+8+8 in 总则, 8+9 in 分则
    "articles": 505,  # 第一条..第四百五十二条 and 53 之X articles
    "sub": [
        "17之一", "37之一", "120之一", "120之二", "120之三", "120之四", "120之五", "120之六",
        "133之一", "133之二", "134之一", "135之一", "139之一", "142之一", "162之一", "162之二",
        "169之一", "175之一", "177之一", "185之一", "205之一", "210之一", "219之一", "224之一",
        "234之一", "236之一", "244之一", "253之一", "260之一", "262之一", "262之二", "276之一",
        "280之一", "280之二", "284之一", "286之一", "287之一", "287之二", "291之一", "291之二",
        "293之一", "299之一", "307之一", "308之一", "334之一", "336之一", "342之一", "344之一",
        "355之一", "388之一", "390之一", "399之一", "408之一",
    ],
    "mulu": (13, 71),
    "preface": None,
    # The items are Markdown list lines "* （一）…". 第七十八条 has two lists, one per 款:
    # six 重大立功表现 and, after 减刑以后实际执行的刑期不能少于下列期限：, three more.
    "items": {"第三十三条": 5, "第七十八条": [1, 2, 3, 4, 5, 6, 1, 2, 3], "第一百二十条之二": 4,
              "第一百六十九条之一": 6, "第二百三十六条": 6, "第二百四十条": 8,
              "第二百六十三条": 8, "第三百八十三条": 3, "第四百零八条之一": 5},
    "items_total": 256,  # in 60 articles; none in 附则 or the annexes
    "item_style": "cn_paren",
    # ar_dot: the 1．…15． and 1．…8． lists of 附件一/附件二 (items of the annexes)
    # "# 附则" (1936) is a part beside the two 编 (supplement); 附件一/二 are annexes.
    "styles": {"book", "chapter", "section", "article", "cn_paren", "ar_dot", "supplement", "annex"},
    # 第四百五十二条 (line 1938) stands under "# 附则" (line 1936), a part of its own beside the
    # two 编 (the 目录 lists it so): not in 第二编 第十章. See test_xingfa_fuze_and_annexes.
    "outside": [1938],
}

GEREN = {
    "file": "fa_geren_xinxi_baohu.txt",
    # flk: 目　　录 (line 7) with 8 章 and 3 节 entries (the 节 indented by two U+3000).
    "books": [], "chapters": [20, 41, 101, 116, 136, 172, 200, 212], "sections": [43, 83, 93],
    "articles": 74, "sub": [], "mulu": (7, 18), "preface": None,
    "items": {"第三条": 3, "第十三条": 7, "第十七条": 4, "第三十八条": 4, "第四十七条": 5,
              "第五十一条": 6, "第五十五条": 5, "第五十六条": 3, "第五十七条": 3, "第五十八条": 4,
              "第六十一条": 5, "第六十二条": 5, "第六十三条": 4, "第七十三条": 4},
    "item_style": "cn_paren", "styles": {"chapter", "section", "article", "cn_paren"},
}

MINZU = {
    "file": "fa_minzu_quyu_zizhi.txt",
    # 目　　录 (line 7) opens with 序　　言, then 7 章 (line 15). The 序言 (heading line 17,
    # paragraphs 19-24) is the law's unnumbered preamble before 第一章: no section, no article.
    "books": [], "chapters": [26, 51, 69, 117, 124, 137, 173], "sections": [],
    "articles": 74, "sub": [], "mulu": (7, 15), "preface": (17, 24),
    "items": {}, "item_style": "cn_paren", "styles": {"chapter", "article"},
}

XIANFA = {
    "file": "fa_xianfa_2018_gbk.txt",
    # 目　录 (line 7), its entries indented (章 by two U+3000, 节 by four) from 9 (序　言) to
    # 21; the 序言 heading is line 24, its paragraphs run to 50 (一八四○年以后，… 二十世纪，…
    # open paragraphs, they are no numbering). Articles are indented "　　第一条　…".
    "books": [], "chapters": [53, 173, 246, 583],
    "sections": [248, 360, 380, 433, 446, 498, 525, 547],  # all eight in 第三章 国家机构
    "articles": 143, "sub": [], "mulu": (7, 21), "preface": (24, 50),
    "items": {"第三十条": 3, "第六十二条": 16, "第六十三条": 6, "第六十七条": 22, "第八十九条": 18},
    "item_style": "cn_paren", "styles": {"chapter", "section", "article", "cn_paren"},
}

XIANGGANG = {
    "file": "fa_xianggang_jibenfa.txt",
    # 目　　录 (line 7): 序言, 9 章, 10 节 (not indented here), 附件一-三 (line 30). 序言 32-36.
    # After 第一百六十条 (line 399) come 附件一-三 and the NPCSC 决定 on 附件三.
    "books": [], "chapters": [38, 55, 88, 123, 273, 341, 367, 386, 397],
    "sections": [125, 171, 188, 232, 257, 262, 275, 304, 311, 319],
    "articles": 160, "sub": [], "mulu": (7, 30), "preface": (32, 36),
    # 第四十八条 （三） has an unnumbered continuation line (140); 第一百六十条 holds no items:
    # the （一）（二） at lines 432 and 440 belong to 附件二 (see the test below).
    "items": {"第二十四条": 6, "第四十八条": 13, "第五十二条": 3, "第六十二条": 6,
              "第七十二条": 6, "第七十三条": 10, "第七十九条": 7, "第一百三十三条": 3,
              "第一百三十四条": 4},
    "item_style": "cn_paren", "styles": None,  # the annexes hold 一、 and 1. lists of their own
    "annexed": "第一百六十条",
}

BUDONGCHAN = {
    "file": "tiaoli_budongchan_dengji.txt",
    # LawRefBook Markdown: "## 第一章 总则"; items written with ASCII brackets "(一)".
    "books": [], "chapters": [7, 55, 91, 181, 201, 211], "sections": [],
    "articles": 35, "sub": [], "mulu": None, "preface": None,
    "items": {"第五条": 10, "第八条": 4, "第十四条": 7, "第十六条": 6, "第十七条": 4, "第十八条": 3,
              "第十九条": 4, "第二十二条": 4},
    "item_style": "cn_paren", "styles": {"chapter", "article", "cn_paren"},
}

LUTIAN = {
    "file": "guiding_shanghai_lutian_cangku_xiaofang.txt",
    # Shanghai index page: YAML front matter (lines 1-11, its --- lines are no dash items),
    # "第一章  总则" and "第一条  …" with two ASCII spaces.
    "books": [], "chapters": [22, 32, 48, 60, 72, 88, 106, 112], "sections": [],
    "articles": 36, "sub": [], "mulu": None, "preface": None,
    "items": {"第二十八条": 3}, "item_style": "cn_paren",
    "styles": {"chapter", "article", "cn_paren"},
}

GUOANBU = {
    "file": "banfa_guoanbu_jubao_jiangli.txt",
    # "## 第一章 总 则"; 第二章 奖励条件… has 条 in its title (条件), no article.
    "books": [], "chapters": [7, 39, 85, 105, 139], "sections": [],
    "articles": 24, "sub": [], "mulu": None, "preface": None,
    "items": {"第四条": 6, "第八条": 3, "第九条": 6, "第十条": 2, "第十二条": 4, "第二十条": 6,
              "第二十一条": 4, "第二十二条": 2},
    "item_style": "cn_paren", "styles": {"chapter", "article", "cn_paren"},
}

WAIJIAO = {
    "file": "tiaoli_waijiao_tequan_huomian.txt",
    # flk, no chapters: the 29 articles are the document's top-level sections.
    "books": [], "chapters": [], "sections": [],
    "articles": 29, "sub": [], "mulu": None, "preface": None,
    "items": {"第十四条": 2, "第十六条": 4, "第二十二条": 3, "第二十五条": 4, "第二十八条": 9},
    "item_style": "cn_paren", "styles": {"article", "cn_paren"},
}

XINYU = {
    "file": "tongzhi_xinyu_lvse_jianzhu.txt",
    # pkulaw: the 印发 notice (lines 3-11, dated 二○一二年一月九日) then the 办法 (title line
    # 12); chapters indented by one U+3000, articles by two; items written ㈠㈡㈢.
    # 第五条's nine items follow its second paragraph (本市推广应用以下技术和产品：).
    "books": [], "chapters": [13, 53, 66, 74, 88, 101], "sections": [],
    "articles": 29, "sub": [], "mulu": None, "preface": None,
    "items": {"第五条": 9, "第二十八条": 3}, "item_style": "paren_ideograph",
    "styles": {"chapter", "article", "paren_ideograph"},
}

HAIGUAN = {
    "file": "tiaoli_haiguan_guanxian.txt",
    "books": [], "chapters": [15, 25, 45, 55, 66, 76], "sections": [],
    "articles": 23, "sub": [], "mulu": (7, 13), "preface": None,
    "items": {"第七条": 5, "第八条": 10, "第十一条": 4}, "item_style": "cn_paren",
    "styles": {"chapter", "article", "cn_paren"},
}

JIEFANGJUN = {
    "file": "banfa_jiefangjun_xuanju_daibiao.txt",
    # two-line title (lines 3-4); 目　　录 line 8, 8 entries to line 16.
    "books": [], "chapters": [18, 32, 48, 55, 66, 78, 97, 117], "sections": [],
    "articles": 40, "sub": [], "mulu": (8, 16), "preface": None,
    "items": {"第十条": 6}, "item_style": "cn_paren", "styles": {"chapter", "article", "cn_paren"},
}

GONGYI = {
    "file": "banfa_gaojian_gongyi_susong_shidian.txt",
    # an unnumbered preamble paragraph (line 7) before "## 第一章"; articles continue across
    # the four chapters (第二章 opens with 第二十八条).
    "books": [], "chapters": [9, 133, 251, 273], "sections": [],
    "articles": 58, "sub": [], "mulu": None, "preface": None,
    "items": {"第六条": 7, "第十条": 3, "第十二条": 3, "第十三条": 2, "第十七条": 2, "第三十三条": 7,
              "第三十七条": 3, "第三十九条": 3, "第四十四条": 2, "第四十五条": 3, "第四十七条": 4,
              "第五十四条": 5},
    "item_style": "cn_paren", "styles": {"chapter", "article", "cn_paren"},
}

PANWEN = {
    "file": "guiding_gonganbu_jixu_panwen.txt",
    "books": [], "chapters": [5, 19, 85, 157, 205, 257], "sections": [],
    "articles": 44, "sub": [], "mulu": None, "preface": None,
    "items": {"第八条": 4, "第九条": 9, "第十条": 3, "第十二条": 7, "第十九条": 3, "第二十二条": 6,
              "第二十四条": 3, "第二十五条": 3, "第二十六条": 2, "第二十七条": 4, "第二十九条": 3,
              "第三十七条": 7, "第三十九条": 9},
    "item_style": "cn_paren", "styles": {"chapter", "article", "cn_paren"},
}

MINGMA = {
    "file": "guiding_shichang_jianguan_mingma_biaojia.txt",
    "books": [], "chapters": [], "sections": [],
    "articles": 27, "sub": [], "mulu": None, "preface": None,
    "items": {"第十九条": 8, "第二十条": 3, "第二十一条": 3}, "item_style": "cn_paren",
    "styles": {"article", "cn_paren"},
}

QIXIANG = {
    "file": "tiaoli_chongqing_qixiang.txt",
    "books": [], "chapters": [], "sections": [],
    "articles": 24, "sub": [], "mulu": None, "preface": None,
    "items": {"第五条": 5, "第二十条": 5}, "item_style": "cn_paren",
    "styles": {"article", "cn_paren"},
}

JIANCHA = {
    "file": "tiaoli_jiancha_xinxi_gongkai.txt",
    "books": [], "chapters": [], "sections": [],
    "articles": 18, "sub": [], "mulu": None, "preface": None,
    "items": {"第六条": 9, "第七条": 7, "第九条": 4, "第十条": 4, "第十一条": 3, "第十五条": 4},
    "item_style": "cn_paren", "styles": {"article", "cn_paren"},
}

NIANJIE = {
    "file": "banfa_nianjie_fangjia_2024.txt",
    "books": [], "chapters": [], "sections": [],
    "articles": 8, "sub": [], "mulu": None, "preface": None,
    "items": {"第二条": 7, "第三条": 4}, "item_style": "cn_paren",
    "styles": {"article", "cn_paren"},
}

FANFENLIE = {
    "file": "fa_fanfenlie_guojia.txt",
    "books": [], "chapters": [], "sections": [],
    "articles": 10, "sub": [], "mulu": None, "preface": None,
    # 第七条's items follow its second paragraph (台湾海峡两岸可以就下列事项进行协商和谈判：)
    "items": {"第六条": 5, "第七条": 6}, "item_style": "cn_paren",
    "styles": {"article", "cn_paren"},
}

GUOGEFA = {
    "file": "fa_guogefa.txt",
    # 第四条 （一） goes on over an unnumbered line (13); 附件：… (line 41) after the last article.
    "books": [], "chapters": [], "sections": [],
    "articles": 16, "sub": [], "mulu": None, "preface": None,
    "items": {"第四条": 9}, "item_style": "cn_paren", "styles": {"article", "cn_paren"},
}

GUOJIFA = {
    "file": "fa_guojifa.txt",
    # 1980 drafting: the items of 第七条 and 第十条 are written 一、二、三、
    "books": [], "chapters": [], "sections": [],
    "articles": 18, "sub": [], "mulu": None, "preface": None,
    "items": {"第七条": 3, "第十条": 3}, "item_style": "cn_num", "styles": {"article", "cn_num"},
}

REGULATIONS = {
    t["file"]: t
    for t in (XINGFA, GEREN, MINZU, XIANFA, XIANGGANG, BUDONGCHAN, LUTIAN, GUOANBU, WAIJIAO,
              XINYU, HAIGUAN, JIEFANGJUN, GONGYI, PANWEN, MINGMA, QIXIANG, JIANCHA, NIANJIE,
              FANFENLIE, GUOGEFA, GUOJIFA)
}
AMENDMENTS = ("fa_xingfa_xiuzhengan11.txt", "fa_xingfa_xiuzhengan12.txt")

# --- helpers ---------------------------------------------------------------------------------

_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def corpus_file(name: str) -> Path:
    path = GONGWEN / name
    if not path.is_file():
        if REQUIRE_CORPUS:
            pytest.fail(f"shared corpus file {path} missing (GOVSPEECH_REQUIRE_CORPUS=1)")
        pytest.skip(f"shared corpus file {name} not present")
    return path


@cache
def _load(name: str):
    path = corpus_file(name)
    text = path.read_bytes().decode("utf-8-sig")
    tree = govspeech.parse_file(path)
    parent = {}
    order = []
    for doc in tree.iter_documents():
        stack = [(sec, None) for sec in reversed(doc.sections)]
        while stack:
            sec, up = stack.pop()
            parent[id(sec)] = up
            order.append(sec)
            stack.extend((child, sec) for child in reversed(sec.children))
    return text, tree, order, parent


def load(name: str):
    """(decoded text, tree, every section in document order, id(section) -> parent or None)."""
    corpus_file(name)  # skip or fail before the cache sees it
    return _load(name)


def lines_of(text: str) -> list[str]:
    return [line.rstrip("\r\n") for line in _LINES.findall(text)]


def bare(marker: str) -> str:
    return marker.strip(" \t\u3000\u00a0")


def ancestors(sec, parent):
    up = parent[id(sec)]
    while up is not None:
        yield up
        up = parent[id(up)]


def articles_of(order):
    return [s for s in order if s.style == "article"]


def innermost(line: int, *heading_lines: list[int]) -> int | None:
    before = [h for lines in heading_lines for h in lines if h < line]
    return max(before) if before else None


def opening_lines(tree) -> set[int]:
    return {leaf.line for doc in tree.iter_documents() for leaf in doc.opening}


# --- every regulation -----------------------------------------------------------------------

FILES = sorted(REGULATIONS)


@pytest.mark.parametrize("name", [*FILES, *AMENDMENTS])
def test_lossless(name):
    text, tree, _, _ = load(name)
    assert tree.text == text


@pytest.mark.parametrize("name", FILES)
def test_structure_headings(name):
    t = REGULATIONS[name]
    _, _, order, parent = load(name)
    by_style = {style: [s.line for s in order if s.style == style] for style in STRUCTURE}
    assert by_style["book"] == t["books"]
    assert by_style["subbook"] == []  # no 分编 in the corpus
    assert by_style["chapter"] == t["chapters"]
    assert by_style["section"] == t["sections"]
    for sec in order:
        if sec.style == "book":
            assert parent[id(sec)] is None
        elif sec.style == "chapter":
            up = parent[id(sec)]
            assert (up.line if up else None) == innermost(sec.line, t["books"])
        elif sec.style == "section":
            up = parent[id(sec)]
            assert up is not None and up.style == "chapter"
            assert up.line == innermost(sec.line, t["chapters"])
    # no line of these files holds two headings (none puts 第一章 and 第一条 on one line)
    lines = [s.line for s in order]
    assert len(lines) == len(set(lines))


@pytest.mark.parametrize("name", FILES)
def test_articles_number_one_to_n_across_chapters(name):
    t = REGULATIONS[name]
    _, _, order, _ = load(name)
    arts = articles_of(order)
    assert len(arts) == t["articles"]
    assert all(a.kind == "numbered" for a in arts)
    assert [a.line for a in arts] == sorted(a.line for a in arts)
    subs = [a for a in arts if "之" in a.marker]
    n = t["articles"] - len(t["sub"])
    assert [a.number for a in arts if "之" not in a.marker] == list(range(1, n + 1))
    # 第十七条之一 carries 17, the number of the article it follows
    assert [f"{a.number}{bare(a.marker).partition('条')[2]}" for a in subs] == t["sub"]
    for prev, art in itertools.pairwise(arts):
        if "之" in art.marker:
            assert art.number == prev.number
            assert bare(art.marker).startswith(bare(prev.marker).partition("之")[0])


@pytest.mark.parametrize("name", FILES)
def test_each_article_sits_under_its_chapter_or_section(name):
    t = REGULATIONS[name]
    _, _, order, parent = load(name)
    structure = t["books"] + t["chapters"] + t["sections"]
    for art in articles_of(order):
        if art.line in t.get("outside", ()):
            continue
        up = parent[id(art)]
        expected = innermost(art.line, structure)
        assert (up.line if up else None) == expected, bare(art.marker)
        if up is not None:
            assert up.style in STRUCTURE
            chapter = innermost(art.line, t["chapters"])
            assert chapter in {a.line for a in ancestors(art, parent)}


@pytest.mark.parametrize("name", FILES)
def test_items_of_articles(name):
    t = REGULATIONS[name]
    _, _, order, _ = load(name)
    style = t["item_style"]
    arts = {bare(a.marker): a for a in articles_of(order)}
    for marker, expected in t["items"].items():
        numbers = expected if isinstance(expected, list) else list(range(1, expected + 1))
        children = arts[marker].children
        assert [c.style for c in children] == [style] * len(numbers), marker
        assert [c.number for c in children] == numbers, marker
    held = {m: [c for c in a.children if c.style == style] for m, a in arts.items()
            if m != t.get("annexed")}
    if "items_total" in t:
        assert sum(len(c) for c in held.values()) == t["items_total"]
    else:
        assert {m for m, c in held.items() if c} == set(t["items"])


@pytest.mark.parametrize("name", [n for n in FILES if REGULATIONS[n]["styles"] is not None])
def test_only_the_kinds_of_section_the_text_has(name):
    # no dash items from YAML front matter (---) or Markdown setext underlines (==== / ----)
    _, _, order, _ = load(name)
    assert {s.style for s in order} == REGULATIONS[name]["styles"]


MULU = [n for n in FILES if REGULATIONS[n]["mulu"]]


@pytest.mark.parametrize("name", MULU)
def test_table_of_contents_stays_text_of_the_opening(name):
    first, last = REGULATIONS[name]["mulu"]
    text, tree, order, _ = load(name)
    lines = lines_of(text)
    assert re.fullmatch(r"[ \t\u3000]*目[ \t\u3000]*录[ \t\u3000]*", lines[first - 1])
    assert not [s.line for s in order if first <= s.line <= last]
    assert not [s.line for s in order if s.style == "chapter" and first <= s.line <= last]
    opening = opening_lines(tree)
    for n in range(first, last + 1):
        if lines[n - 1].strip(" \t\u3000"):
            assert n in opening, f"目录 line {n} is not in a document's opening"


PREFACE = [n for n in FILES if REGULATIONS[n]["preface"]]


@pytest.mark.parametrize("name", PREFACE)
def test_preface_is_unnumbered_text_before_the_first_chapter(name):
    # 序言 is an unnumbered part of the law before 第一章: the parser has no unnumbered
    # heading, so heading and paragraphs stay in the document's opening.
    first, last = REGULATIONS[name]["preface"]
    text, tree, order, _ = load(name)
    lines = lines_of(text)
    assert re.fullmatch(r"序[ \t\u3000]*言", lines[first - 1].strip(" \t\u3000"))
    assert not [s.line for s in order if first <= s.line <= last]
    opening = opening_lines(tree)
    assert {n for n in range(first, last + 1) if lines[n - 1].strip(" \t\u3000")} <= opening


# --- single facts, checked by line -----------------------------------------------------------


def _at(order, line):
    (sec,) = [s for s in order if s.line == line]
    return sec


def test_xingfa_books_chapters_sections_by_line():
    _, _, order, parent = load("fa_xingfa_duben.txt")
    # 第十七条之一 (line 131) in 第一编 第二章 第一节 (lines 74, 109, 112)
    art = _at(order, 131)
    assert art.style == "article" and art.number == 17 and "之一" in art.marker
    assert [a.line for a in ancestors(art, parent)] == [112, 109, 74]
    # 第一百二十条之二 (549) directly in 第二编 第二章 危害公共安全罪 (525), which has no 节
    art = _at(order, 549)
    assert art.number == 120 and "之二" in art.marker
    assert [a.line for a in ancestors(art, parent)] == [525, 486]
    # 第一百九十九条　（删去）(929): a repealed article, still numbered, in 第三章 第五节
    # 金融诈骗罪 (879); （删去） is its text, not a caption and not an item
    art = _at(order, 929)
    assert art.style == "article" and art.number == 199 and art.children == ()
    assert art.title == ""
    assert [a.line for a in ancestors(art, parent)] == [879, 637, 486]
    # 第四百二十条 (1863) opens 第十章 军人违反职责罪 (1860)
    art = _at(order, 1863)
    assert art.number == 420 and parent[id(art)].line == 1860
    assert [s.style for s in (_at(order, 74), _at(order, 486))] == ["book", "book"]
    assert [s.number for s in order if s.style == "book"] == [1, 2]
    # 第二编 restarts its chapters at 第一章; each chapter restarts its 节 at 第一节
    assert [_at(order, n).number for n in XINGFA["chapters"]] == [*range(1, 6), *range(1, 11)]


def test_xingfa_fuze_and_annexes():
    # After 第十章 comes "# 附则" (1936), a part beside the two 编, holding 第四百五十二条
    # (1938); then 附件一 (1942) and 附件二 (1962) with their 1．… lists. A careful reader
    # puts 第四百五十二条 in neither 第二编 nor its 第十章, and the annex lists are no items
    # of it. (Needs the parser to end 第二编 at the unnumbered 附则 and the article at 附件.)
    _, _, order, parent = load("fa_xingfa_duben.txt")
    art = _at(order, 1938)
    assert art.style == "article" and art.number == 452
    assert not {1860, 486} & {a.line for a in ancestors(art, parent)}
    assert art.children == ()


def test_xianggang_annexes_are_not_items_of_the_last_article():
    # 第一百六十条 (399) is the last article; 附件一 (402) follows with 一、…七、, 附件二 (427)
    # with 一、（一）（二）二、三、: none of them belongs to the article.
    _, _, order, _ = load("fa_xianggang_jibenfa.txt")
    art = _at(order, 399)
    assert art.style == "article" and art.number == 160
    assert art.children == ()


def test_guogefa_unnumbered_line_continues_item_one():
    _, _, order, _ = load("fa_guogefa.txt")
    art = _at(order, 11)
    first, second = art.children[:2]
    assert (first.line, second.line) == (12, 14)
    assert 13 in {p.line for p in first.paragraphs}


def test_xianfa_items_and_indented_articles():
    _, _, order, parent = load("fa_xianfa_2018_gbk.txt")
    art = _at(order, 309)  # 　　第六十七条　全国人民代表大会常务委员会行使下列职权：
    assert art.number == 67 and [c.number for c in art.children] == list(range(1, 23))
    assert [c.marker for c in art.children][-1] == "（二十二）"
    # 第一百二十三条 (527) opens 第七节 监察委员会 (525) in 第三章 (246); 第一百四十条 (580)
    # ends 第八节 (547); 第一百四十一条 (585) opens 第四章 (583), which has no 节
    assert [a.line for a in ancestors(_at(order, 527), parent)] == [525, 246]
    assert [a.line for a in ancestors(_at(order, 580), parent)] == [547, 246]
    assert [a.line for a in ancestors(_at(order, 585), parent)] == [583]
    assert [_at(order, n).number for n in (527, 580, 585)] == [123, 140, 141]


def test_lutian_two_ascii_spaces_after_the_marker():
    _, _, order, parent = load("guiding_shanghai_lutian_cangku_xiaofang.txt")
    assert [bare(s.marker) for s in order if s.style == "chapter"][:2] == ["第一章", "第二章"]
    art = _at(order, 90)  # 第二十八条  露天仓库必须有一名行政领导担任防火负责人…
    assert art.number == 28 and parent[id(art)].line == 88
    assert [(c.line, c.number) for c in art.children] == [(92, 1), (94, 2), (96, 3)]


def test_no_chapters_means_articles_at_the_top():
    for name in ("tiaoli_waijiao_tequan_huomian.txt", "fa_guojifa.txt"):
        _, tree, order, _ = load(name)
        top = [s for doc in tree.iter_documents() for s in doc.sections]
        assert top == articles_of(order)


# --- amendments: their 第X条 are quotations ---------------------------------------------------


@pytest.mark.parametrize(("name", "items"), [
    ("fa_xingfa_xiuzhengan12.txt", 8),  # 一、…八、
    ("fa_xingfa_xiuzhengan11.txt", 48),  # 一、…四十八、
])
def test_amendment_quotes_make_no_articles(name, items):
    # Each 一、 item amends the criminal law and quotes the new text; every quoted paragraph
    # opens with “ (“（一）… included), and new articles are named inline (作为第一百三十三条
    # 之二：“…). Quoted text is no heading: no article, no item, no section at all.
    text, tree, order, _ = load(name)
    lines = lines_of(text)
    quoted = {n for n, line in enumerate(lines, 1) if line.lstrip(" \t\u3000").startswith("“")}
    assert quoted  # the premise: the quotes open their lines with “
    assert articles_of(order) == []
    assert not [s.line for s in order if s.line in quoted]
    top = [s for doc in tree.iter_documents() for s in doc.sections]
    assert [(s.style, s.number) for s in top] == [("cn_num", k) for k in range(1, items + 1)]


def test_article_rows_of_the_longest_law_are_its_articles():
    """The article view of 刑法 gives one schema-valid row per article, in order."""
    import jsonschema

    from govspeech.serialize import article_rows, load_schema

    text, tree, order, _ = load("fa_xingfa_duben.txt")
    rows = list(article_rows(tree))
    articles = [s for s in order if s.style == "article"]
    assert len(rows) == len(articles) == 505
    validator = jsonschema.Draft202012Validator(load_schema())
    for row in rows[:50]:
        validator.validate(row)
    assert rows[0]["citation"] == "第一条" and rows[-1]["citation"] == "第四百五十二条"
    assert [c["style"] for c in rows[0]["context"]] == ["book", "chapter"]
    for row, art in zip(rows, articles, strict=True):
        assert row["text"] == text[art.start : art.end]


@pytest.mark.parametrize("name", MULU)
def test_the_table_of_contents_is_one_block_of_the_opening(name):
    """Document.contents is the 目录 block: from the 目录 line to its last entry, nothing else."""
    first, last = REGULATIONS[name]["mulu"]
    _, tree, _, _ = load(name)
    (doc,) = [d for d in tree.documents if d.contents]
    lines = [p.line for p in doc.contents]
    assert lines[0] == first and lines[-1] <= last
    assert all(first <= n <= last for n in lines)
