"""mkdocs hook: the case library page (cases.md), generated from games/catalogue/*.toml at every build.

Each shipped scenario is loaded and validated by :func:`games.load_scenario` (a broken file fails the build) and
shown with every parameter's value, plausible range and source, the evidence for each instrument and response,
and its observed profile with the sources of each observation: the same tables as the case report
(:mod:`solver.reporting.sources`), so nothing is copied by hand.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from games import Scenario, load_scenario
from solver.reporting.sources import observed_sources, scenario_sources

CATALOGUE = Path(__file__).resolve().parents[2] / "games" / "catalogue"

INTRODUCTION = """# The case library

Every scenario shipped in `games/catalogue/`, read from its TOML file when this site was built. Each number
stands beside its source, or says "assumed"; the observed profile is evidence, never calibration
([Writing a scenario](scenarios.md)). Solve one with `hedge solve ID`, send one as a page with
`hedge report ID --out ID.html` ([Case reports](report.md)).

"""


def _case(scenario: Scenario) -> str:
    info = scenario.scenario
    observed = (
        "### What happened\n\n" + observed_sources(scenario.observed, scenario)
        if scenario.observed is not None
        else "No observed profile: this scenario is not a historical case."
    )
    return (
        f"## `{scenario.id}`: {escape(info.title)} {{ #{scenario.id} }}\n\n"
        f"{escape(info.small_state)} between {escape(info.patron)} (patron) and {escape(info.second_pole)}, "
        f"{info.year}. Views: {', '.join(f'`{view}`' for view in info.views)}. "
        f"Scenario hash `{scenario.content_hash[:16]}…`.\n\n"
        f"{escape(info.summary)}\n\n### Inputs and their sources\n\n{scenario_sources(scenario)}\n\n"
        f"{observed}\n\n"
    )


def case_library() -> str:
    """The Markdown of the case library: every catalogue file, in id order."""
    cases = [load_scenario(path) for path in sorted(CATALOGUE.glob("*.toml"))]
    contents = "".join(f"* [`{s.id}`](#{s.id}): {escape(s.scenario.title)}\n" for s in cases)
    return INTRODUCTION + contents + "\n" + "".join(_case(s) for s in cases)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated cases.md."""
    files.append(File.generated(config, "cases.md", content=case_library()))
    return files
