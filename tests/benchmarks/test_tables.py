"""Table 1's agreement, ratio and target columns are computed from the run's own numbers (no timing asserted).

QuantEcon is left out (its numba generator compiles for many seconds in every process); a Gambit float peer and
a deliberately incomplete peer stand in, so that the agreement column is seen to count wrong games.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from benchmarks.tables import cell, print_table
from benchmarks.targets import at_least, at_most

pytest.importorskip("pygambit", reason="the harness needs the bench extra (pygambit)")

from benchmarks.solvers import FloatArray, Profile, gambit, ours_exact
from benchmarks.throughput import OURS, Budget, Peer, disagreements, exact_reference, throughput_rows
from benchmarks.workloads import random_integer_games

GAMBIT = "Gambit enummixed (float)"


def _first_only(a: FloatArray, b: FloatArray) -> list[Profile]:
    return ours_exact(a, b)[:1]


def test_targets_say_met_or_by_how_much_they_are_missed() -> None:
    assert at_least(25.0, 20.0).startswith("met")
    assert at_least(10.0, 20.0).startswith("missed by 2.00×")
    assert at_most(0.4, 0.5).startswith("met")
    assert at_most(1.5, 0.5).startswith("missed by 3.00×")


def test_throughput_rows_compute_agreement_and_ratios_from_the_same_run() -> None:
    games = random_integer_games(12, 3, 3, 10, seed=3)
    exact = exact_reference(games, ours_exact, seconds=0.0, min_games=8)
    assert len(exact) == 8
    several = sum(len(found) > 1 for found in exact)
    assert several > 0  # the incomplete peer below must be caught somewhere
    candidates = [
        Peer(GAMBIT, gambit(rational=False), 12),
        Peer("first equilibrium only", _first_only, 12),
        Peer("too small", _first_only, 2),
        Peer("absent", _first_only, 12, installed=False),
    ]
    rows, summary = throughput_rows("3×3 test", games, exact, Budget(0.005, 0.0, 2), True, candidates, GAMBIT)
    by_solver = {row["solver"]: row for row in rows}
    ours, peer, wrong = by_solver[OURS], by_solver[GAMBIT], by_solver["first equilibrium only"]
    assert ours["games timed"] == 12
    assert (ours["wrong"], ours["checked"]) == (0, 8)
    assert wrong["wrong"] == sum(len(found) > 1 for found in exact[: wrong["checked"]])
    assert by_solver["too small"]["note"].startswith("not run")
    assert by_solver["absent"]["note"] == "not installed"
    for row in (ours, peer, wrong):
        assert math.isclose(row["ours ×"], ours["games/s"] / row["games/s"])
        assert row["checked"] == min(row["games timed"], 8)
    ratio = summary["ours ÷ QuantEcon"]
    assert math.isclose(ratio, ours["games/s"] / peer["games/s"])
    assert summary["target ≥ 20×"] == at_least(ratio, 20.0)
    assert summary["ours wrong / checked"] == "0 / 8"
    assert summary["target 100% agreement"] == "met"


def test_a_missing_or_extra_equilibrium_counts_as_a_wrong_game() -> None:
    games = random_integer_games(4, 3, 3, 100, seed=5)
    exact = exact_reference(games, ours_exact, seconds=0.0, min_games=4)
    tampered = [list(found) for found in exact]
    tampered[1] = tampered[1][1:]
    tampered[2] = [*tampered[2], (np.full(3, 1 / 3), np.full(3, 1 / 3))]
    assert disagreements(exact, exact) == (0, 4)
    assert disagreements(tampered, exact) == (2, 4)
    assert disagreements(tampered[:3], exact) == (2, 3)


def test_tables_print_every_key_in_first_seen_order(capsys: pytest.CaptureFixture[str]) -> None:
    print_table("title", [{"a": 1_234.6, "b": "x"}, {"a": 0.01234, "c": True}], "note")
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:3] == ["title", "a       b  c"]
    assert lines[-1] == "note"
    assert lines[4].split() == ["1,235", "x"]
    assert lines[5].split() == ["0.0123", "True"]
    assert cell(7) == "7"
