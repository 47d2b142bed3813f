"""Typed wrappers around numba's compiler, so that compiled kernels keep their signatures for mypy.

Kernels are written as plain, typed Python functions over numpy arrays and compiled on first call; numba
caches the machine code on disk (``cache=True``), so only the first process pays for compilation.

Every kernel uses numpy's error model: a floating-point division by zero gives ``inf`` or ``nan`` as in IEEE
arithmetic instead of raising, which lets loops over games compile to vector instructions. Code that divides
checks its divisor first, or discards the result (a singular system is reported by its own test).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import numba

Function = TypeVar("Function", bound=Callable[..., Any])


def compiled(function: Function) -> Function:
    """Compile ``function`` in numba's nopython mode, releasing the GIL."""
    return cast(Function, numba.njit(cache=True, nogil=True, error_model="numpy")(function))


def compiled_inline(function: Function) -> Function:
    """:func:`compiled`, and inlined into every compiled caller (so that loops calling it can be vectorised)."""
    return cast(Function, numba.njit(cache=True, nogil=True, error_model="numpy", inline="always")(function))


def compiled_parallel(function: Function) -> Function:
    """Compile ``function`` with ``numba.prange`` loops spread over the CPU's cores."""
    return cast(Function, numba.njit(cache=True, nogil=True, error_model="numpy", parallel=True)(function))


def interpreted(function: Function) -> Function:
    """The plain Python function behind a compiled kernel: the same code, run by the interpreter, compiling nothing.

    For a caller that runs a kernel a few times in a process (the command line's single games,
    :mod:`solver.single_games`), where numba's first compilation would cost more than all the runs.
    """
    return cast(Function, getattr(function, "py_func", function))
