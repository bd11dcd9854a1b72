"""The page kinds: one module each, declaring a `KINDS` tuple of PageKind; found here, so a new kind is a new
module and its template, and nothing else to register."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from .kind import Page, PageKind

__all__ = ["Page", "PageKind", "page_kinds"]


@cache
def page_kinds() -> tuple[PageKind, ...]:
    """Every declared page kind, in module order."""
    kinds: list[PageKind] = []
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        kinds += getattr(importlib.import_module(f"{__name__}.{module.name}"), "KINDS", ())
    return tuple(kinds)
