"""Review pages: made only for a preview server's site, one per brief that needs review, each drafted quote,
speaker and figure marked in the article by its confidence and labelled with its `drafted:` line."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from generator.build import Project, check
from generator.model import SiteInfo
from generator.stages.render import render_site

from ..conftest import REPO, copy_project, run

ARTICLE = REPO / "tests" / "fixtures" / "html" / "port-strike-news.html"
SLUG = "dockers-walk-out-as-port-talks-collapse"
WHERE = f"briefs/{SLUG}.yml"


def _with_draft(tmp_path: Path) -> Project:
    root = copy_project(tmp_path / "project")
    result = run(["briefing", "import", str(ARTICLE)], cwd=root)
    assert result.returncode == 0, result.stderr
    return Project.at(root)


def _drafted_lines(root: Path) -> dict[int, str]:
    """Each `drafted:` line of the imported annotation -> its confidence."""
    lines = (root / WHERE).read_text("utf-8").splitlines()
    found = {n: re.search(r"drafted: \{.*confidence: (\w+)", line) for n, line in enumerate(lines, 1)}
    return {n: match[1] for n, match in found.items() if match}


def test_a_published_site_has_no_review_pages_nor_links(tmp_path: Path) -> None:
    corpus, _ = check(_with_draft(tmp_path))
    pages = render_site(corpus)
    assert not [path for path in pages if path.startswith("review/")]
    assert "review/" not in pages[f"briefs/{SLUG}.md"]


def test_the_seed_corpus_needs_no_review() -> None:
    corpus, _ = check(Project.at(REPO))
    assert not [p for p in render_site(corpus, site=SiteInfo(review=True)) if p.startswith("review/")]


def test_the_review_page_marks_each_drafted_item_by_confidence_with_its_line(tmp_path: Path) -> None:
    project = _with_draft(tmp_path)
    corpus, _ = check(project)
    pages = render_site(corpus, site=replace(project.site, review=True))
    assert [p for p in pages if p.startswith("review/")] == [f"review/{SLUG}.md"]
    page = pages[f"review/{SLUG}.md"]
    assert "search:\n  exclude: true" in page
    brief = corpus.brief(SLUG)
    lines = _drafted_lines(project.root)
    assert len(lines) == len(brief.quotes) + len(brief.figures) and set(lines.values()) >= {"high", "medium"}
    items = [(f"quote-{n}", q.drafted) for n, q in enumerate(brief.quotes, 1)]
    items += [(f"speaker-{n}", q.drafted) for n, q in enumerate(brief.quotes, 1)]
    items += [(f"figure-{n}", f.drafted) for n, f in enumerate(brief.figures, 1)]
    for anchor, drafted in items:
        assert drafted is not None and drafted.where == WHERE
        assert lines[drafted.line] == drafted.confidence  # the line is the item's own `drafted:` line
        css = f"bf-review bf-review-{drafted.confidence}"
        assert f'<mark class="{css}" id="{anchor}">' in page, anchor  # marked in the article
        assert re.search(rf'href="#row-{anchor}" title="[^"]*">{WHERE}:{drafted.line}</a>', page), anchor
        row = re.search(rf'<li id="row-{anchor}">.*</li>', page)
        assert row and css in row[0] and f"{WHERE}:{drafted.line}" in row[0], anchor
    for confidence in ("high", "medium", "low"):  # the legend
        assert f'<span class="bf-review bf-review-{confidence}">{confidence} confidence' in page
    assert f"(../review/{SLUG}.md)" in pages[f"briefs/{SLUG}.md"]  # the brief links to its review, on a preview


def test_reviewed_items_leave_the_review_page(tmp_path: Path) -> None:
    project = _with_draft(tmp_path)
    path = project.root / WHERE
    path.write_text(path.read_text("utf-8").replace("status: draft", "status: published"), "utf-8")
    first = min(_drafted_lines(project.root))
    lines = path.read_text("utf-8").splitlines()
    lines[first - 1] = lines[first - 1].split("drafted:")[0] + "reviewed: true"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    corpus, _ = check(project)
    page = render_site(corpus, site=SiteInfo(review=True))[f"review/{SLUG}.md"]
    assert f"{WHERE}:{first}" not in page
    assert f"{WHERE}:" in page  # the others still wait
