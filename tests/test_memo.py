"""The memo a preview server keeps between runs: a run after any edit gives exactly what a fresh run gives,
and rewrites only the pages the edit changed."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.build import Project, generate
from generator.errors import ValidationFailed
from generator.memo import Memo, NoMemo


def test_get_reuses_the_value_while_the_key_is_equal() -> None:
    memo, made = Memo(), []

    def make(value: str) -> Callable[[], str]:
        return lambda: made.append(value) or value

    assert memo.get("page", ("a", 1), make("first")) == "first"
    assert memo.get("page", ("a", 1), make("second")) == "first"
    assert memo.get("page", ("a", 2), make("third")) == "third"
    assert made == ["first", "third"]


def test_sweep_forgets_what_the_run_did_not_ask_for() -> None:
    memo = Memo()
    memo.get("kept", 1, lambda: "k")
    memo.get("dropped", 1, lambda: "d")
    memo.sweep()
    memo.get("kept", 1, lambda: "k")
    memo.sweep()
    assert memo.lookup("kept", 1) == (True, "k")
    assert memo.lookup("dropped", 1) == (False, None)


def test_set_and_lookup() -> None:
    memo = Memo()
    memo.set("file", ("text", 3), True)
    assert memo.lookup("file", ("text", 3)) == (True, True)
    assert memo.lookup("file", ("text", 4)) == (False, None)


def test_no_memo_keeps_nothing() -> None:
    memo = NoMemo()
    memo.set("a", 1, "x")
    assert memo.lookup("a", 1) == (False, None)
    assert memo.get("a", 1, lambda: "y") == "y"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def _summary_edit(briefs: Path) -> None:
    _replace(briefs / "nk-defectors-insight.yml", "summary: >-\n", "summary: >-\n  An edited first sentence.\n")


def _figure_value_edit(briefs: Path) -> None:
    # a compared figure: its brief, the figures page, its chart and every topic page of the brief change
    _replace(briefs / "nk-defectors-insight.yml", 'value: "over 100"', 'value: "11,000"')


def _topic_added(briefs: Path) -> None:
    _replace(briefs / "nk-defectors-insight.yml", "topics:\n", "topics:\n  - Kursk\n")


def _topic_description_edit(briefs: Path) -> None:
    text = (briefs / "topics.yml").read_text("utf-8")
    first = re.search(r"description: (.+)", text)
    assert first
    _replace(briefs / "topics.yml", first.group(0), 'description: "An edited description."')


def _article_edit(briefs: Path) -> None:
    article = briefs / "nk-defectors-insight.txt"
    article.write_text(article.read_text("utf-8") + "\nA paragraph added at the end.\n", "utf-8")


def _brief_removed(briefs: Path) -> None:
    (briefs / "nk-defectors-insight.yml").unlink()
    (briefs / "nk-defectors-insight.txt").unlink()


def _brief_added(briefs: Path) -> None:
    for suffix in (".yml", ".txt"):
        text = (briefs / f"nk-defectors-insight{suffix}").read_text("utf-8")
        (briefs / f"nk-defectors-copy{suffix}").write_text(text.replace("Insight from Defectors", "A Copy"), "utf-8")


EDITS = {
    "summary": _summary_edit,
    "figure value": _figure_value_edit,
    "topic added": _topic_added,
    "topic description": _topic_description_edit,
    "article text": _article_edit,
    "brief added": _brief_added,
    "brief removed": _brief_removed,  # last: the edits above change this brief
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_a_run_after_an_edit_equals_a_fresh_run(project: Path, tmp_path: Path, name: str) -> None:
    memo = Memo()
    generate(Project.at(project), memo=memo)
    docs = project / "site_src"
    before = {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    EDITS[name](project / "briefs")
    warm = generate(Project.at(project), memo=memo)
    fresh = generate(Project.at(project, docs_dir=tmp_path / "fresh"))
    assert warm.pages == fresh.pages
    assert warm.report
    assert set(warm.report.written) == {page for page, text in fresh.pages.items() if before.get(page) != text.encode()}
    assert memo.hits == 0  # sweep() resets the counters after each run


def test_every_edit_in_a_row_stays_equal_to_a_fresh_run(project: Path, tmp_path: Path) -> None:
    memo = Memo()
    generate(Project.at(project), memo=memo)
    for number, name in enumerate(EDITS):
        EDITS[name](project / "briefs")
        warm = generate(Project.at(project), memo=memo)
        fresh = generate(Project.at(project, docs_dir=tmp_path / f"fresh-{number}"))
        assert warm.pages == fresh.pages, name


def test_an_edit_rewrites_only_what_it_changes(project: Path) -> None:
    memo = Memo()
    generate(Project.at(project), memo=memo)
    _summary_edit(project / "briefs")
    warm = generate(Project.at(project), memo=memo)
    assert warm.report
    # the brief, the home page's list, the feeds and the open data carry the summary; topic pages do not
    assert sorted(warm.report.written) == [
        "briefs/nk-defectors-insight.md",
        "data/briefs.json",
        "feed.json",
        "feed.xml",
        "index.md",
    ]


def test_an_error_then_its_fix(project: Path, tmp_path: Path) -> None:
    memo = Memo()
    generate(Project.at(project), memo=memo)
    annotation = project / "briefs" / "nk-defectors-insight.yml"
    good = annotation.read_text("utf-8")
    annotation.write_text(good.replace("summary:", "sumary:", 1), "utf-8")
    with pytest.raises(ValidationFailed, match="did you mean 'summary'"):
        generate(Project.at(project), memo=memo)
    annotation.write_text(good, "utf-8")
    warm = generate(Project.at(project), memo=memo)
    assert warm.pages == generate(Project.at(project, docs_dir=tmp_path / "fresh")).pages


def test_a_page_changed_by_hand_is_rewritten(project: Path) -> None:
    """The write memo trusts a file only while its size, time and inode are what the last run left."""
    memo = Memo()
    generate(Project.at(project), memo=memo)
    page = project / "site_src" / "briefs" / "nk-defectors-insight.md"
    page.write_text("changed by hand", "utf-8")
    warm = generate(Project.at(project), memo=memo)
    assert warm.report and warm.report.written == ["briefs/nk-defectors-insight.md"]
    assert page.read_text("utf-8") == warm.pages["briefs/nk-defectors-insight.md"]


def test_a_changed_template_override_renders_anew(project: Path, tmp_path: Path) -> None:
    memo = Memo()
    generate(Project.at(project), memo=memo)
    overrides = project / "site_src" / "overrides" / "templates"
    overrides.mkdir(parents=True, exist_ok=True)
    package = Path(__file__).resolve().parents[1] / "generator" / "pages" / "templates" / "topic.md.j2"
    (overrides / "topic.md.j2").write_text(package.read_text("utf-8") + "\nOverridden.\n", "utf-8")
    warm = generate(Project.at(project), memo=memo)
    topic_pages = [
        text for page, text in warm.pages.items() if page.startswith("topics/") and page != "topics/index.md"
    ]
    assert topic_pages and all(text.endswith("Overridden.\n") for text in topic_pages)
    fresh = generate(Project.at(project, docs_dir=project / "fresh"))  # overrides are found beside the docs folder
    assert warm.pages == fresh.pages
