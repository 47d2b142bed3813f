"""Solution concepts other than the simultaneous game's Nash equilibria (those are :mod:`solver.equilibria`).

* :mod:`~solver.concepts.sequential` — subgame-perfect equilibria by backward induction, red-line credibility;
* :mod:`~solver.concepts.qre` — logit quantal response equilibria, the principal branch by path following;
* :mod:`~solver.concepts.three_player` — the star polymatrix game solved through one two-player game;
* :mod:`~solver.concepts.commitment` — Stackelberg commitment to a mixed strategy, LP-certified in rationals.

Each view of :mod:`solver.views` builds its game and calls one of these (or the Nash engine).
"""
