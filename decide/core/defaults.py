"""The defaults every floor shares, kept where importing them costs nothing (``decide --help``
reads them without loading the methods)."""

#: The method ``decide rank`` (and every other command) uses when none is named.
DEFAULT_METHOD = "topsis"
#: The rule that turns an importance ordering into weights when none is named.
DEFAULT_WEIGHTING = "roc"
#: The rules that turn an importance ordering into weights (see :mod:`decide.weights.ordering`).
WEIGHTING_RULES = ("roc", "rs", "rr")

#: The random seed of ``smaa`` and ``report`` unless told otherwise: the same command gives the
#: same result, and the caption says which seed it was.
DEFAULT_SEED = 0

__all__ = ["DEFAULT_METHOD", "DEFAULT_SEED", "DEFAULT_WEIGHTING", "WEIGHTING_RULES"]
