"""Gambit interchange: our .nfg/.efg files read back identically and are read by pygambit with the same answers."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings

from games import Scenario, build_game, load_scenario
from games.gambit_files import GameFileError, StrategicGame, read_nfg, read_nfg_file, write_nfg
from solver import equilibria
from solver.concepts.sequential import solve_sequential
from tests.oracle import pygambit, unmatched
from tests.scenarios import scenarios


def _pygambit_equilibria(path: Path) -> list[tuple[np.ndarray, np.ndarray]]:
    gbt = pygambit()
    game = gbt.read_nfg(str(path))
    row_player, col_player = list(game.players)
    return [
        (
            np.array([float(eq[s]) for s in row_player.strategies]),
            np.array([float(eq[s]) for s in col_player.strategies]),
        )
        for eq in gbt.nash.enummixed_solve(game, rational=True).equilibria
    ]


@settings(max_examples=40, deadline=None)
@given(scenarios)
def test_nfg_round_trip_keeps_labels_and_exact_payoffs(scenario: Scenario) -> None:
    strategic = build_game(scenario).to_strategic()
    back = read_nfg(write_nfg(strategic, comment="round trip"))
    assert back.players == strategic.players
    assert back.strategies == strategic.strategies
    for ours, theirs in zip(strategic.payoffs, back.payoffs, strict=True):
        assert np.array_equal(ours, theirs)


@pytest.mark.gambit
def test_pygambit_reads_our_file_and_finds_our_equilibria(tmp_path: Path) -> None:
    gbt = pygambit()
    game = build_game(load_scenario("belarus-2014").with_values(subsidy_value=4.0))
    path = tmp_path / "belarus.nfg"
    path.write_text(write_nfg(game.to_strategic()))
    read_back = gbt.read_nfg(str(path))
    assert [p.label for p in read_back.players] == ["Belarus", "Russia"]
    assert [s.label for s in next(iter(read_back.players)).strategies] == list(game.row_labels)
    missing, extra = unmatched(equilibria(game), _pygambit_equilibria(path), atol=1e-6)
    assert missing == []
    assert extra == []


@pytest.mark.gambit
def test_we_read_pygambits_outcome_version() -> None:
    gbt = pygambit()
    a = np.array([[3, 0], [5, 1], [2, 2]])
    b = np.array([[3, 5], [0, 1], [4, 4]])
    written_by_gambit = gbt.Game.from_arrays(a, b, title="pd+").to_nfg()
    game = read_nfg(written_by_gambit)
    assert game.title == "pd+"
    assert np.array_equal(game.payoffs[0], a)
    assert np.array_equal(game.payoffs[1], b)


def test_three_player_payoff_version_round_trip() -> None:
    rng = np.random.default_rng(0)
    game = StrategicGame("three", ("S", "P", "Q"), (("a", "b"), ("x", "y", "z"), ("e", "s")),
                         tuple(rng.integers(-5, 5, (2, 3, 2)).astype(float) for _ in range(3)))  # fmt: skip
    back = read_nfg(write_nfg(game))
    assert all(np.array_equal(p, q) for p, q in zip(game.payoffs, back.payoffs, strict=True))


@pytest.mark.gambit
def test_efg_of_the_sequential_view_is_read_by_pygambit(tmp_path: Path) -> None:
    gbt = pygambit()
    game = build_game(load_scenario("belarus-2014"))
    path = tmp_path / "belarus.efg"
    path.write_text(game.to_efg())
    tree = gbt.read_efg(str(path))
    assert [p.label for p in tree.players] == ["Belarus", "Russia"]
    small_state, patron = list(tree.players)
    terminal_payoffs = sorted(
        (float(node.outcome[small_state]), float(node.outcome[patron])) for node in tree.nodes if node.is_terminal
    )
    expected = sorted(zip(game.row_payoffs.ravel(), game.col_payoffs.ravel(), strict=True))
    assert np.allclose(terminal_payoffs, expected)
    (spe,) = solve_sequential(game).equilibria
    assert spe.choice == game.row_ids.index("crimea-ambiguity")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('NFG 2 R "x" { "1" }', "'NFG 1 R' header"),
        ('NFG 1 R "x" { "1" "2" } { 2 2 }\n\n1 2 3', "expected 'word'"),
        ('NFG 1 R "x" { "1" "2" } { 2 }\n\n1 2', "2 players but strategies for 1"),
        ('NFG 1 R "x" { "1" "2" } { 1 1 }\n\n1 two', "'two' is not a number"),
        ('NFG 1 R "x" { "1" "2" } { 1 1 }\n\n1 2 3', "unexpected text"),
    ],
)
def test_malformed_nfg_is_refused_with_position(text: str, fragment: str) -> None:
    with pytest.raises(GameFileError, match=r"case\.nfg") as error:
        read_nfg(text, origin="case.nfg")
    assert fragment in str(error.value)


@pytest.mark.parametrize(
    ("payoff", "fragment"),
    [
        ("1e99999999", "not a number"),  # an exponent of 8 digits is refused before any exact parsing
        ("1e400", "outside the range of a 64-bit float"),
        ("1e-500", "outside the range of a 64-bit float"),
        ("-1e309", "outside the range of a 64-bit float"),
        ("1/0", "not a finite number"),
        ("-7/0", "not a finite number"),
        ("1" * 500, "not a number"),
        ("9" * 10_000, "not a number"),  # refused by its length, never handed to Fraction
        ("9" * 399, "outside the range of a 64-bit float"),  # short enough to parse exactly, too large for a float
        ("9" * 350 + "/3", "outside the range of a 64-bit float"),
        ("1/" + "9" * 398, "outside the range of a 64-bit float"),  # a non-zero rational that underflows to 0
        ("1e-390", "outside the range of a 64-bit float"),  # ditto, within the exponent bound
    ],
)
def test_payoffs_out_of_range_are_refused_at_once(payoff: str, fragment: str) -> None:
    text = f'NFG 1 R "x" {{ "1" "2" }} {{ 1 1 }}\n\n{payoff} 0'
    started = time.perf_counter()
    with pytest.raises(GameFileError, match=fragment):
        read_nfg(text)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ('{ "" 1 0 } } 1e99999999 1', "not a number"),  # outcome payoffs are bounded like the payoff version's
        ('{ "" 1/0 0 } } 1 1', "not a finite number"),
        ('{ "" 1 0 } } 2 1', "not a valid outcome number"),  # undeclared outcome
        ('{ "" 1 0 } } -1 1', "not a valid outcome number"),
        ('{ "" 1 0 } } 1.5 1', "not a valid outcome number"),  # used to be truncated to outcome 1
        ('{ "" 1 0 } } 1e300 1', "not a valid outcome number"),
    ],
)
def test_outcome_version_numbers_are_range_checked(body: str, fragment: str) -> None:
    text = f'NFG 1 R "x" {{ "1" "2" }} {{ 2 1 }}\n\n{{ {body}'
    started = time.perf_counter()
    with pytest.raises(GameFileError, match=fragment):
        read_nfg(text, origin="case.nfg")
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    ("counts", "fragment"),
    [
        ("1e300 2", "not a valid strategy count"),  # used to build range(int(1e300)): a hang
        ("2.5 2", "not a valid strategy count"),
        ("0 2", "not a valid strategy count"),
        ("-1 2", "not a valid strategy count"),
        ("100000 100000", "more than 10,000,000 payoffs"),  # used to allocate 160 GB before reading a payoff
    ],
)
def test_strategy_counts_are_range_checked_before_allocation(counts: str, fragment: str) -> None:
    started = time.perf_counter()
    with pytest.raises(GameFileError, match=fragment):
        read_nfg(f'NFG 1 R "x" {{ "1" "2" }} {{ {counts} }}\n\n1 2', origin="case.nfg")
    assert time.perf_counter() - started < 1.0


def test_a_payoff_span_beyond_a_float_is_refused() -> None:
    """Each payoff is a finite float, but 1.7e308 − (−1.7e308) overflows: the solvers divide by that span."""
    with pytest.raises(GameFileError, match=r"case\.nfg: the payoffs of '1' span .* beyond a 64-bit float; rescale"):
        read_nfg('NFG 1 R "x" { "1" "2" } { 2 1 }\n\n1.7e308 0 -1.7e308 0', origin="case.nfg")
    assert read_nfg('NFG 1 R "x" { "1" "2" } { 2 1 }\n\n8e307 0 -8e307 0').payoffs[0].max() == 8e307


@pytest.mark.parametrize("encoding", ["utf-16", "latin-1"])
def test_a_game_file_that_is_not_utf8_says_so(encoding: str, tmp_path: Path) -> None:
    path = tmp_path / "case.nfg"
    path.write_bytes('NFG 1 R "Bélarus" { "1" "2" } { 1 1 }\n\n1 0\n'.encode(encoding))
    with pytest.raises(GameFileError, match=r"case\.nfg: not UTF-8 text .* save the file as UTF-8"):
        read_nfg_file(path)
    with pytest.raises(GameFileError, match=r"missing\.nfg: cannot read the game file"):
        read_nfg_file(tmp_path / "missing.nfg")


def test_ordinary_payoffs_still_read_exactly() -> None:
    game = read_nfg('NFG 1 R "x" { "1" "2" } { 1 1 }\n\n1/3 -2.5e2')
    assert game.payoffs[0][0, 0] == pytest.approx(1 / 3)
    assert game.payoffs[1][0, 0] == -250.0
    tiny = read_nfg('NFG 1 R "x" { "1" "2" } { 1 1 }\n\n1.11253692926e-313 5e-324')  # subnormals our writer emits
    assert tiny.payoffs[0][0, 0] == 1.11253692926e-313
    assert tiny.payoffs[1][0, 0] == 5e-324
