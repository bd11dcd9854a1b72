"""Drafts of real and written articles load back through yamlio, pass schema and provenance, and are stable."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.drafting.draft import build_draft, load_registry, new_items, render, yaml_string
from generator.stages.load import RawBrief
from generator.stages.validate import validate_brief, validate_topics
from generator.text import yamlio

REPO = Path(__file__).resolve().parents[2]
ARTICLES = sorted((REPO / "briefs").glob("*.txt")) + sorted((REPO / "tests" / "gold" / "articles").glob("*.txt"))
SCHEMA_LINE = "# yaml-language-server: $schema=../generator/schemas/annotation.schema.json"


@pytest.fixture(scope="module")
def registry() -> tuple:
    topics = yamlio.load((REPO / "briefs" / "topics.yml").read_text("utf-8"), "briefs/topics.yml")
    return load_registry(REPO / "briefs"), validate_topics(topics)


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_draft_passes_schema_and_provenance(article: Path, registry: tuple) -> None:
    drafting_registry, (topics, lookup, _) = registry
    text = article.read_text("utf-8")
    output = render(build_draft(text, drafting_registry), article.name)
    assert output.startswith(SCHEMA_LINE + "\n")
    doc = yamlio.load(output, "draft.yml")
    assert doc.data["status"] == "draft"
    brief, problems = validate_brief(RawBrief("draft", doc, article.name, text), lookup, topics)
    assert brief is not None, [str(p) for p in problems]
    assert not [p for p in problems if p.severity == "error"]


@pytest.mark.parametrize("article", ARTICLES[:2], ids=lambda p: p.stem)
def test_same_text_gives_a_byte_identical_draft(article: Path, registry: tuple) -> None:
    text = article.read_text("utf-8")
    first = render(build_draft(text, registry[0]), article.name)
    assert all(render(build_draft(text, registry[0]), article.name) == first for _ in range(3))


def test_hostile_characters_are_escaped_and_load_back() -> None:
    value = 'a "quote"\\ \u2028line\u0085 #not-a-comment: {x}\n- item'
    assert yamlio.load(f"key: {yaml_string(value)}\n", "x").data["key"] == value


def test_draft_of_text_with_control_and_bidi_characters_still_validates(registry: tuple) -> None:
    text = "Headline here\n\n“Nothing \u202ewill stop us,” said Anna Berg. About 1,200 workers joined.\x07\n"
    output = render(build_draft(text, registry[0]), "x.txt")
    doc = yamlio.load(output, "draft.yml")
    _, (topics, lookup, _) = registry
    brief, problems = validate_brief(RawBrief("x", doc, "x.txt", text), lookup, topics)
    assert brief is not None, [str(p) for p in problems]


def test_new_items_lists_what_the_editor_lacks(registry: tuple) -> None:
    text = (REPO / "briefs" / "nk-upgrades-army-in-ukraine.txt").read_text("utf-8")
    draft = build_draft(text, registry[0])
    editor = yamlio.load((REPO / "briefs" / "nk-upgrades-army-in-ukraine.yml").read_text("utf-8"), "x").data
    new = new_items(draft, editor)
    assert not any("at least 11,000" in line for line in new)  # the editor has it
    assert new_items(draft, {}) and len(new_items(draft, {})) > len(new)


def test_a_project_override_replaces_the_draft_template(tmp_path: Path) -> None:
    """site_src/overrides/templates/draft.yml.j2 replaces the package's, as page templates are replaced."""
    from generator.drafting.redraft import redraft

    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "port-strike.txt").write_text('Dock workers walked out. "We stay out," said Ana Ruiz.\n', "utf-8")
    packaged = redraft(tmp_path, briefs, ["port-strike"], write=False)[0].text
    assert packaged.startswith("#") and "title:" in packaged
    overrides = tmp_path / "site_src" / "overrides" / "templates"
    overrides.mkdir(parents=True)
    (overrides / "draft.yml.j2").write_text("# house style\ntitle: {{ title | q }}\nsummary: {{ summary | q }}\n")
    [item] = redraft(tmp_path, briefs, ["port-strike"])
    assert item.text == (briefs / "port-strike.yml").read_text("utf-8")
    assert item.text.startswith("# house style\ntitle: ")
    assert "quotes:" not in item.text
