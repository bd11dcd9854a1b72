"""`briefing import URL`, against a web server on 127.0.0.1 started by each test: pages imported as saved pages
are, their canonical address and date kept, and every way a fetch can fail told in one line, with nothing
written. No test reaches any other address (see localserver.no_network)."""

from __future__ import annotations

import socket
import time
from importlib import metadata
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.drafting.fetch import MAX_REDIRECTS, fetch, user_agent
from generator.drafting.webpage import MAX_PAGE_BYTES
from generator.errors import BriefingError
from generator.text import yamlio

from ..conftest import run, tree_digest
from .localserver import HTML, Reply, Server, article_page, dribble, html, redirect, unused_port, zeros

pytestmark = pytest.mark.usefixtures("no_network")

NEWS = HTML / "port-strike-news.html"
BLOG = HTML / "lab-blog-meta-only.html"
NEWS_SLUG = "dockers-walk-out-as-port-talks-collapse"
NEWS_URL = "https://ledger.example/business/2025/04/port-strike"
GLACIER = article_page(
    "Glacier lost a tenth of its ice",
    ["The Rhone glacier lost 10% of its ice since 2015.", "“We are watching it go,” said Lena Hofer, a guide."],
)


def briefing(project: Path, *args: str) -> tuple[int, str, str]:
    """`briefing ARGS` in this process (so no_network holds for it too): exit code, stdout, stderr."""
    result = CliRunner().invoke(main, [args[0], "--root", str(project), *args[1:]], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def annotation(project: Path, slug: str) -> dict:
    return yamlio.load((project / "briefs" / f"{slug}.yml").read_text("utf-8"), "x").data


def problem(url: str, **options: object) -> str:
    with pytest.raises(BriefingError) as caught:
        fetch(url, **options)  # type: ignore[arg-type]
    assert len(caught.value.problems) == 1
    return str(caught.value.problems[0])


# ---- pages that import ----------------------------------------------------------------------------------------


def test_a_page_over_http_imports_as_the_saved_page_does(project: Path, tmp_path: Path, server: Server) -> None:
    url = server.route("/business/story.html", html(NEWS.read_bytes()))
    code, out, err = briefing(project, "import", url)
    assert code == 0, err
    assert f"{url} -> briefs/{NEWS_SLUG}.txt, briefs/{NEWS_SLUG}.yml (draft)" in out
    saved = tmp_path / "saved"
    (saved / "briefs").mkdir(parents=True)
    assert briefing(saved, "import", str(NEWS))[0] == 0
    assert (project / "briefs" / f"{NEWS_SLUG}.txt").read_bytes() == (
        saved / "briefs" / f"{NEWS_SLUG}.txt"
    ).read_bytes()
    data = annotation(project, NEWS_SLUG)
    assert data["source"] == {**annotation(saved, NEWS_SLUG)["source"], "url": NEWS_URL}  # its canonical address
    assert data["source"]["published"] == "2025-04-09"
    [(path, agent)] = server.requests
    assert path == "/business/story.html"
    assert agent == user_agent() and agent.startswith(f"briefing/{metadata.version('briefing')} ")
    assert run(["briefing", "check"], cwd=project).returncode == 0


def test_without_a_canonical_link_the_address_after_redirects_is_kept(project: Path, server: Server) -> None:
    server.route("/news/2025/glacier.html", html(GLACIER))
    url = server.route("/s/g1", redirect("/news/2025/glacier.html", 301))
    assert briefing(project, "import", url)[0] == 0
    data = annotation(project, "glacier-lost-a-tenth-of-its-ice")
    assert data["source"]["url"] == server.url + "/news/2025/glacier.html"


@pytest.mark.parametrize(
    ("head", "url", "published"),
    [
        ('<link rel="canonical" href="/c/glacier">', "/c/glacier", None),
        ('<meta property="og:url" content="https://alps.example/g"><meta property="article:published_time" '
         'content="2025-03-02T08:00:00+01:00">', "https://alps.example/g", "2025-03-02"),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-12-24", '
         '"url": "https://alps.example/ld"}</script>', "https://alps.example/ld", "2024-12-24"),
    ],
    ids=["relative-canonical", "og-url-and-published-time", "json-ld"],
)  # fmt: skip
def test_canonical_address_and_date_from_the_page(
    project: Path, server: Server, head: str, url: str, published: str | None
) -> None:
    page = article_page("Glacier lost a tenth of its ice", ["The glacier lost 10% of its ice since 2015."], head)
    assert briefing(project, "import", server.route("/story", html(page)))[0] == 0
    source = annotation(project, "glacier-lost-a-tenth-of-its-ice")["source"]
    assert source["url"] == (server.url + url if url.startswith("/") else url)
    assert source.get("published") == published


def test_a_page_in_a_declared_character_set_and_a_plain_text_article(project: Path, server: Server) -> None:
    blog = server.route("/blog", html(BLOG.read_bytes(), "text/html"))  # the charset is in the page's <meta>
    text = "Wind farm opens off the coast\n\nBy Ana Ruiz\n\nThe farm has 40 turbines and powers 90,000 homes.\n"
    plain = server.route("/wind.txt", html(text, "text/plain; charset=utf-8"))
    code, _, err = briefing(project, "import", blog, plain)
    assert code == 0, err
    blog_text = (project / "briefs" / "new-battery-chemistry-survives-5000-cycles.txt").read_text("utf-8")
    assert "Café owners" in blog_text
    assert (project / "briefs" / "wind-farm-opens-off-the-coast.txt").read_text("utf-8") == text
    assert annotation(project, "wind-farm-opens-off-the-coast")["source"]["url"] == plain


# ---- redirects -------------------------------------------------------------------------------------------------


def hops(server: Server, count: int) -> str:
    server.route("/hop/0", html(GLACIER))
    for number in range(1, count + 1):
        server.route(f"/hop/{number}", redirect(f"/hop/{number - 1}"))
    return f"{server.url}/hop/{count}"


def test_five_redirects_are_followed_and_a_sixth_is_refused(server: Server) -> None:
    assert fetch(hops(server, MAX_REDIRECTS), timeout=5).final_url == server.url + "/hop/0"
    server.requests.clear()
    message = problem(hops(server, MAX_REDIRECTS + 1), timeout=5)
    assert message.endswith(f"too many redirects (more than 5); the last was to {server.url}/hop/0")
    assert len(server.requests) == MAX_REDIRECTS + 1  # the page after the sixth redirect is never asked for


def test_a_redirect_loop_and_a_redirect_off_the_web_are_refused(server: Server) -> None:
    server.route("/loop/a", redirect("/loop/b", 307))
    server.route("/loop/b", redirect(server.url + "/loop/a", 308))
    assert "redirect loop: " in problem(server.url + "/loop/a", timeout=5)
    assert len(server.requests) == 2
    for target in ("file:///etc/passwd", "ftp://files.example/x", "javascript:alert(1)"):
        scheme = target.split(":")[0]
        url = server.route(f"/to-{scheme}", redirect(target))
        assert f"redirects to a {scheme}: address, which is not fetched" in problem(url, timeout=5)


# ---- slow, big and wrong -------------------------------------------------------------------------------------


def test_a_server_that_does_not_answer_in_time(server: Server) -> None:
    url = server.route("/slow", Reply(200, {"Content-Type": "text/html"}, GLACIER.encode(), delay=3))
    started = time.monotonic()
    assert problem(url, timeout=0.3) == f"{url}: timed out after 0.3 s: 127.0.0.1 did not answer in time"
    assert time.monotonic() - started < 2


def test_a_server_that_sends_too_slowly_is_stopped_at_the_deadline(server: Server) -> None:
    url = server.route("/dribble", Reply(200, {"Content-Type": "text/html"}, dribble(parts=50, pause=0.05)))
    started = time.monotonic()
    message = problem(url, timeout=0.5)
    assert "timed out after 0.5 s" in message
    assert time.monotonic() - started < 2  # each part came in time; the whole did not


def test_a_50_mb_page_is_refused_without_reading_it_all(server: Server) -> None:
    fifty = 50 * 1024 * 1024
    declared = server.route(
        "/big", Reply(200, {"Content-Type": "text/html", "Content-Length": str(fifty)}, zeros(fifty))
    )
    message = problem(declared, timeout=10)
    assert message == f"{declared}: is {fifty:,} bytes, over the size limit of {MAX_PAGE_BYTES:,}; nothing was read"
    undeclared = server.route("/big-stream", Reply(200, {"Content-Type": "text/html"}, zeros(fifty)))
    started = time.monotonic()
    message = problem(undeclared, timeout=10)
    assert message == f"{undeclared}: is over the size limit of {MAX_PAGE_BYTES:,} bytes; stopped reading there"
    assert time.monotonic() - started < 5
    time.sleep(0.2)  # the server notices the closed connection
    assert server.sent.get("/big", 0) < fifty // 2
    assert server.sent["/big-stream"] < fifty // 2


@pytest.mark.parametrize("kind", ["image/png", "application/octet-stream", "application/pdf", "application/json"])
def test_what_is_not_a_web_page_is_refused(server: Server, kind: str) -> None:
    url = server.route("/thing", Reply(200, {"Content-Type": kind}, b"\x89PNG\r\n\x1a\n" + b"\0" * 100))
    assert problem(url, timeout=5) == f"{url}: is {kind}, not a web page (text/html, application/xhtml+xml expected)"


def test_an_undecodable_page_is_refused(server: Server) -> None:
    bad = server.route("/bad", html(b"<p>caf\xe9 \xff</p>", "text/html; charset=utf-8"))
    assert "cannot be decoded: invalid utf-8 byte 0xe9 at offset 6" in problem_of_import(bad)
    odd = server.route("/odd", html(b"<p>text</p>", "text/html; charset=x-martian"))
    assert "cannot be decoded: unknown character set 'x-martian'" in problem_of_import(odd)


def problem_of_import(url: str) -> str:
    from generator.drafting.importer import plan

    with pytest.raises(BriefingError) as caught:
        plan([url], Path("."), Path("/nonexistent-briefs"), False, lambda _: None, timeout=5)
    return str(caught.value)


@pytest.mark.parametrize(("status", "reason"), [(404, "Not Found"), (410, "Gone"), (500, "Internal Server Error")])
def test_an_error_status_is_told(server: Server, status: int, reason: str) -> None:
    url = server.route("/gone", Reply(status, {"Content-Type": "text/html"}, b"<p>sorry</p>"))
    assert problem(url, timeout=5) == f"{url}: the server answered {status} {reason}"


def test_unreachable_servers(monkeypatch: pytest.MonkeyPatch) -> None:
    port = unused_port()
    assert problem(f"http://127.0.0.1:{port}/x", timeout=5) == (
        f"http://127.0.0.1:{port}/x: connection refused by 127.0.0.1; is the address right and the site up?"
    )
    # no_network answers every other name as a resolver that does not know it would, without asking anyone
    assert problem("https://news.invalid/story", timeout=5) == (
        "https://news.invalid/story: could not find the server news.invalid (DNS lookup failed); check the address"
    )
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("example.com", 80)


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://files.example/story.html", "javascript:alert(1)", "data:text/html,<p>Hi</p>",
     "mailto:desk@news.example"],
)  # fmt: skip
def test_only_web_addresses_are_fetched(project: Path, url: str) -> None:
    before = tree_digest(project / "briefs")
    code, _, err = briefing(project, "import", url)
    scheme = url.split(":")[0]
    assert code == 1
    assert f"{url}: only http:// and https:// addresses can be imported, not {scheme}:" in err
    assert tree_digest(project / "briefs") == before


# ---- the same article twice, and nothing half-written ---------------------------------------------------------


def test_the_same_article_twice_is_refused_naming_the_brief(project: Path, server: Server) -> None:
    url = server.route("/business/story.html", html(NEWS.read_bytes()))
    assert briefing(project, "import", url)[0] == 0
    before = tree_digest(project / "briefs")
    code, _, err = briefing(project, "import", url)
    assert code == 1
    assert f"briefs/{NEWS_SLUG}.txt already exists; use --force" in err
    assert f"it is this same article (same address {NEWS_URL})" in err
    # the brief renamed by the editor: still the same article, by its canonical address, from another address
    for ext in ("txt", "yml"):
        (project / "briefs" / f"{NEWS_SLUG}.{ext}").rename(project / "briefs" / f"port-strike.{ext}")
    before = tree_digest(project / "briefs")
    other = server.route("/amp/story?utm_source=social", html(NEWS.read_bytes()))
    code, _, err = briefing(project, "import", other)
    assert code == 1
    assert f"{other}: is already imported as briefs/port-strike.txt (same address {NEWS_URL})" in err
    assert tree_digest(project / "briefs") == before


def test_the_same_text_at_another_address_is_refused(project: Path, server: Server) -> None:
    first = server.route("/a/glacier", html(GLACIER))
    assert briefing(project, "import", first)[0] == 0
    for ext in ("txt", "yml"):
        (project / "briefs" / f"glacier-lost-a-tenth-of-its-ice.{ext}").rename(project / "briefs" / f"ice.{ext}")
    (project / "briefs" / "ice.yml").write_text(
        (project / "briefs" / "ice.yml").read_text("utf-8").replace(first, "https://elsewhere.example/x"), "utf-8"
    )
    code, _, err = briefing(project, "import", server.route("/b/glacier", html(GLACIER)))
    assert code == 1 and "is already imported as briefs/ice.txt (same text)" in err


def test_force_reimports_the_same_article_over_its_brief(project: Path, server: Server) -> None:
    url = server.route("/business/story.html", html(NEWS.read_bytes()))
    assert briefing(project, "import", url)[0] == 0
    code, out, err = briefing(project, "import", "--force", url)
    assert code == 0, err
    assert f"kept the replaced file as briefs/{NEWS_SLUG}.yml.bak" in out


def test_one_failing_address_writes_nothing(project: Path, server: Server) -> None:
    good = server.route("/good", html(GLACIER))
    before = tree_digest(project / "briefs")
    code, _, err = briefing(project, "import", good, server.url + "/missing")
    assert code == 1
    assert f"{server.url}/missing: the server answered 404 Not Found" in err
    assert "1 error; nothing was written." in err
    assert tree_digest(project / "briefs") == before


def test_the_command_as_an_editor_runs_it(project: Path, server: Server) -> None:
    """The installed command in its own process, with the timeout from the environment."""
    url = server.route("/business/story.html", html(NEWS.read_bytes()))
    slow = server.route("/slow", Reply(200, {"Content-Type": "text/html"}, b"<p>late</p>", delay=3))
    result = run(["briefing", "import", slow], cwd=project, BRIEFING_FETCH_TIMEOUT="0.4", NO_PROXY="*")
    assert result.returncode == 1
    assert f"{slow}: timed out after 0.4 s: 127.0.0.1 did not answer in time" in result.stderr
    result = run(["briefing", "import", url], cwd=project, NO_PROXY="*")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    help_text = run(["briefing", "import", "--help"], cwd=project).stdout
    assert "briefing import https://" in help_text and "briefing import --feed https://" in help_text
