"""Tables as lists of rows (dicts, one key per column), and their plain-text printing."""

from __future__ import annotations

from collections.abc import Sequence

Row = dict[str, object]


def cell(value: object) -> str:
    """A value as printed: floats with thousands separators and three significant digits below 100."""
    if isinstance(value, bool) or not isinstance(value, float | int):
        return str(value)
    if isinstance(value, int) or abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def print_table(title: str, rows: Sequence[Row], note: str = "") -> None:
    """``rows`` under ``title``, one column per key (in the order the rows first give them)."""
    print(f"\n{title}")
    if not rows:
        print("(no rows)")
        return
    header = list(dict.fromkeys(key for row in rows for key in row))
    cells = [[cell(row.get(key, "")) for key in header] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(header)]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip())
    print("  ".join("-" * w for w in widths))
    for line in cells:
        print("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip(), flush=True)
    if note:
        print(note)
