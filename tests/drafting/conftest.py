"""Fixtures of the fetch and feed tests: a web server on 127.0.0.1, and no other address reachable."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from . import localserver


@pytest.fixture
def server() -> Iterator[localserver.Server]:
    state, httpd = localserver.start()
    yield state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    localserver.no_network(monkeypatch)
