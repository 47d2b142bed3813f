"""The compiled single-game path of ``"auto"`` returns what the NumPy labelled-vertex method returns, lazily."""

from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from solver.equilibria import EquilibriumSet, VerificationError, equilibria
from solver.equilibria.methods import compiled_vertices
from solver.equilibria.methods.compiled_vertices import compiled_equilibria
from solver.equilibria.methods.labelled_vertices import labelled_vertex_equilibria
from tests.corpus import CORPUS

SHAPES = [(1, 1), (1, 4), (2, 2), (3, 3), (2, 5), (4, 4), (7, 4), (5, 6)]


def _games(kind: str, seed: int, count: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """``count`` games per shape of ``SHAPES``: ``normal`` floats, ``integer`` payoffs 0…2 (mostly degenerate),
    or ``scaled`` (normal floats times 10^k for a random k in ±150 per player)."""
    rng = np.random.default_rng(seed)
    games = []
    for m, n in SHAPES:
        for _ in range(count):
            if kind == "integer":
                a, b = rng.integers(0, 3, (m, n)).astype(float), rng.integers(0, 3, (m, n)).astype(float)
            else:
                a, b = rng.normal(size=(m, n)), rng.normal(size=(m, n))
            if kind == "scaled":
                a, b = a * 10.0 ** rng.integers(-150, 150), b * 10.0 ** rng.integers(-150, 150)
            games.append((a, b))
    return games


def _differences(reference: EquilibriumSet, lean: EquilibriumSet) -> list[str]:
    """Every field in which ``lean`` differs from ``reference``: discrete ones exactly, floats within 1e-12
    (relative to the payoffs for payoffs)."""
    problems = []
    for name in ("count", "degenerate", "method", "complete", "is_exact", "nash_subsets", "components"):
        if getattr(reference, name) != getattr(lean, name):
            problems.append(f"{name}: {getattr(reference, name)} vs {getattr(lean, name)}")
    if len(reference.equilibria) != len(lean.equilibria):
        return [*problems, f"{len(reference.equilibria)} vs {len(lean.equilibria)} equilibria"]
    scale = max(np.abs(reference.row_payoffs).max(), np.abs(reference.col_payoffs).max(), 1e-300)
    for e, (ours, theirs) in enumerate(zip(reference, lean, strict=True)):
        for name in ("component", "nash_subsets", "row_strategy_index", "col_strategy_index", "exact"):
            if getattr(ours, name) != getattr(theirs, name):
                problems.append(f"equilibrium {e} {name}: {getattr(ours, name)} vs {getattr(theirs, name)}")
        close = np.allclose(ours.row, theirs.row, rtol=0, atol=1e-12) and np.allclose(ours.col, theirs.col, atol=1e-12)
        if not close:
            problems.append(f"equilibrium {e}: ({ours.row}, {ours.col}) vs ({theirs.row}, {theirs.col})")
        if not np.array_equal(ours.row == 0, theirs.row == 0) or not np.array_equal(ours.col == 0, theirs.col == 0):
            problems.append(f"equilibrium {e}: supports differ")
        for name in ("row_payoff", "col_payoff"):
            if abs(getattr(ours, name) - getattr(theirs, name)) > 1e-12 * scale:
                problems.append(f"equilibrium {e} {name}: {getattr(ours, name)} vs {getattr(theirs, name)}")
        if abs(ours.max_regret - theirs.max_regret) > 1e-12 or not theirs.max_regret <= 1e-9:
            problems.append(f"equilibrium {e} max_regret: {ours.max_regret} vs {theirs.max_regret}")
    if len(reference.degeneracy_witnesses) != len(lean.degeneracy_witnesses):
        return [*problems, "degeneracy witnesses differ in number"]
    for ours_w, theirs_w in zip(reference.degeneracy_witnesses, lean.degeneracy_witnesses, strict=True):
        same = (ours_w.player, ours_w.support_size, ours_w.best_responses, ours_w.exact_strategy) == (
            theirs_w.player,
            theirs_w.support_size,
            theirs_w.best_responses,
            theirs_w.exact_strategy,
        )
        if not same or not np.allclose(ours_w.strategy, theirs_w.strategy, rtol=0, atol=1e-12):
            problems.append(f"witness {ours_w} vs {theirs_w}")
    return problems


@pytest.mark.parametrize(("kind", "seed"), [("normal", 1), ("integer", 2), ("scaled", 3)])
def test_the_compiled_path_returns_what_the_numpy_method_returns(kind: str, seed: int) -> None:
    failures = []
    degenerate = 0
    for k, (a, b) in enumerate(_games(kind, seed, 12)):
        lean = equilibria(a, b)
        assert not lean.assembly.is_ready, "the single call assembled its result before it was read"
        reference = labelled_vertex_equilibria(a, b)
        degenerate += reference.degenerate
        problems = _differences(reference, lean)
        if problems:
            failures.append(f"{kind} game {k} {a.shape}: " + "; ".join(problems[:3]))
    assert not failures, f"{len(failures)} games differ:\n" + "\n".join(failures[:5])
    if kind == "integer":
        assert degenerate >= len(SHAPES) * 4, "the integer games were meant to be mostly degenerate"


@pytest.mark.oracle
@pytest.mark.parametrize("family", sorted(CORPUS))
def test_the_compiled_path_returns_what_the_numpy_method_returns_on_the_corpus(family: str) -> None:
    failures = []
    for index, (a, b) in enumerate(CORPUS[family]):
        problems = _differences(labelled_vertex_equilibria(a, b), equilibria(a, b, method="auto"))
        if problems:
            failures.append(f"game {index}: " + "; ".join(problems[:3]))
    assert not failures, f"{len(failures)} {family} games differ:\n" + "\n".join(failures[:5])


def test_reading_the_parts_in_any_order_gives_the_same_result() -> None:
    """Deferred parts are built once: every read returns the same objects, whichever is read first."""
    a, b = np.array([[1.0, 1.0], [1.0, 0.0]]), np.array([[1.0, 1.0], [0.0, 1.0]])  # a degenerate game
    first, second = equilibria(a, b), equilibria(a, b)
    witnesses = first.degeneracy_witnesses  # witnesses before the equilibria, the equilibria before them
    members = list(second)
    assert first.degenerate
    assert witnesses
    assert _differences(first, second) == []
    assert _differences(labelled_vertex_equilibria(a, b), first) == []
    assert first.degeneracy_witnesses is witnesses
    assert first.components is first.components
    assert list(second) == members
    assert second.equilibria is second.equilibria
    assert len(first) == first.count == len(first.equilibria)


def test_threads_reading_one_result_get_one_assembly() -> None:
    rng = np.random.default_rng(4)
    result = equilibria(rng.integers(0, 3, (5, 5)).astype(float), rng.integers(0, 3, (5, 5)).astype(float))
    with ThreadPoolExecutor(8) as pool:
        seen = list(pool.map(lambda _: (result.equilibria, result.degeneracy_witnesses), range(32)))
    assert all(e is seen[0][0] and w is seen[0][1] for e, w in seen)


def test_an_unread_result_pickles_as_its_values() -> None:
    a, b = np.array([[2.0, 0.0], [0.0, 1.0]]), np.array([[1.0, 0.0], [0.0, 2.0]])  # Battle of the Sexes
    result = equilibria(a, b)
    copy = pickle.loads(pickle.dumps(result))
    assert copy.assembly.is_ready
    assert copy.witness_search.is_ready
    assert _differences(labelled_vertex_equilibria(a, b), copy) == []
    assert len(copy) == 3


def test_changing_the_payoffs_after_the_call_does_not_change_the_result() -> None:
    a, b = np.array([[3.0, 0.0], [5.0, 1.0]]), np.array([[3.0, 5.0], [0.0, 1.0]])  # Prisoner's Dilemma
    result = equilibria(a, b)
    a[:], b[:] = 0.0, 0.0  # every profile an equilibrium of the mutated game
    assert [(eq.row.tolist(), eq.col.tolist()) for eq in result] == [([0.0, 1.0], [0.0, 1.0])]
    assert result[0].row_payoff == 1.0


def test_layouts_and_types_of_input_do_not_matter() -> None:
    rng = np.random.default_rng(6)
    a, b = rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    reference = labelled_vertex_equilibria(a, b)
    for row, col in [(np.asfortranarray(a), np.asfortranarray(b)), (a.T.copy().T, b.T.copy().T), (a.tolist(), b)]:
        assert _differences(reference, equilibria(row, col)) == []
    zero_sum = rng.integers(0, 4, (3, 3))  # integers, and the column payoffs left out
    assert _differences(labelled_vertex_equilibria(zero_sum * 1.0, zero_sum * -1.0), equilibria(zero_sum)) == []


def test_games_with_more_equilibria_than_slots_take_the_numpy_method(monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = np.array([[2.0, 0.0], [0.0, 1.0]]), np.array([[1.0, 0.0], [0.0, 2.0]])  # three equilibria
    monkeypatch.setattr(compiled_vertices, "SLOTS", 2)
    assert compiled_equilibria(a, b, 1e-10) is None
    result = equilibria(a, b)
    assert result.assembly.is_ready  # assembled at once: the NumPy method made it
    assert len(result) == 3
    assert _differences(labelled_vertex_equilibria(a, b), result) == []


def test_a_compiled_profile_failing_the_regret_check_sends_the_game_to_the_exact_path() -> None:
    """[[1e300, 0], [0, 1]]: floats read 0 and 1 as a tie, and the compiled call says its profiles fail."""
    a = np.array([[1e300, 0.0], [0.0, 1.0]])
    with pytest.raises(VerificationError, match="regret check"):
        compiled_equilibria(a, -a, 1e-10)
    result = equilibria(a, -a)
    assert result.is_exact
    assert result.method == "exact-labelled-vertices"
