"""What actually happened in a case: the observed profile of the small state, the patron and the second pole.

An ``[observed]`` block is evidence, not a parameter. It is written from sources before the model is solved and
never edited to fit a result (design §7). Every entry cites a public source; an observation that cannot be
sourced is left out, so the word "assumed" is refused here. The block says

* for instruments of the small state: whether it ``pursued`` the instrument in the period (instruments not listed
  carry no claim either way);
* for the patron's responses: the ``share`` of the period's years in which it answered that way (the shares of
  the listed responses sum to one; a response not listed had share 0);
* for the second pole's responses (three-player scenarios), the same shares.

``years`` is the length of the period; it turns the patron's and the second pole's shares into counts of
observed years in the fit's log-likelihood (:mod:`solver.fit`).
"""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$", max_length=60)]


def _not_assumed(source: str) -> str:
    if source.lower().startswith("assumed"):
        raise ValueError(
            'an observation cannot be "assumed": cite the public source it comes from, or leave the entry out'
        )
    return source


Source = Annotated[Text, AfterValidator(_not_assumed)]
Share = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)  # as games.scenario: no coercion


class ObservedInstrument(_Strict):
    """Whether the small state pursued one instrument in the period, and the source that says so."""

    pursued: bool
    source: Source


class ObservedResponse(_Strict):
    """The share of the period's years in which a player answered with one response, and the source."""

    share: Share
    source: Source


def _shares_problem(table: str, responses: dict[str, ObservedResponse]) -> list[str]:
    total = sum(r.share for r in responses.values())
    if responses and abs(total - 1.0) > 1e-9:
        return [f"{table}: shares of years sum to {total:g}; they must sum to 1 (a response not listed had share 0)"]
    return []


class ObservedProfile(_Strict):
    """The ``[observed]`` block of a scenario: what the actors did in the case's period, entry by entry sourced."""

    period: Text
    years: Annotated[int, Field(ge=1, le=100)]
    summary: Text
    instruments: dict[Identifier, ObservedInstrument] = Field(min_length=1)
    patron: dict[Identifier, ObservedResponse] = Field(default_factory=dict)
    second_pole: dict[Identifier, ObservedResponse] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        problems = _shares_problem("observed.patron", self.patron)
        problems += _shares_problem("observed.second_pole", self.second_pole)
        if not any(entry.pursued for entry in self.instruments.values()):
            problems.append("observed.instruments: no instrument is marked pursued = true; a state always pursues one")
        if problems:
            raise ValueError("\n".join(problems))
        return self

    @property
    def pursued(self) -> tuple[str, ...]:
        """Ids of the instruments the small state pursued."""
        return tuple(i for i, entry in self.instruments.items() if entry.pursued)

    @property
    def not_pursued(self) -> tuple[str, ...]:
        """Ids of the instruments the sources say it did not pursue."""
        return tuple(i for i, entry in self.instruments.items() if not entry.pursued)

    def reference_problems(self, instruments: list[str], responses: list[str], pole: list[str]) -> list[str]:
        """Entries naming an instrument or response the scenario does not declare."""
        problems = []
        for table, declared, entries in (
            ("instruments", instruments, self.instruments),
            ("patron", responses, self.patron),
            ("second_pole", pole, self.second_pole),
        ):
            for key in sorted(set(entries) - set(declared)):
                problems.append(
                    f"observed.{table}.{key} names no declared {'instrument' if table == 'instruments' else 'response'}"
                    f"; declared: {', '.join(declared) or 'none'}"
                )
        return problems
