"""Immutable records stored as tuples (stdlib only).

The text layer hands out many small records (tokens, numbers, times). A frozen dataclass sets every field with
``object.__setattr__`` in its generated ``__init__`` (about 2 µs for a 13-field ``NumberMatch``); a tuple is made
in one C call (about 0.2 µs with ``tuple.__new__(cls, fields)``). ``FrozenRecord`` put before a
``collections.namedtuple`` base gives a tuple that behaves like the frozen dataclass it replaces: the same
``repr`` (``Name(field=value, ...)``), equal only to a record of the same class with the same fields, the hash of
its fields, no ordering, and assignment raises ``dataclasses.FrozenInstanceError``. (Unlike a dataclass it can
also be unpacked and indexed.)
"""
from __future__ import annotations

from dataclasses import FrozenInstanceError

__all__ = ["FrozenRecord"]


class FrozenRecord:
    """Mixin for a ``namedtuple`` subclass: ``class Rec(FrozenRecord, namedtuple("Rec", fields)): __slots__ = ()``."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return tuple.__eq__(self, other)  # type: ignore[arg-type]
        if isinstance(other, tuple):
            return False  # not NotImplemented: tuple's reflected == would compare the fields
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return tuple.__ne__(self, other)  # type: ignore[arg-type]
        if isinstance(other, tuple):
            return True
        return NotImplemented

    __hash__ = tuple.__hash__  # type: ignore[assignment]  # the hash of the fields, as a frozen dataclass

    def __lt__(self, other: object) -> bool:
        return NotImplemented

    __le__ = __gt__ = __ge__ = __lt__

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")
