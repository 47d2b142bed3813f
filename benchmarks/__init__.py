"""Benchmarks of the equilibrium engine against the solvers a researcher can install.

Run ``python -m benchmarks.run`` (add ``--quick`` for a smoke run); see ``benchmarks/run.py``.
Needs the ``bench`` extra (``pip install -e '.[bench]'``); lrsnash is used when it is on the PATH.
"""
