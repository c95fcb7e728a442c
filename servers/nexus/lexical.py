"""Lexical ranking: Okapi BM25 over an inverted index, with Snowball stemming.

Written here rather than taken from `rank-bm25` because that library scores every document for
every query term in a Python loop (O(documents) per term); with 10,000 skills and a 20 ms budget
the inverted index (O(postings)) is what makes the difference. Stemming comes from
`snowballstemmer` (the stemmer Sphinx uses), so "encrypting" matches "encrypt".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

import numpy as np

TOKEN = re.compile(r"[a-z0-9]+")
# Words that say nothing about a capability; kept short on purpose (BM25's idf handles the rest).
STOPWORDS = frozenset(
    "a an and are as at be but by can do does for from how i in into is it its me my of on or our so "
    "that the their them this to up we what when where which who why will with you your please need "
    "want some any all get make just".split()
)


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


def tokenize(text: str) -> list[str]:
    """Lower-case word stems without stopwords."""
    return [_stem(w) for w in TOKEN.findall(text.lower()) if w not in STOPWORDS and len(w) < 40]


class BM25Index:
    """BM25 (k1, b) over a fixed list of documents; `scores` returns one float per document."""

    def __init__(self, documents: list[str], k1: float = 1.2, b: float = 0.75) -> None:
        self.size = len(documents)
        self.k1 = k1
        self.b = b
        lengths = np.zeros(self.size, dtype=np.float32)
        postings: dict[str, list[tuple[int, int]]] = {}
        for doc_id, text in enumerate(documents):
            counts = Counter(tokenize(text))
            lengths[doc_id] = sum(counts.values())
            for term, tf in counts.items():
                postings.setdefault(term, []).append((doc_id, tf))
        avg = float(lengths.mean()) if self.size else 1.0
        self._norm = k1 * (1 - b + b * lengths / (avg or 1.0))
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {
            term: (
                np.fromiter((d for d, _ in plist), dtype=np.int32, count=len(plist)),
                np.fromiter((t for _, t in plist), dtype=np.float32, count=len(plist)),
            )
            for term, plist in postings.items()
        }
        self._idf = {
            term: math.log(1 + (self.size - len(p) + 0.5) / (len(p) + 0.5)) for term, p in postings.items()
        }

    def scores(self, query: str) -> np.ndarray:
        out = np.zeros(self.size, dtype=np.float32)
        for term in set(tokenize(query)):
            posting = self._postings.get(term)
            if posting is None:
                continue
            docs, tf = posting
            out[docs] += self._idf[term] * tf * (self.k1 + 1) / (tf + self._norm[docs])
        return out

    def matching_terms(self, query: str, document: str) -> list[str]:
        """The query's words whose stems occur in `document` (for a hit's reason)."""
        stems = set(tokenize(document))
        words = [w for w in TOKEN.findall(query.lower()) if w not in STOPWORDS]
        return list(dict.fromkeys(w for w in words if _stem(w) in stems))
