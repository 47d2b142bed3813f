"""Studies: what a scenario's reading does over many parameter points, for any view.

* :mod:`~solver.studies.sweeps` — a view solved over a grid or a sample, resumable, local or on Dask;
* :mod:`~solver.studies.sensitivity` — Sobol' indices of the reading over the plausible box;
* :mod:`~solver.studies.robustness` — the share of the box in which each label holds;
* :mod:`~solver.studies.phase` — phase diagrams: which label holds where in a plane;
* :mod:`~solver.studies.tracking` — solutions followed as one parameter moves;
* :mod:`~solver.studies.selection` — one value per point where a point has several solutions;
* :mod:`~solver.studies.comparative_statics` — Walt's hypotheses as signed effects;
* :mod:`~solver.studies.stability` — equilibria under learning dynamics (two-player view).
"""
