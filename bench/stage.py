"""The generator stage alone, timed inside one process (run by bench/run.py in a fresh interpreter).

    python -m bench.stage ROOT EDIT_ANNOTATION [--profile OUT]

prints JSON: the cold run (an empty docs folder, as `briefing build` runs it), then, in the same process and
with the memo a live-preview server keeps, a warm run after a one-annotation edit, with the pages each run wrote.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def edit(annotation: Path, marker: str) -> None:
    """A one-annotation edit an editor makes: a sentence added to the summary."""
    text = annotation.read_text("utf-8")
    annotation.write_text(text.replace('summary: "', f'summary: "{marker} ', 1), "utf-8")


def main(argv: list[str]) -> dict:
    root, annotation = Path(argv[0]), Path(argv[1])
    started = time.perf_counter()
    from generator.build import Project, generate
    from generator.memo import Memo

    imported = time.perf_counter()
    project = Project.at(root)
    profile = argv[3] if len(argv) > 3 and argv[2] == "--profile" else None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    cold = generate(project)  # as `briefing build` runs it: no memo, rendering on every core
    cold_done = time.perf_counter()
    if profile:
        profiler.disable()
        profiler.dump_stats(profile)
    memo = Memo()  # what a preview server keeps between runs; its first run fills it
    generate(project, memo=memo)
    edit(annotation, f"Edited at {time.time():.0f}.")
    warm_started = time.perf_counter()
    warm = generate(project, memo=memo)
    warm_done = time.perf_counter()
    assert cold.report and warm.report
    return {
        "import_s": imported - started,
        "cold_s": cold_done - imported,
        "cold_written": len(cold.report.written),
        "pages": len(cold.pages),
        "warm_s": warm_done - warm_started,
        "warm_written": len(warm.report.written),
        "warm_written_pages": warm.report.written[:20],
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
