"""Phase diagrams: which hedging label holds where in a plane of two parameters.

A point's *phase* is the set of labels of its extreme equilibria, written ``"hedging"`` when they agree and
``"hedging | other"`` when the point has several equilibria read differently. Points with several equilibria
are flagged even when their labels agree (``multiple``), because which one is played is then open.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from games import Scenario, load_scenario
from solver.portfolio import ReadingRules
from solver.studies.sweeps import sweep
from solver.studies.sweeps.backends import Backend, SerialBackend
from solver.studies.sweeps.spec import SweepSpec
from solver.views import ViewName, ViewOptions


def phases(table: pd.DataFrame, parameters: Sequence[str]) -> pd.DataFrame:
    """One row per point: its parameter values, ``phase`` (labels joined by ``" | "``), ``equilibria``, ``multiple``.

    Examples
    --------
    >>> table = pd.DataFrame({"point": [0, 1, 1], "x": [0.0, 1.0, 1.0], "equilibria": [1, 2, 2],
    ...                       "label": ["hedging", "other", "hedging"]})
    >>> phases(table, ["x"])[["x", "phase", "multiple"]].to_dict("records")
    [{'x': 0.0, 'phase': 'hedging', 'multiple': False}, {'x': 1.0, 'phase': 'hedging | other', 'multiple': True}]
    """
    grouped = table.groupby("point", sort=True)
    frame = grouped[[*parameters, "equilibria"]].first()
    frame["phase"] = grouped["label"].agg(lambda labels: " | ".join(sorted(set(labels))))
    frame["multiple"] = frame["equilibria"] > 1
    return frame.reset_index()


def phase_diagram(
    scenario: Scenario | str,
    x: str,
    y: str,
    *,
    rules: ReadingRules | None = None,
    view: ViewName = "two-player",
    options: ViewOptions | None = None,
    backend: Backend | None = None,
    quiet: bool = True,
) -> pd.DataFrame:
    """Sweep the plane ``x × y`` (each ``name=start:stop:count``) in ``view`` and return its :func:`phases`.

    The sweep runs in this process unless given another ``backend``.
    """
    case = load_scenario(scenario) if isinstance(scenario, str) else scenario
    table = sweep(
        case, [x, y], rules=rules, view=view, options=options, backend=backend or SerialBackend(), quiet=quiet
    )
    names = SweepSpec.of_table(table).names
    frame = phases(table, names)
    frame.attrs["sweep"] = table.attrs["sweep"]
    return frame
