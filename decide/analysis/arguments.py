"""Checking the arguments of decide's public verbs against their type hints, so a wrong-type
call (``rank(samples="many")``, ``smaa(seed=[1])``) is one :class:`~decide.core.errors.SpecError`
naming the argument, never a raw TypeError, AttributeError or KeyError from deep inside.

>>> def verb(source: str | None = None, *, samples: int = 10) -> int:
...     return samples
>>> checked(verb)(samples="many")
Traceback (most recent call last):
decide.SpecError: samples is 'many' (str); expected a whole number
"""

from __future__ import annotations

import collections.abc as abc
import functools
import inspect
import numbers
import os
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

from decide.core.errors import SpecError
from decide.core.limits import brief

_UNKNOWN = object()
#: Checked at most this many items of a sequence or mapping (the rest are the verb's to check).
_ITEMS = 1000


def _namespace(module: Any) -> dict[str, Any]:
    """Names the string annotations of ``module`` use, even those imported only for type checking."""
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

    from decide.core.model import Matrix
    from decide.core.ranks import Progress
    from decide.io.scenarios import Scenario
    from decide.methods.base import Method
    from decide.weights.result import WeightsResult
    from decide.weights.spec import WeightsLike

    names: dict[str, Any] = {
        "Path": Path,
        "Any": Any,
        "np": np,
        "npt": npt,
        "pd": pd,
        "Matrix": Matrix,
        "Method": Method,
        "Scenario": Scenario,
        "WeightsResult": WeightsResult,
        "Progress": Progress,
        "WeightsLike": WeightsLike,
    }
    return {**names, **vars(module)}


@functools.cache
def _hints(function: Callable[..., Any]) -> dict[str, Any]:
    module = inspect.getmodule(function)
    namespace = _namespace(module) if module is not None else {}
    found: dict[str, Any] = {}
    for name, parameter in inspect.signature(function).parameters.items():
        annotation = parameter.annotation
        if annotation is inspect.Parameter.empty:
            continue
        if isinstance(annotation, str):
            try:
                annotation = eval(annotation, namespace)  # the module's own annotation
            except Exception:  # an annotation that names something unavailable: not checked
                continue
        found[name] = annotation
    return found


def _forward(hint: Any, namespace: dict[str, Any]) -> Any:
    if isinstance(hint, typing.ForwardRef):
        try:
            return eval(hint.__forward_arg__, namespace)
        except Exception:
            return _UNKNOWN
    if isinstance(hint, str):
        try:
            return eval(hint, namespace)
        except Exception:
            return _UNKNOWN
    return hint


def matches(value: Any, hint: Any, namespace: dict[str, Any] | None = None) -> bool:
    """Whether ``value`` fits the type hint ``hint`` (unknown hints accept anything)."""
    hint = _forward(hint, namespace or {})
    if hint is _UNKNOWN or hint is Any or hint is object:
        return True
    if hint is None or hint is type(None):
        return value is None
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(matches(value, option, namespace) for option in arguments)
    if origin is typing.Literal:
        return value in arguments
    if hint is bool:
        return isinstance(value, bool) or type(value).__name__ == "bool_"
    if hint is int:
        return isinstance(value, numbers.Integral) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, numbers.Real) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str)
    if origin in (abc.Callable,) or hint is abc.Callable:
        return callable(value)
    if origin in (abc.Mapping, dict):
        if not isinstance(value, abc.Mapping):
            return False
        key, item = arguments if len(arguments) == 2 else (Any, Any)
        return all(matches(k, key, namespace) and matches(v, item, namespace) for k, v in list(value.items())[:_ITEMS])
    if origin in (abc.Sequence, abc.Iterable, list, tuple, abc.Collection):
        kind = abc.Sequence if origin in (abc.Sequence, list, tuple) else abc.Iterable
        if not isinstance(value, kind) or isinstance(value, (str, bytes)):
            return False
        if origin is tuple and arguments and arguments[-1] is not Ellipsis:
            return len(typing.cast(abc.Sized, value)) == len(arguments) and all(
                matches(v, h, namespace) for v, h in zip(value, arguments, strict=True)
            )
        item = arguments[0] if arguments else Any
        try:
            items = list(typing.cast(abc.Iterable[Any], value))[:_ITEMS] if isinstance(value, abc.Sized) else []
        except Exception:
            return False
        return all(matches(v, item, namespace) for v in items)
    if hint is os.PathLike or origin is os.PathLike:
        return isinstance(value, os.PathLike)
    if isinstance(hint, type) and getattr(hint, "_is_protocol", False):  # what it must have, not what it is
        members = [name for name in vars(hint) if not name.startswith("_")]
        return all(hasattr(value, name) for name in members)
    if isinstance(hint, type):
        try:
            return isinstance(value, hint)
        except TypeError:
            return True
    return True


def describe(hint: Any) -> str:
    """How an error line names what a type hint asks for."""
    if hint is None or hint is type(None):
        return "nothing (None)"
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        names = list(dict.fromkeys(describe(option) for option in arguments if option is not type(None)))
        return " or ".join(names) + (" or None" if type(None) in arguments else "")
    if origin is typing.Literal:
        return " or ".join(repr(a) for a in arguments)
    simple = {bool: "True or False", int: "a whole number", float: "a number", str: "a text"}
    if hint in simple:
        return simple[hint]
    if origin in (abc.Mapping, dict):
        return "a mapping" + (f" of {describe(arguments[0])} to {describe(arguments[1])}" if arguments else "")
    if origin in (abc.Sequence, abc.Iterable, list, tuple, abc.Collection):
        return "a list" + (f" (each {describe(arguments[0])})" if arguments else "")
    if origin is abc.Callable or hint is abc.Callable:
        return "a function"
    return f"a {getattr(hint, '__name__', str(hint))}"


def check_call(function: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Raise a :class:`SpecError` naming the first argument of this call that does not fit
    ``function``'s type hints (or that ``function`` does not take)."""
    signature = inspect.signature(function)
    try:
        bound = signature.bind(*args, **kwargs)
    except TypeError as error:
        raise SpecError(f"{function.__name__}(): {error}") from None
    hints = _hints(function)
    module = inspect.getmodule(function)
    namespace = _namespace(module) if module is not None else {}
    extra = next((p.name for p in signature.parameters.values() if p.kind is p.VAR_KEYWORD), None)
    for name, value in bound.arguments.items():
        if name == extra:
            _check_selection_fields(function, value)
        elif name in hints and not matches(value, hints[name], namespace):
            kind = type(value).__name__
            raise SpecError(
                f"is {brief(value, 50)} ({kind}); expected {describe(_forward(hints[name], namespace))}", field=name
            )


def _check_selection_fields(function: Callable[..., Any], given: dict[str, Any]) -> None:
    """The selection's keyword arguments (``actors=``, ``method=``, ...) checked as the named ones are."""
    import decide.analysis.selection as selection

    fields = selection.SelectionFields.__annotations__
    namespace = _namespace(selection)
    for name, value in given.items():
        if name not in fields:
            raise SpecError(f"{function.__name__}(): got an unexpected keyword argument '{name}'")
        if not matches(value, fields[name], namespace):
            kind = type(value).__name__
            raise SpecError(
                f"is {brief(value, 50)} ({kind}); expected {describe(_forward(fields[name], namespace))}", field=name
            )


def checked(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` with its arguments checked against its type hints first (:func:`check_call`)."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        check_call(function, args, kwargs)
        return function(*args, **kwargs)

    wrapper.__decide_checked__ = True  # type: ignore[attr-defined]
    return wrapper


__all__ = ["check_call", "checked", "describe", "matches"]
