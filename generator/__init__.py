"""briefing: turn annotated news articles into a searchable static briefing site."""

from importlib.metadata import PackageNotFoundError, version

try:  # the one version number lives in pyproject.toml
    __version__ = version("briefing")
except PackageNotFoundError:  # pragma: no cover - run from a source tree that was never installed
    __version__ = "0+unknown"
