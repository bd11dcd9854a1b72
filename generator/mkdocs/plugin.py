"""A thin MkDocs plugin: run the generator before every build and watch briefs/ while serving."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from ..build import Generated, Project, generate
from ..errors import BriefingError
from ..memo import Memo
from ..model import SiteInfo
from . import csp, preview, search
from .pagecache import PageCache
from .progress import Progress

log = get_plugin_logger(__name__)

# The briefing's parts of the theme (its stylesheet, the feed links, the search and tags partials): package data, so
# an installed briefing needs no files of them in the project. A project's own `theme.custom_dir` still wins.
THEME_DIR = Path(__file__).parent / "theme"

# One memo per project for the life of the process: a preview server's rebuilds redo only what an edit touched.
# (Module level, not on the plugin, so it survives however MkDocs re-creates plugins between rebuilds.)
_MEMOS: dict[tuple[Path, Path, Path], Memo] = {}


class _CompiledTemplates(BytecodeCache):
    """The theme's templates compiled once per process: MkDocs makes a new Jinja environment for every rebuild,
    and compiling Material's templates again cost about half a second of each preview rebuild. Jinja checks each
    template's source checksum, so an edited template is compiled anew."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()

# `briefing serve` starts MkDocs' own serve, which makes its plugin itself: the progress display for that server's
# first build waits here, and the first build takes it (later rebuilds are quick and stay quiet).
first_build_progress: list[Progress] = []


def memo_for(project: Project) -> Memo:
    """The memo a long-lived process (briefing serve, mkdocs serve) keeps for `project`."""
    return _MEMOS.setdefault((project.root, project.briefs_dir, project.docs_dir), Memo())


class BriefingConfig(Config):
    briefs_dir = config_options.Type(str, default="briefs")
    # site search: None is BRIEFING_SEARCH or 'auto' (Material's below search.PAGEFIND_FROM briefs, else Pagefind)
    search = config_options.Optional(config_options.Choice(search.MODES))


class BriefingPlugin(BasePlugin[BriefingConfig]):
    # set by `briefing build` (mkdocs/staging.py) on this instance: the pages it has just generated, so this build
    # need not generate them again, and its --search choice
    fresh: Generated | None = None
    search_mode: str | None = None
    # set by `briefing build` too: the persistent cache of converted Markdown (pagecache.py), and the progress display
    cache: PageCache | None = None
    progress: Progress = Progress()
    search_summary: str = ""

    def _project(self, config: Any) -> Project:
        root = Path(config.config_file_path).parent
        # MkDocs' own values (after !ENV and `mkdocs serve`'s dev address), as plain ones: the core never sees MkDocs
        # a preview server's site also has the review pages for editors (pages/review.py); a built one never
        serving = getattr(self, "_serving", False)
        site = SiteInfo(
            config.site_url or None,
            config.site_name,
            bool(config.use_directory_urls),
            review=serving,
            language=str(config.theme.get("language") or SiteInfo.language),
        )
        project = Project.at(root, Path(config.docs_dir), site)
        return Project(project.root, (root / self.config.briefs_dir).resolve(), project.docs_dir, project.site)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"
        if first_build_progress:
            self.progress = first_build_progress.pop()

    def on_config(self, config: Any) -> Any:
        dirs = config.theme.dirs
        if str(THEME_DIR) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        return config

    def on_pre_build(self, *, config: Any) -> None:
        result = self.fresh or self._generate(config)  # `briefing build` generated a moment ago: not twice
        try:  # Material's search or Pagefind, by the size of the corpus just generated
            search.configure(config, self.search_mode or self.config.search, len(result.corpus.briefs))
        except BriefingError as exc:
            raise PluginError(str(exc)) from None

    def _generate(self, config: Any) -> Generated:
        try:
            project = self._project(config)
            result = generate(project, memo=memo_for(project) if getattr(self, "_serving", False) else None)
        except BriefingError as exc:
            raise PluginError(f"briefing: the annotations have errors:\n{exc}") from None
        for warning in result.warnings:
            log.info(str(warning))
        if result.report and (result.report.written or result.report.removed):
            log.info(f"wrote {len(result.report.written)} pages, removed {len(result.report.removed)}")
        return result

    @event_priority(-100)  # after every plugin that adds or drops files: the pages this build will convert
    def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        self._pages = len(files.documentation_pages())
        self.progress.start("Markdown to HTML", self._pages)
        return nav

    def on_pre_page(self, page: Any, *, config: Any, files: Any) -> Any:
        if self.cache is not None:
            self.cache.wrap(page, config)  # the key is taken at render time, after every on_page_markdown
        return page

    @event_priority(-100)
    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        self.progress.advance()
        return html

    @event_priority(-100)  # after Material's tags plugin fills its listings in on_env
    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        if getattr(self, "_serving", False) and env.bytecode_cache is None:
            env.bytecode_cache = _COMPILED
        pages = getattr(self, "_pages", 0)
        if self.cache is not None:
            stats = self.cache.stats
            self.progress.done(f"{pages} pages, {stats.hits} from the cache, {stats.converted} converted")
        else:
            self.progress.done(f"{pages} pages converted")
        self.progress.start("HTML pages", pages)
        return env

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        self.progress.advance()
        return self._with_policy(output, page.file.src_uri, config)

    def on_post_template(self, output_content: str, *, template_name: str, config: Any) -> str:
        if not template_name.endswith(".html"):  # sitemap.xml
            return output_content
        return self._with_policy(output_content, template_name, config)

    def _with_policy(self, html: str, name: str, config: Any) -> str:
        """The page with its Content-Security-Policy (csp.py); a warning (so a failure under --strict) for anything
        in it that the policy blocks, such as an inline script in a project's own template override."""
        for blocked in csp.blocked_inline(html):
            log.warning(f"{name}: has {blocked}, which the site's Content-Security-Policy blocks: move it to a file")
        return csp.with_policy(html, csp.policy(wasm=config.extra.get(search.EXTRA_KEY) == "pagefind"))

    @event_priority(100)  # first: the pages are written, Material's search index and Pagefind come after
    def on_post_build(self, *, config: Any) -> None:
        self.progress.done(f"{getattr(self, '_pages', 0)} pages written")
        engine = config.extra.get(search.EXTRA_KEY)
        self.progress.start("Search index (Pagefind)" if engine == "pagefind" else "Search index (Material)")
        if self.cache is not None:  # a full build used every entry it will need: drop the rest
            self.cache.finish(prune=True)
        try:
            indexed = search.post_build(config, serving=getattr(self, "_serving", False))
        except BriefingError as exc:
            raise PluginError(f"briefing: {exc}") from None
        if indexed is not None:
            self.search_summary = f"{indexed.files} files, {indexed.bundle_bytes / 1e6:.1f} MB"
        if getattr(self, "_serving", False):  # `briefing build` ends this stage once Material's plugin wrote too
            self.progress.done(self.search_summary or "done")
            self.progress.close()
            self.progress = Progress()

    def on_build_error(self, *, error: Exception) -> None:
        if getattr(self, "_serving", False):
            preview.build_failed(error)

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        project = self._project(config)
        server.watch(str(project.briefs_dir))
        # The docs folder holds what the generator writes, and it writes there during a build: watching it would
        # start a second rebuild after every edit. Watch the editors' inputs and the theme overrides instead.
        overrides = Path(config.docs_dir) / "overrides"
        if Path(config.docs_dir).resolve() != project.root and overrides.is_dir():
            server.unwatch(config.docs_dir)
            server.watch(str(overrides))
        return preview.fit(server)  # a deep listen backlog; a failed rebuild shown on the page, never a hung one
