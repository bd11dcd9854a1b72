"""Stage 5: write only pages whose content changed, each atomically; remove pages no longer generated.

Unchanged files keep their modification time, so `mkdocs serve` (and its --dirty mode) rebuilds only what an
edit touched. A manifest of what we generated lets us remove stale pages without touching hand-written ones.
"""

from __future__ import annotations

import errno
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BriefingError, Location

MANIFEST = ".briefing-generated.json"
_UMASK = os.umask(0o022)
os.umask(_UMASK)


# what the machine, not the program, is to blame for: each is one line naming the file, not an internal error
DISK_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS, errno.EACCES, errno.EPERM})
_TEMPORARY = re.compile(r"^\.(.+)\.[A-Za-z0-9_]{8}\.tmp$")  # tempfile.mkstemp's names, as write_atomic asks
FileState = tuple[int, int, int] | None  # size, modification time and inode: whether anyone touched a file since


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # each page's text as this run left it in its file, with the file's state: the next run's `known`
    files: dict[str, tuple[str, FileState]] = field(default_factory=dict)


def write_atomic(path: Path, content: bytes) -> None:
    """Write via a temporary file in the same folder and rename, so no reader ever sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes files owner-only; pages are as public as any file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_pages(
    docs_dir: Path, pages: dict[str, str], known: dict[str, tuple[str, FileState]] | None = None
) -> WriteReport:
    """Bring docs_dir in line with `pages` (relative path -> text), touching as little as possible.

    `known` is the previous run's report.files: a page whose text and file are both as that run left them is not
    even read back (the file's size, modification time and inode tell that nobody touched it since)."""
    try:
        return _write_pages(docs_dir, pages, known)
    except OSError as exc:  # no space, an I/O error, a read-only folder: one line, and the site is not rebuilt
        if exc.errno not in DISK_ERRORS:
            raise
        where = exc.filename if isinstance(exc.filename, str) else str(docs_dir)
        raise BriefingError(Location(where), f"cannot write: {exc.strerror or exc}; the site was not rebuilt") from None


def _write_pages(docs_dir: Path, pages: dict[str, str], known: dict[str, tuple[str, FileState]] | None) -> WriteReport:
    known = known or {}
    report = WriteReport()
    folders: dict[Path, Path] = {}
    targets = {relative: _inside(docs_dir, relative, folders) for relative in pages}  # refuse before writing
    _remove_stale_temporaries({target.parent for target in targets.values()} | {docs_dir}, pages)
    for relative, text in sorted(pages.items()):
        target = targets[relative]
        state = _stat(target)
        if known.get(relative) == (text, state) and state is not None:
            report.unchanged.append(relative)
            report.files[relative] = (text, state)
            continue
        content = text.encode("utf-8")
        if not (target.is_file() and target.read_bytes() == content):
            write_atomic(target, content)
            report.written.append(relative)
        else:
            report.unchanged.append(relative)
        report.files[relative] = (text, _stat(target))
    for relative in sorted(_previous(docs_dir) - set(pages)):
        target = _inside(docs_dir, relative)
        if target.is_file():
            target.unlink()
            report.removed.append(relative)
    manifest = json.dumps(sorted(pages), indent=0).encode("utf-8")
    if _read(docs_dir / MANIFEST) != manifest:
        write_atomic(docs_dir / MANIFEST, manifest)
    return report


def _remove_stale_temporaries(folders: set[Path], pages: dict[str, str]) -> None:
    """The temporary files of write_atomic that a killed run left (`.<page name>.<random>.tmp`): only ours, only in
    the folders we write, so nothing an editor keeps there is touched."""
    names = {Path(relative).name for relative in pages} | {MANIFEST}
    for folder in folders:
        for leftover in folder.glob(".*.tmp"):
            match = _TEMPORARY.match(leftover.name)
            if match and match.group(1) in names and leftover.is_file():
                leftover.unlink(missing_ok=True)


def _stat(path: Path) -> FileState:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns, status.st_ino


def _inside(docs_dir: Path, relative: str, folders: dict[Path, Path] | None = None) -> Path:
    """docs_dir/relative, refused if it would lie outside docs_dir (through '..' or a symbolic link).

    A run checks thousands of pages in a handful of folders, so each folder is resolved once (`folders`)."""
    folders = {} if folders is None else folders
    target = docs_dir / relative
    if target.is_symlink() or target.name in ("", ".", ".."):
        target = target.resolve()
    else:
        if target.parent not in folders:
            folders[target.parent] = target.parent.resolve()
        target = folders[target.parent] / target.name
    if docs_dir not in folders:
        folders[docs_dir] = docs_dir.resolve()
    if not target.is_relative_to(folders[docs_dir]):
        raise ValueError(f"refusing to write outside {docs_dir}: {relative}")
    return target


def _previous(docs_dir: Path) -> set[str]:
    raw = _read(docs_dir / MANIFEST)
    try:
        names = json.loads(raw) if raw else []
    except (json.JSONDecodeError, UnicodeDecodeError):
        return set()
    # only a list of names is ours: anything else was not written by us, so trust none of it
    return {n for n in names if isinstance(n, str)} if isinstance(names, list) else set()


def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None
