"""Reading scenario files and the shipped catalogue, with errors that name the file, the field and the fix."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping, Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from games.scenario import Scenario
from games.text_files import read_utf8


def catalogue_files() -> list[Traversable]:
    """The shipped scenario files (package data in ``games/catalogue/``, a data folder, not a module)."""
    folder = resources.files("games").joinpath("catalogue")
    return sorted((entry for entry in folder.iterdir() if entry.name.endswith(".toml")), key=lambda e: e.name)


class ScenarioError(ValueError):
    """A scenario could not be found, parsed or validated. The message says where and what to do."""


def _location(data: object, loc: Sequence[int | str]) -> str:
    """Dotted path of a pydantic error location, naming list items by their ``id`` where they have one."""
    parts: list[str] = []
    node = data
    for key in loc:
        child: object = None
        if isinstance(key, int) and isinstance(node, list) and key < len(node):
            child = node[key]
            item_id = child.get("id") if isinstance(child, dict) else None
            suffix = f"[{key}]" + (f' (id "{item_id}")' if item_id else "")
            parts[-1:] = [(parts[-1] if parts else "") + suffix]
        else:
            child = node.get(key) if isinstance(node, dict) else None
            parts.append(str(key))
        node = child
    return ".".join(parts)


#: What a field of each type expects, in TOML's words, by pydantic's error type (strict mode: no coercion).
_EXPECTED = {
    "int_type": "an integer without quotes (e.g. 2014)",
    "float_type": "a number without quotes (e.g. 0.9 or 7)",
    "bool_type": "true or false, without quotes",
    "string_type": 'text in double quotes (e.g. "Belarus")',
    "tuple_type": "an array, written [ … ] (or a list of [[…]] tables)",
    "dict_type": "a table, written { … } (or a [….] section)",
    "model_type": "a table, written { … } (or a [….] section)",
}


def _given(value: object) -> str:
    """A TOML value described by its TOML type and as written, e.g. ``the text "2014"``."""
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"the integer {value}"
    if isinstance(value, float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {json.dumps(value, ensure_ascii=False)}"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return f"the {type(value).__name__} {value}"  # a TOML date or time


def _explain(error: Mapping[str, Any], data: object) -> str:
    """One line per validation problem: where, what was wrong, what to do."""
    where = _location(data, error["loc"])
    kind, message = error["type"], str(error["msg"]).removeprefix("Value error, ")
    if kind == "extra_forbidden":
        return f"{where}: unknown key; remove it or check its spelling against docs/scenarios.md"
    if kind == "missing":
        return f"{where}: required field is missing; add it (see docs/scenarios.md)"
    if kind in _EXPECTED:
        return f"{where}: expected {_EXPECTED[kind]}; got {_given(error.get('input'))}"
    if kind == "value_error":
        return f"{where}: {message}" if where else message
    return f"{where}: {message} (got {error.get('input')!r})"


def parse_scenario(text: str, origin: str) -> Scenario:
    """Validate TOML text as a scenario; ``origin`` names the file in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError(f"{origin}: not valid TOML: {error}. Fix the syntax at that line.") from None
    try:
        return Scenario.model_validate(data)
    except ValidationError as error:
        problems = [line for e in error.errors() for line in _explain(e, data).splitlines()]
        details = "\n".join(f"  - {problem}" for problem in problems)
        raise ScenarioError(f"{origin}: invalid scenario ({len(problems)} problem(s)):\n{details}") from None


def catalogue() -> dict[str, Scenario]:
    """The shipped scenarios, by id."""
    found = {}
    for entry in catalogue_files():
        scenario = parse_scenario(entry.read_text(encoding="utf-8"), f"catalogue/{entry.name}")
        found[scenario.id] = scenario
    return found


def load_scenario(source: str | Path) -> Scenario:
    """Load a scenario from a TOML file path or by the id of a shipped scenario (e.g. ``"belarus-2014"``).

    Raises
    ------
    ScenarioError
        When the file is missing, is not TOML, fails validation, or no shipped scenario has that id.
    """
    path = Path(source)
    if path.suffix == ".toml" or path.exists():
        text = read_utf8(path, "scenario file", ScenarioError)
        return parse_scenario(text, str(path))
    shipped = catalogue()
    if str(source) not in shipped:
        raise ScenarioError(
            f"no shipped scenario named {str(source)!r} and no such file; shipped: {', '.join(shipped)} "
            "(or pass the path of a .toml file)"
        )
    return shipped[str(source)]
