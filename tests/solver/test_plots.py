"""Figures: the portfolio bars mark what the sources say was pursued."""

from __future__ import annotations

import matplotlib

from games import load_scenario
from solver.plots import plot_portfolio
from solver.views import solve_view

matplotlib.use("Agg")


def test_portfolio_bars_mark_the_observed_profile_and_name_each_solution() -> None:
    belarus = load_scenario("belarus-2014")
    nash, committed = solve_view(belarus, "two-player"), solve_view(belarus, "commitment")
    ax = plot_portfolio(nash.game, [*nash.readings, *committed.readings], names=["Nash", "commitment"])
    ticks = [tick.get_text() for tick in ax.get_yticklabels()]
    observed = belarus.observed
    assert observed is not None
    for instrument, tick in zip(belarus.instruments, ticks, strict=True):
        entry = observed.instruments.get(instrument.id)
        expected = "" if entry is None else ("✓ pursued" if entry.pursued else "✗ not pursued")
        assert tick.endswith(expected)
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == [f"Nash: {nash.readings[0].label}", f"commitment: {committed.readings[0].label}"]


def test_a_scenario_without_observations_has_no_marks() -> None:
    deterrence = solve_view(load_scenario("textbook-deterrence"), "two-player")
    ticks = [tick.get_text() for tick in plot_portfolio(deterrence.game, deterrence.readings).get_yticklabels()]
    assert not any("pursued" in tick for tick in ticks)
