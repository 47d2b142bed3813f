"""Views: one scenario read as different games, each solved behind one protocol into results of one shape.

* :mod:`~solver.views.base` — the :class:`View` protocol (solve one point, solve a stack of points);
* :mod:`~solver.views.result` — :class:`ViewResult`, :class:`PointSolutions`, :class:`ViewOptions`;
* one module per view: :mod:`~solver.views.two_player`, :mod:`~solver.views.sequential`,
  :mod:`~solver.views.bayesian`, :mod:`~solver.views.qre`, :mod:`~solver.views.three_player`,
  :mod:`~solver.views.commitment` (with and without the second pole as a follower);
* :mod:`~solver.views.nash` — the Nash-equilibrium result and stack shared by the bimatrix views;
* :mod:`~solver.views.registry` — choosing a view by name; :func:`solve_view`, :func:`compare_views`.

The public names below are imported from their modules on first use (:mod:`games.lazy`): the command line reads
the views' names and options without loading every view's solver.
"""

from typing import TYPE_CHECKING

from games.lazy import lazy_exports

if TYPE_CHECKING:
    from solver.views.base import View
    from solver.views.commitment import COMMITMENT_PINNING, commitment_solution
    from solver.views.qre import QRE_RULES
    from solver.views.registry import (
        REGISTRY,
        check_declared,
        compare_views,
        get_view,
        solve_view,
        used_options,
        view_parameters,
        view_rules,
    )
    from solver.views.result import (
        DEFAULT_PRECISION,
        NO_COMPONENT,
        VIEWS,
        PointSolutions,
        ViewName,
        ViewOptions,
        ViewResult,
    )
else:
    __getattr__, __dir__ = lazy_exports(
        __name__,
        {
            "solver.views.base": ("View",),
            "solver.views.commitment": ("COMMITMENT_PINNING", "commitment_solution"),
            "solver.views.qre": ("QRE_RULES",),
            "solver.views.registry": (
                "REGISTRY",
                "check_declared",
                "compare_views",
                "get_view",
                "solve_view",
                "used_options",
                "view_parameters",
                "view_rules",
            ),
            "solver.views.result": (
                "DEFAULT_PRECISION",
                "NO_COMPONENT",
                "VIEWS",
                "PointSolutions",
                "ViewName",
                "ViewOptions",
                "ViewResult",
            ),
        },
    )

__all__ = [
    "COMMITMENT_PINNING",
    "DEFAULT_PRECISION",
    "NO_COMPONENT",
    "QRE_RULES",
    "REGISTRY",
    "VIEWS",
    "PointSolutions",
    "View",
    "ViewName",
    "ViewOptions",
    "ViewResult",
    "check_declared",
    "commitment_solution",
    "compare_views",
    "get_view",
    "solve_view",
    "used_options",
    "view_parameters",
    "view_rules",
]
