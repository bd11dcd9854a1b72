"""Who said what, in the built site (conftest's real `briefing build`): a page per speaker with every quote, the
speakers index most quoted first and in the top navigation, every quote on a brief linked to its speaker, and the
quotes two sources give in nearly the same words side by side with their words marked."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.build import Project, generate
from generator.errors import ValidationFailed
from generator.text.provenance import normalise

from ..conftest import REPO, copy_project
from ..test_site import SLUGS, annotation

AUSTIN = "speakers/lloyd-j-austin-iii/index.html"


def page(site: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site / relative).read_text("utf-8"), "html.parser")


def target(site: Path, relative: str, href: str) -> tuple[Path, str]:
    """The built file a relative link from `relative` leads to, and its fragment."""
    parts = urlsplit(href)
    assert not parts.scheme and not parts.netloc, href
    path = posixpath.normpath(posixpath.join(posixpath.dirname(relative), parts.path)) if parts.path else relative
    file = site / path
    return (file / "index.html" if file.is_dir() else file), parts.fragment


@pytest.mark.parametrize("slug", SLUGS)
def test_every_quote_on_a_brief_links_to_its_speakers_page_which_has_the_quote(site: Path, slug: str) -> None:
    relative = f"briefs/{slug}/index.html"
    figures = page(site, relative).select("article figure.bf-quote")
    assert len(figures) == len(annotation(slug).get("quotes") or ())
    for number, figure in enumerate(figures, 1):
        link = figure.select_one("figcaption a.bf-speaker-link")
        assert link is not None
        speaker_file, _ = target(site, relative, link["href"])
        assert speaker_file.is_file(), link["href"]
        speaker = BeautifulSoup(speaker_file.read_text("utf-8"), "html.parser")
        text = normalise(figure.select_one("blockquote").get_text())
        listed = speaker.select("article figure.bf-speaker-quote")
        back = [f for f in listed if normalise(f.select_one("blockquote").get_text()) == text]
        assert back, (slug, number)
        # ... dated, with its outlet, and linked to its marked words on the brief
        caption = back[0].select_one("figcaption")
        passage = caption.find("a", string="in the article")
        file, fragment = target(site, speaker_file.relative_to(site).as_posix(), passage["href"])
        assert file == site / relative and fragment == f"quote-{number}"
        assert page(site, relative).find(id=fragment) is not None


def test_titles_and_surnames_of_one_speaker_share_a_page(site: Path) -> None:
    soup = page(site, AUSTIN)
    assert soup.select_one("article h1").get_text(strip=True).rstrip("¶") == "Lloyd J. Austin III"
    captions = [normalise(c.get_text(" ")) for c in soup.select("article figure.bf-speaker-quote figcaption")]
    assert len(captions) == 5
    assert {c.split("named")[-1].strip(' "“”') for c in captions} == {
        "Secretary Austin",
        "Austin",
        "Lloyd J. Austin III",
    }
    assert all(c.startswith("30 October 2024 · ") for c in captions)
    assert sum("DOD News (U.S. Department of Defense)" in c for c in captions) == 3
    assert sum("U.S. Department of Defense (transcript)" in c for c in captions) == 2


def test_a_person_topic_names_a_speaker_and_its_spellings(site: Path) -> None:
    soup = page(site, "speakers/volodymyr-zelensky/index.html")  # quoted as "Volodymyr Zelenskyy"
    assert soup.select_one("article h1").get_text(strip=True).rstrip("¶") == "Volodymyr Zelensky"
    link = soup.find("a", string="topic page")
    assert target(site, "speakers/volodymyr-zelensky/index.html", link["href"])[0] == (
        site / "topics/volodymyr-zelensky/index.html"
    )


def test_speakers_index_is_sorted_by_quotes_and_in_the_top_navigation(site: Path) -> None:
    soup = page(site, "speakers/index.html")
    rows = soup.select("article table tbody tr")
    counts = [int(row.select("td")[1].get_text()) for row in rows]
    assert counts == sorted(counts, reverse=True) and counts[:2] == [5, 4]
    names = [row.select_one("td a").get_text() for row in rows]
    assert names[:2] == ["Lloyd J. Austin III", "Sabrina Singh"]
    for row in rows:
        assert target(site, "speakers/index.html", row.select_one("td a")["href"])[0].is_file()
    assert sum(counts) == sum(len(annotation(slug).get("quotes") or ()) for slug in SLUGS)
    home = page(site, "index.html")
    tabs = [a for a in home.select("nav.md-tabs a") if a.get_text(strip=True) == "Speakers"]
    assert tabs and target(site, "index.html", tabs[0]["href"])[0] == site / "speakers/index.html"


def test_the_same_words_from_two_sources_are_compared_word_by_word(site: Path) -> None:
    soup = page(site, "briefs/dod-news-north-koreans-may-soon-fight/index.html")
    (intro,) = soup.select("article p.bf-echo-intro")
    assert "Also quoted by U.S. Department of Defense (transcript) in" in normalise(intro.get_text(" "))
    compare = intro.find_next_sibling("div", class_="bf-compare")
    mine, theirs = compare.select("figure.bf-version blockquote")
    assert [(d["class"][-1], d.get_text()) for d in mine.select("del")] == [("bf-diff-changed", "[the]")]
    assert [(i["class"][-1], i.get_text()) for i in theirs.select("ins")] == [
        ("bf-diff-trimmed", "And"),
        ("bf-diff-changed", "the"),
    ]
    assert normalise(theirs.get_text()).startswith("And I am increasingly concerned that the Kremlin")
    link = compare.select("figure.bf-version figcaption a")[1]["href"]
    assert target(site, "briefs/dod-news-north-koreans-may-soon-fight/index.html", link) == (
        site / "briefs/austin-kim-joint-press-briefing/index.html",
        "quote-1",
    )


def test_a_cut_quote_is_compared_with_the_whole_on_both_briefs_and_once_on_the_speakers_page(site: Path) -> None:
    full = page(site, "briefs/singh-press-briefing-2024-10-28/index.html").select_one("div.bf-compare")
    trimmed = full.select_one("figure.bf-version-mine del.bf-diff-trimmed").get_text()
    assert trimmed.startswith("and we are increasingly concerned")
    cut = page(site, "briefs/nk-defectors-volunteer-for-ukraine/index.html").select_one("div.bf-compare")
    assert cut.select_one("figure.bf-version-theirs ins.bf-diff-trimmed").get_text() == trimmed
    assert not cut.select("figure.bf-version-mine del")  # the cut has no word the whole lacks
    singh = page(site, "speakers/sabrina-singh/index.html")
    assert len(singh.select("article div.bf-compare")) == 1
    assert singh.find(id="compared-across-sources") is not None
    # a speaker with no such pair has no comparison section
    assert page(site, "speakers/john-kirby/index.html").find(id="compared-across-sources") is None


def test_quote_words_and_speaker_names_cannot_inject_markup(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    article = root / "briefs" / "hostile.txt"
    hostile = 'He said "<img src=x onerror=alert(1)> we stand & fight now with <b>all</b> we have in Kursk".'
    longer = 'Also "<img src=x onerror=alert(1)> we stand & fight with <b>all</b> we have in Kursk".'
    article.write_text(f"Headline\n\n{hostile}\n\n{longer}\n", "utf-8")
    article.with_suffix(".yml").write_text(
        "title: Hostile\nsource: {name: '<script>x</script>'}\nsummary: S\ntopics: [North Korea]\nquotes:\n"
        "  - {text: '<img src=x onerror=alert(1)> we stand & fight now with <b>all</b> we have in Kursk', "
        "speaker: '<script>alert(1)</script>', reviewed: true}\n",
        "utf-8",
    )
    other = root / "briefs" / "hostile-too"
    other.with_suffix(".txt").write_text(f"Headline\n\n{longer}\n", "utf-8")
    other.with_suffix(".yml").write_text(
        "title: Hostile too\nsource: {}\nsummary: S\ntopics: [North Korea]\nquotes:\n"
        "  - {text: '<img src=x onerror=alert(1)> we stand & fight with <b>all</b> we have in Kursk', "
        "speaker: '<script>alert(1)</script>', reviewed: true}\n",
        "utf-8",
    )
    pages = generate(Project.at(root), write=False).pages
    speaker = next(text for path, text in pages.items() if path.startswith("speakers/") and "Hostile too" in text)
    for text in (speaker, pages["briefs/hostile.md"], pages["speakers/index.md"]):
        assert "<script" not in text and "<img" not in text and "<b>" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in speaker and "bf-diff-added" in speaker  # compared, escaped


def test_a_speaker_alias_given_twice_is_refused_at_its_line(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    registry = root / "briefs" / "topics.yml"
    text = registry.read_text("utf-8")
    registry.write_text(text.replace("    aliases: [Kirby]\n", "    aliases: [Kirby, Singh]\n"), "utf-8")
    line = registry.read_text("utf-8").splitlines().index("  - name: John Kirby") + 1
    with pytest.raises(ValidationFailed) as failed:
        generate(Project.at(root), write=False)
    (problem,) = failed.value.problems
    assert (problem.location.path, problem.location.line) == ("briefs/topics.yml", line)
    assert "'Singh' already names speaker 'Sabrina Singh'" in problem.message


def test_speaker_pages_are_byte_identical_across_runs() -> None:
    first = generate(Project.at(REPO), write=False).pages
    second = generate(Project.at(REPO), write=False).pages
    speakers = {p: t for p, t in first.items() if p.startswith("speakers/")}
    assert len(speakers) == 13 and all(second[p] == t for p, t in speakers.items())
