"""The case report in a real headless browser: it loads without console errors and every figure renders.

Uses Debian's ``chromium`` and ``chromium-driver`` through selenium (the ``docs`` extra); skipped, saying what is
missing, where they are absent. The screenshot is kept under ``$REPORT_ARTEFACTS`` when set (CI keeps it), else
in the test's temporary folder.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from games import load_scenario
from solver.cli import app
from solver.views import VIEWS

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None or CHROMEDRIVER is None:
        pytest.skip("needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="needs selenium (pip install -e '.[docs]')")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1400"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "belarus.html"
    result = CliRunner().invoke(app, ["report", "belarus-2014", "--out", str(out), "--quick"])
    assert result.exit_code == 0, result.output
    return out


def test_report_renders_in_chromium_without_errors(browser: Any, report_file: Path, tmp_path: Path) -> None:
    browser.get(report_file.as_uri())
    assert browser.execute_script("return document.readyState") == "complete"
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []
    images = browser.execute_script(
        "return Array.from(document.images).map(i => [i.alt, i.complete, i.naturalWidth, i.naturalHeight])"
    )
    assert len(images) >= 2 + 7  # two payoff heatmaps and one portfolio per view of Belarus's seven, Sobol'
    broken = [alt for alt, complete, width, height in images if not (complete and width > 0 and height > 0)]
    assert broken == []
    glance = browser.execute_script(
        "return Array.from(document.querySelectorAll('table')[0].tBodies[0].rows).map(r => r.cells[0].textContent)"
    )
    declared = load_scenario("belarus-2014").scenario.views
    assert glance == [view for view in VIEWS if view in declared]  # the glance table, in the views' order
    title = browser.execute_script("return document.querySelector('h1').textContent")
    assert title == "Belarus's Russia policy during the Ukraine crisis"
    folder = Path(os.environ.get("REPORT_ARTEFACTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    shot = folder / "report-belarus.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes().startswith(b"\x89PNG")
