"""What every method shares: the result objects, their assembly and verification, polytopes and rationals.

* :mod:`~solver.equilibria.core.result` — the objects returned: ``Equilibrium``, ``EquilibriumSet``,
  ``DegeneracyWitness``, ``ExactProfile``;
* :mod:`~solver.equilibria.core.assembly` — the shared result assembly: verified profiles sorted and grouped into
  Nash subsets and components, and the degeneracy report;
* :mod:`~solver.equilibria.core.deferred` — values computed on first read (the parts of a result assembled
  late);
* :mod:`~solver.equilibria.core.components` — maximal Nash subsets and connected components;
* :mod:`~solver.equilibria.core.verification` — the regret check every returned float profile passes;
* :mod:`~solver.equilibria.core.polytope` — vertices of the best-response polytopes by basis enumeration, and the
  float methods' tolerance;
* :mod:`~solver.equilibria.core.payoff_checks` — what the float methods accept (finite payoffs, spans in range);
* :mod:`~solver.equilibria.core.rationals` — payoffs as exact rationals and positive integer matrices;
* :mod:`~solver.equilibria.core.exact_polytope` — the polytopes' vertices in exact arithmetic;
* :mod:`~solver.equilibria.core.exact_verification` — the exact certificate of an equilibrium.

The package imports nothing itself, so that its modules stay importable from the methods and kernels alike.
"""
