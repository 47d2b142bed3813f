"""Equilibrium for equilibrium agreement with the exact path on a seeded corpus, and of the exact path with Gambit."""

from __future__ import annotations

import pytest

from solver.equilibria import equilibria
from tests.corpus import CORPUS, gambit_equilibria, oracle_equilibria
from tests.oracle import unmatched


@pytest.mark.oracle
@pytest.mark.parametrize("family", sorted(CORPUS))
def test_every_extreme_equilibrium_matches_the_exact_path(family: str) -> None:
    failures = []
    for index, (a, b) in enumerate(CORPUS[family]):
        missing, extra = unmatched(equilibria(a, b), oracle_equilibria(family, index))
        if missing or extra:
            failures.append(f"game {index}: missing {missing}, extra {extra}")
    assert not failures, f"{len(failures)} of {len(CORPUS[family])} {family} games disagree:\n" + "\n".join(
        failures[:5]
    )


@pytest.mark.oracle
@pytest.mark.gambit
@pytest.mark.parametrize("family", sorted(CORPUS))
def test_exact_path_matches_gambit_on_the_corpus(family: str) -> None:
    """The independent cross-check of the oracle itself: Gambit's rational ``enummixed``, game for game."""
    failures = []
    for index, (a, b) in enumerate(CORPUS[family]):
        exact = equilibria(a, b, exact=True)
        missing, extra = unmatched(exact, gambit_equilibria(family, index))
        if missing or extra:
            failures.append(f"game {index}: missing {missing}, extra {extra}")
    assert not failures, f"{len(failures)} of {len(CORPUS[family])} {family} games disagree:\n" + "\n".join(
        failures[:5]
    )


def test_corpus_exercises_degenerate_games() -> None:
    """The corpus is only a test of degenerate handling if it contains degenerate games and continua."""
    results = [equilibria(a, b) for a, b in CORPUS["integer"] + CORPUS["degenerate"]]
    assert sum(r.degenerate for r in results) >= 50
    assert sum(r.has_continuum for r in results) >= 20
