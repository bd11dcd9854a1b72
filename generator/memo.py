"""What one generator run keeps for the next in the same process, so a live-preview server re-reads, re-validates
and re-renders only what an edit changed.

Every stage asks `Memo.get(name, key, make)`: the value made last time is reused when the key equals last time's.
Keys are tuples of the stage's real inputs (file bytes, Brief and Topic objects, labels, the site settings), so a
hit is exactly as correct as a fresh computation: tuples compare their items by identity first, which makes an
unchanged brief (the very object the last run made) cheap to compare, and a changed one compares by value.
Entries no run has asked for since the last `sweep()` are dropped, so the memo never outgrows the corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class Memo:
    keeps = True  # whether values outlive the run: when not, callers skip computing costly keys

    def __init__(self) -> None:
        self._entries: dict[Hashable, tuple[Any, Any]] = {}
        self._used: set[Hashable] = set()
        self.hits = 0
        self.misses = 0

    def get(self, name: Hashable, key: Any, make: Callable[[], T]) -> T:
        """The value for `name`: last run's if its key equals `key`, else `make()` (remembered under `key`)."""
        hit, value = self.lookup(name, key)
        if hit:
            return value
        value = make()
        self.set(name, key, value)
        return value

    def lookup(self, name: Hashable, key: Any) -> tuple[bool, Any]:
        """(True, value) when last run's value for `name` was made with `key`, else (False, None)."""
        self._used.add(name)
        entry = self._entries.get(name)
        if entry is not None and entry[0] == key:
            self.hits += 1
            return True, entry[1]
        self.misses += 1
        return False, None

    def set(self, name: Hashable, key: Any, value: Any) -> None:
        """Remember `value` under `key` (what a stage learnt after the fact, e.g. that a file now holds a page)."""
        self._used.add(name)
        self._entries[name] = (key, value)

    def sweep(self) -> None:
        """Forget what this run did not ask for (deleted briefs, topics no brief has any more)."""
        for name in self._entries.keys() - self._used:
            del self._entries[name]
        self._used.clear()
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)


class NoMemo(Memo):
    """A one-off run (`briefing build`, `briefing check`): nothing is kept."""

    keeps = False

    def lookup(self, name: Hashable, key: Any) -> tuple[bool, Any]:
        return False, None

    def set(self, name: Hashable, key: Any, value: Any) -> None:
        pass
