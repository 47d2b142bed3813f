"""The labelled two-player game built from a scenario, and the explanation of any of its cells."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from games.gambit_files import StrategicGame, write_sequential_efg
from games.payoffs import PayoffTerm, payoff_terms, sum_terms
from games.scenario import Scenario

if TYPE_CHECKING:
    import pandas as pd

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class CellExplanation:
    """The payoffs of one cell as named terms that sum to them.

    ``terms`` holds ``(player, term name, formula, value)`` tuples; ``small_state`` and ``patron`` are the
    cell's payoffs, equal to the sums of their players' terms.
    """

    instrument: str
    response: str
    terms: tuple[tuple[str, str, str, float], ...]
    small_state: float
    patron: float

    def to_frame(self) -> pd.DataFrame:
        """The terms as a table with columns player, term, formula, value."""
        import pandas as pd

        return pd.DataFrame(self.terms, columns=["player", "term", "formula", "value"])


@dataclass(frozen=True)
class TwoPlayerGame:
    """A bimatrix game with labels: rows are the small state's instruments, columns the patron's responses.

    ``row_payoffs`` (the small state's) and ``col_payoffs`` (the patron's) are plain numpy arrays, so the game
    can be passed to any solver, e.g. ``solver.equilibria(game)`` or ``nashpy.Game(*game.matrices)``.
    """

    scenario: Scenario
    row_ids: tuple[str, ...]
    row_labels: tuple[str, ...]
    col_ids: tuple[str, ...]
    col_labels: tuple[str, ...]
    row_payoffs: FloatArray
    col_payoffs: FloatArray
    terms: tuple[PayoffTerm, ...]

    @property
    def matrices(self) -> tuple[FloatArray, FloatArray]:
        """``(A, B)`` as a tuple."""
        return self.row_payoffs, self.col_payoffs

    @property
    def shape(self) -> tuple[int, int]:
        """``(instruments, responses)``."""
        return self.row_payoffs.shape[0], self.row_payoffs.shape[1]

    def row_index(self, key: str | int) -> int:
        """Index of an instrument given by id, label or position."""
        return _index(key, self.row_ids, self.row_labels, "instrument")

    def col_index(self, key: str | int) -> int:
        """Index of a response given by id, label or position."""
        return _index(key, self.col_ids, self.col_labels, "response")

    def explain(self, row: str | int, col: str | int) -> CellExplanation:
        """Decompose the cell (instrument ``row``, response ``col``) into its named payoff terms."""
        i, j = self.row_index(row), self.col_index(col)
        return CellExplanation(
            instrument=self.row_labels[i],
            response=self.col_labels[j],
            terms=tuple((t.player, t.name, t.formula, float(t.values[i, j]) + 0.0) for t in self.terms),
            small_state=float(self.row_payoffs[i, j]),
            patron=float(self.col_payoffs[i, j]),
        )

    def to_strategic(self) -> StrategicGame:
        """The game in the interchange form written to Gambit ``.nfg`` files (player names and labels kept)."""
        info = self.scenario.scenario
        return StrategicGame(
            title=info.title,
            players=(info.small_state, info.patron),
            strategies=(self.row_labels, self.col_labels),
            payoffs=(self.row_payoffs, self.col_payoffs),
        )

    def to_efg(self) -> str:
        """The sequential view (the patron observes the instrument, then responds) as a Gambit ``.efg`` file."""
        info = self.scenario.scenario
        return write_sequential_efg(
            f"{info.title} (sequential)", (info.small_state, info.patron), self.row_labels, self.col_labels,
            self.row_payoffs, self.col_payoffs,
        )  # fmt: skip

    def payoff_frames(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Both payoff matrices as DataFrames indexed by instrument and response labels."""
        import pandas as pd

        return tuple(  # type: ignore[return-value]
            pd.DataFrame(m, index=list(self.row_labels), columns=list(self.col_labels)) for m in self.matrices
        )


def _index(key: str | int, ids: tuple[str, ...], labels: tuple[str, ...], kind: str) -> int:
    if isinstance(key, int) or (isinstance(key, str) and key.isdigit()):
        position = int(key)
        if not 0 <= position < len(ids):
            raise KeyError(f"{kind} index {position} is out of range 0..{len(ids) - 1}")
        return position
    for names in (ids, labels):
        if key in names:
            return names.index(key)
    raise KeyError(f"unknown {kind} {key!r}; choose one of: {', '.join(ids)}")


def build_game(scenario: Scenario) -> TwoPlayerGame:
    """Build the labelled two-player game (small state × patron) of a validated scenario."""
    terms = payoff_terms(scenario)
    row_payoffs, col_payoffs = sum_terms(terms)
    return TwoPlayerGame(
        scenario=scenario,
        row_ids=tuple(i.id for i in scenario.instruments),
        row_labels=tuple(i.label for i in scenario.instruments),
        col_ids=tuple(r.id for r in scenario.responses),
        col_labels=tuple(r.label for r in scenario.responses),
        row_payoffs=row_payoffs,
        col_payoffs=col_payoffs,
        terms=terms,
    )
