"""The equilibrium methods: one algorithm per module, each returning a verified :class:`EquilibriumSet`.

* :mod:`~solver.equilibria.methods.labelled_vertices` — ``"labelled-vertices"``: every extreme equilibrium by
  basis enumeration of the best-response polytopes, degenerate games included;
* :mod:`~solver.equilibria.methods.compiled_vertices` — the same, compiled, for one small game in one call
  (what ``"auto"`` runs on small games), its result assembled when read;
* :mod:`~solver.equilibria.methods.lex_pivoting` — ``"lex-pivoting"``: the same by lexicographic pivoting,
  lrs-style, for larger games;
* :mod:`~solver.equilibria.methods.auto` — ``"auto"``: which of the two a game's shape gets, and the exact path
  behind both for games floats cannot resolve;
* :mod:`~solver.equilibria.methods.exact` — ``exact=True``: the labelled-vertex method in rationals, each
  equilibrium with an exact certificate;
* :mod:`~solver.equilibria.methods.batch` — ``equilibria_batch``: stacks of games of one shape, compiled;
* :mod:`~solver.equilibria.methods.nashpy_engine` — ``"nashpy-vertex"`` and ``"nashpy-support"``: nashpy behind
  safeguards.

The package imports nothing itself (``from solver.equilibria.methods.<module> import …``), so that modules here
and in :mod:`solver.equilibria.core` and :mod:`solver.equilibria.kernels` import one another without cycles.
"""
