"""The templates' search path and the site's Jinja2 environment: package templates, replaceable from
site_src/overrides/templates/ (the page kinds' in pages/templates/, the drafter's in drafting/templates/).

Every value a template prints is editor text unless it is Markup we built ourselves, so the environment's
`finalize` escapes for Markdown and HTML by default: a forgotten filter cannot let an editor's `<script>`,
`[link](javascript:...)` or table `|` through.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import addresses
from .model import PartialDate

# Characters that start Markdown syntax anywhere in a line (parentheses only matter after an escaped ']').
_MD_INLINE = re.compile(r"([\\`*_{}\[\]#|!])")
# ...and at the start of a line: list markers, ordered-list numbers, rules.
_MD_LINE_START = re.compile(r"^([-+]|\d+(?=[.)]))")


def escape_markdown(text: str) -> str:
    """Editor text as literal inline Markdown: HTML-escaped, Markdown syntax backslash-escaped, one line."""
    flat = " ".join(str(text).split())
    escaped = _MD_INLINE.sub(r"\\\1", _escape_html(flat))
    return _MD_LINE_START.sub(lambda m: "\\" + m.group(1) if not m.group(1).isdigit() else m.group(1) + "\\", escaped)


def _escape_html(text: str) -> str:
    """&, <, > and double quotes: enough for text and double-quoted attributes, and no '#' entities."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return escape_markdown(str(value))


def front_matter_string(text: str) -> Markup:
    """A YAML (JSON-syntax) string for front matter; HTML-escaped because MkDocs puts titles and tags into
    the navigation, <title>, meta tags and the search index without escaping."""
    return Markup(json.dumps(_escape_html(" ".join(str(text).split())), ensure_ascii=False))


def html_text(text: Any) -> Markup:
    """Any value as the text of a raw HTML fragment or a double-quoted attribute: HTML-escaped, one line. (Markdown
    leaves raw HTML alone, so Markdown's backslash escapes would show; and a Markup URL is escaped again.)"""
    return Markup(_escape_html(" ".join(str(text).split())))


def safe_url(url: str) -> Markup:
    """An http(s) URL (the schema allows no other) percent-encoded so it cannot close a Markdown link."""
    return Markup(quote(url, safe=":/?#@!$&'*+,;=%~-._"))


def paragraphs(text: str) -> list[str]:
    return [line for line in (" ".join(raw.split()) for raw in text.split("\n")) if line]


def overrides_dir(root: Path) -> Path:
    """The project's template overrides: a file there replaces the package's template of the same name."""
    return root / "site_src" / "overrides" / "templates"


def search_path(overrides: Path | None = None) -> BaseLoader:
    """Where templates are found, first match wins: the project's overrides, then the package's own."""
    loaders = [FileSystemLoader(str(overrides))] if overrides and overrides.is_dir() else []
    packaged = [PackageLoader("generator.pages", "templates"), PackageLoader("generator.drafting", "templates")]
    return ChoiceLoader([*loaders, *packaged])


def make_environment(overrides: Path | None = None) -> Environment:
    """The environment pages render in: escaping by default, and the addresses of pages as globals."""
    env = Environment(
        loader=search_path(overrides),
        autoescape=False,  # the output is Markdown; _finalize escapes for Markdown and HTML instead
        finalize=_finalize,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        fm=front_matter_string,
        url=safe_url,
        html=html_text,
        paragraphs=paragraphs,
        date=_human_date,
        link=Markup,
        trusted=Markup,
    )
    env.globals.update(href=_href, brief_page=addresses.brief_page, topic_page=addresses.topic_page, pages=_PAGES)
    env.globals.update(review_page=addresses.review_page, speaker_page=addresses.speaker_page)
    return env


def _href(from_page: str, to_page: str) -> Markup:
    """A link from the page being rendered to another generated page (our own path, so not escaped)."""
    return Markup(addresses.relative(from_page, to_page))


_PAGES = {
    "home": addresses.HOME,
    "archive": addresses.ARCHIVE,
    "figures": addresses.FIGURES,
    "timeline": addresses.TIMELINE,
    "map": addresses.MAP,
    "topics_index": addresses.TOPICS_INDEX,
    "speakers_index": addresses.SPEAKERS_INDEX,
}


def _human_date(date: PartialDate | None) -> str:
    return date.human() if date else "date not stated"


def override_files(overrides: Path | None) -> tuple[tuple[str, int], ...]:
    """The override templates there are, with their modification times: adding, changing or removing one needs
    a new environment (Jinja would keep serving the package's template it cached)."""
    if overrides is None or not overrides.is_dir():
        return ()
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in overrides.iterdir() if p.is_file()))


def template_stamps(env: Environment) -> tuple[tuple[str, str | None], ...]:
    """Each page template's name and source file with its modification time: a changed override renders anew."""
    return tuple(_stamp(env, name) for name in env.list_templates(filter_func=lambda name: name.endswith(".md.j2")))


def _stamp(env: Environment, name: str) -> tuple[str, str | None]:
    source = env.get_template(name).filename
    try:
        return name, f"{source}:{Path(source).stat().st_mtime_ns}" if source else None
    except OSError:
        return name, source
