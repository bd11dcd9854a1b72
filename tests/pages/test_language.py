"""The optional `language` field: a BCP 47 tag, shown on the brief's page and in the open data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.build import Project, generate
from generator.errors import ValidationFailed

from ..conftest import copy_project

BRIEF = "nk-troops-defecting"


def _set_language(root: Path, line: str) -> None:
    annotation = root / "briefs" / f"{BRIEF}.yml"
    annotation.write_text(annotation.read_text("utf-8").replace("\nsummary:", f"\n{line}\nsummary:", 1), "utf-8")


def test_language_is_shown_on_the_brief_and_in_the_open_data(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    _set_language(root, 'language: "pt-BR"')
    pages = generate(Project.at(root), write=False).pages
    assert " · Language: `pt-BR`" in pages[f"briefs/{BRIEF}.md"]
    entries = {b["slug"]: b for b in json.loads(pages["data/briefs.json"])["briefs"]}
    assert entries[BRIEF]["language"] == "pt-BR"
    assert all(b["language"] is None for slug, b in entries.items() if slug != BRIEF)  # left out: null
    assert not any("Language:" in text for path, text in pages.items() if path != f"briefs/{BRIEF}.md")


@pytest.mark.parametrize("value", ['"english"', '"e"', '"en_GB"', '"en-"'])
def test_a_language_that_is_no_bcp_47_tag_is_refused_at_its_line(tmp_path: Path, value: str) -> None:
    root = copy_project(tmp_path / "project")
    _set_language(root, f"language: {value}")
    with pytest.raises(ValidationFailed) as failed:
        generate(Project.at(root), write=False)
    assert any("language" in p.message and p.location.line for p in failed.value.problems)
