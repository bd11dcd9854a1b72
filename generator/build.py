"""The whole generator, load -> validate -> link -> render -> write, with no MkDocs import."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem, ValidationFailed
from .link import link
from .load import load_corpus
from .model import Brief, Corpus, SiteInfo
from .render import render_site
from .validate import metric_labels, topic_collisions, unregistered_topics, validate_brief, validate_topics
from .write import WriteReport, write_pages


@dataclass(frozen=True)
class Project:
    """Where a briefing lives: editors' briefs/, the MkDocs docs folder, and template overrides."""

    root: Path
    briefs_dir: Path
    docs_dir: Path
    site: SiteInfo = field(default_factory=SiteInfo)

    @classmethod
    def at(cls, root: Path, docs_dir: Path | None = None, site: SiteInfo | None = None) -> Project:
        """The project in `root`; `site` defaults to what root/mkdocs.yml says (site_url, site_name, directory URLs)."""
        root = root.resolve()
        return cls(
            root, root / "briefs", (docs_dir or root / "site_src").resolve(), site or site_info(root / "mkdocs.yml")
        )

    @property
    def overrides(self) -> Path:
        return self.docs_dir.parent / "site_src" / "overrides" / "templates"


@dataclass(frozen=True)
class Generated:
    corpus: Corpus
    pages: dict[str, str]
    report: WriteReport | None
    warnings: list[Problem]


class _LenientLoader(yaml.SafeLoader):
    """mkdocs.yml may use tags (!ENV, !!python/name:...) that only MkDocs understands: read them as nothing."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_info(config_file: Path) -> SiteInfo:
    """The few site settings the generator needs, read from mkdocs.yml without MkDocs (the plugin passes MkDocs' own
    values instead). A missing or unreadable file gives the defaults: relative links, no absolute URLs."""
    try:
        config: Any = yaml.load(config_file.read_text("utf-8"), Loader=_LenientLoader)  # a SafeLoader
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return SiteInfo()
    if not isinstance(config, dict):
        return SiteInfo()
    url, name = config.get("site_url"), config.get("site_name")
    return SiteInfo(
        url if isinstance(url, str) and url.strip() else None,
        name if isinstance(name, str) and name.strip() else SiteInfo.name,
        config.get("use_directory_urls") is not False,
    )


def check(project: Project) -> tuple[Corpus, list[Problem]]:
    """Load and validate everything; raise ValidationFailed with every error of every file."""
    raw = load_corpus(project.root, project.briefs_dir)
    registry, lookup, problems = validate_topics(raw.topics)
    problems += [*raw.problems, *topic_collisions(raw.briefs, lookup)]
    briefs: list[Brief] = []
    for entry in raw.briefs:
        brief, brief_problems = validate_brief(entry, lookup, registry)
        problems += brief_problems
        briefs += [brief] if brief else []
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ValidationFailed(errors)
    return link(briefs, registry, unregistered_topics(briefs, raw.briefs, registry), metric_labels(raw.topics)), sorted(
        p for p in problems if p.severity == "warning"
    )


def generate(project: Project, write: bool = True) -> Generated:
    """Check, render every page, and write the ones that changed into the docs folder."""
    corpus, warnings = check(project)
    pages = render_site(corpus, project.overrides, project.site)
    report = write_pages(project.docs_dir, pages) if write else None
    return Generated(corpus, pages, report, warnings)
