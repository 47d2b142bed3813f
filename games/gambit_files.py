"""Gambit's text formats: strategic games as ``.nfg``, the sequential view as ``.efg``.

Formats as documented by the Gambit project ("Game representation formats", Gambit manual): whitespace is not
significant, labels are double-quoted, numbers are integers, decimals or rationals ``p/q``. In a ``.nfg`` file
the strategy profiles are listed with the *first* player's strategy changing fastest. Two bodies exist: the
payoff version lists every player's payoff profile by profile; the outcome version declares numbered outcomes
and then gives one outcome number per profile (0 for none: all payoffs zero). We write the payoff version and
read both. In a ``.efg`` file nodes are listed in depth-first order: ``p`` personal, ``c`` chance and ``t``
terminal nodes, each terminal with an outcome number and the payoffs of every player.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from games.text_files import read_utf8

FloatArray = NDArray[np.float64]

_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|([{},])|([^\s{},"]+)')


class GameFileError(ValueError):
    """A game file could not be read; the message says where and why."""


@dataclass(frozen=True)
class StrategicGame:
    """A game in strategic form: player names, strategy labels and one payoff array per player.

    ``payoffs[k][s_1, …, s_N]`` is player ``k``'s payoff when each player ``i`` plays strategy ``s_i``.
    """

    title: str
    players: tuple[str, ...]
    strategies: tuple[tuple[str, ...], ...]
    payoffs: tuple[FloatArray, ...]

    @property
    def shape(self) -> tuple[int, ...]:
        """Number of strategies of each player."""
        return tuple(len(s) for s in self.strategies)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


#: A payoff as Gambit writes it: a decimal with an optional exponent, or a fraction of integers.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE](?P<exponent>[+-]?\d{1,6}))?|[+-]?\d+/\d+")
#: Longest payoff word read, and largest decimal exponent (either sign): bounds on the work of exact parsing.
#: 400 admits every float64 our own writer emits, subnormals (e−324) included; overflow is refused after parsing.
MAX_NUMBER_LENGTH = 400
MAX_EXPONENT = 400
#: Most payoffs (strategy profiles × players) a file may declare: bounds the memory a header can ask for.
MAX_PAYOFFS = 10_000_000


def _number(value: float) -> str:
    """Shortest text that reads back as exactly ``value`` (``repr`` of a float round-trips)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _profiles_first_fastest(shape: Sequence[int]) -> list[tuple[int, ...]]:
    """All strategy profiles, the first player's strategy changing fastest (Gambit's order)."""
    reversed_profiles = np.ndindex(*reversed(tuple(shape)))
    return [tuple(reversed(profile)) for profile in reversed_profiles]


def write_nfg(game: StrategicGame, comment: str = "") -> str:
    """The game as a payoff-version ``.nfg`` text with player and strategy labels."""
    header = (
        f"NFG 1 R {_quote(game.title)} {{ {' '.join(_quote(p) for p in game.players)} }}\n"
        "{ " + "\n  ".join("{ " + " ".join(_quote(s) for s in strategies) + " }" for strategies in game.strategies)
        + " }\n"
        f"{_quote(comment)}\n\n"
    )  # fmt: skip
    body = "\n".join(
        " ".join(_number(payoff[profile]) for payoff in game.payoffs) for profile in _profiles_first_fastest(game.shape)
    )
    return header + body + "\n"


class _Tokens:
    """A cursor over the tokens of a game file: quoted strings, braces, commas and bare words."""

    def __init__(self, text: str, origin: str) -> None:
        self.items: list[tuple[str, str]] = []
        for match in _TOKEN.finditer(text):
            quoted, brace, word = match.groups()
            if quoted is not None:
                self.items.append(("text", quoted.replace('\\"', '"').replace("\\\\", "\\")))
            elif brace is not None:
                if brace != ",":
                    self.items.append(("brace", brace))
            else:
                self.items.append(("word", word))
        self.position = 0
        self.origin = origin

    def fail(self, problem: str) -> GameFileError:
        return GameFileError(f"{self.origin}: {problem} (at token {self.position + 1})")

    def peek(self) -> tuple[str, str] | None:
        return self.items[self.position] if self.position < len(self.items) else None

    def take(self, kind: str, value: str | None = None) -> str:
        item = self.peek()
        if item is None or item[0] != kind or (value is not None and item[1] != value):
            expected = value or kind
            raise self.fail(f"expected {expected!r}, found {item[1] if item else 'end of file'!r}")
        self.position += 1
        return item[1]

    def texts_in_braces(self) -> list[str]:
        self.take("brace", "{")
        values = []
        while self.peek() != ("brace", "}"):
            values.append(self.take("text"))
        self.take("brace", "}")
        return values

    def number(self) -> float:
        """A payoff: a decimal (with an optional exponent) or a fraction ``p/q``, range-checked *before* exact
        parsing, so that a hostile exponent such as ``1e99999999`` cannot make ``Fraction`` run unbounded."""
        word = self.take("word")
        match = _NUMBER.fullmatch(word)
        if match is None or len(word) > MAX_NUMBER_LENGTH:
            raise self.fail(f"{word[:40]!r} is not a number (a decimal such as 2.5e3, or a fraction such as 1/3)")
        exponent = int(match.group("exponent") or 0)
        if abs(exponent) > MAX_EXPONENT:
            raise self.fail(f"{word!r} is outside the range of a 64-bit float (exponent beyond ±{MAX_EXPONENT})")
        try:
            value = float(Fraction(word))
        except OverflowError:
            raise self.fail(f"{word!r} is outside the range of a 64-bit float") from None
        except (ValueError, ZeroDivisionError):
            raise self.fail(f"{word!r} is not a finite number") from None
        if not math.isfinite(value) or (value == 0.0 and Fraction(word) != 0):
            raise self.fail(f"{word!r} is outside the range of a 64-bit float")
        return value

    def count(self, what: str, low: int, high: int) -> int:
        """A whole number in ``[low, high]`` (a strategy count or an outcome number), range-checked as a payoff."""
        word = self.peek()
        value = self.number()
        if not value.is_integer() or not low <= value <= high:
            raise self.fail(f"{word[1] if word else ''!r} is not a valid {what}: a whole number from {low} to {high}")
        return int(value)


def read_nfg(text: str, origin: str = "<nfg>") -> StrategicGame:
    """Parse a ``.nfg`` file (payoff or outcome version) into a :class:`StrategicGame`.

    Raises
    ------
    GameFileError
        When the text is not a well-formed ``.nfg`` game; the message names ``origin`` and the position.
    """
    tokens = _Tokens(text, origin)
    if (tokens.take("word"), tokens.take("word"), tokens.take("word")) != ("NFG", "1", "R"):
        raise tokens.fail("not an NFG version 1 file with real payoffs ('NFG 1 R' header expected)")
    title = tokens.take("text")
    players = tokens.texts_in_braces()
    tokens.take("brace", "{")
    if tokens.peek() == ("brace", "{"):
        strategies = []
        while tokens.peek() == ("brace", "{"):
            strategies.append(tuple(tokens.texts_in_braces()))
        tokens.take("brace", "}")
    else:
        counts = []
        while tokens.peek() != ("brace", "}"):
            counts.append(tokens.count("strategy count", 1, MAX_PAYOFFS))
        tokens.take("brace", "}")
        strategies = [tuple(str(k + 1) for k in range(count)) for count in counts]
    if len(strategies) != len(players):
        raise tokens.fail(f"{len(players)} players but strategies for {len(strategies)}")
    if tokens.peek() is not None and tokens.peek()[0] == "text":  # type: ignore[index]
        tokens.take("text")  # the comment
    shape = tuple(len(s) for s in strategies)
    if math.prod(shape) * len(players) > MAX_PAYOFFS:
        raise tokens.fail(f"{' × '.join(map(str, shape))} strategies: more than {MAX_PAYOFFS:,} payoffs to read")
    payoffs = [np.zeros(shape) for _ in players]
    profiles = _profiles_first_fastest(shape)
    if tokens.peek() == ("brace", "{"):
        tokens.take("brace", "{")
        outcomes = []
        while tokens.peek() == ("brace", "{"):
            tokens.take("brace", "{")
            tokens.take("text")
            outcomes.append([tokens.number() for _ in players])
            tokens.take("brace", "}")
        tokens.take("brace", "}")
        for profile in profiles:
            declared = f"outcome number (0 for none, or one of the {len(outcomes)} declared)"
            index = tokens.count(declared, 0, len(outcomes))
            for k in range(len(players)):
                payoffs[k][profile] = outcomes[index - 1][k] if index else 0.0
    else:
        for profile in profiles:
            for k in range(len(players)):
                payoffs[k][profile] = tokens.number()
    if tokens.peek() is not None:
        raise tokens.fail("unexpected text after the last payoff")
    for player, payoff in zip(players, payoffs, strict=True):
        if payoff.size and not math.isfinite(float(payoff.max()) - float(payoff.min())):
            raise GameFileError(
                f"{origin}: the payoffs of {player!r} span {payoff.min():g} to {payoff.max():g}, a range beyond a "
                "64-bit float; rescale them (equilibria do not change under a positive affine map)"
            )
    return StrategicGame(title, tuple(players), tuple(strategies), tuple(payoffs))


def read_nfg_file(path: Path) -> StrategicGame:
    """Read the ``.nfg`` file at ``path``; an unreadable or non-UTF-8 file is a :class:`GameFileError` too."""
    text = read_utf8(path, "game file", GameFileError)
    return read_nfg(text, origin=str(path))


def write_sequential_efg(
    title: str,
    players: tuple[str, str],
    first_moves: Sequence[str],
    responses: Sequence[str],
    first_payoffs: FloatArray,
    second_payoffs: FloatArray,
) -> str:
    """A two-stage game of perfect information as ``.efg``: player 1 moves, player 2 sees the move and responds.

    Player 1 has one information set; player 2 has one per first move (it observes the move).
    """
    lines = [f"EFG 2 R {_quote(title)} {{ {_quote(players[0])} {_quote(players[1])} }}", '""', ""]
    lines.append(f'p "" 1 1 "" {{ {" ".join(_quote(m) for m in first_moves)} }} 0')
    outcome = 0
    for i, move in enumerate(first_moves):
        lines.append(f'p "" 2 {i + 1} {_quote("after " + move)} {{ {" ".join(_quote(r) for r in responses)} }} 0')
        for j, response in enumerate(responses):
            outcome += 1
            payoffs = f"{_number(first_payoffs[i, j])}, {_number(second_payoffs[i, j])}"
            lines.append(f't "" {outcome} {_quote(move + " / " + response)} {{ {payoffs} }}')
    return "\n".join(lines) + "\n"
