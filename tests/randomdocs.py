"""Random documents made of the pieces real texts are made of, for comparing two parsers.

`random_document(rng)` strings together titles, 公文 parts, salutations, headings of every
marker family (mostly in order, sometimes skipped, repeated or restarted), paragraphs with
enumerations inside, dash items, regulations' 章 and 条, attachments, web boilerplate and
closings, with the indentation, blank lines and Markdown decoration real files have. The
sentences are real ones (from the bundled example speech). Used by tests/test_lalr.py and
``benchmarks/parse.py --check``: both parse each document twice and compare the trees with ==.
"""

from __future__ import annotations

import random
import re
from functools import cache
from pathlib import Path

__all__ = ["random_document", "random_documents"]

_EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "speech.txt"

_CN = "一二三四五六七八九十"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def _cn(n: int) -> str:
    if n <= 10:
        return _CN[n - 1]
    if n < 20:
        return "十" + _CN[n - 11]
    return _CN[n // 10 - 1] + "十" + (_CN[n % 10 - 1] if n % 10 else "")


_FAMILIES = [
    lambda n: f"{_cn(n)}、",
    lambda n: f"（{_cn(n)}）",
    lambda n: f"{n}．",
    lambda n: f"{n}.",
    lambda n: f"（{n}）",
    lambda n: _CIRCLED[(n - 1) % 10],
    lambda n: f"{_cn(n)}是",
    lambda n: f"第{_cn(n)}，",
    lambda n: "——",
    lambda n: f"{n}、",
]


@cache
def _sentences() -> tuple[str, ...]:
    text = _EXAMPLE.read_text("utf-8")
    found = re.findall(r"[^。！？\n]{4,60}[。！？]", text)
    return tuple(s.strip("　 ") for s in found if s.strip("　 "))


def _sentence(rng: random.Random, n: int = 1) -> str:
    return "".join(rng.choice(_sentences()) for _ in range(n))


def _short(rng: random.Random) -> str:
    s = rng.choice(_sentences()).rstrip("。！？")
    return s[: rng.randint(4, 20)]


def _indent(rng: random.Random) -> str:
    return rng.choice(["", "", "", "　　", "    ", "\t", "　"])


def _titles(rng: random.Random) -> list[str]:
    kind = rng.random()
    if kind < 0.3:
        return [
            f"在全县{_short(rng)}会议上的讲话",
            "",
            f"县委书记　{rng.choice('王李张刘陈')}某某",
            "",
        ]
    if kind < 0.55:
        return [
            f"{rng.choice(['余府发', '劳社部发', '国办发'])}〔20{rng.randint(10, 24)}〕{rng.randint(1, 99)}号",
            "",
            f"关于印发{_short(rng)}{rng.choice(['实施方案', '管理办法', '工作要点'])}的通知",
            "",
            rng.choice(["各乡镇人民政府，县政府各部门：", "各区人民政府：", "市绿化市容局："]),
        ]
    if kind < 0.7:
        return [f"{_short(rng)}管理{rng.choice(['条例', '办法', '规定'])}", ""]
    if kind < 0.85:
        return [
            f"20{rng.randint(10, 24)}年政府工作报告",
            "——在市第十届人民代表大会第一次会议上",
            "",
        ]
    return []


def _heading_block(rng: random.Random, depth: int, out: list[str], budget: list[int]) -> None:
    fams = rng.sample(range(len(_FAMILIES)), k=min(4, len(_FAMILIES)))
    fam = _FAMILIES[fams[depth % len(fams)]]
    n = 1
    for _ in range(rng.randint(1, 5)):
        if budget[0] <= 0:
            return
        budget[0] -= 1
        r = rng.random()
        if r < 0.05:
            n += 1  # a skipped number
        elif r < 0.08:
            n -= 1  # a repeated one
        marker = fam(max(n, 1))
        title = _short(rng) + rng.choice(["。", "", "；", "。" + _sentence(rng)])
        deco = "## " if rng.random() < 0.03 else ""
        out.append(_indent(rng) + deco + marker + title)
        for _ in range(rng.randint(0, 2)):
            para = _sentence(rng, rng.randint(1, 4))
            if rng.random() < 0.15:
                para += "一是" + _sentence(rng) + "二是" + _sentence(rng)
            out.append(_indent(rng) + para)
        if rng.random() < 0.1:
            out.append("")
        if depth < 4 and rng.random() < 0.45:
            _heading_block(rng, depth + 1, out, budget)
        if rng.random() < 0.05:
            out.append(
                _indent(rng)
                + rng.choice(["回顾过去一年，", "总的看，", "同志们！"])
                + _sentence(rng)
            )
        n += 1


def _regulation(rng: random.Random, out: list[str]) -> None:
    article = 1
    for ch in range(1, rng.randint(2, 5)):
        out.append(f"第{_cn(ch)}章　{_short(rng)}")
        for _ in range(rng.randint(1, 4)):
            out.append(f"第{_cn(article)}条　{_sentence(rng, rng.randint(1, 2))}")
            if rng.random() < 0.3:
                for k in range(1, rng.randint(2, 4)):
                    out.append(f"（{_cn(k)}）{_short(rng)}；")
            article += 1


def _ending(rng: random.Random, out: list[str]) -> None:
    r = rng.random()
    if r < 0.3:
        out += ["", "附件：1．" + _short(rng) + "名单", "　　　2．" + _short(rng) + "一览表"]
    if r < 0.5:
        out += ["", "　　　　　　　　余江县人民政府", "　　　　　　　　2012年1月9日"]
    elif r < 0.7:
        out += [_indent(rng) + "同志们，" + _sentence(rng), "谢谢大家！"]
    if rng.random() < 0.15:
        out += ["", "附件1", "", _short(rng) + "登记表", _sentence(rng)]
    if rng.random() < 0.1:
        out += ["本文地址：http://example.org/a.html", "更多精彩内容，小编为您整理推荐"]
    if rng.random() < 0.05:
        out += ["抄送：县委办公室。", "余江县人民政府办公室　　2012年1月9日印发"]


def random_document(rng: random.Random) -> str:
    """One random document (a few lines to a few hundred); one or two run together."""
    out: list[str] = []
    for _ in range(1 if rng.random() < 0.8 else 2):
        out += _titles(rng)
        if rng.random() < 0.3:
            out.append(rng.choice(["同志们：", "各位代表：", "尊敬的各位领导、各位来宾："]))
        if rng.random() < 0.5:
            out.append(_indent(rng) + _sentence(rng, rng.randint(1, 3)))
        if rng.random() < 0.2:
            _regulation(rng, out)
        else:
            _heading_block(rng, 0, out, [rng.randint(1, 40)])
        _ending(rng, out)
    end = rng.choice(["\n", "\r\n", "\n", ""])
    return "\n".join(out).replace("\n", end if end else "\n") + end


def random_documents(count: int, seed: int = 19) -> list[str]:
    """``count`` random documents, the same ones for the same seed."""
    rng = random.Random(seed)
    return [random_document(rng) for _ in range(count)]
