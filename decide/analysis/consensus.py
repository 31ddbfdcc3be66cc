"""Putting several rankings of one actor together: Borda and Copeland consensus, rank
correlations (Kendall's tau, Spearman's rho) and the compact rank table."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def compact_ranks(table: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """A rank table for the terminal: no point columns, dominated strategies marked ``*``
    instead of a ``dominated`` column; and the footnote saying so.

    >>> import pandas as pd
    >>> frame, note = compact_ranks(pd.DataFrame({"strategy": ["A", "B"], "borda_points": [1, 0], "borda": [1, 2],
    ...                                           "copeland_score": [1, -1], "copeland": [1, 2],
    ...                                           "dominated": [False, True]}))
    >>> list(frame.columns), frame[""].tolist(), note
    (['strategy', '', 'borda', 'copeland'], ['', '*'], '* Pareto-dominated.')
    """
    frame = table.drop(columns=[c for c in ("borda_points", "copeland_score") if c in table.columns])
    note = ""
    if "dominated" in frame.columns:
        marks = ["*" if d else "" for d in frame["dominated"]]
        frame = frame.drop(columns="dominated")
        if any(marks):
            frame.insert(1, "", marks)
            note = "* Pareto-dominated."
    return frame, note


def borda(ranks: pd.DataFrame) -> pd.DataFrame:
    """Borda count: a strategy ranked r of n by a method scores n - r; points summed.

    >>> import pandas as pd
    >>> borda(pd.DataFrame({"m1": [1, 2, 3], "m2": [2, 1, 3]}, index=["A", "B", "C"]))
       borda_points  borda
    A             3      1
    B             3      1
    C             0      3
    """
    points = (len(ranks) - ranks).sum(axis=1)
    return _with_rank(points.rename("borda_points"), "borda")


def copeland(ranks: pd.DataFrame) -> pd.DataFrame:
    """Copeland: +1 per strategy most methods rank below, -1 per strategy ranked above.

    >>> import pandas as pd
    >>> copeland(pd.DataFrame({"m1": [1, 2, 3], "m2": [2, 1, 3], "m3": [1, 3, 2]},
    ...                       index=["A", "B", "C"]))
       copeland_score  copeland
    A               2         1
    B               0         2
    C              -2         3
    """
    import numpy as np

    values = ranks.to_numpy()
    count = len(values)
    wins = np.zeros(count, dtype=np.int64)
    step = max(1, 4_000_000 // max(1, count * max(1, values.shape[1])))  # rows per block: memory stays flat
    for first in range(0, count, step):
        block = values[first:first + step, None, :]
        better = (block < values[None, :, :]).sum(axis=2)  # methods ranking row i above column j
        worse = (block > values[None, :, :]).sum(axis=2)
        wins[first:first + step] = np.sign(better - worse).sum(axis=1)
    import pandas as pd

    return _with_rank(pd.Series(wins, index=ranks.index, name="copeland_score"), "copeland")


def _with_rank(values: pd.Series, name: str) -> pd.DataFrame:
    frame = values.to_frame()
    frame[name] = values.rank(method="min", ascending=False).astype(int)
    return frame


def correlations(ranks: pd.DataFrame, how: str) -> pd.DataFrame:
    """Kendall's tau-b or Spearman's rho between every pair of columns (methods).

    A method that ties every strategy has no correlation: NaN.
    """
    import numpy as np
    import pandas as pd
    from scipy import stats

    columns = list(ranks.columns)
    result = pd.DataFrame(np.nan, index=columns, columns=columns, dtype=float)
    for i, a in enumerate(columns):
        for b in columns[i:]:
            x, y = ranks[a].to_numpy(), ranks[b].to_numpy()
            if len(set(x)) < 2 or len(set(y)) < 2:
                continue
            test = stats.kendalltau if how == "kendall" else stats.spearmanr
            value = test(x, y).statistic
            result.loc[a, b] = result.loc[b, a] = float(value)
    return result


__all__ = ["borda", "compact_ranks", "copeland", "correlations"]
