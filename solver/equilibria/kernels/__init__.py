"""numba-compiled kernels: array code with no Python per basis, vertex or game, called by the methods.

* :mod:`~solver.equilibria.kernels.jit` — typed wrappers around numba's compiler;
* :mod:`~solver.equilibria.kernels.int_hash` — open-addressing hash tables of ``int64`` keys;
* :mod:`~solver.equilibria.kernels.cramer` — Cramer's rule for the systems of order ``k ≤ 4``;
* :mod:`~solver.equilibria.kernels.dominance` — strict dominance, as polytope constraints never tight;
* :mod:`~solver.equilibria.kernels.completely_labelled` — completely labelled vertex pairs matched by label masks;
* :mod:`~solver.equilibria.kernels.lex_vertices` — every vertex of a polytope by lexicographic pivoting (the
  vertex enumerator behind ``"lex-pivoting"``);
* :mod:`~solver.equilibria.kernels.basis_filter` — labels of every small basis, vectorised over a block of games;
* :mod:`~solver.equilibria.kernels.basis_kernel` — the labelled-vertex method for stacks of small games (behind
  ``equilibria_batch``);
* :mod:`~solver.equilibria.kernels.one_game` — the same for one game, with the regret check, in one call.
* :mod:`~solver.equilibria.kernels.pivoting_stack` — lexicographic pivoting for stacks of games past the basis
  limit (``equilibria_batch`` on larger shapes), the lean result in parallel.

numba's disk cache does not notice when a function a kernel calls changes: after editing one, run with a fresh
``NUMBA_CACHE_DIR``. The package imports nothing itself (``from solver.equilibria.kernels.<module> import …``).
"""
