"""Where every generated file lives under the docs folder, and how one page links to another.

The one owner of page addresses: page kinds, feeds, open data, search's index globs and templates all ask here, so
moving a page is a change to this module alone.
"""

from __future__ import annotations

import posixpath

BRIEFS_DIR, TOPICS_DIR = "briefs", "topics"
SPEAKERS_DIR = "speakers"  # one page per quoted person or organisation (pages/speakers.py)
REVIEW_DIR = "review"  # a preview server's pages for editors (pages/review.py): never on a published site
HOME, ARCHIVE, FIGURES, TIMELINE, MAP = "index.md", "archive.md", "figures.md", "timeline.md", "map.md"
TOPICS_INDEX = f"{TOPICS_DIR}/index.md"
SPEAKERS_INDEX = f"{SPEAKERS_DIR}/index.md"
BRIEFS_JSON, FIGURES_CSV = "data/briefs.json", "data/figures.csv"
ATOM_FEED, JSON_FEED = "feed.xml", "feed.json"
# The built pages site search indexes: each brief, topic page and the figures page (the home page repeats every
# summary, so it would match every query).
SEARCH_GLOB = f"{{{BRIEFS_DIR}/**/*.html,{TOPICS_DIR}/**/*.html,{FIGURES.removesuffix('.md')}/index.html}}"


def brief_page(slug: str) -> str:
    return f"{BRIEFS_DIR}/{slug}.md"


def review_page(slug: str) -> str:
    return f"{REVIEW_DIR}/{slug}.md"


def topic_page(slug: str) -> str:
    return f"{TOPICS_DIR}/{slug}.md"


def speaker_page(slug: str) -> str:
    """A speaker's page; speaker slugs never are "index" (stages/speakers.py), the speakers index's name."""
    return f"{SPEAKERS_DIR}/{slug}.md"


def relative(from_page: str, to_page: str) -> str:
    """`to_page` as a Markdown link from `from_page` (MkDocs resolves .md links relative to the linking page).

    posixpath.relpath for the normalised paths above, without its cost: a build asks this for every link."""
    folder = posixpath.dirname(from_page)
    if not folder:
        return to_page
    if "/" in folder:  # no page lies this deep today
        return posixpath.relpath(to_page, folder)
    return to_page[len(folder) + 1 :] if to_page.startswith(folder + "/") else "../" + to_page
