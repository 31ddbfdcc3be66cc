"""The documented limits of decide, and the checks that enforce them with one clear line.

========================  ======================================================
strategies per matrix     at most :data:`MAX_STRATEGIES` (10,000)
criteria per matrix       at most :data:`MAX_CRITERIA` (100)
scores, scale, weights    0, or a magnitude between :data:`MIN_MAGNITUDE` (1e-12)
                          and :data:`MAX_MAGNITUDE` (1e12)
matrix file size          :data:`MAX_FILE_BYTES` (derived from the cell limits;
                          ``--max-file-size``, ``DECIDE_MAX_FILE_SIZE`` or
                          :func:`max_file_size` raise it)
names                     no control or line-separator characters; criteria
                          may not take a column name decide's exports use
                          (:data:`RESERVED_NAMES`)
SMAA samples              at most :data:`MAX_SAMPLES` (vectorised methods) or
                          :data:`MAX_SLOW_SAMPLES` (the others)
========================  ======================================================

Inside that range every method's arithmetic stays well clear of overflow and
underflow (a weighted sum of squares of 1e12 is 1e24; of 1e308 it is infinite).

>>> magnitude_problem(1e308)
'is 1e+308, outside the range decide accepts (0, or 1e-12 to 1e+12 in magnitude); rescale the values'
>>> name_problem("Talks\\u2028now")
'contains a control or line-separator character (U+2028); remove it'
>>> name_problem("Talks") is None
True
"""

from __future__ import annotations

import contextlib
import itertools
import math
import os
import re
import reprlib
import unicodedata
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

#: The most strategies one matrix may have.
MAX_STRATEGIES = 10_000
#: The most criteria one matrix may have.
MAX_CRITERIA = 100
#: The largest magnitude of a score, scale bound or weight.
MAX_MAGNITUDE = 1e12
#: The smallest non-zero magnitude of a score, scale bound or weight.
MIN_MAGNITUDE = 1e-12
#: The most SMAA samples for a method with a numpy engine.
MAX_SAMPLES = 1_000_000
#: The most SMAA samples for a method run once per sample (scikit-criteria or pymcdm).
MAX_SLOW_SAMPLES = 100_000

#: Bytes a file may spend per score: a criterion name of up to 32 characters as the key,
#: the longest number a JSON writer gives a float ("-1.2345678901234567e-100", 24
#: characters) and the separators and indentation around them.
CELL_BYTES = 64
#: Bytes a file may spend per strategy and per criterion besides the scores: the name,
#: basis, source and a rationale of a few lines.
ITEM_BYTES = 1024
_MB = 1024 * 1024
#: The largest matrix file decide reads by default: the most strategies and criteria at
#: :data:`CELL_BYTES` per score and :data:`ITEM_BYTES` per strategy and criterion, rounded
#: up to whole megabytes (71 MB). Reading stops there, so a pipe or ``/dev/zero`` can
#: neither hang decide nor fill its memory.
_MOST_BYTES = MAX_STRATEGIES * (MAX_CRITERIA * CELL_BYTES + ITEM_BYTES) + MAX_CRITERIA * ITEM_BYTES
MAX_FILE_BYTES = _MB * -(-_MOST_BYTES // _MB)
#: The environment variable that sets another file-size limit (``80MB``, ``1GB``, bytes).
FILE_SIZE_VARIABLE = "DECIDE_MAX_FILE_SIZE"

_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": _MB, "mb": _MB, "g": 1024 * _MB, "gb": 1024 * _MB}
_file_limit: ContextVar[int | None] = ContextVar("decide_max_file_size", default=None)


def parse_size(text: str | int, what: str = "--max-file-size") -> int:
    """A file size in bytes from ``text``: a whole number of bytes, or a number with
    KB, MB or GB (powers of 1024; case and a space do not matter).

    >>> parse_size("80MB"), parse_size("1.5 gb"), parse_size(4096)
    (83886080, 1610612736, 4096)
    """
    from decide.core.errors import SpecError

    if isinstance(text, int) and not isinstance(text, bool):
        number, unit = float(text), ""
    else:
        match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]*)?)\s*([a-zA-Z]*)\s*", str(text))
        if not match or match.group(2).lower() not in _UNITS:
            raise SpecError(f"is {text!r}; give a size such as 80MB, 1GB or a number of bytes", field=what)
        number, unit = float(match.group(1)), match.group(2).lower()
    size = int(number * _UNITS[unit])
    if size < 1:
        raise SpecError(f"is {text!r}; give a size of at least 1 byte, such as 80MB", field=what)
    return size


def file_size_limit() -> int:
    """The largest file decide reads now: the one set by :func:`max_file_size` (or
    ``decide --max-file-size``), else :data:`FILE_SIZE_VARIABLE` from the environment,
    else :data:`MAX_FILE_BYTES`."""
    chosen = _file_limit.get()
    if chosen is not None:
        return chosen
    given = os.environ.get(FILE_SIZE_VARIABLE, "").strip()
    return parse_size(given, FILE_SIZE_VARIABLE) if given else MAX_FILE_BYTES


@contextlib.contextmanager
def max_file_size(size: int | str) -> Iterator[int]:
    """Read files up to ``size`` (bytes, or a text such as ``"200MB"``) inside the block.

    >>> with max_file_size("200MB") as limit:
    ...     file_size_limit() == limit == 200 * 1024 * 1024
    True
    """
    limit = parse_size(size, "max_file_size")
    token = _file_limit.set(limit)
    try:
        yield limit
    finally:
        _file_limit.reset(token)


def set_file_size_limit(size: int | str | None) -> None:
    """Read files up to ``size`` from now on in this context (``None``: back to the default)."""
    _file_limit.set(None if size is None else parse_size(size))


#: The longest error line decide prints; longer ones end in "... (N more characters)".
MAX_ERROR_CHARS = 500

#: Column names decide's exports add beside the criteria (compared ignoring case);
#: a criterion may not use one, or its scores would be overwritten in a CSV.
RESERVED_NAMES = frozenset(
    {
        "actor",
        "strategy",
        "file",
        "source",
        "rationale",
        "rank",
        "score",
        "dominated",
        "dominated_by",
        "dominated by",
        "method",
        "params",
        "weights",
        "non dominated",
        "non_dominated",
        "samples",
        "seed",
        "score noise",
        "score_noise",
        "exact",
        "verdict",
        "weight model",
        "weight_model",
        "confidence",
        "notes",
        "basis",
        "filters",
        "rank now",
        "certainty",
        "reasoning",
    }
)

#: Profile names decide gives a meaning of its own: ``file`` (the matrix file's weights in
#: ``decide robust``) and ``all`` (every profile).
RESERVED_PROFILE_NAMES = frozenset({"file", "all"})
#: Scenario names decide gives a meaning of its own: ``baseline`` (the matrix as scored), ``all``.
RESERVED_SCENARIO_NAMES = frozenset({"baseline", "all"})

_BAD_CATEGORIES = {"Cc", "Zl", "Zp"}
#: Format characters allowed in names: the zero-width joiner and non-joiner, which scripts
#: (Persian, Indic) and emoji need. Every other one (bidi controls such as U+202E, zero-width
#: spaces, U+FEFF) reorders or hides text and is refused.
_ALLOWED_FORMAT = {"\u200c", "\u200d"}


def as_number(value: Any) -> float | None:
    """``value`` as a float if it is a number (not a bool), huge integers included as infinity."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return float(value)
    except OverflowError:
        return math.inf


def magnitude_problem(value: float) -> str | None:
    """Why a score, scale bound or weight is outside the documented range, or ``None``."""
    number = abs(float(value))
    if number == 0 or MIN_MAGNITUDE <= number <= MAX_MAGNITUDE:
        return None
    return (
        f"is {value:g}, outside the range decide accepts (0, or {MIN_MAGNITUDE:g} to {MAX_MAGNITUDE:g} "
        "in magnitude); rescale the values"
    )


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot name an actor, criterion or strategy, or ``None``."""
    if name.isascii() and name.isprintable():  # the common case, without a loop in Python
        return None
    for char in name:
        category = unicodedata.category(char)
        if category in _BAD_CATEGORIES:
            return f"contains a control or line-separator character (U+{ord(char):04X}); remove it"
        if category == "Cf" and char not in _ALLOWED_FORMAT:
            return (
                f"contains an invisible or text-direction character (U+{ord(char):04X}), which hides or "
                "reorders what follows; remove it"
            )
    return None


def one_line(message: str) -> str:
    r"""``message`` with control and line-separator characters written as escapes, so a
    hostile name cannot split an error line (or a terminal's colours).

    >>> print(one_line("strategy 'a\nb': no score"))
    strategy 'a\nb': no score
    """
    if message.isascii() and message.isprintable():
        return message
    if not any(_hidden(char) for char in message):
        return message
    return "".join(char.encode("unicode_escape").decode("ascii") if _hidden(char) else char for char in message)


def _hidden(char: str) -> bool:
    """A control, line-separator, text-direction or invisible character (not ZWJ/ZWNJ)."""
    category = unicodedata.category(char)
    return category in _BAD_CATEGORIES or (category == "Cf" and char not in _ALLOWED_FORMAT)


class _Brief(reprlib.Repr):
    def repr_int(self, x: int, level: int) -> str:
        return repr(x) if x.bit_length() < 200 else f"a {x.bit_length():,}-bit number"


_BRIEF = _Brief()
_BRIEF.maxstring, _BRIEF.maxother, _BRIEF.maxlevel = 40, 40, 3


def brief(value: Any, limit: int = 60) -> str:
    """``value``'s repr for a message, at most about ``limit`` characters, never expanding
    a huge structure or number, with hidden characters written as escapes.

    >>> brief(list(range(1000)))
    '[0, 1, 2, 3, 4, 5, ...]'
    >>> brief(10**400)
    'a 1,329-bit number'
    """
    return one_line(cap_line(_BRIEF.repr(value), limit))


def cap_line(message: str, limit: int = MAX_ERROR_CHARS) -> str:
    """``message`` cut to about ``limit`` characters, saying how much was left out.

    >>> cap_line("x" * 600, 20)
    'xxxxxxxxxxxxxxxxxxxx... (580 more characters)'
    """
    if len(message) <= limit:
        return message
    return f"{message[:limit]}... ({len(message) - limit:,} more characters)"


def _named(items: Any) -> list[tuple[int, dict]]:
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)] if isinstance(items, list) else []


def _plain_magnitudes(values: Any) -> bool:
    """Whether ``values`` are all ints and floats within the magnitude limits (0 allowed),
    checked without a loop in Python; anything else gets the item-by-item check.

    >>> _plain_magnitudes([0, 3, 2.5]), _plain_magnitudes([1e-20]), _plain_magnitudes([1e13])
    (True, False, False)
    """
    if not values:
        return False
    kinds = set(map(type, values))
    if kinds == {int}:  # a whole number other than 0 is at least 1 in size
        return min(values) >= -MAX_MAGNITUDE and max(values) <= MAX_MAGNITUDE
    if not kinds.issubset((int, float)):
        return False
    smallest = min(filter(None, map(abs, values)), default=MIN_MAGNITUDE)
    return smallest >= MIN_MAGNITUDE and max(map(abs, values)) <= MAX_MAGNITUDE


def document_problems(data: dict, where: str) -> list[str]:
    """Problems with a matrix document that the structural checks do not see: sizes,
    magnitudes of scores and scale bounds (weights: :func:`decide.weights.spec.check_weights`),
    characters in names, reserved criterion names. Tolerates any shape."""
    problems: list[str] = []
    actor = data.get("actor")
    if isinstance(actor, str) and (problem := name_problem(actor)):
        problems.append(f"{where}: 'actor' {problem}")
    aliases = data.get("aliases")
    for alias in aliases if isinstance(aliases, list) else []:
        if isinstance(alias, str) and (problem := name_problem(alias)):
            problems.append(f"{where}: alias {alias.encode('unicode_escape').decode()!r} {problem}")
    criteria, strategies = _named(data.get("criteria")), _named(data.get("strategies"))
    if len(criteria) > MAX_CRITERIA:
        problems.append(f"{where}: {len(criteria)} criteria, more than decide's limit of {MAX_CRITERIA}")
    if len(strategies) > MAX_STRATEGIES:
        problems.append(f"{where}: {len(strategies):,} strategies, more than decide's limit of {MAX_STRATEGIES:,}")
    for index, item in criteria:
        name = item.get("name")
        named = isinstance(name, str) and name_problem(name) is None
        label = f"{where}: criterion '{name}'" if named else f"{where}: criteria[{index}]"
        if isinstance(name, str):
            if problem := name_problem(name):
                problems.append(f"{where}: criteria[{index}]: 'name' {problem}")
            elif name.strip().casefold() in RESERVED_NAMES:
                problems.append(
                    f"{label}: '{name}' is a column name decide's exports use; rename the criterion "
                    f"(reserved: {', '.join(sorted(RESERVED_NAMES))})"
                )
    scale = data.get("scale")
    for bound in scale if isinstance(scale, list) else []:
        number = as_number(bound)
        if number is not None and math.isfinite(number) and (problem := magnitude_problem(number)):
            problems.append(f"{where}: 'scale' bound {problem}")
    score_maps = [item.get("scores") for _, item in strategies]
    # every score of the document at once (C loops over one flat list): the common case
    all_plain = all(type(scores) is dict for scores in score_maps) and _plain_magnitudes(
        list(itertools.chain.from_iterable(scores.values() for scores in score_maps if isinstance(scores, dict)))
    )
    for (index, item), scores in zip(strategies, score_maps, strict=True):
        name = item.get("name")
        problem = name_problem(name) if isinstance(name, str) else None
        if problem:
            problems.append(f"{where}: strategies[{index}]: 'name' {problem}")
        if all_plain or (isinstance(scores, dict) and _plain_magnitudes(scores.values())):
            continue
        named = isinstance(name, str) and problem is None
        label = f"{where}: strategy '{name}'" if named else f"{where}: strategies[{index}]"
        for key, value in scores.items() if isinstance(scores, dict) else []:
            kind = type(value)
            if (kind is float or kind is int) and (value == 0 or MIN_MAGNITUDE <= abs(value) <= MAX_MAGNITUDE):
                continue  # the common case without a function call
            number = as_number(value)
            if number is not None and math.isfinite(number) and (problem := magnitude_problem(number)):
                problems.append(f"{label}: score for '{key}' {problem}")
    return problems


__all__ = [
    "MAX_CRITERIA",
    "MAX_ERROR_CHARS",
    "MAX_MAGNITUDE",
    "MAX_SAMPLES",
    "MAX_SLOW_SAMPLES",
    "MAX_STRATEGIES",
    "MIN_MAGNITUDE",
    "RESERVED_NAMES",
    "RESERVED_PROFILE_NAMES",
    "RESERVED_SCENARIO_NAMES",
    "brief",
    "cap_line",
    "document_problems",
    "magnitude_problem",
    "name_problem",
    "one_line",
]
