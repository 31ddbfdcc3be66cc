"""The defaults every floor shares, kept where importing them costs nothing (``decide --help``
reads them without loading the methods)."""

#: The method ``decide rank`` (and every other command) uses when none is named.
DEFAULT_METHOD = "topsis"
#: The rule that turns an importance ordering into weights when none is named.
DEFAULT_WEIGHTING = "roc"
#: The rules that turn an importance ordering into weights (see :mod:`decide.weights.ordering`).
WEIGHTING_RULES = ("roc", "rs", "rr")

__all__ = ["DEFAULT_METHOD", "DEFAULT_WEIGHTING", "WEIGHTING_RULES"]
