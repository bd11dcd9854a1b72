"""One exception type for everything an editor can get wrong, always with a file and a line."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Location:
    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True, order=True)
class Problem:
    location: Location
    message: str
    severity: str = "error"  # "error" stops the build; "warning" is only reported

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.location}: {prefix}{self.message}"


class BriefingError(Exception):
    """An error in the editor's input, reported as `file:line: message`, never as a traceback."""

    def __init__(self, location: Location, message: str) -> None:
        super().__init__(f"{location}: {message}")
        self.location = location
        self.message = message

    @property
    def problems(self) -> list[Problem]:
        return [Problem(self.location, self.message)]


class ValidationFailed(BriefingError):
    """Many problems at once: every error of every file found in one run."""

    def __init__(self, problems: list[Problem]) -> None:
        self._problems = sorted(problems)
        first = self._problems[0]
        super().__init__(first.location, first.message)
        self.args = ("\n".join(str(p) for p in self._problems),)

    @property
    def problems(self) -> list[Problem]:
        return list(self._problems)


def display_path(path: Path, root: Path) -> str:
    """A path as the editor knows it: relative to the project root when inside it."""
    absolute = Path(os.path.abspath(path))  # not resolve(): a symlink is named as the editor sees it
    try:
        return absolute.relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
