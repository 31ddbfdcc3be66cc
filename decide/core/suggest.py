""" "Did you mean ...?" for misspelled names, and finding a name by a unique prefix: the one
helper every lookup of a method, file key, profile, scenario, criterion, actor or strategy uses.

>>> did_you_mean("talsk", ["Talks", "Sanctions"])
" (did you mean 'Talks'?)"
>>> did_you_mean("zzz", ["Talks"])
''
>>> find_name("back-channel", ["Back-Channel Communication Channels", "Sanctions"], "strategy")
'Back-Channel Communication Channels'
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from decide.core.errors import UnknownNameError


def closest(name: str, choices: Iterable[str]) -> str | None:
    """The closest of ``choices`` to ``name`` (ignoring case and surrounding spaces), or ``None``."""
    by_folded: dict[str, str] = {}
    for choice in choices:
        by_folded.setdefault(str(choice).casefold(), str(choice))
    close = difflib.get_close_matches(str(name).casefold().strip(), list(by_folded), n=1, cutoff=0.6)
    return by_folded[close[0]] if close else None


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """``" (did you mean 'X'?)"`` for the closest of ``choices`` (ignoring case), or ``""``."""
    found = closest(name, choices)
    return f" (did you mean '{found}'?)" if found is not None else ""


def unknown_name(what: str, name: str, choices: Sequence[str], where: str = "") -> str:
    """``"where: unknown what 'name' (did you mean 'X'?); choose from: a, b"`` (``where`` optional).

    >>> unknown_name("method", "topsys", ["wsm", "topsis"])
    "unknown method 'topsys' (did you mean 'topsis'?); choose from: wsm, topsis"
    """
    head = f"{where}: " if where else ""
    return f"{head}unknown {what} '{name}'{did_you_mean(name, choices)}; choose from: {', '.join(choices)}"


def find_name(name: str, choices: Sequence[str], what: str, where: str = "") -> str:
    """The one of ``choices`` that ``name`` means: the exact name, else the same name in any case,
    else the only choice it starts (any case). An :class:`~decide.core.errors.UnknownNameError`
    lists the candidates when the prefix fits several, else suggests the closest.

    >>> find_name("s", ["Sanctions", "Summit"], "strategy")
    Traceback (most recent call last):
    decide.UnknownNameError: 's' starts 2 strategy names: 'Sanctions', 'Summit'; give more of the name
    """
    if name in choices:
        return name
    wanted = name.strip().casefold()
    same = [choice for choice in choices if choice.casefold() == wanted]
    if same:
        return same[0]
    starting = [choice for choice in choices if wanted and choice.casefold().startswith(wanted)]
    if len(starting) == 1:
        return starting[0]
    head = f"{where}: " if where else ""
    if len(starting) > 1:
        listed = ", ".join(f"'{choice}'" for choice in starting)
        raise UnknownNameError(f"{head}'{name}' starts {len(starting)} {what} names: {listed}; give more of the name")
    raise UnknownNameError(unknown_name(what, name, choices, where))


__all__ = ["closest", "did_you_mean", "find_name", "unknown_name"]
