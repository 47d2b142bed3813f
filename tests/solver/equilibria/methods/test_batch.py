"""The batch engine returns, game for game, what ``equilibria`` returns, and what the exact oracle finds."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from games import load_scenario
from games.parameters import MODEL_PARAMETERS
from games.payoff_batch import payoff_stacks
from solver.equilibria import (
    BatchEquilibria,
    Method,
    VerificationError,
    equilibria,
    equilibria_batch,
    iter_equilibria_batches,
    relative_regret,
)
from solver.equilibria.methods.batch import EQUILIBRIUM_SLOTS, checked_regrets
from tests.corpus import CORPUS, oracle_equilibria, stacks_by_shape
from tests.oracle import exact_extreme_equilibria, unmatched
from tests.solver.equilibria.agreement import disagreement


def _single_game_disagreement(
    result: BatchEquilibria, k: int, row_stack: np.ndarray, col_stack: np.ndarray, method: Method = "auto"
) -> str | None:
    """How game ``k`` of the batch differs from ``equilibria(A[k], B[k], method=method)``, or None."""
    start, stop = result.offsets[k], result.offsets[k + 1]
    return disagreement(
        equilibria(row_stack[k], col_stack[k], method=method),
        result.rows[start:stop],
        result.cols[start:stop],
        result.components[start:stop],
        result.degenerate[k],
    )


def _failures(
    result: BatchEquilibria, row_stack: np.ndarray, col_stack: np.ndarray, games: list[int], family: str | None
) -> list[str]:
    """Games where the batch differs from ``equilibria`` or from the oracle (cached for corpus ``family``)."""
    failures = []
    for k, index in enumerate(games):
        problem = _single_game_disagreement(result, k, row_stack, col_stack)
        exact = oracle_equilibria(family, index) if family else exact_extreme_equilibria(row_stack[k], col_stack[k])
        missing, extra = unmatched(result.equilibrium_set(k), exact)
        if problem or missing or extra:
            failures.append(f"game {index}: {problem or ''} oracle missing {missing}, extra {extra}")
    return failures


@pytest.mark.oracle
@pytest.mark.parametrize("family", sorted(CORPUS))
def test_batch_agrees_with_single_game_and_oracle(family: str) -> None:
    failures = []
    for indices, (a, b) in stacks_by_shape(CORPUS[family]).values():
        failures += _failures(equilibria_batch(a, b), a, b, indices, family)
    assert not failures, f"{len(failures)} {family} games disagree:\n" + "\n".join(failures[:5])


@pytest.mark.oracle
def test_batch_agrees_on_a_scenario_sweep() -> None:
    scenario = load_scenario("belarus-2014")
    rng = np.random.default_rng(11)
    values = {name: rng.uniform(*scenario.parameters[name].range, size=60) for name in MODEL_PARAMETERS}
    a, b = payoff_stacks(scenario, values)
    result = equilibria_batch(a, b)
    failures = _failures(result, a, b, list(range(len(a))), None)
    assert not failures, "\n".join(failures[:5])


def test_games_with_more_equilibria_than_slots_are_solved_one_by_one() -> None:
    rng = np.random.default_rng(5)
    a = rng.normal(size=(3, 6, 6))
    b = rng.normal(size=(3, 6, 6))
    a[1], b[1] = 0.0, 0.0  # every pure profile is an equilibrium: 36 extreme equilibria
    result = equilibria_batch(a, b)
    assert result.counts[1] == 36 > EQUILIBRIUM_SLOTS
    assert [_single_game_disagreement(result, k, a, b) for k in range(3)] == [None] * 3


def test_shapes_too_large_for_basis_enumeration_are_pivoted() -> None:
    rng = np.random.default_rng(6)
    a = rng.integers(0, 4, size=(2, 9, 9)).astype(float)
    b = rng.integers(0, 4, size=(2, 9, 9)).astype(float)
    result = equilibria_batch(a, b)
    assert [_single_game_disagreement(result, k, a, b, "labelled-vertices") for k in range(2)] == [None] * 2


def test_streamed_chunks_concatenate_to_the_whole_batch() -> None:
    rng = np.random.default_rng(8)
    a = rng.integers(0, 5, size=(60, 3, 4)).astype(float)
    b = rng.integers(0, 5, size=(60, 3, 4)).astype(float)
    whole = equilibria_batch(a, b)
    parts = list(iter_equilibria_batches((a[s : s + 25], b[s : s + 25]) for s in range(0, 60, 25)))
    joined = BatchEquilibria.concatenate(parts)
    np.testing.assert_array_equal(joined.offsets, whole.offsets)
    np.testing.assert_array_equal(joined.rows, whole.rows)
    np.testing.assert_array_equal(joined.components, whole.components)
    np.testing.assert_array_equal(joined.degenerate, whole.degenerate)
    assert len(joined) == 60
    assert (joined.component_counts <= joined.counts).all()
    assert (joined.component_counts >= 1).all()
    frame = joined.to_frame()
    assert len(frame) == int(joined.counts.sum())
    assert list(frame.columns[:3]) == ["game", "component", "max_regret"]
    np.testing.assert_array_equal(frame["game"].to_numpy(), joined.game_index)


def test_every_returned_profile_is_verified() -> None:
    a = np.array([[[3.0, 0.0], [5.0, 1.0]]])
    result = equilibria_batch(a, a.transpose(0, 2, 1))
    assert (result.max_regret <= 1e-9).all()
    not_equilibrium = np.array([relative_regret(a[0], a[0].T, np.array([1.0, 0.0]), np.array([1.0, 0.0]))])
    assert not_equilibrium[0] == pytest.approx(0.4)  # mutual cooperation: each gains 2 of a range of 5 by defecting
    with pytest.raises(VerificationError, match="regret"):
        checked_regrets(np.array([0]), np.array([[1.0, 0.0]]), np.array([[1.0, 0.0]]), not_equilibrium)
    with pytest.raises(VerificationError, match="probability vector"):
        checked_regrets(np.array([0]), np.array([[1.2, -0.2]]), np.array([[0.0, 1.0]]), np.zeros(1))


@pytest.mark.parametrize(
    ("a", "b", "message"),
    [
        (np.zeros((2, 2)), np.zeros((2, 2)), "N × m × n"),
        (np.zeros((2, 2, 2)), np.zeros((2, 2, 3)), "N × m × n"),
        (np.full((1, 2, 2), np.nan), np.zeros((1, 2, 2)), "finite"),
        (np.zeros((1, 40, 30)), np.zeros((1, 40, 30)), "too large"),
    ],
)
def test_malformed_stacks_are_refused(a: np.ndarray, b: np.ndarray, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        equilibria_batch(a, b)


def test_threads_may_call_the_engine_at_once() -> None:
    """Dask workers run tasks in threads; numba's default thread pool must not be entered twice at once."""
    rng = np.random.default_rng(9)
    a = rng.integers(0, 5, size=(500, 4, 3)).astype(float)
    b = rng.integers(0, 5, size=(500, 4, 3)).astype(float)
    reference = equilibria_batch(a, b)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: equilibria_batch(a, b), range(8)))
    for result in results:
        np.testing.assert_array_equal(result.offsets, reference.offsets)
        np.testing.assert_array_equal(result.rows, reference.rows)
