"""shared/embeddings.py: vectors equal to chromadb's own embedding function (the reference), the same
for a text alone or in a batch (dynamic padding), and, on a machine without the model and without
network, a tool error that says what is missing and how to provide it, not "Internal error (log
reference ...)". The download really fails (chromadb's own downloader against a closed loopback port)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from helpers import free_port
from mcp import Client

from shared.config import Config
from shared.embeddings import MODEL_FILES, Embedder
from shared.errors import Unavailable
from shared.suite import Suite, set_suite


@pytest.fixture
def no_model_no_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """chromadb's model cache empty (HOME moved) and its download URL unreachable."""
    from chromadb.utils.embedding_functions.onnx_mini_lm_l6_v2 import ONNXMiniLM_L6_V2

    home = tmp_path / "home"
    cache = home / ".cache" / "chroma" / "onnx_models" / "all-MiniLM-L6-v2"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("HDR_EMBEDDING_MODEL_DIR", raising=False)
    monkeypatch.setattr(ONNXMiniLM_L6_V2, "DOWNLOAD_PATH", cache)
    monkeypatch.setattr(ONNXMiniLM_L6_V2, "MODEL_DOWNLOAD_URL", f"http://127.0.0.1:{free_port()}/onnx.tar.gz")
    return cache / "onnx"


def test_no_model_and_no_network_says_what_is_missing_and_how_to_provide_it(
    no_model_no_network: Path,
) -> None:
    with pytest.raises(Unavailable) as err:
        Embedder(no_model_no_network).embed(["hello"])
    text = str(err.value)
    assert "all-MiniLM-L6-v2" in text and "could not be downloaded" in text
    assert "make model" in text and "HDR_EMBEDDING_MODEL_DIR" in text


async def test_the_first_recall_is_a_clear_tool_error_not_an_internal_error(
    no_model_no_network: Path, hdr_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HDR_MEMORY_URL", "http://127.0.0.1:9")
    config = Config.from_env()
    assert config.model_dir == no_model_no_network  # the default: chromadb's cache
    set_suite(Suite(config))
    try:
        from servers.forge.server import kit

        async with Client(kit.mcp) as client:
            result = await client.call_tool("recall", {"query": "what happened to checkout-api"})
    finally:
        set_suite(None)
    text = result.content[0].text
    assert result.is_error and "Internal error" not in text
    assert "embedding model" in text and "make model" in text


def test_a_configured_directory_without_the_files_names_the_missing_files_not_the_path(
    tmp_path: Path,
) -> None:
    secret_dir = tmp_path / "models-here"
    secret_dir.mkdir()
    (secret_dir / "config.json").write_text("{}")
    with pytest.raises(Unavailable) as err:
        Embedder(secret_dir).embed(["hello"])
    text = str(err.value)
    missing = text.split("missing: ")[1].split(")")[0].split(", ")
    assert "HDR_EMBEDDING_MODEL_DIR" in text and set(missing) == set(MODEL_FILES) - {"config.json"}
    assert str(secret_dir) not in text


def test_a_damaged_model_file_is_unavailable_not_a_crash(tmp_path: Path) -> None:
    for name in MODEL_FILES:
        (tmp_path / name).write_text("{}" if name.endswith(".json") else "not a model")
    with pytest.raises(Unavailable) as err:
        Embedder(tmp_path).embed(["hello"])
    assert "could not be loaded" in str(err.value) and str(tmp_path) not in str(err.value)


TEXTS = [
    "my pods keep getting OOM killed",
    "hide the card numbers in this log",
    "",
    "ünïcödé ✓ 漢字",
    "word " * 400,  # truncated at 256 tokens by both
]


def test_embeddings_match_chromadb_default_embedding_function(offline_suite: Suite) -> None:
    from chromadb.utils.embedding_functions import DefaultEmbeddingFunction

    ours = offline_suite.embedder.embed(TEXTS)
    theirs = np.array(DefaultEmbeddingFunction()(TEXTS))
    assert ours.shape == (5, 384)
    assert np.abs(ours - theirs).max() < 1e-5


def test_a_text_embeds_the_same_alone_as_beside_a_long_one(offline_suite: Suite) -> None:
    """Batches are padded to their longest text only; the padding must not leak into the short ones."""
    embedder = offline_suite.embedder
    batched = embedder.embed(TEXTS)
    alone = np.stack([embedder.embed_one(t) for t in TEXTS])
    assert np.abs(batched - alone).max() < 1e-5
    assert np.allclose(np.linalg.norm(batched, axis=1), 1.0, atol=1e-5)  # unit vectors
