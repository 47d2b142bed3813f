"""Equilibrium for equilibrium agreement with Gambit's exact enumeration on a seeded corpus of games."""

from __future__ import annotations

import pytest

from solver.equilibria import equilibria
from tests.corpus import CORPUS
from tests.oracle import gambit_extreme_equilibria, unmatched


@pytest.mark.oracle
@pytest.mark.parametrize("family", sorted(CORPUS))
def test_every_extreme_equilibrium_matches_gambit(family: str) -> None:
    failures = []
    for index, (a, b) in enumerate(CORPUS[family]):
        ours = equilibria(a, b)
        missing, extra = unmatched(ours, gambit_extreme_equilibria(a, b))
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
