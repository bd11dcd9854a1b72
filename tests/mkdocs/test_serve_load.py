"""`briefing serve` under load and edits: 200 concurrent clients on loopback over every page while an annotation is
edited every second, one of the saves half-written (an editor's autosave). No request fails or times out, the last
edit is served, the server's memory stays bounded, and a broken annotation shows in the log and in the page until it
is fixed, without the server dying."""

from __future__ import annotations

import subprocess
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from ..conftest import BIN
from .test_plugin import _fetch, _free_port, _wait_for

pytestmark = pytest.mark.load

CLIENTS = 200  # requests in flight at once
EDIT_SECONDS = 60  # an edit a second for a minute, under 200 requests in flight
TIMEOUT = 15  # seconds: a request slower than this is a failure
RSS_LIMIT_MB = 300  # the seed site's preview peaks near 70 MB (the report in the test's output)
SLUG = "nk-troops-defecting"


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _pages(project: Path, base: str) -> list[str]:
    """Every page the generator wrote, as a URL path, and the home page."""
    docs = project / "site_src"
    paths = []
    for md in sorted(docs.rglob("*.md")):
        if "overrides" in md.relative_to(docs).parts:  # the theme overrides' own README is no page
            continue
        rel = md.relative_to(docs).with_suffix("").as_posix()
        if rel == "index":
            paths.append(base)
        elif rel.endswith("/index"):
            paths.append(f"{base}{rel.removesuffix('index')}")
        else:
            paths.append(f"{base}{rel}/")
    # and files every build rewrites, which a dirty rebuild could swap under a reader
    return [*paths, f"{base}search/search_index.json", f"{base}sitemap.xml", f"{base}feed.xml"]


def test_serve_under_load_and_edits(project: Path) -> None:
    port = _free_port()
    log = project / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [str(BIN / "briefing"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=output,
            stderr=output,
        )
    origin = f"http://127.0.0.1:{port}"
    base = urlsplit(yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))["site_url"]).path
    brief_url = f"{origin}{base}briefs/{SLUG}/"
    annotation = project / "briefs" / f"{SLUG}.yml"
    original = annotation.read_text("utf-8")
    failures: list[str] = []
    served = 0
    peak_kb = 0
    stop = threading.Event()
    lock = threading.Lock()

    def client(index: int) -> None:
        nonlocal served
        step = 0
        while not stop.is_set():
            path = pages[(index + step) % len(pages)]
            step += 1
            try:
                with urllib.request.urlopen(origin + path, timeout=TIMEOUT) as response:
                    response.read()
                    ok = response.status == 200
            except (OSError, urllib.error.HTTPError) as exc:
                ok, response = False, exc
            with lock:
                if ok:
                    served += 1
                else:
                    failures.append(f"{path}: {response}")

    def watch_memory() -> None:
        nonlocal peak_kb
        while not stop.is_set() and server.poll() is None:
            peak_kb = max(peak_kb, _rss_kb(server.pid))
            time.sleep(0.2)

    try:
        assert _wait_for(brief_url, "Summary", 60), f"the server never served the brief: {log.read_text('utf-8')}"
        pages = _pages(project, base)
        assert len(pages) > 20, pages
        memory = threading.Thread(target=watch_memory)
        memory.start()
        with ThreadPoolExecutor(CLIENTS) as pool:
            for index in range(CLIENTS):
                pool.submit(client, index)
            started = time.monotonic()
            broken_at = EDIT_SECONDS // 3
            edit = 0
            while time.monotonic() - started < EDIT_SECONDS:
                edit += 1
                if edit == broken_at:
                    # an autosave in the middle of typing: the file ends inside a quoted string
                    annotation.write_text(original[: original.index("summary:")] + 'summary: "Half writ', "utf-8")
                    assert _wait_for(brief_url, "briefing: the annotations have errors", 10), "no error in the page"
                    assert f"briefs/{SLUG}.yml:" in _fetch(brief_url)
                    assert "briefing: the annotations have errors" in log.read_text("utf-8")
                else:
                    text = original.replace("summary: >-\n", f"summary: >-\n  Load edit {edit}.\n", 1)
                    annotation.write_text(text, "utf-8")
                    if edit == broken_at + 1:  # fixed: the preview recovers at once, without the error
                        assert _wait_for(brief_url, f"Load edit {edit}.", 10), "no recovery after the fix"
                        assert "briefing: the annotations have errors" not in _fetch(brief_url)
                time.sleep(max(0.0, started + edit - time.monotonic()))
            last = f"Load edit {edit}."
            fresh = _wait_for(brief_url, last, 5)
            stop.set()
        memory.join()
        assert server.poll() is None, "the server died"
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=20)
    report = f"{served} requests served, {len(failures)} failed, {edit} edits, peak RSS {peak_kb // 1024} MB"
    print(report)  # seen with pytest -s
    assert fresh, f"the last edit ({last}) was never served"
    assert not failures, f"{report}: {failures[:10]}"
    assert served > CLIENTS * 5, report
    assert peak_kb < RSS_LIMIT_MB * 1024, report


def test_the_error_banner_is_literal_text_after_the_body_tag() -> None:
    from generator.mkdocs.preview import ERROR_CLASS, _with_banner

    page = _with_banner(b'<html><body class="x"><p>old</p></body></html>', "briefs/a.yml:3: <script>x</script> & more")
    assert page.startswith(b'<html><body class="x"><div class="' + ERROR_CLASS.encode())
    assert b"&lt;script&gt;x&lt;/script&gt; &amp; more" in page and b"<script>" not in page
    assert page.endswith(b"<p>old</p></body></html>")
