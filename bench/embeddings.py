"""Embedding speed: the suite's Embedder (dynamic padding) vs chromadb's DefaultEmbeddingFunction
(pads every text to 256 tokens), on the same 200 short texts, in one run. Goal: >= 5x.

    .venv/bin/python bench/embeddings.py
"""

from __future__ import annotations

import statistics
import time

import numpy as np
from chromadb.utils.embedding_functions import DefaultEmbeddingFunction

from shared.config import Config
from shared.embeddings import Embedder

PHRASES = [
    "my pods keep getting OOM killed",
    "hide the card numbers in this log",
    "rotate the EU key",
    "which satellite should the terminal use next hour",
    "run a GHZ circuit on 5 qubits",
    "does the cluster meet pod security restricted",
    "hand this incident to the SRE agent",
    "how much are we wasting on idle workloads",
]
TEXTS = [f"{PHRASES[i % len(PHRASES)]} #{i}" for i in range(200)]


def timed(fn, rounds: int = 5) -> float:
    fn(TEXTS)  # warm: model load, first allocation
    samples = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn(TEXTS)
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def main() -> None:
    ours = Embedder(Config.from_env().model_dir)
    chroma = DefaultEmbeddingFunction()
    diff = float(np.abs(ours.embed(TEXTS) - np.array(chroma(TEXTS))).max())
    t_ours, t_chroma = timed(ours.embed), timed(chroma)
    print(
        f"200 short texts: hdr Embedder {t_ours * 1000:.1f} ms, chromadb DefaultEmbeddingFunction "
        f"{t_chroma * 1000:.1f} ms -> {t_chroma / t_ours:.1f}x faster (goal >= 5x); max |diff| {diff:.1e}"
    )


if __name__ == "__main__":
    main()
