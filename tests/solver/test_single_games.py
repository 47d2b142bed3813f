"""The single-game engine setting: the NumPy method when turned off, with the same result, and the CLI's choice."""

from __future__ import annotations

import contextvars

import numpy as np
import pytest
from numpy.typing import NDArray

import solver.cli
from solver.equilibria import EquilibriumSet, equilibria
from solver.equilibria.methods import auto
from solver.single_games import COMPILED_SINGLE_GAMES, use_compiled_single_games

FloatArray = NDArray[np.float64]


def _summary(result: EquilibriumSet) -> list[tuple[list[float], list[float], int]]:
    return [(eq.row.round(12).tolist(), eq.col.round(12).tolist(), eq.component) for eq in result]


def test_turning_the_compiled_path_off_takes_the_numpy_method_with_the_same_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []
    original = auto.compiled_equilibria

    def counted(row_payoffs: FloatArray, col_payoffs: FloatArray, tol: float) -> EquilibriumSet | None:
        calls.append(1)
        return original(row_payoffs, col_payoffs, tol)

    monkeypatch.setattr(auto, "compiled_equilibria", counted)
    rng = np.random.default_rng(3)
    a, b = rng.integers(0, 3, (4, 3)).astype(float), rng.integers(0, 3, (4, 3)).astype(float)
    compiled = equilibria(a, b)
    assert calls == [1]

    def numpy_solve() -> EquilibriumSet:
        use_compiled_single_games(False)
        return equilibria(a, b)

    numpy = contextvars.copy_context().run(numpy_solve)
    assert calls == [1]  # the NumPy method ran
    assert _summary(numpy) == _summary(compiled)
    assert numpy.degenerate == compiled.degenerate
    assert len(numpy.degeneracy_witnesses) == len(compiled.degeneracy_witnesses)
    equilibria(a, b)
    assert calls == [1, 1]  # the setting stayed in its own context


def test_the_hedge_entry_point_turns_the_compiled_single_game_path_off(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(solver.cli, "app", lambda: seen.append(COMPILED_SINGLE_GAMES.get()))
    contextvars.copy_context().run(solver.cli.main)
    assert seen == [False]


def test_the_interpreted_checks_still_refuse_a_non_equilibrium_and_bad_payoffs() -> None:
    from solver.equilibria.core.payoff_checks import checked_payoffs
    from solver.equilibria.core.verification import VerificationError, verify_profile

    a = np.array([[3.0, 0.0], [5.0, 1.0]])
    b = np.array([[3.0, 5.0], [0.0, 1.0]])  # Prisoner's Dilemma: only (defect, defect) is an equilibrium
    cooperate = np.array([1.0, 0.0])

    def checks() -> None:
        use_compiled_single_games(False)
        assert verify_profile(a, b, np.array([0.0, 1.0]), np.array([0.0, 1.0])) == 0.0
        with pytest.raises(VerificationError, match="relative regret"):
            verify_profile(a, b, cooperate, cooperate)
        with pytest.raises(ValueError, match="finite"):
            checked_payoffs([[np.nan, 0.0]], [[0.0, 0.0]])
        with pytest.raises(ValueError, match="span"):
            checked_payoffs([[1.7e308, -1.7e308]], [[0.0, 0.0]])

    contextvars.copy_context().run(checks)
