"""The MOORA family (ratio, reference point, full multiplicative form, MULTIMOORA)."""

from __future__ import annotations

import pytest

from decide import MethodError
from tests.helpers import (
    evaluate,
    make_matrix,
)


def test_multimoora_needs_positive_weights():
    matrix = make_matrix([[5, 2], [3, 1]], ["max", "min"], [1, 0])
    with pytest.raises(MethodError, match="criterion 'c2' has weight 0"):
        evaluate(matrix, "multimoora")
