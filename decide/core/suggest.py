""""Did you mean ...?" for misspelled names (strategies, actors).

>>> did_you_mean("talsk", ["Talks", "Sanctions"])
"; did you mean 'Talks'?"
>>> did_you_mean("zzz", ["Talks"])
''
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'X'?"`` for the closest of ``choices`` (ignoring case), or ``""``."""
    by_folded = {choice.casefold(): choice for choice in choices}
    close = difflib.get_close_matches(name.casefold().strip(), list(by_folded), n=1, cutoff=0.6)
    return f"; did you mean '{by_folded[close[0]]}'?" if close else ""


__all__ = ["did_you_mean"]
