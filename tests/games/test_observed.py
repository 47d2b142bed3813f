"""The ``[observed]`` block: sourced evidence, checked against the scenario it describes."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from games import Scenario, catalogue
from games.observed import ObservedProfile
from tests.scenarios import belarus_data

HISTORICAL = ("armenia-2013", "belarus-2014", "georgia-2008", "vietnam-2017")


def _observed(**changes: Any) -> dict[str, Any]:
    block: dict[str, Any] = {
        "period": "2014-2017",
        "years": 4,
        "summary": "what happened",
        "instruments": {
            "enmeshment": {"pursued": True, "source": "seed"},
            "external-balancing": {"pursued": False, "source": "seed"},
        },
        "patron": {"subsidise": {"share": 0.75, "source": "DW"}, "squeeze": {"share": 0.25, "source": "Sputnik"}},
    }
    block.update(changes)
    return block


def _scenario(block: dict[str, Any]) -> Scenario:
    return Scenario.model_validate({**belarus_data(), "observed": block})


def test_a_sourced_block_is_read_into_pursued_and_not_pursued() -> None:
    observed = _scenario(_observed()).observed
    assert observed is not None
    assert observed.pursued == ("enmeshment",)
    assert observed.not_pursued == ("external-balancing",)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"instruments": {"enmeshment": {"pursued": True, "source": "assumed: likely"}}}, 'cannot be "assumed"'),
        ({"patron": {"subsidise": {"share": 0.5, "source": "DW"}}}, "sum to 0.5"),
        ({"instruments": {"enmeshment": {"pursued": False, "source": "seed"}}}, "no instrument is marked pursued"),
        ({"instruments": {}}, "at least 1 item"),
        ({"years": 0}, "greater than or equal to 1"),
    ],
)
def test_bad_blocks_are_refused_with_the_reason(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ObservedProfile.model_validate(_observed(**changes))


def test_entries_must_name_declared_instruments_and_responses() -> None:
    block = _observed(
        instruments={"enmeshmnet": {"pursued": True, "source": "seed"}},
        patron={"subsidize": {"share": 1.0, "source": "DW"}},
    )
    with pytest.raises(ValidationError) as error:
        _scenario(block)
    text = str(error.value)
    assert "observed.instruments.enmeshmnet names no declared instrument" in text
    assert "observed.patron.subsidize names no declared response" in text


@pytest.mark.parametrize("case", HISTORICAL)
def test_every_historical_case_ships_a_sourced_observed_profile(case: str) -> None:
    observed = catalogue()[case].observed
    assert observed is not None
    assert observed.pursued
    assert all(len(entry.source) > 40 for entry in observed.instruments.values())
    assert all(len(entry.source) > 40 for entry in (*observed.patron.values(), *observed.second_pole.values()))
