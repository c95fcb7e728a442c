"""shared/config.py: the suite's settings from the environment, and a home only its owner can enter."""

from __future__ import annotations

from pathlib import Path

from shared.config import Config


def test_settings_come_from_the_environment_given(tmp_path: Path) -> None:
    config = Config.from_env(
        {
            "HDR_HOME": str(tmp_path / "home"),
            "HDR_MEMORY_URL": "http://chroma.internal:8000",
            "HDR_MEMORY_PORT": "9123",
            "HDR_MEMORY_COLLECTION": "team-a",
            "HDR_EMBEDDING_MODEL_DIR": str(tmp_path / "model"),
        }
    )
    assert config.home == tmp_path / "home" and config.db_path == tmp_path / "home" / "state.db"
    assert config.memory_url == "http://chroma.internal:8000" and config.memory_port == 9123
    assert config.memory_collection == "team-a" and config.model_dir == tmp_path / "model"


def test_defaults_need_no_environment() -> None:
    config = Config.from_env({})
    assert config.memory_url is None and config.memory_port is None
    assert config.memory_collection == "hdr-memory" and config.model_dir.name == "onnx"


def test_the_home_is_created_owner_only(tmp_path: Path) -> None:
    home = Config.from_env({"HDR_HOME": str(tmp_path / "a" / "home")}).ensure_home()
    assert home.is_dir() and home.stat().st_mode & 0o777 == 0o700
