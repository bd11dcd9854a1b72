"""Site search: Material's single index for small corpora, Pagefind's chunked index from PAGEFIND_FROM briefs.

Real builds through real MkDocs, Material and the pagefind binary, into temporary folders.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.build import Project, generate
from generator.errors import BriefingError
from generator.mkdocs import search
from generator.mkdocs.staging import build_site

from ..conftest import run


@pytest.mark.parametrize(
    ("mode", "briefs", "engine"),
    [
        ("auto", 5, "material"),
        ("auto", search.PAGEFIND_FROM - 1, "material"),
        ("auto", search.PAGEFIND_FROM, "pagefind"),
        ("auto", 10_000, "pagefind"),
        ("material", 10_000, "material"),
        ("pagefind", 1, "pagefind"),
        ("Pagefind ", 1, "pagefind"),
    ],
)
def test_engine_by_mode_and_corpus_size(mode: str, briefs: int, engine: str) -> None:
    assert search.resolve(mode, briefs) == engine


def test_engine_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(search.SEARCH_ENV, "pagefind")
    assert search.resolve(None, 1) == "pagefind"
    assert search.resolve("material", 1) == "material"  # an explicit choice wins
    monkeypatch.setenv(search.SEARCH_ENV, "lunr")
    with pytest.raises(BriefingError, match="search must be one of auto, material, pagefind"):
        search.resolve(None, 1)


def test_pagefind_binary_is_installed() -> None:
    assert search.pagefind_executable().is_file()


def test_pagefind_build_has_a_chunked_index_and_no_material_index(project: Path) -> None:
    result = run(["briefing", "build", "--search", "pagefind"], cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    pages = len(list((site / "briefs").rglob("index.html"))) + len(list((site / "topics").rglob("index.html"))) + 1
    indexed = sum(language["page_count"] for language in entry["languages"].values())
    assert indexed == pages  # briefs, topics and figures; not home, not 404
    assert (site / "pagefind" / "pagefind-ui.js").is_file()
    assert (site / "pagefind" / "pagefind-ui.css").is_file()  # the partial loads both
    assert not (site / "search" / "search_index.json").exists()
    home = (site / "index.html").read_text("utf-8")
    assert 'id="briefing-search"' in home
    assert 'name="search"' not in home  # Material's search form would make its JS fetch search_index.json


def test_small_corpus_keeps_materials_search_by_default(project: Path) -> None:
    result = run(["briefing", "build"], cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "search" / "search_index.json").is_file()
    assert not (project / "site" / "pagefind").exists()
    assert 'id="briefing-search"' not in (project / "site" / "index.html").read_text("utf-8")


def test_plain_mkdocs_build_indexes_with_pagefind_too(project: Path) -> None:
    result = run(["mkdocs", "build", "--strict"], cwd=project, BRIEFING_SEARCH="pagefind")
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "pagefind" / "pagefind-entry.json").is_file()
    assert not (project / "site" / "search" / "search_index.json").exists()


def test_fresh_pages_are_not_generated_twice(project: Path) -> None:
    """`briefing build` generates, then hands the plugin what it generated: a page deleted between the two stays
    deleted, which proves the plugin did not run the generator again."""
    generated = generate(Project.at(project))
    page = next((project / "site_src" / "briefs").glob("*.md"))
    page.unlink()
    build_site(project / "mkdocs.yml", project / "site", strict=False, fresh=generated)
    assert not (project / "site" / "briefs" / page.stem).exists()
    build_site(project / "mkdocs.yml", project / "site", strict=False)
    assert (project / "site" / "briefs" / page.stem / "index.html").is_file()


def test_a_failing_pagefind_keeps_the_previous_site(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(["briefing", "build"], cwd=project).returncode == 0
    before = sorted(p.relative_to(project / "site").as_posix() for p in (project / "site").rglob("*"))
    monkeypatch.setattr(search, "pagefind_executable", lambda: Path("/bin/false"))
    with pytest.raises(BriefingError, match="site build failed, previous site kept"):
        build_site(project / "mkdocs.yml", project / "site", search="pagefind")
    assert sorted(p.relative_to(project / "site").as_posix() for p in (project / "site").rglob("*")) == before
