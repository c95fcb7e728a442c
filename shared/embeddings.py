"""Sentence embeddings with all-MiniLM-L6-v2, the model chromadb uses by default.

Vectors agree with chromadb's DefaultEmbeddingFunction (same ONNX graph, tokenizer, mean
pooling and L2 normalisation), but each batch is padded only to its longest text instead
of to 256 tokens, and texts are grouped by length first: short texts cost a fraction.
The model files come from chromadb's cache; when missing, chromadb's own downloader fetches
them (machines without internet unpack ../shared/models into the cache instead).
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from typing import Any

import numpy as np

MAX_TOKENS = 256
log = logging.getLogger("hdr.embeddings")
MODEL_FILES = (
    "config.json",
    "model.onnx",
    "special_tokens_map.json",
    "tokenizer_config.json",
    "tokenizer.json",
    "vocab.txt",
)


PROVIDE = (
    "On a machine without internet run `make model` in the checkout (it unpacks "
    "../shared/models/all-MiniLM-L6-v2-onnx.tar.gz into chromadb's cache, "
    "~/.cache/chroma/onnx_models/all-MiniLM-L6-v2/onnx), or set HDR_EMBEDDING_MODEL_DIR to a directory "
    "holding its ONNX files (" + ", ".join(MODEL_FILES) + "), then call again."
)


def ensure_model(model_dir: Path) -> Path:
    """Return `model_dir` holding the model, downloading it with chromadb's downloader if absent.

    Raises `Unavailable` saying what is missing and how to provide it when the files are not there
    and cannot be downloaded (no network), instead of the downloader's own exception."""
    from shared.errors import Unavailable

    missing = [f for f in MODEL_FILES if not (model_dir / f).exists()]
    if not missing:
        return model_dir
    from chromadb.utils.embedding_functions.onnx_mini_lm_l6_v2 import ONNXMiniLM_L6_V2

    default_dir = ONNXMiniLM_L6_V2.DOWNLOAD_PATH / ONNXMiniLM_L6_V2.EXTRACTED_FOLDER_NAME
    if model_dir != default_dir:
        log.warning("embedding model directory %s lacks %s", model_dir, ", ".join(missing))
        raise Unavailable(
            "The embedding model all-MiniLM-L6-v2 is not in the directory HDR_EMBEDDING_MODEL_DIR "
            f"names (missing: {', '.join(missing)}).",
            PROVIDE,
        )
    print("hdr: downloading the all-MiniLM-L6-v2 embedding model (first use, ~80 MB)...", file=sys.stderr)
    try:
        ONNXMiniLM_L6_V2()._download_model_if_not_exists()
    except Exception as exc:  # no network, a proxy, a full disk: chromadb's downloader raises its own errors
        log.warning(
            "downloading the embedding model into %s failed: %s: %s", model_dir, type(exc).__name__, exc
        )
        raise Unavailable(
            "The embedding model all-MiniLM-L6-v2 is not on this machine and could not be downloaded "
            f"({type(exc).__name__}; is there no network?). Memory and semantic search need it.",
            PROVIDE,
        ) from None
    print("hdr: embedding model ready.", file=sys.stderr)
    return model_dir


class Embedder:
    """Turns texts into 384-dimensional unit vectors. Thread-safe; loads the model on first use."""

    dimensions = 384

    def __init__(self, model_dir: Path, batch_size: int = 32) -> None:
        self.model_dir = Path(model_dir)
        self.batch_size = batch_size
        self._lock = threading.Lock()
        self._session: Any = None
        self._tokenizer: Any = None

    def _load(self) -> None:
        with self._lock:
            if self._session is not None:
                return
            import onnxruntime as ort
            from tokenizers import Tokenizer

            ensure_model(self.model_dir)
            try:
                tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
                tokenizer.enable_truncation(max_length=MAX_TOKENS)
                tokenizer.no_padding()
                options = ort.SessionOptions()
                options.log_severity_level = 3
                options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
                # onnxruntime's worker threads otherwise busy-wait after each run and starve whatever
                # numpy work follows (nexus measured a 10x slower matrix product right after an embedding).
                options.add_session_config_entry("session.intra_op.allow_spinning", "0")
                options.add_session_config_entry("session.inter_op.allow_spinning", "0")
                session = ort.InferenceSession(
                    str(self.model_dir / "model.onnx"),
                    sess_options=options,
                    providers=["CPUExecutionProvider"],
                )
            except Exception as exc:  # a truncated or foreign file: onnxruntime/tokenizers raise their own
                from shared.errors import Unavailable

                log.warning("loading the embedding model from %s failed: %s", self.model_dir, exc)
                raise Unavailable(
                    "The embedding model all-MiniLM-L6-v2 is there but could not be loaded "
                    f"({type(exc).__name__}: a damaged or different file?).",
                    PROVIDE,
                ) from None
            self._session = session
            self._tokenizer = tokenizer

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embed `texts`; returns a float32 array of shape (len(texts), 384), rows unit-length."""
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        self._load()
        encodings = self._tokenizer.encode_batch(list(texts))
        order = np.argsort([len(e.ids) for e in encodings], kind="stable")
        out = np.empty((len(texts), self.dimensions), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            idx = order[start : start + self.batch_size]
            batch = [encodings[i] for i in idx]
            width = max(len(e.ids) for e in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, e in enumerate(batch):
                ids[row, : len(e.ids)] = e.ids
                mask[row, : len(e.ids)] = 1
            hidden = self._session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            )[0]
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(1) / np.clip(weights.sum(1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            norms[norms == 0] = 1e-12
            out[idx] = pooled / norms
        return out

    def embed_one(self, text: str) -> np.ndarray:
        return self.embed([text])[0]


class ChromaEmbeddingFunction:
    """Adapter so a chromadb collection can embed with the fast `Embedder`."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def __call__(self, input: list[str]) -> list[np.ndarray]:  # noqa: A002 - chromadb's signature
        return list(self.embedder.embed(list(input)))

    @staticmethod
    def name() -> str:
        return "hdr-minilm-dynamic"
