"""The defaults every floor shares, kept where importing them costs nothing (``decide --help``
reads them without loading the methods)."""

#: The method ``decide rank`` (and every other command) uses when none is named.
DEFAULT_METHOD = "topsis"
#: The rule that turns an importance ordering into weights when none is named.
DEFAULT_WEIGHTING = "roc"

__all__ = ["DEFAULT_METHOD", "DEFAULT_WEIGHTING"]
