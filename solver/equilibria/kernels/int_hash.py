"""Open-addressing hash tables of non-negative ``int64`` keys for compiled kernels.

A table is a pair of arrays ``(keys, values)`` whose length is a power of two; ``-1`` marks an empty slot.
Linear probing from a multiplicative hash (Knuth 1998, *The Art of Computer Programming* vol. 3, §6.4).
Bases (as bit masks of basic variables) and label masks are the keys of the pivoting kernels.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from solver.equilibria.kernels.jit import compiled

IntArray = NDArray[np.int64]

EMPTY = -1


@compiled
def new_table(expected: int) -> tuple[IntArray, IntArray]:
    """An empty table with room for ``expected`` keys at load factor at most one half."""
    size = 16
    while size < 2 * expected:
        size *= 2
    return np.full(size, EMPTY, dtype=np.int64), np.empty(size, dtype=np.int64)


@compiled
def slot(keys: IntArray, key: int) -> int:
    """The slot holding ``key``, or the empty slot where it would go."""
    mask = keys.shape[0] - 1
    mixed = key * -7046029254386353131  # Fibonacci hashing: 2⁶⁴ / golden ratio, as a signed int64
    position = (mixed ^ (mixed >> 31)) & mask
    while keys[position] != EMPTY and keys[position] != key:
        position = (position + 1) & mask
    return int(position)


@compiled
def lookup(keys: IntArray, values: IntArray, key: int) -> int:
    """The value stored under ``key``, or ``-1``."""
    position = slot(keys, key)
    return int(values[position]) if keys[position] == key else EMPTY


@compiled
def grown(keys: IntArray, values: IntArray, count: int) -> tuple[IntArray, IntArray]:
    """The same table, rehashed into twice the space once ``count`` keys fill half of it."""
    if 2 * (count + 1) <= keys.shape[0]:
        return keys, values
    new_keys = np.full(2 * keys.shape[0], EMPTY, dtype=np.int64)
    new_values = np.empty(2 * keys.shape[0], dtype=np.int64)
    for old in range(keys.shape[0]):
        if keys[old] != EMPTY:
            position = slot(new_keys, keys[old])
            new_keys[position] = keys[old]
            new_values[position] = values[old]
    return new_keys, new_values
