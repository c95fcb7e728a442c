"""Which files a tool argument may name: only those under the allowed roots.

The allowed roots of a call are the folders the operator lets servers read (`HDR_FILE_ROOTS`,
a list separated by the platform's path separator) intersected with the roots the client declares
through MCP's `roots` capability, where it declares any and can be asked (a 2025-era client over
stdio, such as Claude Desktop). Without `HDR_FILE_ROOTS`, a server on stdio reads under its working
directory (what a person in a desktop client means by "deploy/"), and a server reached over HTTP
(the gateway, `hdr run --http`) reads nothing: a file argument from the network names a file on a
machine the caller does not own.

Every refusal says the same thing, whether the file is outside the roots, missing, a link out of
them or unreadable, so an argument can never be used to learn what exists on the server; nothing
about a refused file (content, size, hash, kind) is ever echoed.
"""

from __future__ import annotations

import os
import stat
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from shared.errors import BadInput, Refused

ROOTS_ENV = "HDR_FILE_ROOTS"

REFUSAL = "That path is not one this server may read."
HINT = (
    "Send a path under the folders this server may read: the client's declared roots, within the "
    f"operator's {ROOTS_ENV} (none for calls over HTTP unless configured). Or send the document's text instead."
)


class PathRefused(Refused):
    """A path argument outside the allowed roots, missing, or unreadable; the text is always the same."""

    def __init__(self) -> None:
        super().__init__(REFUSAL, HINT)


def configured_roots(env: dict[str, str] | None = None, *, over_http: bool) -> list[Path]:
    """The operator's roots: HDR_FILE_ROOTS, else the working directory on stdio and none over HTTP."""
    env = dict(os.environ) if env is None else env
    value = env.get(ROOTS_ENV)
    if value is None:
        return [] if over_http else [Path.cwd().resolve()]
    return [Path(p).expanduser().resolve() for p in value.split(os.pathsep) if p.strip()]


def _declared_roots(ctx: Any) -> list[Path] | None:
    """The client's declared file roots, or None when it declares none or cannot be asked."""
    try:
        caps = ctx.client_capabilities
        if caps is None or caps.roots is None or ctx.headers is not None:
            return None
        import anyio.from_thread

        with (
            warnings.catch_warnings()
        ):  # the capability is deprecated in the 2026 era, still used by 2025 clients
            warnings.simplefilter("ignore")
            result = anyio.from_thread.run(ctx.session.list_roots)
    except Exception:  # no back-channel, an old client, not in a worker thread: use the operator's roots
        return None
    roots = []
    for root in result.roots:
        uri = urlparse(str(root.uri))
        if uri.scheme == "file":
            roots.append(Path(unquote(uri.path)).resolve())
    return roots


def intersect(operator: Sequence[Path], client: Sequence[Path] | None) -> list[Path]:
    """The folders inside both sets of trees (a client root inside an operator root, or the reverse)."""
    if client is None:
        return list(operator)
    both = []
    for c in client:
        for o in operator:
            if c.is_relative_to(o):
                both.append(c)
            elif o.is_relative_to(c):
                both.append(o)
    return sorted(set(both))


def allowed_roots(ctx: Any = None, env: dict[str, str] | None = None) -> list[Path]:
    """The roots this call may read under. Call it from a tool's code (a sync tool runs in a
    worker thread, where asking the client for its roots works); `ctx=None` is a local call."""
    over_http = ctx is not None and getattr(ctx, "headers", None) is not None
    return intersect(
        configured_roots(env, over_http=over_http), None if ctx is None else _declared_roots(ctx)
    )


def _inside(path: Path, roots: Sequence[Path]) -> bool:
    return any(path == root or path.is_relative_to(root) for root in roots)


def confine(path: str | os.PathLike[str], roots: Sequence[Path], *, what: str = "path") -> Path:
    """The real path `path` names, if it exists under one of `roots` (links resolved first, so a
    link out of a root is refused). A relative path is read against the first root. Raises
    `PathRefused` otherwise, with one text for every reason."""
    text = os.fspath(path)
    if not text or "\x00" in text or len(text) > 4096:
        raise BadInput(f"`{what}` is not a usable path.", "Send a relative path under the allowed folders.")
    if not roots:
        raise PathRefused()
    candidate = Path(text).expanduser()
    if not candidate.is_absolute():
        candidate = roots[0] / candidate
    try:
        real = candidate.resolve(strict=True)
    except (OSError, RuntimeError):
        raise PathRefused() from None
    if not _inside(real, roots):
        raise PathRefused()
    return real


def read_confined(
    path: str | os.PathLike[str], roots: Sequence[Path], *, max_bytes: int, what: str = "path"
) -> bytes:
    """The bytes of a regular file under `roots`, refused before reading when it is larger than
    `max_bytes`. The file is opened without following a final link and checked again once open."""
    real = confine(path, roots, what=what)
    try:
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        raise PathRefused() from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise PathRefused()
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > max_bytes:
            raise BadInput(
                f"`{what}` names a file over the {max_bytes:,}-byte limit.",
                "Send a smaller file, or its text in pieces.",
            )
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew while being read
        raise BadInput(f"`{what}` names a file over the {max_bytes:,}-byte limit.", "Send a smaller file.")
    return data


def walk_confined(
    directory: Path, roots: Sequence[Path], *, suffixes: tuple[str, ...], max_files: int
) -> Iterator[Path]:
    """Regular files with one of `suffixes` below a confined directory, never through a link out of
    the roots; stops with BadInput past `max_files`."""
    count = 0
    for base, dirs, files in os.walk(directory, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            if not name.lower().endswith(suffixes):
                continue
            try:
                real = (Path(base) / name).resolve(strict=True)
            except (OSError, RuntimeError):
                continue
            if not _inside(real, roots) or not real.is_file():
                continue
            count += 1
            if count > max_files:
                raise BadInput(
                    f"The folder holds more than {max_files} matching files.", "Name a smaller folder."
                )
            yield real


__all__ = [
    "HINT",
    "REFUSAL",
    "ROOTS_ENV",
    "PathRefused",
    "allowed_roots",
    "configured_roots",
    "confine",
    "intersect",
    "read_confined",
    "walk_confined",
]
