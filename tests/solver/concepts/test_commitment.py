"""Commitment to mixed strategies: exact against brute-force vertex enumeration, and hand-solved games."""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations, product

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from games import build_game, load_scenario, payoff_matrices
from solver.concepts.commitment import CommitmentSolution, commitment_equilibrium, threshold_commitment
from solver.equilibria import equilibria
from solver.views import commitment_solution, solve_view
from tests.scenarios import deterrence_scenario


def _brute_force_value(a_types: list[np.ndarray], b_types: list[np.ndarray], priors: list[Fraction]) -> Fraction:
    """max over response profiles and over every vertex of the profile's best-response polytope, in rationals."""
    m, n = a_types[0].shape
    best: Fraction | None = None
    for profile in product(range(n), repeat=len(a_types)):
        rows = [[Fraction(1)] * m]  # Σ x = 1, always active
        constraints = [[Fraction(int(i == k)) * -1 for i in range(m)] for k in range(m)]  # −x_k ≤ 0
        for b, j in zip(b_types, profile, strict=True):
            constraints += [[Fraction(b[i, k]) - Fraction(b[i, j]) for i in range(m)] for k in range(n) if k != j]
        c = [sum(p * Fraction(a[i, j]) for p, a, j in zip(priors, a_types, profile, strict=True)) for i in range(m)]
        for active in combinations(range(len(constraints)), m - 1):
            system = rows + [constraints[k] for k in active]
            x = _solve(system, [Fraction(1)] + [Fraction(0)] * (m - 1))
            if x is None or any(sum(r[i] * x[i] for i in range(m)) > 0 for r in constraints):
                continue
            value = sum(ci * xi for ci, xi in zip(c, x, strict=True))
            best = value if best is None or value > best else best
    assert best is not None
    return best


def _solve(matrix: list[list[Fraction]], rhs: list[Fraction]) -> list[Fraction] | None:
    size = len(matrix)
    aug = [[*row, b] for row, b in zip(matrix, rhs, strict=True)]
    for col in range(size):
        pivot = next((r for r in range(col, size) if aug[r][col] != 0), None)
        if pivot is None:
            return None
        aug[col], aug[pivot] = aug[pivot], aug[col]
        for r in range(size):
            if r != col and aug[r][col] != 0:
                f = aug[r][col] / aug[col][col]
                aug[r] = [v - f * w for v, w in zip(aug[r], aug[col], strict=True)]
    return [aug[r][-1] / aug[r][r] for r in range(size)]


def test_the_classic_commitment_game_beats_the_nash_value() -> None:
    """Conitzer & Sandholm (2006, §1): the row player commits to (½, ½) in the limit and earns 3.5 against 2 in the
    unique Nash equilibrium (row's Up strictly dominates, so Nash is (Up, Left) with payoff 2)."""
    a = np.array([[2.0, 4.0], [1.0, 3.0]])
    b = np.array([[1.0, 0.0], [0.0, 1.0]])
    strong = commitment_equilibrium(a, b)
    assert strong.leader == pytest.approx([0.5, 0.5])
    assert strong.responses == (1,)
    assert strong.leader_value == pytest.approx(3.5)
    assert strong.certificate.exact
    assert strong.certificate.value == Fraction(7, 2)
    assert strong.tight == ((0,),)  # the follower is kept exactly indifferent to Left
    (nash,) = equilibria(a, b)
    assert strong.leader_value >= nash.row_payoff
    weak = commitment_equilibrium(a, b, tie_breaking="weak")
    assert weak.leader_value == pytest.approx(3.5)
    assert not weak.attained  # a supremum: the follower breaks the tie toward Left at exactly (½, ½)


def test_two_types_of_follower_are_answered_by_one_commitment() -> None:
    """Type 1 is the follower above; type 2 always prefers Right. Committing to Down gets Right from both."""
    a = np.array([[[2.0, 4.0], [1.0, 3.0]]] * 2)
    b = np.array([[[1.0, 0.0], [0.0, 1.0]], [[0.0, 1.0], [0.0, 1.0]]])
    solution = commitment_equilibrium(a, b, priors=[0.5, 0.5])
    assert solution.responses == (1, 1)
    assert solution.leader_value == pytest.approx(3.5)
    assert solution.col == pytest.approx([0.0, 1.0])


games = st.integers(2, 4).flatmap(
    lambda m: st.integers(2, 3).flatmap(
        lambda n: st.tuples(
            st.lists(st.integers(-5, 5), min_size=m * n, max_size=m * n),
            st.lists(st.integers(-5, 5), min_size=m * n, max_size=m * n),
        ).map(lambda ab: (np.array(ab[0], float).reshape(m, n), np.array(ab[1], float).reshape(m, n)))
    )
)


@settings(max_examples=60, deadline=None)
@given(games)
def test_the_strong_value_equals_brute_force_vertex_enumeration(game: tuple[np.ndarray, np.ndarray]) -> None:
    a, b = game  # small integer payoffs: full of ties and degenerate regions
    solution = commitment_equilibrium(a, b)
    exact = _brute_force_value([a], [b], [Fraction(1)])
    assert solution.leader_value == pytest.approx(float(exact), abs=1e-9)
    assert solution.leader == pytest.approx(np.clip(solution.leader, 0, None))
    assert solution.leader.sum() == pytest.approx(1.0)
    j = solution.responses[0]
    assert solution.leader @ b[:, j] >= (solution.leader @ b).max() - 1e-9  # the response is a best response
    if solution.certificate.exact:
        assert solution.certificate.value == exact


@settings(max_examples=25, deadline=None)
@given(games, games)
def test_two_types_equal_brute_force(
    first: tuple[np.ndarray, np.ndarray], second: tuple[np.ndarray, np.ndarray]
) -> None:
    if first[0].shape != second[0].shape:
        return
    a = [first[0], second[0]]
    b = [first[1], second[1]]
    priors = [Fraction(1, 3), Fraction(2, 3)]
    solution = commitment_equilibrium(np.stack(a), np.stack(b), priors=[1 / 3, 2 / 3])
    assert solution.leader_value == pytest.approx(float(_brute_force_value(a, b, priors)), abs=1e-9)


@settings(max_examples=40, deadline=None)
@given(games)
def test_breaking_ties_against_the_leader_never_pays_it_more(game: tuple[np.ndarray, np.ndarray]) -> None:
    a, b = game
    strong = commitment_equilibrium(a, b)
    try:
        weak = commitment_equilibrium(a, b, tie_breaking="weak")
    except ValueError:  # claimed: no response is ever strictly best, so the weak value is undefined
        x = np.random.default_rng(0).dirichlet(np.ones(len(b)), 500)
        values = np.sort(x @ b, axis=1)
        assert (values[:, -1] - values[:, -2] < 1e-9).all()  # the best response is never unique
        return
    assert weak.leader_value <= strong.leader_value + 1e-9


@pytest.mark.parametrize("seed", range(20))
def test_float_games_are_certified_exactly(seed: int) -> None:
    rng = np.random.default_rng(seed)
    a, b = rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    solution = commitment_equilibrium(a, b)
    assert solution.certificate.exact
    assert float(solution.certificate.value) == pytest.approx(solution.leader_value, abs=1e-12)
    assert solution.leader_value >= max(eq.row_payoff for eq in equilibria(a, b)) - 1e-9  # von Stengel & Zamir


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="priors"):
        commitment_equilibrium(np.zeros((2, 2, 2)), np.zeros((2, 2, 2)), priors=[0.3, 0.3])
    with pytest.raises(ValueError, match="tie_breaking"):
        commitment_equilibrium(np.eye(2), np.eye(2), tie_breaking="optimistic")  # type: ignore[arg-type]


def test_on_the_linear_form_the_deterrence_case_commits_to_the_risk_the_patron_tolerates() -> None:
    """ε = 4, β = 12, red-line terms linear in the portfolio: the patron acquiesces while 2(1 − x) − 22x ≥ −4,
    i.e. x ≤ ¼; the small state's 10 + 6x is best at x = ¼ (23/2). A linear form trades a red line for value."""
    solution = commitment_equilibrium(*payoff_matrices(deterrence_scenario(4.0, 12.0)))
    assert solution.row == pytest.approx([0.75, 0.25])
    assert solution.certificate.value == Fraction(23, 2)
    assert solution.tight == ((1,),)


@pytest.mark.parametrize(("tolerance", "portfolio", "value"), [(0.0, [1.0, 0.0], 10), (0.5, [0.5, 0.5], 13)])
def test_with_a_threshold_the_patron_answers_the_line_not_the_weight(
    tolerance: float, portfolio: list[float], value: int
) -> None:
    """Red lines as thresholds. Before the line the patron acquiesces while 2(1 − x) − 10x ≥ −4 (x ≤ ½) and the
    small state earns 10 + 6x; across it the lump stake β makes the patron punish and the small state earns at most
    −14. τ = 0: comply (10). τ = ½: exactly the tolerated weight, x = ½ (13), the patron indifferent there."""
    scenario = deterrence_scenario(4.0, 12.0).with_values(red_line_tolerance=tolerance)
    result = solve_view(scenario, "commitment")
    (solution,) = result.profiles
    assert isinstance(solution, CommitmentSolution)
    assert solution.row == pytest.approx(portfolio)
    assert solution.col == pytest.approx([1.0, 0.0])
    assert solution.crossed == (False,)
    assert solution.exposure_at_tolerance == (tolerance > 0)  # at τ = ½ the portfolio sits on the line
    assert solution.certificate.exact
    assert solution.certificate.value == value
    (reading,) = result.readings
    assert "own payoffs" in reading.pinned_by


def test_a_threshold_game_equals_a_dense_search_over_the_simplex() -> None:
    """Three instruments, one across the line; brute force over a fine grid of portfolios, the patron answering
    each with its best response on the portfolio's side of the line (ties to the leader)."""
    rng = np.random.default_rng(3)
    for _ in range(15):
        below, across = rng.integers(-5, 6, (2, 3, 2)).astype(float), rng.integers(-5, 6, (2, 3, 2)).astype(float)
        exposure, tau = np.array([0.0, 0.0, 1.0]), 0.3
        solution = threshold_commitment(([below[0]], [below[1]]), ([across[0]], [across[1]]), exposure, [tau])
        grid = np.array([(i, j, 200 - i - j) for i in range(201) for j in range(201 - i)]) / 200
        best = -np.inf
        for x in grid:
            a, b = across if x @ exposure > tau + 1e-12 else below
            values = x @ b
            leader = x @ a
            best = max(best, leader[values >= values.max() - 1e-12].max())
        assert best <= solution.leader_value + 1e-9  # nothing on the grid beats the certified optimum
        assert best >= solution.leader_value - 0.2  # and the grid comes close to it (5e-3 steps, payoffs ≤ 5)


def test_belarus_commitment_per_patron_type_is_certified() -> None:
    scenario = load_scenario("belarus-2014")
    solution = commitment_solution(scenario)
    assert len(solution.responses) == len(scenario.patron_types)
    assert solution.certificate.exact
    assert solution.leader_value >= max(eq.row_payoff for eq in solve_view(scenario, "bayesian").profiles) - 1e-9


def _grid_values(
    below: np.ndarray, across: np.ndarray, exposure: np.ndarray, taus: list[float], priors: list[float]
) -> tuple[float, float]:
    """Brute force by definition over a fine grid of portfolios: max over x of the leader's value when every type
    answers with a best response on its side of its line, ties broken for (strong) or against (weak) the leader."""
    grid = np.array([(i, j, 60 - i - j) for i in range(61) for j in range(61 - i)]) / 60
    strong = weak = -np.inf
    for x in grid:
        best = worst = 0.0
        for t, (tau, prior) in enumerate(zip(taus, priors, strict=True)):
            a, b = across[t] if x @ exposure > tau + 1e-12 else below[t]
            follower = x @ b
            ties = follower >= follower.max() - 1e-12
            leader = x @ a
            best += prior * leader[ties].max()
            worst += prior * leader[ties].min()
        strong, weak = max(strong, best), max(weak, worst)
    return strong, weak


@pytest.mark.parametrize("seed", range(12))
def test_two_types_with_different_tolerances_match_brute_force_under_both_rules(seed: int) -> None:
    rng = np.random.default_rng(seed)
    below = rng.integers(-5, 6, (2, 2, 3, 2)).astype(float)  # type × (A, B) × instruments × responses
    across = rng.integers(-5, 6, (2, 2, 3, 2)).astype(float)
    exposure, taus, priors = np.array([1.0, 0.0, 0.0]), [0.0, 0.4], [0.5, 0.5]
    strong_grid, weak_grid = _grid_values(below, across, exposure, taus, priors)
    for rule, grid in (("strong", strong_grid), ("weak", weak_grid)):
        try:
            solution = threshold_commitment(
                (list(below[:, 0]), list(below[:, 1])), (list(across[:, 0]), list(across[:, 1])), exposure, taus,
                priors=priors, tie_breaking=rule,  # type: ignore[arg-type]
            )  # fmt: skip
        except ValueError:  # weak undefined: no profile is ever strictly best
            assert rule == "weak"
            continue
        assert grid <= solution.leader_value + 1e-9, rule  # no portfolio beats the certified value ...
        assert solution.leader_value - grid <= 0.5, rule  # ... and the grid, in steps of 1/60, comes close to it


def test_without_a_crossing_instrument_the_line_is_never_crossed() -> None:
    """No instrument crosses the line, so no slab lies above it: the payoffs across the line never apply."""
    below = [np.array([[0.0, 0.0], [0.0, 0.0]])], [np.array([[0.0, 1.0], [1.0, 1.0]])]
    across = [np.array([[5.0, 5.0], [5.0, 5.0]])], [np.array([[1.0, 0.0], [1.0, 0.0]])]
    solution = threshold_commitment(below, across, [0.0, 0.0], [0.0])
    assert solution.leader_value == pytest.approx(0.0)
    assert solution.crossed == (False,)


def test_the_weak_rule_finds_the_portfolio_before_a_zero_tolerance_line() -> None:
    """Committing to comply makes the patron strictly prefer to acquiesce (2 against −ε), so the weak value is 10,
    attained, as the strong one."""
    scenario = deterrence_scenario(4.0, 12.0)
    for rule in ("strong", "weak"):
        (solution,) = solve_view(scenario, "commitment", tie_breaking=rule).profiles  # type: ignore[arg-type]
        assert solution.row == pytest.approx([1.0, 0.0])
        assert isinstance(solution, CommitmentSolution)
        assert solution.leader_value == pytest.approx(10.0)
        assert solution.attained
        assert not solution.exposure_at_tolerance  # no weight across the line: nothing sits on the tolerance


@pytest.mark.parametrize("seed", range(10))
def test_a_second_pole_that_also_follows_matches_brute_force(seed: int) -> None:
    """Star three-player commitment: the leader earns x·A_P[:, r] + x·A_Q[:, q] and both followers best-respond to
    x (ties to the leader); checked by definition over a fine grid of portfolios."""
    rng = np.random.default_rng(100 + seed)
    a_p, b_p, a_q, b_q = (rng.integers(-5, 6, (3, 2)).astype(float) for _ in range(4))
    exposure, tau = np.array([1.0, 0.0, 0.0]), 0.3
    across = a_p - 4.0, b_p + np.array([[0.0, 3.0]] * 3)  # crossing the line changes the patron's game only
    solution = threshold_commitment(([a_p], [b_p]), ([across[0]], [across[1]]), exposure, [tau], second_pole=(a_q, b_q))
    grid = np.array([(i, j, 60 - i - j) for i in range(61) for j in range(61 - i)]) / 60
    best = -np.inf
    for x in grid:
        a, b = across if x @ exposure > tau + 1e-12 else (a_p, b_p)
        patron, pole = x @ b, x @ b_q
        best = max(best, (x @ a)[patron >= patron.max() - 1e-12].max() + (x @ a_q)[pole >= pole.max() - 1e-12].max())
    assert best <= solution.leader_value + 1e-9
    assert solution.leader_value - best <= 0.5
    assert solution.pole is not None
    assert solution.pole @ (solution.leader @ b_q) == pytest.approx((solution.leader @ b_q).max())  # a best response


def test_the_three_player_commitment_view_names_the_second_poles_answer() -> None:
    result = solve_view(load_scenario("belarus-2014"), "three-player-commitment")
    (solution,) = result.profiles
    assert isinstance(solution, CommitmentSolution)
    assert solution.pole is not None
    assert solution.certificate.exact
    assert any(note.startswith("European Union answers with") for note in result.notes)


def test_the_library_call_takes_a_labelled_game_or_one_game_per_type() -> None:
    belarus = load_scenario("belarus-2014")
    game = build_game(belarus)
    from_game = commitment_equilibrium(game)
    from_arrays = commitment_equilibrium(game.row_payoffs, game.col_payoffs)
    assert from_game.leader == pytest.approx(from_arrays.leader)
    typed = [build_game(belarus.with_values(**t.overrides)) for t in belarus.patron_types]
    by_type = commitment_equilibrium(types=typed, priors=[t.prior for t in belarus.patron_types])
    stacked = commitment_equilibrium(np.stack([g.row_payoffs for g in typed]), np.stack([g.col_payoffs for g in typed]))
    assert by_type.leader_value == pytest.approx(stacked.leader_value)
    with pytest.raises(ValueError, match="not both"):
        commitment_equilibrium(game.row_payoffs, game.col_payoffs, types=typed)
