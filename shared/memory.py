"""The suite's shared vector memory, on a Chroma server.

Five server processes must see one memory, and chromadb's embedded client does not show one
process's writes to another's vector search. So every process talks to a Chroma server over
HTTP: the one at HDR_MEMORY_URL when set, otherwise a local `chroma run` that the first process
starts under HDR_HOME (a lock file keeps two processes from starting two) and the rest attach to.
Texts are embedded here with the fast `Embedder`, so Chroma only stores and searches vectors.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx

from shared.config import Config
from shared.embeddings import Embedder
from shared.errors import BadInput, HDRError, Unavailable
from shared.ownership import current_principal, owner_tag, readable_owners

MAX_TEXT = 20_000
# The local Chroma servers this process started. They outlive the Memory that started them on purpose
# (other processes use them); kept here so that `stop` reaps them and dropping a Memory leaks nothing.
_started: dict[int, subprocess.Popen[bytes]] = {}


@dataclass
class MemoryItem:
    id: str
    text: str
    kind: str
    tags: list[str]
    source: str
    tool: str
    created_at: float
    score: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _connection_problem(exc: BaseException) -> bool:
    """Whether an exception from chromadb means the server cannot be reached (not a bad request)."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, httpx.TransportError | ConnectionError | TimeoutError | OSError):
            return True
        name = type(exc).__name__
        if name in ("ConnectError", "RemoteProtocolError", "ReadError", "ReadTimeout", "ConnectTimeout"):
            return True
        if "Could not connect" in str(exc) or "Connection refused" in str(exc):
            return True
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return False


def _heartbeat(url: str, timeout: float = 1.0) -> bool:
    try:
        return httpx.get(f"{url}/api/v2/heartbeat", timeout=timeout).status_code == 200
    except httpx.HTTPError:
        return False


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a killed server whose parent has gone is a zombie until reaped: it is not running
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _wait_gone(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _pid_alive(pid):
            return True
        time.sleep(0.05)
    return not _pid_alive(pid)


def _reap(pid: int) -> None:
    """Collect the exit status of a server this process started (it was killed; it is gone or a zombie)."""
    proc = _started.pop(pid, None)
    if proc is not None:
        try:
            proc.wait(5.0)
        except subprocess.TimeoutExpired:
            _started[pid] = proc


def _reap_exited() -> None:
    """Collect the exit status of every server this process started that has since died (killed from
    outside): before starting its replacement, so a restarted server leaves no zombie behind."""
    for pid, proc in list(_started.items()):
        if proc.poll() is not None:
            _started.pop(pid, None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _chroma_executable() -> str:
    beside = Path(sys.executable).parent / "chroma"
    if beside.exists():
        return str(beside)
    found = shutil.which("chroma")
    if not found:
        raise Unavailable(
            "The `chroma` command (part of chromadb) is not installed.",
            "Install the suite with pip, or set HDR_MEMORY_URL to a running Chroma server.",
        )
    return found


class LocalChromaServer:
    """A `chroma run` process under HDR_HOME/memory, shared by every suite process on this machine."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.dir = config.memory_dir
        self.state_file = self.dir / "server.json"
        self.lock_file = self.dir / "server.lock"
        self.log_file = self.dir / "server.log"

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.dir.mkdir(parents=True, exist_ok=True)
        with open(self.lock_file, "a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _state(self) -> dict[str, Any] | None:
        try:
            return json.loads(self.state_file.read_text())
        except (FileNotFoundError, json.JSONDecodeError):
            return None

    def running(self) -> dict[str, Any] | None:
        """The running server's pid, port and url, or None."""
        state = self._state()
        if state and _pid_alive(state["pid"]) and _heartbeat(state["url"]):
            return state
        return None

    def ensure(self, wait_s: float = 60.0) -> str:
        """Start the server if no live one is recorded; return its URL."""
        state = self.running()
        if state:
            return state["url"]
        with self._locked():
            state = self.running()  # another process may have started it while we waited
            if state:
                return state["url"]
            _reap_exited()
            port = self.config.memory_port or _free_port()
            url = f"http://127.0.0.1:{port}"
            print(
                f"hdr: starting the shared memory server (Chroma) on {url} ...", file=sys.stderr, flush=True
            )
            with open(self.log_file, "ab") as log:
                proc = subprocess.Popen(
                    [
                        _chroma_executable(),
                        "run",
                        "--path",
                        str(self.dir / "data"),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        str(port),
                    ],
                    stdout=log,
                    stderr=log,
                    stdin=subprocess.DEVNULL,
                    start_new_session=True,
                )
            deadline = time.monotonic() + wait_s
            while time.monotonic() < deadline:
                if proc.poll() is not None:
                    raise Unavailable(
                        f"The local Chroma server exited at start (code {proc.returncode}).",
                        f"See {self.log_file}, or set HDR_MEMORY_URL to a running Chroma server.",
                    )
                if _heartbeat(url, timeout=0.5):
                    state = {"pid": proc.pid, "port": port, "url": url, "started_at": time.time()}
                    self.started_pid = proc.pid  # this process started it: stop_if_started() may stop it
                    _started[proc.pid] = proc
                    tmp = self.state_file.with_suffix(".tmp")
                    tmp.write_text(json.dumps(state))
                    os.replace(tmp, self.state_file)
                    print("hdr: memory server ready.", file=sys.stderr, flush=True)
                    return url
                time.sleep(0.1)
            proc.kill()
            raise Unavailable(
                f"The local Chroma server did not answer within {wait_s:.0f} s.", f"See {self.log_file}."
            )

    def stop_if_started(self) -> bool:
        """Stop the local server if this process started it (a command ending: hdr serve, demo, check).
        Another process still using it gets it restarted by its next call."""
        started = getattr(self, "started_pid", None)
        state = self._state()
        if started is None or not state or state.get("pid") != started:
            return False
        return self.stop()

    def stop(self) -> bool:
        with self._locked():
            state = self._state()
            if not state or not _pid_alive(state["pid"]):
                self.state_file.unlink(missing_ok=True)
                return False
            os.kill(state["pid"], signal.SIGTERM)
            if not _wait_gone(state["pid"], 10.0):
                os.kill(state["pid"], signal.SIGKILL)
                _wait_gone(state["pid"], 5.0)
            _reap(state["pid"])
            self.state_file.unlink(missing_ok=True)
            return True


class Memory:
    """remember/recall over one Chroma collection. Connects on first use."""

    def __init__(self, config: Config, embedder: Embedder) -> None:
        self.config = config
        self.embedder = embedder
        self.local = LocalChromaServer(config)
        self._collection: Any = None
        self._client: Any = None
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return self.config.memory_url or self.local.ensure()

    def collection(self) -> Any:
        if self._collection is not None:
            return self._collection
        with self._lock:
            if self._collection is None:
                import chromadb
                from chromadb.config import Settings

                url = self.url
                parsed = urlparse(url)
                try:
                    self._client = chromadb.HttpClient(
                        host=parsed.hostname or "127.0.0.1",
                        port=parsed.port or (443 if parsed.scheme == "https" else 80),
                        ssl=parsed.scheme == "https",
                        settings=Settings(anonymized_telemetry=False),
                    )
                    self._collection = self._client.get_or_create_collection(
                        self.config.memory_collection,
                        embedding_function=None,
                        metadata={"hnsw:space": "cosine"},
                    )
                except Exception as exc:
                    raise Unavailable(
                        f"The memory server at {url} could not be reached ({type(exc).__name__}).",
                        "Check HDR_MEMORY_URL, or run `hdr memory status`.",
                    ) from exc
        return self._collection

    def _call(self, operation: Callable[[Any], Any]) -> Any:
        """Run one operation on the collection. When the server has gone (killed, OOM, stopped from
        another terminal), forget the connection and try once more: for the local server that starts
        a new one. Still down: Unavailable that says so plainly."""
        for attempt in (1, 2):
            try:
                return operation(self.collection())
            except HDRError as exc:  # collection() could not connect
                if attempt == 2:
                    raise self._down() from exc
            except Exception as exc:  # chromadb raises its own and httpx's errors for a dead server
                if not _connection_problem(exc):
                    raise
                if attempt == 2:
                    raise self._down() from exc
            with self._lock:
                self._collection = None
                self._client = None
        raise AssertionError("unreachable")

    def _down(self) -> Unavailable:
        where = self.config.memory_url or "the local memory server"
        return Unavailable(
            f"The shared memory is down ({where} does not answer).",
            "Decisions are kept and written when it is back. A local server restarts on the next "
            "call; run `hdr memory status` to check, or point HDR_MEMORY_URL at a running Chroma server.",
        )

    def remember(
        self,
        text: str,
        kind: str,
        *,
        source: str,
        tool: str,
        tags: list[str] | None = None,
        extra: dict[str, str | int | float | bool] | None = None,
        owner: str | None = None,
        item_id: str | None = None,
        created_at: float | None = None,
    ) -> MemoryItem:
        """Store one entry. `owner` defaults to the calling principal; `item_id` and `created_at` are
        given when an entry kept in the outbox is written late (the write is an upsert: twice is once)."""
        text = text.strip() if isinstance(text, str) else ""
        if not text:
            raise BadInput("`text` is empty.", "Send the fact to remember as a non-empty string.")
        if len(text) > MAX_TEXT:
            raise BadInput(
                f"`text` is {len(text)} characters; the limit is {MAX_TEXT}.",
                "Remember a summary, or split it into several entries.",
            )
        if not kind or not isinstance(kind, str) or len(kind) > 64:
            raise BadInput("`kind` must be a short label such as 'note', 'decision' or 'incident'.")
        tags = sorted({t.strip() for t in (tags or []) if t and t.strip()})
        item = MemoryItem(
            id=item_id or uuid.uuid4().hex,
            text=text,
            kind=kind,
            tags=tags,
            source=source,
            tool=tool,
            created_at=created_at or time.time(),
            extra=dict(extra or {}),
        )
        # Who wrote it: recall shows an authenticated caller only its own entries (and granted ones), so
        # what another caller stored or decided cannot be read back through the shared memory.
        metadata: dict[str, Any] = {
            "kind": kind,
            "source": source,
            "tool": tool,
            "created_at": item.created_at,
            "tags": "," + ",".join(tags) + "," if tags else "",
            "owner": owner or owner_tag(current_principal()),
        }
        metadata.update({f"x_{k}": v for k, v in item.extra.items()})
        vector = self.embedder.embed_one(text)
        self._call(
            lambda c: c.upsert(
                ids=[item.id], embeddings=[vector.tolist()], documents=[text], metadatas=[metadata]
            )
        )
        return item

    def recall(
        self,
        query: str,
        k: int = 5,
        kind: str | None = None,
        source: str | None = None,
        tags: list[str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> list[MemoryItem]:
        if not isinstance(query, str) or not query.strip():
            raise BadInput("`query` is empty.", "Ask in plain words, e.g. 'what happened to checkout-api'.")
        if not 1 <= k <= 100:
            raise BadInput(f"`k` is {k}; it must be between 1 and 100.")
        where = _where(kind, source, extra, readable_owners(current_principal()))
        wanted = set(tags or [])
        fetch = k * 4 if wanted else k
        vector = self.embedder.embed_one(query.strip())
        result = self._call(
            lambda c: c.query(
                query_embeddings=[vector.tolist()],
                n_results=fetch,
                where=where,
                include=["documents", "metadatas", "distances"],
            )
        )
        items: list[MemoryItem] = []
        for id_, doc, meta, dist in zip(
            result["ids"][0],
            result["documents"][0],
            result["metadatas"][0],
            result["distances"][0],
            strict=True,
        ):
            item_tags = [t for t in (meta.get("tags") or "").split(",") if t]
            if wanted and not wanted.issubset(item_tags):
                continue
            items.append(
                MemoryItem(
                    id=id_,
                    text=doc,
                    kind=meta.get("kind", ""),
                    tags=item_tags,
                    source=meta.get("source", ""),
                    tool=meta.get("tool", ""),
                    created_at=float(meta.get("created_at", 0.0)),
                    score=round(1.0 - float(dist), 4),
                    extra={k[2:]: v for k, v in meta.items() if k.startswith("x_")},
                )
            )
            if len(items) == k:
                break
        return items

    def count(self) -> int:
        return int(self.collection().count())


def _where(
    kind: str | None, source: str | None, extra: dict[str, Any] | None, owners: list[str] | None
) -> dict[str, Any] | None:
    """chromadb's metadata filter for a recall: each given field must match, and the owner must be
    one the caller may read (None: any); None when nothing filters."""
    clauses: list[dict[str, Any]] = []
    if kind:
        clauses.append({"kind": kind})
    if source:
        clauses.append({"source": source})
    for key, value in (extra or {}).items():
        clauses.append({f"x_{key}": value})
    if owners is not None:
        clauses.append({"owner": {"$in": owners}})
    return None if not clauses else clauses[0] if len(clauses) == 1 else {"$and": clauses}
