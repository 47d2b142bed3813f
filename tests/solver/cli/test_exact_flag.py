"""``hedge solve --exact``: the two-player Nash view in rationals, refused clearly on every other view."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from games import build_game, load_scenario
from games.gambit_files import StrategicGame, write_nfg
from solver import equilibria
from solver.cli import app

runner = CliRunner()


def test_exact_json_gives_rationals_that_round_to_the_floats() -> None:
    result = runner.invoke(app, ["solve", "belarus-2014", "--exact", "--json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["solver"]["method"] == "exact-labelled-vertices"
    expected = equilibria(build_game(load_scenario("belarus-2014")), exact=True)
    assert len(document["equilibria"]) == len(expected)
    for entry, eq in zip(document["equilibria"], expected, strict=True):
        row = [Fraction(p) for p in entry["exact"]["row"]]
        assert eq.exact is not None
        assert tuple(row) == eq.exact.row
        assert sum(row) == 1
        assert [float(p) for p in row] == entry["small_state"]
        assert Fraction(entry["exact"]["col_payoff"]) == eq.exact.col_payoff


def test_exact_nfg_game(tmp_path: Path) -> None:
    path = tmp_path / "mixed.nfg"
    payoffs = (np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([[0.0, 1.0], [3.0, 0.0]]))
    game = StrategicGame("mixed", ("R", "C"), (("a", "b"), ("x", "y")), payoffs)
    path.write_text(write_nfg(game))
    result = runner.invoke(app, ["solve", str(path), "--exact", "--json"])
    assert result.exit_code == 0, result.output
    (entry,) = json.loads(result.output)["equilibria"]
    assert entry["exact"]["row"] == ["3/4", "1/4"]
    assert entry["exact"]["col"] == ["1/2", "1/2"]


@pytest.mark.parametrize(
    ("arguments", "fragment"),
    [
        (["--view", "qre"], "two-player Nash view only"),
        (["--view", "commitment"], "two-player Nash view only"),
        (["--method", "nashpy-support"], "drop --method nashpy-support or --exact"),
    ],
)
def test_exact_elsewhere_exits_2_without_traceback(arguments: list[str], fragment: str) -> None:
    result = runner.invoke(app, ["solve", "belarus-2014", "--exact", *arguments], env={"COLUMNS": "200"})
    assert result.exit_code == 2, result.output
    assert fragment in result.output
    assert "Traceback" not in result.output
