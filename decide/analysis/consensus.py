"""Putting several rankings of one actor together: Borda and Copeland consensus, rank
correlations (Kendall's tau, Spearman's rho) and the compact rank table."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
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
        block = values[first : first + step, None, :]
        better = (block < values[None, :, :]).sum(axis=2)  # methods ranking row i above column j
        worse = (block > values[None, :, :]).sum(axis=2)
        wins[first : first + step] = np.sign(better - worse).sum(axis=1)
    import pandas as pd

    return _with_rank(pd.Series(wins, index=ranks.index, name="copeland_score"), "copeland")


def _with_rank(values: pd.Series, name: str) -> pd.DataFrame:
    frame = values.to_frame()
    frame[name] = values.rank(method="min", ascending=False).astype(int)
    return frame


def average_ranks(values: np.ndarray) -> np.ndarray:
    """Ranks from 1, ties sharing the mean of their places: scipy's ``rankdata(values)`` (its
    algorithm; the ranks are halves, so exactly the same), without importing scipy.stats
    (half a second of a report's start-up).

    >>> import numpy as np
    >>> average_ranks(np.array([3, 1, 3, 2])).tolist()
    [3.5, 1.0, 3.5, 2.0]
    """
    import numpy as np

    values = np.asarray(values)
    sorter = np.argsort(values, kind="mergesort")
    inverse = np.empty(sorter.size, dtype=np.intp)
    inverse[sorter] = np.arange(sorter.size, dtype=np.intp)
    ordered = values[sorter]
    starts = np.r_[True, ordered[1:] != ordered[:-1]]
    dense = starts.cumsum()[inverse]
    count = np.r_[np.nonzero(starts)[0], len(starts)]
    return 0.5 * (count[dense] + count[dense - 1] + 1)


def correlations(ranks: pd.DataFrame, how: str) -> pd.DataFrame:
    """Kendall's tau-b or Spearman's rho between every pair of columns (methods).

    A method that ties every strategy has no correlation: NaN. The values are scipy's
    (``kendalltau``, ``spearmanr``) bit for bit, computed for all pairs at once: tau-b
    from the pairwise signs of every column (one integer product gives every pair's
    concordant minus discordant count), rho as scipy does it, without its checks.
    """
    import numpy as np
    import pandas as pd

    columns = list(ranks.columns)
    values = [ranks[c].to_numpy() for c in columns]
    usable = [len(set(v.tolist())) >= 2 for v in values]
    out = np.full((len(columns), len(columns)), np.nan)
    if how == "kendall":
        size = len(ranks)
        upper = np.triu_indices(size, 1)
        signs = np.array([np.sign(np.subtract.outer(v, v))[upper] for v in values], dtype=np.int64).reshape(
            len(columns), -1
        )
        concordance = signs @ signs.T  # concordant minus discordant pairs
        untied = np.count_nonzero(signs, axis=1)  # tot - ties
        for i in range(len(columns)):
            for j in range(i, len(columns)):
                if usable[i] and usable[j]:
                    tau = int(concordance[i, j]) / np.sqrt(int(untied[i])) / np.sqrt(int(untied[j]))
                    out[i, j] = out[j, i] = float(np.minimum(1.0, max(-1.0, tau)))
    else:
        ranked = [average_ranks(v) if ok else None for v, ok in zip(values, usable, strict=True)]
        for i in range(len(columns)):
            for j in range(i, len(columns)):
                a, b = ranked[i], ranked[j]
                if a is not None and b is not None:
                    out[i, j] = out[j, i] = float(np.corrcoef(np.column_stack((a, b)), rowvar=False)[1, 0])
    return pd.DataFrame(out, index=columns, columns=columns, dtype=float)


#: What a correlation cell shows when a ranking ties every strategy (JSON has ``null``).
UNDEFINED = "undefined"


def correlation_table(correlation: pd.DataFrame, ranks: pd.DataFrame, label: str) -> tuple[pd.DataFrame, str]:
    """A correlation matrix for text output, its first column named ``label``: a cell with no
    correlation (a ranking that ties every strategy) shows ``undefined`` instead of ``nan``,
    and the note names the rankings that tie every strategy.

    >>> import pandas as pd
    >>> ranks = pd.DataFrame({"m1": [1, 2, 3], "m2": [1, 1, 1]})
    >>> frame, note = correlation_table(correlations(ranks, "kendall"), ranks, "method")
    >>> frame["m2"].tolist()
    ['undefined', 'undefined']
    >>> note
    'undefined (all tied): m2 ranks every strategy alike, so no correlation with it is defined.'
    """
    tied = [str(c) for c in ranks.columns if ranks[c].nunique() < 2]
    frame = correlation.astype(object).where(correlation.notna(), UNDEFINED).reset_index(names=label)
    if not tied:
        return frame, ""
    if len(tied) == len(ranks.columns):
        who = "every ranking ties every strategy" if len(tied) > 1 else f"{tied[0]} ranks every strategy alike"
        return frame, f"{UNDEFINED} (all tied): {who}, so no rank correlation is defined."
    verb = "ranks" if len(tied) == 1 else "rank"
    pronoun = "it" if len(tied) == 1 else "them"
    return frame, (
        f"{UNDEFINED} (all tied): {', '.join(tied)} {verb} every strategy alike, "
        f"so no correlation with {pronoun} is defined."
    )


__all__ = ["UNDEFINED", "borda", "compact_ranks", "copeland", "correlation_table", "correlations"]
