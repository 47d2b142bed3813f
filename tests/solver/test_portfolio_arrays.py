"""The array form of the portfolio reading agrees with ``read_portfolio`` on every kind of portfolio."""

from __future__ import annotations

import numpy as np
import pytest

from games import build_game, load_scenario
from solver import ReadingRules, read_portfolio
from solver.equilibria import Equilibrium
from solver.portfolio import read_portfolios

BELARUS = load_scenario("belarus-2014")
GAME = build_game(BELARUS)


def _portfolios() -> np.ndarray:
    """Pure strategies, sparse and full mixtures, and mixtures sitting on the filters' thresholds."""
    m = len(BELARUS.instruments)
    rng = np.random.default_rng(4)
    sparse = rng.dirichlet(np.ones(3), 60)
    embedded = np.zeros((60, m))
    for row, weights in zip(embedded, sparse, strict=True):
        row[rng.choice(m, 3, replace=False)] = weights
    halves = np.zeros((m * m, m))
    for k, (i, j) in enumerate(np.ndindex(m, m)):
        halves[k, i] += 0.5
        halves[k, j] += 0.5
    return np.vstack([np.eye(m), rng.dirichlet(np.ones(m), 60), embedded, halves])


@pytest.mark.parametrize(
    "rules", [ReadingRules(), ReadingRules(filter_two_max_red_line_exposure=0.3, bandwagoning_min_alignment=0.2)]
)
def test_array_reading_equals_read_portfolio_row_for_row(rules: ReadingRules) -> None:
    p = _portfolios()
    frame = read_portfolios(BELARUS, p, rules)
    n = len(BELARUS.responses)
    labels = set()
    for k, weights in enumerate(p):
        eq = Equilibrium(weights, np.full(n, 1 / n), 0.0, 0.0, 0.0, 0, (0,), 0, 0)
        expected = read_portfolio(GAME, eq, rules).to_series()
        row = frame.iloc[k]
        for name in ("filter_1", "filter_2", "filter_3", "label", "mixes_cooperative_and_competitive"):
            assert row[name] == expected[name], (k, name)
        measures = [c for c in frame.columns if c in expected.index and isinstance(expected[c], float)]
        np.testing.assert_allclose(
            row[measures].to_numpy(dtype=float), expected[measures].to_numpy(dtype=float), rtol=1e-12, atol=1e-15
        )
        labels.add(row["label"])
    assert labels == {"bandwagoning", "balancing", "hedging", "other"}


def test_reading_a_row_does_not_depend_on_its_neighbours() -> None:
    p = _portfolios()
    whole = read_portfolios(BELARUS, p, ReadingRules())
    parts = [read_portfolios(BELARUS, p[a:b], ReadingRules()) for a, b in ((0, 7), (7, 8), (8, len(p)))]
    for column in whole.columns:
        assert np.array_equal(np.concatenate([part[column].to_numpy() for part in parts]), whole[column].to_numpy())
