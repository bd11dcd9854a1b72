"""Run the `briefing` command with one fault injected from outside the product code.

    python tests/faults/inject.py '<fault as JSON>' build --root PROJECT

The fault is one of:
  {"kill": "module:Qualified.name", "call": N, "when": "before"|"after"}
      SIGKILL this process at the Nth call of that function (before it runs, or once it has returned)
  {"pause": "module:Qualified.name", "call": N, "seconds": S, "signal": PATH}
      at the Nth call, create PATH and sleep S seconds, then carry on (to hold a build in the middle)
  {"fail_writes": DIR, "errno": E}
      every write to a file opened for writing under DIR fails with OSError(E) (ENOSPC, EIO, ...)
  {"read_only": DIR}
      DIR and everything under it behave as on a read-only file system (EROFS)

Only this process is patched; the product code has no hook of any kind.
"""

from __future__ import annotations

import builtins
import errno
import importlib
import io
import json
import os
import signal
import sys
import time
from collections.abc import Callable
from functools import wraps
from typing import Any


def _resolve(target: str) -> tuple[Any, str]:
    module_name, _, qualname = target.partition(":")
    owner: Any = importlib.import_module(module_name)
    *parents, name = qualname.split(".")
    for parent in parents:
        owner = getattr(owner, parent)
    getattr(owner, name)  # fail loudly on a name that does not exist
    return owner, name


def _at_call(target: str, call: int, action: Callable[[], None], when: str = "before") -> None:
    owner, name = _resolve(target)
    original = getattr(owner, name)
    calls = 0

    @wraps(original)
    def patched(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == call and when == "before":
            action()
        result = original(*args, **kwargs)
        if calls == call and when == "after":
            action()
        return result

    is_static = isinstance(owner, type) and isinstance(owner.__dict__.get(name), staticmethod)
    setattr(owner, name, staticmethod(patched) if is_static else patched)


def _kill() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def _under(path: Any, folder: str) -> bool:
    if isinstance(path, int):
        return False
    try:
        full = os.path.abspath(os.fsdecode(path))
    except TypeError:
        return False
    return full == folder or full.startswith(folder + os.sep)


class _FailingFile(io.RawIOBase):
    """Opens as usual; every write fails as a full or broken disk would make it fail."""

    def __init__(self, handle: Any, code: int) -> None:
        self._handle, self._code = handle, code

    def write(self, data: Any) -> int:
        raise OSError(self._code, os.strerror(self._code))

    def writelines(self, lines: Any) -> None:
        raise OSError(self._code, os.strerror(self._code))

    def close(self) -> None:
        self._handle.close()
        super().close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)


def _patch_open(wrap: Callable[[Callable[..., Any], Any, str], Any]) -> None:
    real_open = io.open

    def patched_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        return wrap(real_open, file, mode, *args, **kwargs)

    io.open = builtins.open = patched_open  # type: ignore[assignment]


def _fail_writes(folder: str, code: int) -> None:
    def wrap(real_open: Callable[..., Any], file: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
        handle = real_open(file, mode, *args, **kwargs)
        writing = any(flag in mode for flag in "wax+")
        fd_inside = isinstance(file, int) and _under(os.readlink(f"/proc/self/fd/{file}"), folder)
        if writing and (_under(file, folder) or fd_inside):
            return _FailingFile(handle, code)
        return handle

    _patch_open(wrap)


def _read_only(folder: str) -> None:
    def refuse(path: Any) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))

    def guard(name: str, *path_positions: int, flags: bool = False) -> None:
        original = getattr(os, name)

        @wraps(original)
        def patched(*args: Any, **kwargs: Any) -> Any:
            if flags and not (args[1] & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND)):
                return original(*args, **kwargs)
            for position in path_positions:
                if position < len(args) and _under(args[position], folder):
                    refuse(args[position])
            return original(*args, **kwargs)

        setattr(os, name, patched)

    guard("open", 0, flags=True)
    for name in ("mkdir", "unlink", "remove", "rmdir"):
        guard(name, 0)
    for name in ("rename", "replace"):
        guard(name, 0, 1)

    def wrap(real_open: Callable[..., Any], file: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
        if any(flag in mode for flag in "wax+") and _under(file, folder):
            refuse(file)
        return real_open(file, mode, *args, **kwargs)

    _patch_open(wrap)


def install(fault: dict[str, Any]) -> None:
    if "kill" in fault:
        _at_call(fault["kill"], fault["call"], _kill, fault.get("when", "before"))
    elif "pause" in fault:

        def pause() -> None:
            open(fault["signal"], "w").close()
            time.sleep(fault["seconds"])

        _at_call(fault["pause"], fault["call"], pause)
    elif "fail_writes" in fault:
        _fail_writes(os.path.abspath(fault["fail_writes"]), fault["errno"])
    elif "read_only" in fault:
        _read_only(os.path.abspath(fault["read_only"]))
    else:
        raise SystemExit(f"unknown fault: {fault}")


if __name__ == "__main__":
    install(json.loads(sys.argv[1]))
    from generator.cli import main

    main(sys.argv[2:], prog_name="briefing")
