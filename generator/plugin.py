"""A thin MkDocs plugin: run the generator before every build and watch briefs/ while serving."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from .build import Project, generate
from .errors import BriefingError

log = get_plugin_logger(__name__)


class BriefingConfig(Config):
    briefs_dir = config_options.Type(str, default="briefs")


class BriefingPlugin(BasePlugin[BriefingConfig]):
    def _project(self, config: Any) -> Project:
        root = Path(config.config_file_path).parent
        project = Project.at(root, Path(config.docs_dir))
        return Project(project.root, (root / self.config.briefs_dir).resolve(), project.docs_dir)

    def on_pre_build(self, *, config: Any) -> None:
        try:
            result = generate(self._project(config))
        except BriefingError as exc:
            raise PluginError(f"briefing: the annotations have errors:\n{exc}") from None
        for warning in result.warnings:
            log.info(str(warning))
        if result.report and (result.report.written or result.report.removed):
            log.info(f"wrote {len(result.report.written)} pages, removed {len(result.report.removed)}")

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        server.watch(str(self._project(config).briefs_dir))
        return server
