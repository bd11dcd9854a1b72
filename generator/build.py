"""The whole generator, load -> validate -> link -> render -> write, with no MkDocs import."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import parallel
from .errors import Problem, ValidationFailed
from .memo import Memo, NoMemo
from .model import Brief, Corpus, SiteInfo
from .stages.link import link
from .stages.load import RawBrief, annotation_paths, load_one, load_topics, orphan_articles
from .stages.render import render_site
from .stages.validate import metric_labels, topic_collisions, unregistered_topics, validate_brief, validate_topics
from .stages.write import WriteReport, write_pages


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


def check(project: Project, memo: Memo | None = None) -> tuple[Corpus, list[Problem]]:
    """Load and validate everything; raise ValidationFailed with every error of every file.

    With a memo from the previous run, an annotation whose files and topic registry are unchanged is not parsed
    or validated again. Without one (a one-off build), briefs are loaded and validated on every core."""
    memo = NoMemo() if memo is None else memo
    root, briefs_dir = project.root, project.briefs_dir
    topics, problems = load_topics(root, briefs_dir, memo)
    registry, lookup, topic_problems = memo.get("topics", topics, lambda: validate_topics(topics))
    problems += topic_problems

    def load_and_validate(path: Path) -> tuple[RawBrief | tuple[Problem, ...], tuple[Brief | None, list[Problem]]]:
        raw = load_one(root, briefs_dir, path, memo)
        if not isinstance(raw, RawBrief):
            return raw, (None, [])
        return raw, memo.get(
            ("valid", raw.slug), (raw, registry, lookup), lambda: validate_brief(raw, lookup, registry)
        )

    paths = annotation_paths(briefs_dir)
    pooled = not memo.keeps
    results = parallel.map_jobs(load_and_validate, paths) if pooled else [load_and_validate(p) for p in paths]
    raws: list[RawBrief] = []
    briefs: list[Brief] = []
    for raw, (brief, brief_problems) in results:
        if isinstance(raw, RawBrief):
            raws.append(raw)
        else:
            problems += raw
        problems += brief_problems
        briefs += [brief] if brief else []
    problems += [*orphan_articles(root, briefs_dir), *topic_collisions(tuple(raws), lookup)]
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ValidationFailed(errors)
    new_topics = unregistered_topics(briefs, tuple(raws), registry)
    corpus = link(briefs, registry, new_topics, metric_labels(topics), memo)
    return corpus, sorted(p for p in problems if p.severity == "warning")


def generate(project: Project, write: bool = True, memo: Memo | None = None) -> Generated:
    """Check, render every page, and write the ones that changed into the docs folder.

    Pass the same memo to every run of a long-lived process (a preview server): a run after an edit then redoes
    only what the edit touched."""
    memo = NoMemo() if memo is None else memo
    # A run makes millions of small objects and no reference cycles worth finding; the cyclic collector would
    # walk every live object (the whole memo of a preview server) several times per run, so it waits till the end.
    collecting = gc.isenabled()
    gc.disable()
    try:
        corpus, warnings = check(project, memo)
        pages = render_site(corpus, project.overrides, project.site, memo)
        report = write_pages(project.docs_dir, pages, memo) if write else None
        memo.sweep()
    finally:
        if collecting:
            gc.enable()
    return Generated(corpus, pages, report, warnings)
