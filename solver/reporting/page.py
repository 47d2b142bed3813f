"""A :class:`~solver.reporting.case.CaseReport` as one self-contained HTML page: the style sheet inline, every
figure an inline PNG, no script, nothing fetched over the network. All scenario text is escaped
(:mod:`solver.reporting.markup`)."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from games import Scenario, build_game
from solver.fit import CaseFit
from solver.portfolio import PortfolioReading
from solver.reporting.case import QUICK, CaseReport
from solver.reporting.figures import payoff_heatmap, png, portfolio_figure, sobol_figure
from solver.reporting.markup import Html, document, join, png_image, table, tag
from solver.reporting.sources import observed_sources, scenario_sources
from solver.studies.robustness import Robustness
from solver.studies.sensitivity import SobolResult
from solver.views import ViewResult

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 72rem; margin: 0 auto; padding: 1rem 2rem; color: #222;
       line-height: 1.45; }
h1 { margin-bottom: 0.2rem; } h2 { border-bottom: 2px solid #4477aa; padding-bottom: 0.2rem; margin-top: 2.5rem; }
.meta { color: #555; font-size: 0.9rem; }
table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.85rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eef2f7; } caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
.source { color: #444; }
figure { margin: 1rem 0; } figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
figcaption { color: #555; font-size: 0.85rem; }
.label { font-weight: bold; text-transform: uppercase; } .pass { color: #228833; } .fail { color: #cc3311; }
nav ol { columns: 2; }
"""

SECTIONS = (
    ("scenario", "The scenario and its sources"),
    ("payoffs", "Payoff matrices"),
    ("views", "Every declared view: solutions and readings"),
    ("fit", "Held against what happened"),
    ("robustness", "Robustness of the verdict"),
    ("sensitivity", "What drives it: Sobol' indices"),
)


def _figure(png_bytes: bytes, caption: str) -> Html:
    return tag("figure", png_image(png_bytes, caption), tag("figcaption", caption))


def _section(anchor: str, *children: Html) -> Html:
    title = dict(SECTIONS)[anchor]
    return tag("section", tag("h2", title), *children, id=anchor)


def _scenario_section(scenario: Scenario) -> Html:
    return _section("scenario", tag("p", scenario.scenario.summary), scenario_sources(scenario))


def _payoff_section(report: CaseReport) -> Html:
    game = build_game(report.scenario)  # the two-player game, whichever views the scenario declares
    info = report.scenario.scenario
    return _section(
        "payoffs",
        tag(
            "p",
            f"The simultaneous game: {info.small_state} chooses an instrument (rows), {info.patron} a response "
            "(columns); each cell is a player's payoff in bn USD per year (docs/model.md, 'Payoffs').",
        ),
        _figure(png(payoff_heatmap(game, info.small_state, game.row_payoffs)), f"Payoffs to {info.small_state}"),
        _figure(png(payoff_heatmap(game, info.patron, game.col_payoffs)), f"Payoffs to {info.patron}"),
    )


def _mix(weights: dict[str, float]) -> str:
    return ", ".join(f"{name} {weight:.3f}" for name, weight in weights.items() if weight > 1e-12) or "—"


def _filters(reading: PortfolioReading) -> Html:
    return join(
        tag(
            "div",
            tag("span", "pass" if f.passed else "fail", class_="pass" if f.passed else "fail"),
            f" {f.name}: ",
            f.reason,
        )
        for f in reading.filters
    )


def _view(result: ViewResult) -> Html:
    readings = table(
        (
            "solution",
            "label",
            "why",
            "portfolio",
            "patron plays",
            "cooperative / competitive share",
            "red-line exposure",
            "filters",
            "stable under ±10% thresholds",
        ),
        [
            (
                str(k),
                tag("span", r.label, class_="label"),
                r.label_reason,
                _mix(r.weights),
                _mix(r.patron_response),
                f"{r.cooperative_share:.2f} / {r.competitive_share:.2f}",
                f"{r.red_line_exposure:.2f}",
                _filters(r),
                "yes" if r.label_stable else f"no: {', '.join(r.fragile_under)}",
            )
            for k, r in enumerate(result.readings)
        ],
    )
    notes = [tag("ul", *(tag("li", note) for note in result.notes))] if result.notes else []
    pinned = sorted({r.pinned_by for r in result.readings})
    return join(
        [
            tag("h3", f"{result.view}: {result.concept}"),
            tag(
                "p",
                f"{len(result.profiles)} solution(s)"
                + ("" if result.complete else " (the enumeration may be incomplete)")
                + "; weights pinned by "
                + "; ".join(pinned)
                + ".",
            ),
            *notes,
            readings,
            _figure(png(portfolio_figure(result)), f"{result.view} view: the small state's portfolio in each solution"),
        ]
    )


def _fit_section(scenario: Scenario, fit: CaseFit | None) -> Html:
    if fit is None:
        return _section("fit", tag("p", "This scenario has no [observed] profile, so there is nothing to fit."))
    frame = fit.to_frame()
    rows = [
        (
            str(row["view"]),
            str(row["solutions"]),
            "yes" if row["observed_is_solution"] else "no",
            f"{row['distance']:.2f}",
            str(row["missed"]) or "—",
            "—" if np.isnan(row["loglik_gain"]) else f"{row['loglik_gain']:+.2f}",
        )
        for row in frame.to_dict("records")
    ]
    return _section(
        "fit",
        observed_sources(fit.observed, scenario),
        table(
            ("view", "solutions", "observed is a solution", "nearest distance", "missed", "QRE gain over uniform"),
            rows,
            caption="Each view against the observation (docs/model.md, 'Fit')",
        ),
        tag("ul", *(tag("li", view_fit.summary()) for view_fit in fit.views)),
    )


def _frame_table(frame: pd.DataFrame, index_name: str, caption: str) -> Html:
    def cell(value: object) -> str:
        if isinstance(value, bool | np.bool_):
            return "yes" if value else "no"
        return f"{value:.1%}" if isinstance(value, float) else str(value)

    return table(
        (index_name, *map(str, frame.columns)),
        [(str(index), *(cell(v) for v in row)) for index, row in zip(frame.index, frame.to_numpy(), strict=True)],
        caption=caption,
    )


def _robustness_section(result: Robustness) -> Html:
    shares = result.shares.drop(columns="verdict").rename(columns=lambda c: c.replace("_", " "))
    return _section(
        "robustness",
        tag("p", result.summary()),
        tag("p", "Over " + ", ".join(result.factors) + f"; selection rule {result.rule} (docs/sensitivity.md)."),
        _frame_table(shares, "label", "Share of the plausible box in which each label holds"),
        _frame_table(
            result.threshold_stability.rename(columns=lambda c: c.replace("_", " ")),
            "moved threshold",
            "With one reading threshold moved by ±10%",
        ),
    )


def _sensitivity_section(result: SobolResult) -> Html:
    variance = result.indices.groupby(level="output", sort=False)["variance"].first()
    varying = [str(output) for output, v in variance.items() if v > 0]
    constant = [str(output) for output, v in variance.items() if not v > 0]
    text = (
        f"Saltelli sample, base size {result.n} ({result.points:,} points), selection rule {result.rule}"
        + (f"; {result.fallback_points} point(s) fell back to another rule" if result.fallback_points else "")
        + (f". Constant over the sample, so without indices: {', '.join(constant)}" if constant else "")
        + "."
    )
    parts: list[Html] = [tag("p", text)]
    if varying:
        parts.append(
            _figure(
                png(sobol_figure(result.indices, varying)),
                "First-order and total Sobol' indices with bootstrap 95% intervals",
            )
        )
    return _section("sensitivity", *parts)


def _header(report: CaseReport) -> Html:
    scenario, info = report.scenario, report.scenario.scenario
    sizes = "quick" if report.sizes == QUICK else "full"
    meta = (
        f"{scenario.id} · {info.year} · {info.small_state} between {info.patron} (patron) and {info.second_pole} "
        f"· strategic-hedging {report.version} · scenario hash {scenario.content_hash} · {sizes} sample sizes "
        f"({report.sizes.robustness_points} robustness points, Sobol' base {report.sizes.sobol_base})"
    )
    fits = {fit.view: "yes" if fit.observed_is_solution else "no" for fit in report.fit.views} if report.fit else {}
    glance = table(
        ("view", "solution concept", "solutions", "readings", "what happened is a solution"),
        [(result.view, result.concept, str(len(result.profiles)), ", ".join(sorted({r.label for r in result.readings})),
          fits.get(result.view, "no observed profile")) for result in report.views],
        caption="At a glance",
    )  # fmt: skip
    contents = tag("nav", tag("ol", *(tag("li", tag("a", title, href=f"#{anchor}")) for anchor, title in SECTIONS)))
    robust = tag("p", "Two-player robustness: " + report.robustness.summary() + ".")
    return join([tag("h1", info.title), tag("p", meta, class_="meta"), glance, robust, contents])


def _sections(report: CaseReport) -> Iterable[Html]:
    yield _header(report)
    yield _scenario_section(report.scenario)
    yield _payoff_section(report)
    yield _section("views", *(_view(result) for result in report.views))
    yield _fit_section(report.scenario, report.fit)
    yield _robustness_section(report.robustness)
    yield _sensitivity_section(report.sobol)
    yield tag(
        "footer",
        f"Generated by `hedge report {report.scenario.id}` (strategic-hedging {report.version}); "
        f"scenario hash {report.scenario.content_hash}.",
        class_="meta",
    )


def render_page(report: CaseReport) -> str:
    """The report as one HTML document (a string to write as UTF-8)."""
    return str(document(f"{report.scenario.scenario.title} — case report", STYLE, join(_sections(report))))
