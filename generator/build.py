"""The whole generator, load -> validate -> link -> render -> write, with no MkDocs import.

The stages are pure; this module alone applies the memo a preview server keeps between runs (so a run after an
edit redoes only what the edit touched) and the worker pool a one-off build uses, and decides once which of the
two a run gets."""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from jinja2 import Environment

from . import parallel
from .errors import Problem, ValidationFailed
from .memo import Memo, NoMemo
from .model import Brief, Corpus, SiteInfo
from .pages import Page
from .stages.link import link
from .stages.load import RawBrief, annotation_paths, file_key, load_one, load_topics, orphan_articles
from .stages.render import parts, plan, render_page, render_part
from .stages.speakers import validate_speakers
from .stages.validate import metric_labels, topic_collisions, unregistered_topics, validate_brief, validate_topics
from .stages.write import WriteReport, write_pages
from .templating import make_environment, override_files, overrides_dir, template_stamps

Job = TypeVar("Job")
Result = TypeVar("Result")


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
        return overrides_dir(self.docs_dir.parent)


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
        language=_theme_language(config.get("theme")),
    )


def _theme_language(theme: Any) -> str:
    language = theme.get("language") if isinstance(theme, dict) else None
    return language if isinstance(language, str) and language.strip() else SiteInfo.language


@dataclass(frozen=True)
class _Run:
    """How one run works, decided once: a preview server's run keeps a memo and stays in this process (what
    workers made, their memos would forget); a one-off run keeps nothing and uses every core."""

    memo: Memo

    @classmethod
    def of(cls, memo: Memo | None) -> _Run:
        return cls(NoMemo() if memo is None else memo)

    def map(self, work: Callable[[Job], Result], jobs: Sequence[Job]) -> list[Result]:
        return [work(job) for job in jobs] if self.memo.keeps else parallel.map_jobs(work, jobs)

    def load(self, project: Project, path: Path) -> RawBrief | tuple[Problem, ...]:
        root, briefs_dir = project.root, project.briefs_dir
        if not self.memo.keeps:  # reading the files for a key would read them twice
            return load_one(root, briefs_dir, path)
        return self.memo.get(("load", path), file_key(path), lambda: load_one(root, briefs_dir, path))


def check(project: Project, memo: Memo | None = None) -> tuple[Corpus, list[Problem]]:
    """Load and validate everything; raise ValidationFailed with every error of every file."""
    return _check(project, _Run.of(memo))


def _check(project: Project, run: _Run) -> tuple[Corpus, list[Problem]]:
    topics_path = project.briefs_dir / "topics.yml"
    topics, problems = run.memo.get(
        ("load", topics_path), file_key(topics_path), lambda: load_topics(project.root, project.briefs_dir)
    )
    problems = list(problems)
    registry, lookup, topic_problems = run.memo.get("topics", topics, lambda: validate_topics(topics))
    problems += topic_problems
    speakers, speaker_problems = run.memo.get(
        "speakers", (topics, registry), lambda: validate_speakers(topics, registry)
    )
    problems += speaker_problems if not topic_problems else []  # a registry with errors has no topics to merge with

    def load_and_validate(path: Path) -> tuple[RawBrief | tuple[Problem, ...], tuple[Brief | None, list[Problem]]]:
        raw = run.load(project, path)
        if not isinstance(raw, RawBrief):
            return raw, (None, [])
        key = (raw, registry, lookup)
        return raw, run.memo.get(("valid", raw.slug), key, lambda: validate_brief(raw, lookup, registry))

    raws: list[RawBrief] = []
    briefs: list[Brief] = []
    for raw, (brief, brief_problems) in run.map(load_and_validate, annotation_paths(project.briefs_dir)):
        raws += [raw] if isinstance(raw, RawBrief) else []
        problems += [] if isinstance(raw, RawBrief) else raw
        problems += brief_problems
        briefs += [brief] if brief else []
    problems += [*orphan_articles(project.root, project.briefs_dir), *topic_collisions(tuple(raws), lookup)]
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ValidationFailed(errors)
    corpus = link(briefs, registry, unregistered_topics(briefs, tuple(raws), registry), metric_labels(topics), speakers)
    return corpus, sorted(p for p in problems if p.severity == "warning")


def _render(corpus: Corpus, project: Project, run: _Run) -> dict[str, str]:
    """Every page: last run's text when its inputs, the site and the templates are as they were, else rendered."""
    overrides = project.overrides
    env: Environment = run.memo.get(
        "environment", (overrides, override_files(overrides)), lambda: make_environment(overrides)
    )
    stamps = template_stamps(env) if run.memo.keeps else ()
    pages: dict[str, str] = {}
    pending: list[tuple[Page, object]] = []
    for page in plan(corpus, project.site.review):
        key = (stamps, project.site, page.inputs)
        hit, text = run.memo.lookup(page.path, key)
        if hit:
            pages[page.path] = text
        else:
            pending.append((page, key))
    # workers get the index of a page, not the page: they inherit the plan when forked
    texts = run.map(lambda index: _render_page(env, project.site, pending[index], run), range(len(pending)))
    for (page, key), text in zip(pending, texts, strict=True):
        run.memo.set(page.path, key, text)
        pages[page.path] = text
    return dict(sorted(pages.items()))


def _render_page(env: Environment, site: SiteInfo, pending: tuple[Page, Any], run: _Run) -> str:
    """A page, its parts (rows, entries, sections) from last run where their arguments are as they were."""
    page, (stamps, _site, _inputs) = pending
    if not run.memo.keeps or not page.kind.parts:
        return render_page(env, site, page)
    made = {
        part.key: run.memo.get(
            ("part", page.path, part.key),
            (stamps, site, part.args),
            lambda part=part: render_part(env, site, page, part),
        )
        for part in parts(page)
    }
    return render_page(env, site, page, made)


def generate(project: Project, write: bool = True, memo: Memo | None = None) -> Generated:
    """Check, render every page, and write the ones that changed into the docs folder.

    Pass the same memo to every run of a long-lived process (a preview server): a run after an edit then redoes
    only what the edit touched."""
    run = _Run.of(memo)
    # A run makes millions of small objects and no reference cycles worth finding; the cyclic collector would
    # walk every live object (the whole memo of a preview server) several times per run, so it waits till the end.
    collecting = gc.isenabled()
    gc.disable()
    try:
        corpus, warnings = _check(project, run)
        pages = _render(corpus, project, run)
        report = _write(project, pages, run) if write else None
        run.memo.sweep()
    finally:
        if collecting:
            gc.enable()
    return Generated(corpus, pages, report, warnings)


def _write(project: Project, pages: dict[str, str], run: _Run) -> WriteReport:
    hit, known = run.memo.lookup("written", project.docs_dir)
    report = write_pages(project.docs_dir, pages, known if hit else None)
    run.memo.set("written", project.docs_dir, report.files)
    return report
