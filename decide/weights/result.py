"""What every weighting method returns: :class:`WeightsResult`."""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import pandas as pd


def _pandas() -> Any:
    """pandas, imported on first use: ordering weights (ROC, RS, RR) are computed while a
    matrix file's profiles are checked, and listing matrices must not pay for pandas."""
    import pandas

    return pandas


@dataclass(frozen=True, eq=False, repr=False)
class WeightsResult:
    """Weights from one elicitation method.

    >>> import pandas as pd
    >>> result = WeightsResult("swing", pd.Series({"a": 0.75, "b": 0.25}), {"points": {"a": 100, "b": 33.3}})
    >>> result.to_dict()
    {'method': 'swing', 'weights': {'a': 0.75, 'b': 0.25}, 'points': {'a': 100, 'b': 33.3}}
    """

    method: str
    weights: pd.Series
    extras: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def caption(self) -> str:
        """One line saying which method made the weights, and its key extras."""
        parts = [f"Weights by {self.method}"]
        if "order" in self.extras:
            parts.append(f"from the ordering {self.extras['order']}")
        if "consistency_ratio" in self.extras:
            cr = self.extras["consistency_ratio"]
            parts.append(
                f"lambda_max={self.extras['lambda_max']:.4f}, CI={self.extras['consistency_index']:.4f}, "
                + (f"CR={cr:.4f}" if cr is not None else "CR undefined")
            )
        return ", ".join(parts)

    def sections(self) -> list[Any]:
        """One titled table for the text exports: the caption, the most inconsistent AHP
        judgment and the note on objective weights, then criterion and weight."""
        from decide.core.tables import Section

        parts = [self.caption]
        worst = self.extras.get("most_inconsistent")
        if worst:
            a, b = worst["pair"]
            parts.append(
                f"most inconsistent judgment: {a} vs {b} (given {_fraction(worst['judgment'])},"
                f" consistent with the others: about {_fraction(worst['suggested'])})"
            )
        if self.note:
            parts.append(self.note)
        return [Section(f"weights {self.method}", "; ".join(parts), self.to_frame().reset_index())]

    def as_mapping(self) -> dict[str, float]:
        """The weights as ``{criterion: weight}``, rounded to 4 decimals."""
        return {str(name): round(float(weight), 4) for name, weight in self.weights.items()}

    def to_dict(self) -> dict[str, Any]:
        """``{"method": ..., "weights": {criterion: weight}, **extras}``, safe for :func:`json.dumps`."""
        return {"method": self.method, "weights": self.as_mapping(), **_json_safe(self.extras)}

    def to_frame(self, provenance: bool = False) -> pd.DataFrame:
        """The weights as a one-column DataFrame indexed by criterion; with ``provenance=True``
        (what CSV exports hold) ``criterion`` is a column and ``method`` names the method."""
        frame = self.weights.rename("weight").rename_axis("criterion").to_frame()
        if provenance:
            frame = frame.reset_index()
            frame["method"] = self.method
        return frame

    def __str__(self) -> str:
        from tabulate import tabulate

        from decide.core.layout import terminal_width, wrap_text

        width = terminal_width()
        table = tabulate(
            [(name, f"{weight:.4f}") for name, weight in self.weights.items()],
            headers=["criterion", "weight"],
            disable_numparse=True,
        )
        lines = [wrap_text(self.caption, width), table]
        lines += [wrap_text(f"Warning: {warning}", width) for warning in self.warnings]
        if self.note:
            lines.append(wrap_text(f"Note: {self.note}", width))
        return "\n".join(lines)

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(str(name))}</td><td>{weight:.4f}</td></tr>" for name, weight in self.weights.items()
        )
        notes = "".join(f"<p><b>Warning:</b> {html.escape(w)}</p>" for w in self.warnings)
        if self.note:
            notes += f"<p><i>{html.escape(self.note)}</i></p>"
        return (
            f"<table><caption>{html.escape(self.caption)}</caption>"
            f"<thead><tr><th>criterion</th><th>weight</th></tr></thead><tbody>{rows}</tbody></table>{notes}"
        )


def _json_safe(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(key): _json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(item) for item in value]
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if math.isfinite(value) else None
    return value


def _fraction(value: float) -> str:
    return f"{value:.2g}" if value >= 1 else f"1/{1 / value:.2g}"


__all__ = ["WeightsResult"]
