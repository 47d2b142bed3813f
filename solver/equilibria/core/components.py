"""Maximal Nash subsets and equilibrium components from the extreme equilibria of a bimatrix game.

Extreme equilibria are pairs ``(x, y)`` of vertices of the best-response polytopes. Following Avis, Rosenberg,
Savani and von Stengel (2010, "Enumeration of Nash equilibria for two-player games", Economic Theory 42, §5):

* a *Nash subset* is a product ``conv(X') × conv(Y')`` all of whose points are equilibria; it is maximal exactly
  when ``X' × Y'`` is a maximal complete bipartite subgraph (biclique) of the graph whose edges are the extreme
  equilibria, and then ``conv(X')`` and ``conv(Y')`` are faces of the polytopes;
* two maximal Nash subsets intersect exactly when they share a vertex (faces meet in a face, which has a
  vertex), so the *components* of the equilibrium set are the connected components of that graph.

Maximal bicliques are enumerated as closed sets: every closed column set ``Y'`` is an intersection of row
neighbourhoods ``N(x)``, and ``X' = {x : Y' ⊆ N(x)}``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class NashSubset:
    """A maximal Nash subset: every mix of ``row_strategies`` against every mix of ``col_strategies``.

    Indices refer to the distinct extreme row and column strategies of the equilibrium set.
    """

    row_strategies: tuple[int, ...]
    col_strategies: tuple[int, ...]


@dataclass(frozen=True)
class Component:
    """A connected component of the equilibrium set.

    ``equilibria`` are indices of the extreme equilibria it contains, ``nash_subsets`` of the maximal Nash
    subsets whose union it is. A component with one extreme equilibrium is an isolated equilibrium.
    """

    equilibria: tuple[int, ...]
    nash_subsets: tuple[int, ...]
    row_strategies: tuple[int, ...]
    col_strategies: tuple[int, ...]

    @property
    def is_isolated(self) -> bool:
        """True when the component is a single equilibrium point."""
        return len(self.equilibria) == 1


def maximal_nash_subsets(edges: Sequence[tuple[int, int]]) -> list[NashSubset]:
    """Maximal bicliques of the bipartite graph of extreme equilibria ``(row strategy, column strategy)``."""
    neighbours: dict[int, frozenset[int]] = {}
    for row, col in edges:
        neighbours[row] = neighbours.get(row, frozenset()) | {col}
    base = set(neighbours.values())
    closed: set[frozenset[int]] = set()
    frontier = set(base)
    while frontier:
        closed |= frontier
        frontier = {s & t for s in frontier for t in base if s & t} - closed
    subsets = [
        NashSubset(
            row_strategies=tuple(sorted(r for r, ys in neighbours.items() if cols <= ys)),
            col_strategies=tuple(sorted(cols)),
        )
        for cols in closed
    ]
    return sorted(subsets, key=lambda s: (s.row_strategies, s.col_strategies))


def equilibrium_components(edges: Sequence[tuple[int, int]], subsets: Sequence[NashSubset]) -> list[Component]:
    """Connected components of the bipartite graph of extreme equilibria, numbered by first equilibrium."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(node: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for row, col in edges:
        parent[find(("row", row))] = find(("col", col))
    members: dict[tuple[str, int], list[int]] = {}
    for index, (row, _) in enumerate(edges):
        members.setdefault(find(("row", row)), []).append(index)
    return [
        Component(
            equilibria=tuple(indices),
            nash_subsets=tuple(
                i for i, subset in enumerate(subsets) if find(("row", subset.row_strategies[0])) == root
            ),
            row_strategies=tuple(sorted({edges[i][0] for i in indices})),
            col_strategies=tuple(sorted({edges[i][1] for i in indices})),
        )
        for root, indices in members.items()
    ]
