"""`briefing import --feed URL`, against RSS and Atom feeds served on 127.0.0.1: new entries imported as drafts,
old ones skipped, failing ones reported with why (and the others still imported), --limit, and a second run that
finds nothing new. No test reaches any other address (see localserver.no_network)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.drafting.feed import Progress, import_feed, read_feed
from generator.errors import BriefingError
from generator.text import yamlio

from ..conftest import run, tree_digest
from .localserver import Reply, Server, article_page, html, redirect

pytestmark = pytest.mark.usefixtures("no_network")

STORIES = {
    "/news/harbour.html": ("Harbour reopens after storm", "The harbour reopened on Monday after 12 days.",
                           "“We are open for business,” said Mayor Ana Ruiz."),
    "/news/bridge.html": ("Bridge repairs to cost 40 million", "Repairs will cost 40 million euros.",
                          "“It is the only safe option,” said engineer Tom Berg."),
    "/news/school.html": ("New school opens in Norrby", "The school has 450 pupils in its first year.",
                          "“The children love it,” said head teacher Eva Lind."),
}  # fmt: skip


def slug(title: str) -> str:
    from generator.drafting.importer import make_slug

    return make_slug(title, "x")


def rss(server: Server, links: list[str], dated: bool = True) -> str:
    items = "".join(
        f"<item><title>Item {number}</title><link>{server.url}{link}</link>"
        + ("<pubDate>Tue, 08 Apr 2025 09:00:00 GMT</pubDate>" if dated else "")
        + "</item>"
        for number, link in enumerate(links)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Coast News</title>'
        f"<link>{server.url}/</link><description>News</description>{items}</channel></rss>"
    )


def atom(server: Server, links: list[str]) -> str:
    entries = "".join(
        f"<entry><title>Entry {number}</title><id>tag:coast,2025:{number}</id>"
        f'<link rel="alternate" href="{link}"/><updated>2025-04-07T10:00:00Z</updated></entry>'
        for number, link in enumerate(links)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Coast Atom</title>'
        f'<id>tag:coast,2025</id><updated>2025-04-07T10:00:00Z</updated><link href="{server.url}/"/>{entries}</feed>'
    )


def serve_stories(server: Server) -> None:
    for path, (title, *paragraphs) in STORIES.items():
        server.route(path, html(article_page(title, paragraphs)))


def briefing(project: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [args[0], "--root", str(project), *args[1:]], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def source(project: Path, name: str) -> dict:
    return yamlio.load((project / "briefs" / f"{name}.yml").read_text("utf-8"), "x").data["source"]


def test_an_rss_feed_imports_the_new_entries_and_skips_the_old(project: Path, server: Server) -> None:
    serve_stories(server)
    links = [*STORIES, "/news/gone.html", "/news/photo.png"]
    server.route("/news/photo.png", Reply(200, {"Content-Type": "image/png"}, b"\x89PNG"))
    feed = server.route("/feed.xml", html(rss(server, links), "application/rss+xml"))
    # one story was imported last week (its page, saved by hand, has this address as its canonical one)
    harbour = f"{server.url}/news/harbour.html"
    assert briefing(project, "import", harbour)[0] == 0
    server.requests.clear()

    result = run(["briefing", "import", "--feed", feed], cwd=project, BRIEFING_FETCH_TIMEOUT="5", NO_PROXY="*")
    assert result.returncode == 1, result.stderr  # some entries failed; the others are written
    lines = result.stdout.splitlines()
    bridge, school = slug("Bridge repairs to cost 40 million"), slug("New school opens in Norrby")
    assert f"new: {server.url}/news/bridge.html -> briefs/{bridge}.txt, briefs/{bridge}.yml (draft)" in lines
    assert f"new: {server.url}/news/school.html -> briefs/{school}.txt, briefs/{school}.yml (draft)" in lines
    harbour_slug = slug("Harbour reopens after storm")
    assert f"skipped: {harbour}: already imported as briefs/{harbour_slug}.txt" in lines
    assert f"failed: {server.url}/news/gone.html: the server answered 404 Not Found" in lines
    assert any(line.startswith(f"failed: {server.url}/news/photo.png: is image/png, not a web page") for line in lines)
    assert lines[-1] == "Feed Coast News: 2 new, 1 skipped, 2 failed."
    assert "/news/harbour.html" not in [path for path, _ in server.requests]  # skipped without fetching it
    assert "Importing" not in result.stderr  # no progress bar when not on a terminal
    assert source(project, bridge)["url"] == f"{server.url}/news/bridge.html"
    assert source(project, bridge)["published"] == "2025-04-08"  # the page has no date: the feed's
    assert run(["briefing", "check"], cwd=project).returncode == 0

    before = tree_digest(project / "briefs")
    code, out, _ = briefing(project, "import", "--feed", feed, "--timeout", "5")
    assert out.splitlines()[-1] == "Feed Coast News: 0 new, 3 skipped, 2 failed."
    assert code == 1 and tree_digest(project / "briefs") == before


def test_an_atom_feed_whose_links_redirect_to_the_articles(project: Path, server: Server) -> None:
    serve_stories(server)
    for number, path in enumerate(STORIES):
        server.route(f"/go/{number}", redirect(path))
    feed = server.route("/atom", html(atom(server, [f"/go/{n}" for n in range(len(STORIES))]), "application/atom+xml"))
    code, out, err = briefing(project, "import", "--feed", feed, "--timeout", "5")
    assert code == 0, err
    assert out.splitlines()[-1] == "Feed Coast Atom: 3 new, 0 skipped, 0 failed."
    harbour = slug("Harbour reopens after storm")
    assert source(project, harbour)["url"] == f"{server.url}/news/harbour.html"  # where the link led, not /go/0
    assert source(project, harbour)["published"] == "2025-04-07"
    # the links are not the articles' addresses, so they are fetched again, and found to be imported already
    code, out, _ = briefing(project, "import", "--feed", feed, "--timeout", "5")
    assert code == 0
    where = f"{server.url}/news/harbour.html"
    assert f"skipped: {server.url}/go/0: already imported as briefs/{harbour}.txt (same address {where})" in out
    assert out.splitlines()[-1] == "Feed Coast Atom: 0 new, 3 skipped, 0 failed."


def test_limit_imports_at_most_n_new_entries(project: Path, server: Server) -> None:
    serve_stories(server)
    feed = server.route("/feed.xml", html(rss(server, list(STORIES)), "application/rss+xml"))
    code, out, _ = briefing(project, "import", "--feed", feed, "--limit", "1")
    assert code == 0
    assert out.count("new: ") == 1 and out.count("over --limit 1") == 2
    code, out, _ = briefing(project, "import", "--feed", feed, "--limit", "1")
    assert out.splitlines()[-1] == "Feed Coast News: 1 new, 2 skipped, 0 failed."


def test_the_same_article_twice_in_one_feed_is_imported_once(project: Path, server: Server) -> None:
    serve_stories(server)
    server.route("/amp/harbour", html(article_page(*STORIES["/news/harbour.html"])))
    feed = server.route("/feed.xml", html(rss(server, ["/news/harbour.html", "/amp/harbour"]), "text/xml"))
    report = import_feed(feed, project, project / "briefs", timeout=5)
    assert [item.slug for item in report.new] == [slug("Harbour reopens after storm")]
    assert len(report.failed) == 1 and "same slug" in report.failed[0][1]


def test_progress_is_told_per_entry(project: Path, server: Server) -> None:
    serve_stories(server)
    feed = server.route("/feed.xml", html(rss(server, list(STORIES)), "application/rss+xml"))
    seen: list[object] = []

    class Record(Progress):
        def start(self, total: int) -> None:
            seen.append(total)

        def advance(self, url: str) -> None:
            seen.append(url)

    import_feed(feed, project, project / "briefs", timeout=5, progress=Record(), write=False)
    assert seen == [3, *(server.url + path for path in STORIES)]
    assert not list((project / "briefs").glob("harbour*"))  # write=False: planned only


def test_what_is_not_a_feed(project: Path, server: Server) -> None:
    page = server.route("/page", html(article_page("Not a feed", ["Just a page."])))
    with pytest.raises(BriefingError, match="is not an RSS or Atom feed"):
        read_feed(page, timeout=5)
    png = server.route("/feed.png", Reply(200, {"Content-Type": "image/png"}, b"\x89PNG"))
    with pytest.raises(BriefingError, match="is image/png, not a feed"):
        read_feed(png, timeout=5)
    before = tree_digest(project / "briefs")
    code, _, err = briefing(project, "import", "--feed", server.url + "/missing.xml")
    assert code == 1
    assert f"{server.url}/missing.xml: the server answered 404 Not Found" in err
    code, _, err = briefing(project, "import", "--feed", "file:///etc/passwd")
    assert code == 1 and "only http:// and https:// addresses can be imported, not file:" in err
    assert tree_digest(project / "briefs") == before


def test_feed_and_files_do_not_mix(project: Path) -> None:
    code, _, err = briefing(project, "import", "--feed", "http://127.0.0.1:1/feed", "x.html")
    assert code == 2 and "not both" in err
    code, _, err = briefing(project, "import", "--limit", "2", "x.html")
    assert code == 2 and "--limit goes with --feed" in err
    code, _, err = briefing(project, "import")
    assert code == 2 and "give the files or addresses to import, or --feed URL" in err
