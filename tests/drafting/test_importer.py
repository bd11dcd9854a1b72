"""`briefing import` and `briefing draft` on pages and texts written for the test: clean extraction, drafts that
pass `briefing check`, and the guarantee that an editor's file is never overwritten."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator.drafting.importer import MAX_PAGE_BYTES, make_slug
from generator.drafting.webpage import read_page
from generator.stages.load import SLUG
from generator.text import yamlio

from ..conftest import copy_project, run, tree_digest

REPO = Path(__file__).resolve().parents[2]
HTML = REPO / "tests" / "fixtures" / "html"
NEWS = HTML / "port-strike-news.html"
BLOG = HTML / "lab-blog-meta-only.html"
NEWS_SLUG = "dockers-walk-out-as-port-talks-collapse"
SCHEMA_LINE = "# yaml-language-server: $schema=../generator/schemas/annotation.schema.json\n"
JUNK = [
    "INJECTED BY SCRIPT", "STYLE TEXT", "HIDDEN TEXT", "ADVERTISEMENT", "Sign up", "newsletter", "Share on",
    "cookies", "Further reading", "Port automation", "Rail strike", "All rights reserved", "Business", "onload",
    "Wrong Person", "Popular posts", "cheap watches", "Share this post",
]  # fmt: skip


def annotation(project: Path, slug: str) -> dict:
    return yamlio.load((project / "briefs" / f"{slug}.yml").read_text("utf-8"), "x").data


def test_news_page_keeps_the_article_and_drops_the_rest(project: Path) -> None:
    result = run(["briefing", "import", str(NEWS)], cwd=project)
    assert result.returncode == 0, result.stderr
    text = (project / "briefs" / f"{NEWS_SLUG}.txt").read_text("utf-8")
    assert text.startswith("Dockers walk out as port talks collapse\n\nBy Maria Delgado\n\n9 April 2025\n\nAbout 1,200")
    assert "“fair and generous”" in text or '"fair and generous"' in text
    assert "up to three days." in text
    for junk in JUNK:
        assert junk not in text, junk
    raw = (project / "briefs" / f"{NEWS_SLUG}.yml").read_text("utf-8")
    assert raw.startswith(SCHEMA_LINE)
    data = annotation(project, NEWS_SLUG)
    assert data["status"] == "draft"
    assert data["title"] == "Dockers walk out as port talks collapse"
    assert data["source"] == {
        "name": "The Coastal Ledger",
        "author": "Maria Delgado",
        "published": "2025-04-09",
        "url": "https://ledger.example/business/2025/04/port-strike",
    }
    assert {q["speaker"] for q in data["quotes"]} >= {"Rosa Lindqvist"}
    assert {"About 1,200 dock workers", "4.5%", "about 15%"} <= {f["value"] for f in data["key_figures"]}  # units kept
    check = run(["briefing", "check"], cwd=project)
    assert check.returncode == 0, check.stderr


def test_page_with_only_meta_tags_and_a_declared_charset(tmp_path: Path) -> None:
    page = read_page(BLOG.read_bytes(), "blog.html")
    assert page.title == "New battery chemistry survives 5,000 cycles"
    assert (page.author, page.published, page.name, page.url) == ("Samuel Osei", "2024-11-21", "Lab Notes", None)
    assert page.body[0].startswith("Researchers at Northfield University")
    assert any("Café owners" in p for p in page.body)
    assert not any(junk in " ".join(page.body) for junk in JUNK)


def test_plain_text_import_keeps_the_text_and_slugs_the_headline(project: Path, tmp_path: Path) -> None:
    source = tmp_path / "whatever-name.txt"
    source.write_text(
        "Glacier study: a tenth of the ice is gone\n\nBy Lena Hofer\n\nThe Alps lost 10% of ice.\n", "utf-8"
    )
    result = run(["briefing", "import", str(source)], cwd=project)
    assert result.returncode == 0, result.stderr
    slug = "glacier-study-a-tenth-of-the-ice-is-gone"
    assert (project / "briefs" / f"{slug}.txt").read_text("utf-8") == source.read_text("utf-8")
    assert annotation(project, slug)["source"]["author"] == "Lena Hofer"


def test_existing_files_are_never_overwritten_and_a_failed_batch_writes_nothing(project: Path, tmp_path: Path) -> None:
    assert run(["briefing", "import", str(NEWS)], cwd=project).returncode == 0
    edited = project / "briefs" / f"{NEWS_SLUG}.yml"
    edited.write_text(edited.read_text("utf-8").replace("status: draft", "status: published"), "utf-8")
    before = tree_digest(project / "briefs")
    result = run(["briefing", "import", str(BLOG), str(NEWS)], cwd=project)
    assert result.returncode == 1
    assert f"briefs/{NEWS_SLUG}.txt already exists; use --force" in result.stderr
    assert "nothing was written" in result.stderr
    assert tree_digest(project / "briefs") == before  # not even the blog page, which alone would import


def test_force_replaces_after_keeping_a_backup(project: Path) -> None:
    assert run(["briefing", "import", str(NEWS)], cwd=project).returncode == 0
    edited = project / "briefs" / f"{NEWS_SLUG}.yml"
    edited.write_text(edited.read_text("utf-8") + "# my edit\n", "utf-8")
    mine = edited.read_bytes()
    result = run(["briefing", "import", "--force", str(NEWS)], cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "briefs" / f"{NEWS_SLUG}.yml.bak").read_bytes() == mine
    assert b"# my edit" not in edited.read_bytes()
    assert run(["briefing", "import", "--force", str(NEWS)], cwd=project).returncode == 0
    assert (project / "briefs" / f"{NEWS_SLUG}.yml.bak2").exists()
    assert (project / "briefs" / f"{NEWS_SLUG}.yml.bak").read_bytes() == mine
    assert run(["briefing", "check"], cwd=project).returncode == 0  # backups are not read as annotations


def test_two_files_with_one_slug_in_one_batch_are_refused(project: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.html"
    copy.write_bytes(NEWS.read_bytes())
    result = run(["briefing", "import", str(NEWS), str(copy)], cwd=project)
    assert result.returncode == 1 and "same slug" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "found no article text"),
        (b"<html>" + b"<div>" * 20000 + b"<p>Deep text here.</p>" + b"</div>" * 20000, None),
        (b"<script type='application/ld+json'>" + b"[" * 100000 + b"</script><article><p>Body.</p></article>", None),
        (b"<meta property='og:url' content='javascript:alert(1)'><article><p>Some body text.</p></article>", None),
    ],
    ids=["no-article", "deep-nesting", "json-ld-bomb", "script-url"],
)
def test_hostile_pages(project: Path, tmp_path: Path, content: bytes, message: str | None) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(content)
    result = run(["briefing", "import", str(page)], cwd=project)
    assert "Traceback" not in result.stderr
    if message:
        assert result.returncode == 1 and message in result.stderr
        return
    assert result.returncode == 0, result.stderr
    for path in (project / "briefs").glob("*.yml"):
        assert "javascript:" not in path.read_text("utf-8")


def test_oversized_page_is_refused_before_parsing(project: Path, tmp_path: Path) -> None:
    page = tmp_path / "big.html"
    page.write_bytes(b"<p>x</p>" * (MAX_PAGE_BYTES // 8 + 1))
    result = run(["briefing", "import", str(page)], cwd=project)
    assert result.returncode == 1 and "over the limit" in result.stderr


def test_slugs() -> None:
    assert make_slug("Dockers walk out: port talks collapse!", "x") == "dockers-walk-out-port-talks-collapse"
    cyrillic = make_slug("Жители Киева", "fallback")  # transliterated, however the backend spells it
    assert cyrillic.isascii() and SLUG.match(cyrillic) and len(cyrillic.split("-")) == 2, cyrillic
    assert cyrillic not in ("fallback", "article")
    assert make_slug("!!!", "My File") == "my-file"
    assert make_slug(None, "???") == "article"


def test_draft_writes_beside_the_editors_file_and_never_touches_it(project: Path) -> None:
    slug = "nk-upgrades-army-in-ukraine"
    mine = hashlib.sha256((project / "briefs" / f"{slug}.yml").read_bytes()).hexdigest()
    result = run(["briefing", "draft", slug, "--show-new"], cwd=project)
    assert result.returncode == 0, result.stderr
    assert hashlib.sha256((project / "briefs" / f"{slug}.yml").read_bytes()).hexdigest() == mine
    draft = project / "briefs" / f"{slug}.draft.yml"
    assert draft.read_text("utf-8").startswith(SCHEMA_LINE)
    assert f"New against briefs/{slug}.yml" in result.stdout
    first = draft.read_bytes()
    assert run(["briefing", "draft", slug], cwd=project).returncode == 0
    assert draft.read_bytes() == first  # deterministic
    check = run(["briefing", "check"], cwd=project)
    assert check.returncode == 0 and check.stdout.startswith("OK: 8 briefs")  # drafts are not briefs


def test_draft_of_an_article_without_annotation_starts_it(project: Path) -> None:
    (project / "briefs" / "new-story.txt").write_text("New story\n\n“We are ready,” said Anna Berg.\n", "utf-8")
    result = run(["briefing", "draft", "new-story"], cwd=project)
    assert result.returncode == 0, result.stderr
    assert annotation(project, "new-story")["status"] == "draft"
    assert run(["briefing", "check"], cwd=project).returncode == 0


def test_draft_of_an_unknown_article_is_an_error(project: Path) -> None:
    result = run(["briefing", "draft", "no-such-article", "../etc/passwd"], cwd=project)
    assert result.returncode == 1
    assert "briefs/no-such-article.txt: no such article" in result.stderr


@pytest.mark.parametrize("command", ["import", "draft"])
def test_new_commands_have_help_with_an_example(command: str, tmp_path: Path) -> None:
    result = run(["briefing", command, "--help"], cwd=tmp_path)
    assert result.returncode == 0 and "Example:" in result.stdout


def test_import_all_of_our_articles_at_once(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    articles = sorted((REPO / "tests" / "gold" / "articles").glob("*.txt"))
    result = run(["briefing", "import", *map(str, articles)], cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("(draft)") == len(articles)
    check = run(["briefing", "check"], cwd=project)
    assert check.returncode == 0 and check.stdout.startswith(f"OK: {8 + len(articles)} briefs"), check.stderr
