"""Completely labelled vertex pairs ``(x, y)``: the extreme equilibria, matched by label masks.

Labels are bits: ``i`` for row strategy ``i``, ``m + j`` for column strategy ``j``. A vertex ``x`` of ``P`` and
``y`` of ``Q`` form an extreme equilibrium exactly when ``mask(x) | mask(y)`` has all ``m + n`` bits (von
Stengel 2002, Thm. 3.1). Every vertex carries at least its polytope's dimension of labels, so for a vertex
``x`` with exactly ``m`` labels the ``n`` missing ones fix the mask of a partner ``y`` with exactly ``n``
labels: a hash lookup. Only vertices with surplus labels — the witnesses of degeneracy — need a scan.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from solver.equilibria.kernels.int_hash import lookup, new_table, slot
from solver.equilibria.kernels.jit import compiled

IntArray = NDArray[np.int64]

#: Up to this many vertex pairs, testing every pair is cheaper than building a hash table.
SCAN_LIMIT = 1 << 14


@compiled
def label_count(mask: int) -> int:
    """Number of labels (set bits) of a mask."""
    count = 0
    while mask:
        mask &= mask - 1
        count += 1
    return count


@compiled
def scanned_pairs(p_masks: IntArray, q_masks: IntArray, full: int) -> tuple[IntArray, IntArray]:
    """All complete pairs by testing every pair: the fastest way for the few vertices of small games."""
    count = 0
    for a in range(p_masks.shape[0]):
        for b in range(q_masks.shape[0]):
            count += p_masks[a] | q_masks[b] == full
    rows = np.empty(count, dtype=np.int64)
    cols = np.empty(count, dtype=np.int64)
    count = 0
    for a in range(p_masks.shape[0]):
        for b in range(q_masks.shape[0]):
            if p_masks[a] | q_masks[b] == full:
                rows[count], cols[count] = a, b
                count += 1
    return rows, cols


@compiled
def completely_labelled_pairs(p_masks: IntArray, m: int, q_masks: IntArray, n: int) -> tuple[IntArray, IntArray]:
    """Index pairs ``(a, b)`` with ``p_masks[a] | q_masks[b]`` complete, for ``m × n`` games.

    Small vertex sets are scanned pair by pair; large ones use the hash lookup described above.
    """
    full = (1 << (m + n)) - 1
    if p_masks.shape[0] * q_masks.shape[0] <= SCAN_LIMIT:
        return scanned_pairs(p_masks, q_masks, full)
    keys, values = new_table(q_masks.shape[0])
    surplus_list = [0 for _ in range(0)]
    for b in range(q_masks.shape[0]):
        if label_count(q_masks[b]) == n:
            position = slot(keys, q_masks[b])
            keys[position] = q_masks[b]
            values[position] = b
        else:
            surplus_list.append(b)
    surplus = np.array(surplus_list, dtype=np.int64)
    row_list = [0 for _ in range(0)]
    col_list = [0 for _ in range(0)]
    for a in range(p_masks.shape[0]):
        missing = full & ~p_masks[a]
        if label_count(p_masks[a]) == m:
            partner = lookup(keys, values, missing)
            if partner >= 0:
                row_list.append(a)
                col_list.append(partner)
            candidates = surplus
        else:
            candidates = np.arange(q_masks.shape[0])
        for b in candidates:
            if q_masks[b] & missing == missing:
                row_list.append(a)
                col_list.append(b)
    return np.array(row_list, dtype=np.int64), np.array(col_list, dtype=np.int64)
