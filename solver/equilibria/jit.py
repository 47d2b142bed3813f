"""Typed wrappers around numba's compiler, so that compiled kernels keep their signatures for mypy.

Kernels are written as plain, typed Python functions over numpy arrays and compiled on first call; numba
caches the machine code on disk (``cache=True``), so only the first process pays for compilation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import numba

Function = TypeVar("Function", bound=Callable[..., Any])


def compiled(function: Function) -> Function:
    """Compile ``function`` in numba's nopython mode, releasing the GIL."""
    return cast(Function, numba.njit(cache=True, nogil=True)(function))


def compiled_parallel(function: Function) -> Function:
    """Compile ``function`` with ``numba.prange`` loops spread over the CPU's cores."""
    return cast(Function, numba.njit(cache=True, nogil=True, parallel=True)(function))
