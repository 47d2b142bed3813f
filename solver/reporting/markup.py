"""HTML built so that user text is escaped by construction: only :class:`Html` values pass through unescaped.

Every piece of text from a scenario (titles, labels, sources) is a plain ``str`` and is escaped wherever it is
inserted; markup is made only by :func:`tag` and the helpers below, which return :class:`Html`.

Examples
--------
>>> str(tag("p", "<b>Minsk & Moscow</b>", class_="note"))
'<p class="note">&lt;b&gt;Minsk &amp; Moscow&lt;/b&gt;</p>'
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Sequence
from html import escape


class Html(str):
    """Markup already safe to insert as is; built only by the functions of this module."""

    __slots__ = ()


def safe(child: Html | str) -> Html:
    """``child`` unchanged if it is markup, else its text escaped (``&``, ``<``, ``>`` and both quotes)."""
    return child if isinstance(child, Html) else Html(escape(child, quote=True))


def join(children: Iterable[Html | str]) -> Html:
    """The children one after another, text escaped."""
    return Html("".join(safe(child) for child in children))


def tag(name: str, *children: Html | str, **attributes: str) -> Html:
    """``<name attributes>children</name>``; a trailing ``_`` is dropped from attribute names (``class_``)."""
    attrs = "".join(f' {key.rstrip("_")}="{escape(value, quote=True)}"' for key, value in attributes.items())
    return Html(f"<{name}{attrs}>{join(children)}</{name}>")


def table(header: Sequence[str], rows: Iterable[Sequence[Html | str]], caption: str | None = None) -> Html:
    """A table with one header row; cells are text (escaped) or markup."""
    head = tag("thead", tag("tr", *(tag("th", cell) for cell in header)))
    body = tag("tbody", *(tag("tr", *(tag("td", cell) for cell in row)) for row in rows))
    return tag("table", *([tag("caption", caption)] if caption else []), head, body)


def png_image(png: bytes, alt: str) -> Html:
    """An ``<img>`` whose PNG is inline (a base64 ``data:`` URI): the page needs no other file."""
    source = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    return Html(f'<img src="{source}" alt="{escape(alt, quote=True)}">')


def document(title: str, style: str, body: Html) -> Html:
    """A whole HTML5 page with its style sheet inline (no external CSS, fonts or scripts)."""
    head = Html('<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">')
    return Html(
        "<!DOCTYPE html>\n"
        + tag("html", tag("head", head, tag("title", title), tag("style", Html(style))), tag("body", body), lang="en")
        + "\n"
    )
