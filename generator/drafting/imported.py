"""What briefs/ already holds, to refuse importing the same article twice: by its address (the `source.url` of
each annotation, compared after normalising) and by its text (each briefs/<slug>.txt, whitespace folded)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..errors import BriefingError, Location, display_path
from ..stages.load import SLUG, annotation_paths
from ..text import textio, yamlio

EARLIER = " (earlier in this import)"
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")


class AlreadyImported(BriefingError):
    """The article is in briefs/ already (or earlier in the same import): skipped by a feed, refused otherwise."""

    def __init__(self, location: Location, message: str, brief: str, why: str) -> None:
        super().__init__(location, message)
        self.brief, self.why = brief, why


def url_key(url: str | None) -> str | None:
    """An address as compared for sameness: scheme and host in lower case, no default port, no fragment, no
    tracking parameters, no trailing slash."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return url.strip()
    scheme = parts.scheme.lower()
    if port and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith(_TRACKING)]
    path = parts.path.rstrip("/") or "/"
    scheme = "https" if scheme == "http" else scheme  # the same article over http and https
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def text_key(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


@dataclass
class Imported:
    """Addresses and texts already in briefs/, each with the file that holds it."""

    urls: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    slugs: dict[str, str] = field(default_factory=dict)  # the brief name -> its slug, to let --force replace it

    @classmethod
    def scan(cls, briefs_dir: Path, root: Path) -> Imported:
        found = cls()
        for path in annotation_paths(briefs_dir):
            if not SLUG.match(path.stem):
                continue
            where = display_path(path, root)
            try:
                data = yamlio.load(textio.read_text(path, where, textio.MAX_ANNOTATION_BYTES), where).data
            except (BriefingError, OSError):
                continue  # `briefing check` reports a broken annotation; here it just names no address
            source = data.get("source") if isinstance(data, dict) else None
            url = source.get("url") if isinstance(source, dict) else None
            if isinstance(url, str):
                found.add(url, None, where, path.stem)
        for path in sorted(briefs_dir.glob("*.txt")):
            if not SLUG.match(path.stem) or path.is_symlink() or not path.is_file():
                continue
            if path.stat().st_size > textio.MAX_ARTICLE_BYTES:
                continue
            where = display_path(path, root)
            try:
                found.add(None, textio.decode(path.read_bytes(), where), where, path.stem)
            except (BriefingError, OSError):
                continue
        return found

    def add(self, url: str | None, text: str | None, name: str, slug: str | None) -> None:
        key = url_key(url)
        if key:
            self.urls.setdefault(key, name)
        if text is not None:
            self.texts.setdefault(text_key(text), name)
        if slug:
            self.slugs[name] = slug

    def by_url(self, url: str | None) -> str | None:
        key = url_key(url)
        return self.urls.get(key) if key else None

    def check(self, where: Location, urls: list[str | None], text: str, slug: str, force: bool) -> None:
        """Raise AlreadyImported naming the brief that holds this article already (same address or same text). The
        brief this import would replace anyway (same slug) is replaced with --force."""
        found = [(self.by_url(url), f"same address {url}") for url in urls if url]
        found.append((self.texts.get(text_key(text)), "same text"))
        for name, why in found:
            if not name:
                continue
            if name.endswith(EARLIER):
                raise AlreadyImported(where, f"is the same article ({why}) as {name}", name, why)
            if self.slugs.get(name) != slug:
                raise AlreadyImported(
                    where,
                    f"is already imported as {brief_file(name)} ({why}); remove that brief to import it again",
                    brief_file(name),
                    why,
                )
            if not force:
                raise AlreadyImported(
                    where,
                    f"{brief_file(name)} already exists; use --force to replace it (the old file is kept as a .bak "
                    f"backup): it is this same article ({why})",
                    brief_file(name),
                    why,
                )


def brief_file(name: str) -> str:
    stem, ext = os.path.splitext(name)
    return f"{stem}.txt" if ext == ".yml" else name
