"""Where the suite keeps its state and how it reaches external systems, from the environment.

Variables:
  HDR_HOME            directory for everything the suite keeps (default: the platform's user data dir)
  HDR_MEMORY_URL      an existing Chroma server (http://host:port); default: a local one under HDR_HOME
  HDR_MEMORY_PORT     port for the local Chroma server (default: a free port chosen at start)
  HDR_MEMORY_COLLECTION  the Chroma collection (default hdr-memory)
  HDR_EMBEDDING_MODEL_DIR  directory with model.onnx + tokenizer.json (default: chromadb's cache)
  HDR_STATE_URL       postgresql://user:password@host:port/db puts the state store in PostgreSQL
                      (default: SQLite, HDR_HOME/state.db)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def _default_home() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("hdr-empire", appauthor=False))


@dataclass(frozen=True)
class Config:
    home: Path
    memory_url: str | None
    memory_port: int | None
    memory_collection: str
    model_dir: Path
    state_url: str | None = None

    @property
    def db_path(self) -> Path:
        return self.home / "state.db"

    @property
    def memory_dir(self) -> Path:
        return self.home / "memory"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Config:
        env = dict(os.environ) if env is None else env
        home = Path(env["HDR_HOME"]).expanduser() if env.get("HDR_HOME") else _default_home()
        model_dir = env.get("HDR_EMBEDDING_MODEL_DIR")
        return cls(
            home=home,
            memory_url=env.get("HDR_MEMORY_URL") or None,
            memory_port=int(env["HDR_MEMORY_PORT"]) if env.get("HDR_MEMORY_PORT") else None,
            memory_collection=env.get("HDR_MEMORY_COLLECTION") or "hdr-memory",
            model_dir=Path(model_dir).expanduser()
            if model_dir
            else Path.home() / ".cache" / "chroma" / "onnx_models" / "all-MiniLM-L6-v2" / "onnx",
            state_url=env.get("HDR_STATE_URL") or None,
        )

    def ensure_home(self) -> Path:
        self.home.mkdir(parents=True, exist_ok=True)
        try:
            os.chmod(self.home, 0o700)
        except OSError:
            pass
        return self.home
