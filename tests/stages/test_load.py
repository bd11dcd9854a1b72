"""Stage 1: which files are briefs, and how a bad file is reported while the others load."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import BriefingError
from generator.stages.load import annotation_paths, load_brief, load_corpus

ANNOTATION = "title: T\nsource: {}\nsummary: S\ntopics: [A]\n"


@pytest.fixture
def briefs(tmp_path: Path) -> Path:
    folder = tmp_path / "briefs"
    folder.mkdir()
    return folder


def write(folder: Path, slug: str, annotation: str = ANNOTATION, article: str | None = "Headline\nBody.\n") -> None:
    (folder / f"{slug}.yml").write_text(annotation, "utf-8")
    if article is not None:
        (folder / f"{slug}.txt").write_text(article, "utf-8")


def test_drafts_and_the_topic_registry_are_not_briefs(briefs: Path) -> None:
    write(briefs, "one")
    (briefs / "one.draft.yml").write_text(ANNOTATION, "utf-8")
    (briefs / "topics.yml").write_text("topics: []\n", "utf-8")
    assert [p.name for p in annotation_paths(briefs)] == ["one.yml"]


def test_brief_carries_slug_text_and_line_map(briefs: Path) -> None:
    write(briefs, "one")
    raw = load_brief(briefs.parent, briefs, briefs / "one.yml")
    assert raw.slug == "one"
    assert raw.article_text == "Headline\nBody.\n"
    assert raw.annotation.where == "briefs/one.yml"
    assert raw.annotation.line(("topics", 0)) == 4


def test_annotation_without_article_is_an_error_naming_the_missing_file(briefs: Path) -> None:
    write(briefs, "lonely", article=None)
    with pytest.raises(BriefingError, match=r"^briefs/lonely.yml:1: no article .* briefs/lonely.txt"):
        load_brief(briefs.parent, briefs, briefs / "lonely.yml")


def test_empty_article_is_an_error(briefs: Path) -> None:
    write(briefs, "blank", article="  \n\n")
    with pytest.raises(BriefingError, match="article is empty"):
        load_brief(briefs.parent, briefs, briefs / "blank.yml")


@pytest.mark.parametrize("name", ["Upper", "with space", "under_score", "trailing-", "ünïcode"])
def test_file_names_that_are_not_page_safe_are_refused(briefs: Path, name: str) -> None:
    write(briefs, name)
    with pytest.raises(BriefingError, match="file name must be lowercase"):
        load_brief(briefs.parent, briefs, briefs / f"{name}.yml")


def test_one_bad_file_does_not_stop_the_others(briefs: Path) -> None:
    write(briefs, "good")
    write(briefs, "bad", annotation="title: [unclosed\n")
    (briefs / "topics.yml").write_text("topics: []\n", "utf-8")
    corpus = load_corpus(briefs.parent, briefs)
    assert [b.slug for b in corpus.briefs] == ["good"]
    assert [str(p).split(":")[0] for p in corpus.problems] == ["briefs/bad.yml"]


def test_article_without_annotation_is_a_warning(briefs: Path) -> None:
    (briefs / "orphan.txt").write_text("Text", "utf-8")
    (briefs / "topics.yml").write_text("topics: []\n", "utf-8")
    problems = load_corpus(briefs.parent, briefs).problems
    assert [(p.severity, p.location.path) for p in problems] == [("warning", "briefs/orphan.txt")]


def test_missing_topic_registry_is_a_warning(briefs: Path) -> None:
    write(briefs, "one")
    corpus = load_corpus(briefs.parent, briefs)
    assert corpus.topics is None
    assert [p.severity for p in corpus.problems] == ["warning"]
