"""``export --format html``: one self-contained page, checked as parsed HTML and in a browser.

The first tests parse the page with the standard library's ``html.parser`` into a small element
tree (strict: every end tag must close the element last opened) and compare it with the
parsed tree. The browser tests load the page from a ``file://`` URL in headless Chromium
(Debian's ``chromium`` and ``chromium-driver``, driven by selenium through the driver's path so
that selenium-manager never downloads anything). They are skipped, with the reason, when
Chromium is not installed, except under ``CI=true``, where they fail instead.

Screenshots go to a pytest temporary folder, or to ``$GOVSPEECH_ARTIFACTS`` when it is set;
the folder is printed at the end of the module.

Regenerate the golden page after a deliberate change with ``python -m pytest --update-goldens``
(and read ``git diff tests/golden`` before committing it).
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import govspeech
from govspeech.cli import main
from govspeech.views import documents, sections
from govspeech_plugins.export import html as html_export

from .conftest import CORPUS_FILE, GOLDEN, report

GOLDEN_PAGE = GOLDEN / "export" / "corpus_speeches.html"

# ---------------------------------------------------------------------------------------------
# A small, strict element tree from html.parser


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class El:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: El | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[El | str] = []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def iter(self) -> Iterator[El]:
        """This element and all below it, in document order (no recursion)."""
        stack: list[El] = [self]
        while stack:
            el = stack.pop()
            yield el
            stack.extend(reversed([c for c in el.children if isinstance(c, El)]))

    def text(self) -> str:
        out: list[str] = []
        stack: list[El | str] = [self]
        while stack:
            node = stack.pop()
            if isinstance(node, str):
                out.append(node)
            else:
                stack.extend(reversed(node.children))
        return "".join(out)

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[El]:
        return [
            el
            for el in self.iter()
            if (tag is None or el.tag == tag) and (cls is None or cls in el.classes)
        ]

    def ancestors(self) -> Iterator[El]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class Dom(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = El("#root", {}, None)
        self.stack = [self.root]
        self.errors: list[str] = []
        self.decls: list[str] = []
        self.feed(page)
        self.close()
        if len(self.stack) != 1:
            self.errors.append(f"unclosed: {[e.tag for e in self.stack[1:]]}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = [name for name, _ in attrs]
        if len(names) != len(set(names)):
            self.errors.append(f"duplicate attribute in <{tag}>")
        el = El(tag, dict(attrs), self.stack[-1])
        self.stack[-1].children.append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.errors.append(f"self-closing <{tag}/>")
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.errors.append(f"end tag for void <{tag}>")
        elif self.stack[-1].tag != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1].tag}>")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def handle_decl(self, decl: str) -> None:
        self.decls.append(decl)

    def handle_comment(self, data: str) -> None:
        self.errors.append("comment in the page")


def export(*args: str) -> int:
    return main(["export", *args])


def page_of(tmp_path: Path, *args: str, name: str = "page.html") -> str:
    target = tmp_path / name
    assert export("--format", "html", *args, "-o", str(target)) == 0
    return target.read_text(encoding="utf-8")


def parse(page: str) -> El:
    dom = Dom(page)
    assert dom.errors == []
    assert dom.decls == ["DOCTYPE html"]
    return dom.root


def by_id(root: El) -> dict[str, El]:
    ids: dict[str, El] = {}
    for el in root.iter():
        if "id" in el.attrs:
            assert el.attrs["id"] not in ids, f"duplicate id {el.attrs['id']}"
            ids[str(el.attrs["id"])] = el
    return ids


def strip(text: str) -> str:
    return text.rstrip("\r\n").strip(" \t\u3000\u00a0\ufeff")


def sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def check_page(
    page: str, tree: govspeech.ParsedFile, file_no: int = 1, boilerplate_shown: bool = False
) -> El:
    """Everything a page must satisfy for one parsed file; returns the element tree."""
    root = parse(page)
    (html,) = root.find_all("html")
    assert html.attrs["lang"] == "zh-CN"
    assert any(m.attrs.get("charset") == "utf-8" for m in root.find_all("meta"))
    ids = by_id(root)

    # Self-contained: no resource is loaded, the CSP allows exactly our style and script.
    (style,) = root.find_all("style")
    (script,) = root.find_all("script")
    assert "src" not in script.attrs and root.find_all("link") == []
    assert not any("src" in el.attrs for el in root.iter())
    assert "url(" not in style.text() and "@import" not in style.text()
    (csp,) = [m for m in root.find_all("meta") if m.attrs.get("http-equiv")]
    policy = str(csp.attrs["content"])
    assert "default-src 'none'" in policy
    assert f"'sha256-{sha256(style.text())}'" in policy
    assert f"'sha256-{sha256(script.text())}'" in policy
    for el in root.iter():
        assert not any(name.startswith("on") for name in el.attrs), el.tag
        if el.tag == "a":
            assert str(el.attrs["href"]).startswith("#")

    # Every link inside the page targets an element that exists.
    for a in root.find_all("a"):
        assert str(a.attrs["href"])[1:] in ids, a.attrs["href"]

    (sidebar,) = [el for el in root.find_all("aside") if el.attrs.get("id") == "sidebar"]
    (main_el,) = root.find_all("main")
    file_el = ids[f"f{file_no}"]

    # One <details class="sec"> per section, in order, with its marker and heading sentence.
    expected = [
        (view.depth, view.section) for doc in tree.iter_documents() for view in sections(doc)
    ]
    assert len(expected) == sum(len(list(d.iter_sections())) for d in tree.iter_documents())
    secs = file_el.find_all("details", "sec")
    assert len(secs) == len(expected)
    for el, (depth, sec) in zip(secs, expected, strict=True):
        assert re.fullmatch(rf"f{file_no}-d\d+(-\d+)?-s\d+", str(el.attrs["id"]))
        assert f"lvl-{min(depth, 6)}" in el.classes and f"kind-{sec.kind}" in el.classes
        assert sum(1 for a in el.ancestors() if a.tag == "details") == depth - 1
        summary = next(c for c in el.children if isinstance(c, El))
        assert summary.tag == "summary"
        marker = summary.find_all("span", "marker")[0].text()
        assert marker == sec.marker.strip()
        titles = summary.find_all("span", "title")
        assert (titles[0].text() if titles else "") == sec.heading.title.strip(" \t\u3000")

    # The outline: the same sections, nested the same way, pointing at them.
    toc_links = [
        a
        for t in sidebar.find_all("ol", "toc-tree")
        for a in t.find_all("a")
        if str(a.attrs["href"]).startswith(f"#f{file_no}-")
    ]
    assert [str(a.attrs["href"])[1:] for a in toc_links] == [s.attrs["id"] for s in secs]
    for a, (depth, sec) in zip(toc_links, expected, strict=True):
        assert sum(1 for x in a.ancestors() if x.tag == "ol") == depth
        assert a.text() == f"{sec.marker.strip()}{sec.title.strip()}"

    # The document list: one entry per document, its parts as sub-entries.
    views = list(documents(tree))
    docs = file_el.find_all("article", "doc")
    assert len(docs) == len(views)
    for el, view in zip(docs, views, strict=True):
        assert el.attrs["id"] == f"f{file_no}-d{view.index.replace('.', '-')}"
        assert ("part" in el.classes) == view.is_part
    (doc_list,) = sidebar.find_all("nav", "doc-list")
    entries = {str(a.attrs["href"])[1:]: a for a in doc_list.find_all("a")}
    for el, view in zip(docs, views, strict=True):
        a = entries[str(el.attrs["id"])]
        depth = sum(1 for x in a.ancestors() if x.tag == "ol")
        assert depth == (2 if view.is_part else 1)

    # Boilerplate: every line is there, each in its own greyed element, hidden by default.
    boiler = [strip(x.text) for x in tree.iter_leaves() if isinstance(x, govspeech.Boilerplate)]
    shown = file_el.find_all("p", "boilerplate")
    assert [p.text() for p in shown] == [b for b in boiler if b]
    (toggle,) = [el for el in root.find_all("input") if el.attrs.get("id") == "show-boilerplate"]
    assert ("checked" in toggle.attrs) == boilerplate_shown
    assert re.search(r"\n\.boilerplate \{\n  display: none;", style.text())

    # Nothing of the text is lost: every paragraph and title line is a <p> of its own.
    paragraphs = {p.text() for p in main_el.find_all("p")}
    for leaf in tree.iter_leaves():
        if isinstance(leaf, govspeech.Paragraph | govspeech.TitleLine) and strip(leaf.text):
            if isinstance(leaf, govspeech.TitleLine) and leaf.role == "title":
                continue  # the document's heading
            assert strip(leaf.text) in paragraphs, leaf
    for doc in tree.documents:
        if doc.title:
            assert any(doc.title in h.text() for h in main_el.find_all("h2"))
    assert all(isinstance(el.parent, El) for el in main_el.iter() if el is not main_el)
    return root


# ---------------------------------------------------------------------------------------------
# The page as HTML


def test_corpus_file(tmp_path, corpus_tree):
    page = page_of(tmp_path, str(CORPUS_FILE))
    root = check_page(page, corpus_tree)
    sidebar = by_id(root)["sidebar"]
    (doc_list,) = sidebar.find_all("nav", "doc-list")
    top = [li for li in doc_list.find_all("li") if "part" not in li.classes]
    assert len(top) == 13
    parts = top[6].find_all("li", "part")
    assert [a.attrs["href"] for li in parts for a in li.find_all("a")] == [
        f"#f1-d7-{j}" for j in range(2, 8)
    ]
    assert root.find_all("title")[0].text() == "corpus_speeches.txt"
    # Enumerations inside paragraphs have their markers picked out.
    assert {m.text() for m in root.find_all("span", "imarker")} >= {"一是", "二是"}


def test_corpus_file_matches_golden(tmp_path, golden):
    """Deterministic: the same input gives the same bytes (no dates, no absolute paths)."""
    page = page_of(tmp_path, str(CORPUS_FILE))
    golden("export/corpus_speeches.html", page)


def test_report(tmp_path):
    path = report(2024)
    tree = govspeech.parse_file(path)
    page = page_of(tmp_path, str(path), name="报告.htm")
    root = check_page(page, tree)
    assert root.find_all("title")[0].text() == tree.documents[0].title
    assert [s.attrs["id"] for s in root.find_all("details", "sec")][:2] == [
        "f1-d1-s1",
        "f1-d1-s2",
    ]
    assert page_of(tmp_path, str(path), name="again.html") == page
    # The extension alone chooses the format.
    target = tmp_path / "by-extension.htm"
    assert export(str(path), "-o", str(target)) == 0
    assert target.read_text(encoding="utf-8") == page


HOSTILE = """<script>alert(1)</script>讲话"><img src=x onerror=alert(2)>
同志们：
今天开会。我讲三点意见&amp; &lt;b&gt; <!-- 注释 --> ]]> 一是<b>粗</b>。二是'单引号'。
一、<script>alert(3)</script>要提高认识" onmouseover="alert(4)
正文 </details></main><script>alert(5)</script> 完。
（一）<style>body{display:none}</style>小标题
二、' onfocus='alert(6)' autofocus x='
正文。
谢谢大家！
"""


def hostile_page(tmp_path: Path) -> tuple[Path, str]:
    source = tmp_path / 'x"<svg onload=alert(7)>.txt'
    source.write_text(HOSTILE, encoding="utf-8")
    target = tmp_path / "hostile.html"
    args = ["--format", "html", "--html-title", "<script>alert(8)</script>"]
    assert export(*args, str(source), "-o", str(target)) == 0
    return target, target.read_text(encoding="utf-8")


def test_hostile_input_is_text(tmp_path):
    _, page = hostile_page(tmp_path)
    tree = govspeech.parse(HOSTILE)
    root = check_page(page, tree)
    tags = {el.tag for el in root.iter()}
    assert not tags & {"img", "b", "svg", "iframe", "object"}
    (script,) = root.find_all("script")
    assert script.text() == html_export.SCRIPT
    (style,) = root.find_all("style")
    assert style.text() == html_export.CSS
    # The text is all there, as text.
    text = root.text()
    for piece in [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(2)>',
        '<script>alert(3)</script>要提高认识" onmouseover="alert(4)',
        "</details></main><script>alert(5)</script>",
        "<style>body{display:none}</style>小标题",
        "' onfocus='alert(6)' autofocus x='",
        "<svg onload=alert(7)>",
        "<script>alert(8)</script>",
        "&amp; &lt;b&gt; <!-- 注释 --> ]]> 一是<b>粗</b>",
    ]:
        assert piece in text, piece
    assert "<script>alert" not in page and "<img" not in page and "<b>" not in page


def test_several_files_make_one_page(tmp_path, corpus_tree):
    path = report(2024)
    page = page_of(tmp_path, str(CORPUS_FILE), str(path))
    check_page(page, corpus_tree, file_no=1)
    root = check_page(page, govspeech.parse_file(path), file_no=2)
    ids = by_id(root)
    assert "f1" in ids and "f2" in ids
    names = [p.text() for p in ids["sidebar"].find_all("p", "file-name")]
    assert names == ["corpus_speeches.txt", "gwr_2024.txt"] * 2
    assert root.find_all("title")[0].text() == "2 个文件"
    # One page per input with -o folder/: each a page of its own.
    out = tmp_path / "pages"
    assert export("--format", "html", str(CORPUS_FILE), str(path), "-o", f"{out}/") == 0
    written = sorted(out.rglob("*.html"))  # named after the inputs, below their common folder
    assert [p.name for p in written] == ["corpus_speeches.html", "gwr_2024.html"]
    for one in written:
        text = one.read_text(encoding="utf-8")
        assert text.count('<section class="file"') == 1 and text.count("<!DOCTYPE html>") == 1
        assert 'class="file-name"' not in text


def test_options(tmp_path, corpus_tree, capsys):
    page = page_of(
        tmp_path, "--html-open-depth", "1", "--html-boilerplate", "show", str(CORPUS_FILE)
    )
    root = check_page(page, corpus_tree, boilerplate_shown=True)
    for el in root.find_all("details", "sec"):
        depth = 1 + sum(1 for a in el.ancestors() if a.tag == "details")
        assert ("open" in el.attrs) == (depth <= 1)
    assert 'id="show-boilerplate" checked>' in page
    page = page_of(tmp_path, "--html-open-depth", "0", "--html-title", "汇编", str(CORPUS_FILE))
    root = parse(page)
    assert not any("open" in el.attrs for el in root.find_all("details", "sec"))
    assert root.find_all("title")[0].text() == "汇编" == root.find_all("h1")[0].text()
    assert export("--format", "html", "--html-open-depth", "-1", str(CORPUS_FILE)) == 2
    assert "--html-open-depth must be 0 or more" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------
# The page in a real browser

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _chromium() -> tuple[str, str] | None:
    browser = next(
        (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p),
        None,
    )
    driver = shutil.which("chromedriver") or (
        "/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None
    )
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory, request) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    kept = os.environ.get("GOVSPEECH_ARTIFACTS")
    folder = Path(kept) if kept else tmp_path_factory.mktemp("html-screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    shots = sorted(folder.glob("*.png"))
    if shots:
        line = f"html export screenshots ({len(shots)}): {folder}"
        capture = request.config.pluginmanager.get_plugin("capturemanager")
        if capture is None:
            print(line)
        else:
            with capture.global_and_fixture_disabled():
                print(f"\n{line}")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    found = _chromium()
    if found is None:
        reason = (
            "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)"
        )
        if IN_CI:
            pytest.fail(f"CI=true but {reason}; .ci/run installs them")
        pytest.skip(reason)
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        if IN_CI:
            raise
        pytest.skip("selenium is not installed (pip install -e '.[test]')")
    binary, driver_path = found
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--hide-scrollbars",
        "--lang=zh-CN",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SE_OFFLINE", "true")  # never let selenium-manager reach for the network
        driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        driver.execute_cdp_cmd(
            "Page.addScriptToEvaluateOnNewDocument",
            {
                "source": "window.__errors = [];"
                "addEventListener('error', function (e) { __errors.push(String(e.message)); });"
            },
        )
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, tuple[Path, govspeech.ParsedFile]]:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("html-pages")
    out: dict[str, tuple[Path, govspeech.ParsedFile]] = {}
    for key, path in (("corpus", CORPUS_FILE), ("report", report(2024))):
        target = folder / f"{key}.html"
        assert export("--format", "html", str(path), "-o", str(target)) == 0
        out[key] = (target, govspeech.parse_file(path))
    return out


def js_errors(driver: Any) -> list[str]:
    logged = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    return logged + list(driver.execute_script("return window.__errors || []"))


def in_viewport(driver: Any, el: Any) -> bool:
    return bool(
        driver.execute_script(
            "var r = arguments[0].getBoundingClientRect();"
            "return r.height > 0 && r.top >= 0 && r.top < innerHeight / 2 && r.bottom <= innerHeight;",
            el,
        )
    )


def nested_target(tree: govspeech.ParsedFile) -> str:
    """The id of the last section that sits inside another one: far down, needs revealing."""
    last = ""
    for k, view in enumerate(documents(tree)):
        del k
        for n, sec in enumerate(sections(view.document), 1):
            if sec.depth >= 2:
                last = f"f1-d{view.index.replace('.', '-')}-s{n}"
    assert last
    return last


# the report in a browser too under CI=true (seconds of Chromium)
@pytest.mark.parametrize("key", ["corpus", pytest.param("report", marks=pytest.mark.slow)])
def test_browser_outline_reveals_and_scrolls(browser, pages, artifacts, key):
    from selenium.webdriver.common.by import By

    driver = browser
    path, tree = pages[key]
    driver.get(path.as_uri())
    driver.get_log("browser")  # start with an empty log (nothing from earlier pages)

    # The sidebar is shown and scrolls on its own, the page stays where it is.
    sidebar = driver.find_element(By.ID, "sidebar")
    assert sidebar.is_displayed()
    assert driver.find_element(By.CSS_SELECTOR, ".toc a").is_displayed()
    style = driver.execute_script(
        "var s = getComputedStyle(arguments[0]), r = arguments[0].getBoundingClientRect();"
        "return [s.overflowY, s.position, r.height <= innerHeight + 1,"
        " arguments[0].scrollHeight > arguments[0].clientHeight];",
        sidebar,
    )
    assert style == ["auto", "sticky", True, True]
    driver.execute_script("arguments[0].scrollTop = 300", sidebar)
    assert driver.execute_script("return [arguments[0].scrollTop > 0, scrollY]", sidebar) == [
        True,
        0,
    ]
    driver.execute_script("arguments[0].scrollTop = 0", sidebar)
    driver.save_screenshot(str(artifacts / f"{key}-1-loaded.png"))

    # Boilerplate is there but not shown until the toggle is ticked.
    boiler = driver.find_elements(By.CSS_SELECTOR, "main .boilerplate")
    assert len(boiler) == sum(
        1 for x in tree.iter_leaves() if isinstance(x, govspeech.Boilerplate) and strip(x.text)
    )
    assert boiler and not any(b.is_displayed() for b in boiler)

    # Collapse everything, then follow an outline entry to a section inside a collapsed one.
    driver.find_element(By.ID, "collapse-all").click()
    target_id = nested_target(tree)
    target = driver.find_element(By.ID, target_id)
    summary = target.find_element(By.CSS_SELECTOR, ":scope > summary")
    assert not summary.is_displayed()
    link = driver.find_element(By.CSS_SELECTOR, f'.toc a[href="#{target_id}"]')
    link.click()
    assert summary.is_displayed()
    assert driver.execute_script(
        "for (var n = arguments[0]; n; n = n.parentElement)"
        "  if (n.tagName === 'DETAILS' && !n.open) return false;"
        "return true;",
        target,
    )
    assert in_viewport(driver, summary)
    assert driver.execute_script("return location.hash") == f"#{target_id}"
    assert link.get_attribute("aria-current") == "location"
    body = target.find_elements(By.CSS_SELECTOR, ":scope > .sec-body > p.para")
    assert body and body[0].is_displayed()
    shot = artifacts / f"{key}-2-outline-click.png"
    driver.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    print(f"screenshot: {shot}")

    # The toggle shows the boilerplate (greyed); expand all opens every section again.
    driver.find_element(By.ID, "show-boilerplate").click()
    assert all(b.is_displayed() for b in boiler)
    driver.find_element(By.ID, "expand-all").click()
    assert driver.execute_script(
        "return [].every.call(document.querySelectorAll('main details.sec'), d => d.open)"
    )
    assert js_errors(driver) == []


def test_browser_link_from_address_reveals(browser, pages, tmp_path):
    """Opening page.html#id of a collapsed section shows it, and the outline follows."""
    from selenium.webdriver.common.by import By

    driver = browser
    target = tmp_path / "collapsed.html"
    assert (
        export("--format", "html", "--html-open-depth", "0", str(CORPUS_FILE), "-o", str(target))
        == 0
    )
    target_id = nested_target(pages["corpus"][1])
    driver.get(f"{target.as_uri()}#{target_id}")
    summary = driver.find_element(By.CSS_SELECTOR, f"#{target_id} > summary")
    assert summary.is_displayed() and in_viewport(driver, summary)
    link = driver.find_element(By.CSS_SELECTOR, f'.toc a[href="#{target_id}"]')
    assert link.get_attribute("aria-current") == "location"
    assert driver.execute_script(
        "var s = document.getElementById('sidebar').getBoundingClientRect(),"
        " r = arguments[0].getBoundingClientRect();"
        "return r.top >= s.top && r.bottom <= s.bottom;",
        link,
    )
    assert js_errors(driver) == []


def test_browser_hostile_input(browser, tmp_path, artifacts):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    driver = browser
    path, _ = hostile_page(tmp_path)
    driver.get(path.as_uri())
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert  # noqa: B018 (the property raises when there is no alert)
    text = driver.find_element(By.TAG_NAME, "main").text
    assert "<script>alert(3)</script>要提高认识" in text
    assert driver.title == "<script>alert(8)</script>"
    assert len(driver.find_elements(By.TAG_NAME, "script")) == 1
    driver.save_screenshot(str(artifacts / "hostile.png"))
    assert js_errors(driver) == []


def test_browser_narrow_window(browser, pages):
    """On a phone-sized window the sidebar sits above the text and still scrolls on its own."""
    from selenium.webdriver.common.by import By

    driver = browser
    driver.set_window_size(480, 900)
    try:
        driver.get(pages["report"][0].as_uri())
        sidebar = driver.find_element(By.ID, "sidebar")
        main_el = driver.find_element(By.TAG_NAME, "main")
        got = driver.execute_script(
            "var s = arguments[0].getBoundingClientRect(), m = arguments[1].getBoundingClientRect();"
            "return [s.bottom <= m.top + 1, s.height <= innerHeight * 0.5, m.width > 300,"
            " getComputedStyle(arguments[0]).overflowY];",
            sidebar,
            main_el,
        )
        assert got == [True, True, True, "auto"]
        assert js_errors(driver) == []
    finally:
        driver.set_window_size(1280, 900)
