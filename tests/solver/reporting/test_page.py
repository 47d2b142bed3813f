"""The HTML case report: complete, self-contained, and every piece of scenario text escaped."""

from __future__ import annotations

import base64
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from games import Scenario, parse_scenario
from solver.reporting import CaseReport, ReportSizes, case_report, render_page
from solver.reporting.markup import Html, table, tag
from solver.reporting.page import SECTIONS
from solver.studies.sweeps import SerialBackend

CATALOGUE = Path(__file__).resolve().parents[3] / "games" / "catalogue"
HOSTILE = '<script>alert("x")</script> & <b>'
TINY = ReportSizes(robustness_points=16, sobol_base=8)


def hostile_scenario() -> Scenario:
    """The textbook game with markup in its title, an instrument label and a parameter source."""
    text = (CATALOGUE / "textbook-deterrence.toml").read_text(encoding="utf-8")
    text = text.replace('title = "Textbook deterrence: comply or cross a red line"', f"title = '{HOSTILE}'")
    text = text.replace('label = "subsidy value"', f"label = '{HOSTILE} subsidy'", 1)
    first_instrument = re.search(r'\[\[instruments\]\]\nid = "[^"]+"\nlabel = "([^"]+)"', text)
    assert first_instrument is not None
    text = text.replace(f'label = "{first_instrument.group(1)}"', f"label = '{HOSTILE} instrument'", 1)
    return parse_scenario(text, "hostile.toml")


class _Page(HTMLParser):
    """Collects the page's tags, image sources, link targets and text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.images: list[str] = []
        self.links: list[str] = []
        self.ids: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, name: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(name)
        values = dict(attrs)
        if name == "img":
            self.images.append(values["src"] or "")
        if name in ("a", "link") and "href" in values:
            self.links.append(values["href"] or "")
        if "id" in values:
            self.ids.append(values["id"] or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture(scope="module")
def report() -> CaseReport:
    return case_report(hostile_scenario(), TINY, backend=SerialBackend())


@pytest.fixture(scope="module")
def page(report: CaseReport) -> _Page:
    parser = _Page()
    parser.feed(render_page(report))
    return parser


def test_markup_escapes_text_and_passes_markup() -> None:
    cell = tag("em", "a < b")
    html = table(("x & y",), [("<i>", cell)])
    assert "<th>x &amp; y</th>" in html
    assert "<td>&lt;i&gt;</td>" in html
    assert "<td><em>a &lt; b</em></td>" in html
    assert isinstance(html, Html)
    assert tag("a", "go", href='"><script>') == '<a href="&quot;&gt;&lt;script&gt;">go</a>'


def test_user_text_is_escaped_never_markup(report: CaseReport, page: _Page) -> None:
    html = render_page(report)
    assert "<script" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;" in html
    text = "".join(page.text)
    for where in ("", " subsidy", " instrument"):
        assert HOSTILE + where in text  # read back literally by a browser's parser
    assert "script" not in page.tags


def test_every_section_and_every_declared_view_is_on_the_page(report: CaseReport, page: _Page) -> None:
    assert [anchor for anchor, _ in SECTIONS] == [i for i in page.ids if i in dict(SECTIONS)]
    text = "".join(page.text)
    for view in report.scenario.scenario.views:
        assert f"{view}: " in text
    for name, parameter in report.scenario.parameters.items():
        assert name in text
        assert parameter.source in text
    for instrument in report.scenario.instruments:
        assert instrument.evidence in text
    assert report.scenario.content_hash in text
    assert report.version in text
    assert report.robustness.summary() in text
    assert report.fit is None  # the textbook game has no [observed] block
    for result in report.views:  # the glance table: one row per view with its labels
        labels = ", ".join(sorted({r.label for r in result.readings}))
        verdict = "no observed profile"
        assert f"{result.view}{result.concept}{len(result.profiles)}{labels}{verdict}" in text


def test_figures_are_inline_pngs_and_nothing_is_fetched(report: CaseReport, page: _Page) -> None:
    variance = report.sobol.indices.groupby(level="output")["variance"].first()
    expected = 2 + len(report.views) + int((variance > 0).any())  # two heatmaps, one portfolio per view, Sobol'
    assert len(page.images) == expected
    for source in page.images:
        prefix = "data:image/png;base64,"
        assert source.startswith(prefix)
        assert base64.b64decode(source[len(prefix) :]).startswith(b"\x89PNG\r\n\x1a\n")
    assert all(link.startswith("#") for link in page.links)
    assert {"script", "link", "iframe"}.isdisjoint(page.tags)
