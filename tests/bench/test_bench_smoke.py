"""The benchmark works: its corpus is deterministic and valid, and a run at the smallest size writes results.

Nothing here times anything: the benchmark's numbers are for bench/results/, never assertions (`make bench`).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench import corpus
from bench.table import markdown
from generator.build import Project, check

from ..conftest import REPO


def _digest(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_corpus_is_deterministic_and_every_annotation_checks_out(tmp_path: Path) -> None:
    first = corpus.write_corpus(tmp_path / "a", 12, REPO)
    second = corpus.write_corpus(tmp_path / "b", 12, REPO)
    assert first == second
    assert _digest(tmp_path / "a" / "briefs") == _digest(tmp_path / "b" / "briefs")
    checked, _ = check(Project.at(tmp_path / "a"))
    assert len(checked.briefs) == 12
    for brief in checked.briefs:
        assert 5 <= len(brief.figures) <= 15
        assert 3 <= len(brief.quotes) <= 8
        assert 3 <= len(brief.topics) <= 8
        assert 400 <= len(brief.article_text.split()) <= 1200


def test_a_smaller_corpus_is_the_start_of_a_larger_one(tmp_path: Path) -> None:
    corpus.write_corpus(tmp_path / "small", 5, REPO)
    corpus.write_corpus(tmp_path / "large", 9, REPO)
    small = _digest(tmp_path / "small" / "briefs")
    large = _digest(tmp_path / "large" / "briefs")
    assert {name: data for name, data in small.items() if name != "topics.yml"}.items() <= large.items()


def test_known_queries_name_pages_of_the_corpus(tmp_path: Path) -> None:
    corpus.write_corpus(tmp_path, 10, REPO)
    slugs = {p.stem for p in (tmp_path / "briefs").glob("*.txt")}
    queries = corpus.known_queries(10)
    assert {q["kind"] for q in queries} == {"title", "quote", "speaker", "topic"}
    for query in queries:
        for expected in query["expect"] if isinstance(query["expect"], list) else [query["expect"]]:
            kind, slug = expected.strip("/").split("/")
            assert kind == "topics" or slug in slugs


def test_benchmark_runs_at_its_smallest_size(tmp_path: Path) -> None:
    out = tmp_path / "results"
    command = [sys.executable, "-m", "bench.run", "--sizes", "20", "--repeats", "1", "--no-browser", "--no-serve"]
    command += ["--out", str(out), "--work", str(tmp_path / "work")]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    latest = json.loads((out / "latest.json").read_text())
    summary = latest["sizes"][0]["summary"]
    assert summary["pages"] > 20
    assert summary["edit_pages_written"] >= 1  # the edited brief's page at least
    assert summary["edit_pages_written"] < summary["pages"]  # ...and never everything
    assert summary["material_index_bytes"] > 0
    assert summary["pagefind_bundle_bytes"] > 0
    for key in ("generator_cold_s", "generator_warm_s", "mkdocs_s", "briefing_material_s", "briefing_pagefind_s"):
        assert summary[key] > 0, key
    table = (out / "latest.md").read_text()
    assert "| 20 briefs |" in table
    assert table == markdown(latest)
    assert "Machine:" in table
