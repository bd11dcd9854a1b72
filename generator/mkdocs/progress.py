"""What a long build is doing, as it does it: on a terminal, each stage with a progress bar (pages done out of the
total, time left); elsewhere (CI, the Pages workflow, a pipe), one line per finished stage with its time and counts.

A 1,000-brief `briefing build` takes about a minute and a 10,000-brief one about thirteen: silence that long reads
as a hang. `run.py` reports the generator's stage and the search index; the plugin (plugin.py) the per-page stages
of MkDocs, which it sees page by page."""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO


class Progress:
    """Says nothing: what a library call (tests, `mkdocs build`) gets unless it asks for more."""

    def start(self, stage: str, total: int | None = None) -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass

    def done(self, summary: str) -> None:
        pass

    def close(self) -> None:
        pass


class Lines(Progress):
    """One line per finished stage: `stage: summary (12.3 s)`."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._stage: str | None = None
        self._started = 0.0

    def start(self, stage: str, total: int | None = None) -> None:
        self._stage, self._started = stage, time.perf_counter()

    def done(self, summary: str) -> None:
        if self._stage is None:
            return
        seconds = time.perf_counter() - self._started
        self._stream.write(f"{self._stage}: {summary} ({seconds:.1f} s)\n")
        self._stream.flush()
        self._stage = None


class Bars(Progress):
    """A live display on the terminal (rich): the finished stages stay on screen with their summaries."""

    def __init__(self, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import (
            Progress as RichProgress,
        )

        self._bars = RichProgress(
            SpinnerColumn(finished_text="[green]✓"),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("elapsed"),
            TimeElapsedColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
            console=Console(file=stream),
            transient=False,
        )
        self._task: Any = None
        self._stage = ""
        self._started = 0.0
        self._bars.start()

    def start(self, stage: str, total: int | None = None) -> None:
        self._stage, self._started = stage, time.perf_counter()
        self._task = self._bars.add_task(stage, total=total)

    def advance(self, count: int = 1) -> None:
        if self._task is not None:
            self._bars.advance(self._task, count)

    def done(self, summary: str) -> None:
        if self._task is None:
            return
        seconds = time.perf_counter() - self._started
        task = self._bars.tasks[-1]
        self._bars.update(
            self._task,
            description=f"{self._stage}: {summary} ({seconds:.1f} s)",
            total=task.total or 1,
            completed=task.total or 1,
        )
        self._bars.stop_task(self._task)
        self._task = None

    def close(self) -> None:
        self._bars.stop()


def for_stream(stream: TextIO | None = None) -> Progress:
    """Bars on a terminal, lines elsewhere."""
    stream = stream or sys.stderr
    return Bars(stream) if stream.isatty() else Lines(stream)
