"""Capability search: an in-process index of every registered skill (embedding matrix + BM25),
fused with each agent's quality and tier.

The index lives in this process (a numpy matrix loaded from the store) so one query is one
matrix-vector product plus a BM25 lookup, not a network round trip; it reloads when the
registry's generation counter moves (another process registered or removed an agent).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from servers.nexus.cards import check_tier
from servers.nexus.lexical import BM25Index
from servers.nexus.registry import Registry
from shared.errors import BadInput

MAX_QUERY = 1000
MAX_K = 50
# The fused relevance of a skill to a query, from three embeddings of the skill and its words:
#   TEXT_WEIGHT * cos(query, description + examples)      the skill as a whole
# + DESCRIPTION_WEIGHT * cos(query, description)           what it says it does
# + EXAMPLE_WEIGHT * max over examples cos(query, example) the closest request it lists (a skill without
#                                                          examples uses the first term here)
# + LEXICAL_WEIGHT * bm25 / (bm25 + LEXICAL_SATURATION)    exact jargon ("OOM", "TLE", a tool name)
# then times the agent's quality factor. Examples are requests phrased like queries, so the closest one
# is often a better match than any description. Saturating BM25 keeps one shared common word from
# outweighing meaning. The weights were chosen on the development half of the labelled set only
# (`bench/nexus_accuracy.py --tune`); its held-out half is reported against plain cosine over the
# descriptions in the same run (figures in docs/nexus.md).
TEXT_WEIGHT = 0.5
DESCRIPTION_WEIGHT = 0.2
EXAMPLE_WEIGHT = 0.3
LEXICAL_WEIGHT = 0.05
LEXICAL_SATURATION = 10.0
# Trust tiers filter (`tier=`) but do not rank: a core agent's skill never outranks a better external match.
# "embedding" is the baseline the fused ranking is measured against: plain cosine over the descriptions;
# "text" is cosine over description + examples as one text (for the benchmark's side-by-side).
MODES = ("fused", "embedding", "text", "lexical")


@dataclass
class Hit:
    agent_id: str
    skill_id: str
    skill_name: str
    tier: str
    score: float
    embedding_score: float
    lexical_score: float
    quality: float
    reason: str


@dataclass
class _Snapshot:
    generation: int
    agent_ids: list[str]
    skill_ids: list[str]
    names: list[str]
    texts: list[str]
    examples: list[list[str]]
    tiers: np.ndarray
    tags: list[frozenset[str]]
    modes: list[frozenset[str]]
    matrix: np.ndarray
    bm25: BM25Index
    agent_index: np.ndarray  # row -> position in `agents`
    agents: list[str]
    tier_factor: np.ndarray
    descriptions: np.ndarray  # (skills, dims): the description alone
    fused_matrix: np.ndarray  # (skills, dims): the linear part of the fused relevance, one scan per query
    example_matrix: np.ndarray  # (examples, dims), each skill's examples contiguous
    example_starts: np.ndarray  # index into example_matrix of each skill that has examples
    example_owners: np.ndarray  # the skills (rows) those starts belong to
    factors: tuple[dict[str, float], np.ndarray] | None = None  # (quality map, tier x quality per row)

    def factors_for(self, quality: dict[str, float]) -> np.ndarray:
        """Tier and quality factor per row, recomputed only when the quality map changes."""
        cached = self.factors
        if cached is not None and cached[0] is quality:
            return cached[1]
        per_agent = np.array([quality_factor(quality.get(a)) for a in self.agents], dtype=np.float32)
        result = self.tier_factor * per_agent[self.agent_index]
        self.factors = (quality, result)
        return result


class SkillIndex:
    """Search over the registry's skills. Thread-safe; reloads itself when the registry changes."""

    def __init__(
        self,
        registry: Registry,
        embed: Callable[[list[str]], np.ndarray],
        quality: Callable[[], dict[str, float]],
    ) -> None:
        self.registry = registry
        self.embed = embed
        self.quality = quality
        self._snapshot: _Snapshot | None = None
        self._lock = threading.Lock()

    def invalidate(self) -> None:
        """Rebuild the in-process index on the next search (the benchmark's weight grid uses it)."""
        self._snapshot = None

    def snapshot(self) -> _Snapshot:
        generation = self.registry.generation()
        current = self._snapshot
        if current is not None and current.generation == generation:
            return current
        with self._lock:
            if self._snapshot is not None and self._snapshot.generation == self.registry.generation():
                return self._snapshot
            self.registry.embed_missing(self.embed)  # moves the generation when it writes vectors
            generation = self.registry.generation()
            self._snapshot = self._load(generation)
            return self._snapshot

    def _load(self, generation: int) -> _Snapshot:
        rows = self.registry.skill_rows()
        dims = 384
        matrix = np.zeros((len(rows), dims), dtype=np.float32)
        descriptions = np.zeros((len(rows), dims), dtype=np.float32)
        examples: list[np.ndarray] = []
        starts: list[int] = []
        owners: list[int] = []
        for i, row in enumerate(rows):
            if row["vectors"] is None:
                continue
            vectors = np.frombuffer(row["vectors"], dtype=np.float32).reshape(-1, dims)
            matrix[i], descriptions[i] = vectors[0], vectors[min(1, len(vectors) - 1)]
            if len(vectors) > 2:
                starts.append(sum(len(e) for e in examples))
                owners.append(i)
                examples.append(vectors[2:])
        snap = _Snapshot(
            generation=generation,
            agent_ids=[r["agent_id"] for r in rows],
            skill_ids=[r["skill_id"] for r in rows],
            names=[r["name"] for r in rows],
            texts=[r["words"] for r in rows],
            examples=[json.loads(r["examples"]) for r in rows],
            tiers=np.array([r["tier"] for r in rows], dtype=object),
            tags=[frozenset(t.lower() for t in json.loads(r["tags"])) for r in rows],
            modes=[frozenset(m.lower() for m in json.loads(r["input_modes"])) for r in rows],
            matrix=matrix,
            bm25=BM25Index([r["words"] for r in rows]),
            agent_index=np.zeros(len(rows), dtype=np.int32),
            agents=[],
            tier_factor=np.ones(len(rows), dtype=np.float32),
            descriptions=descriptions,
            example_matrix=np.concatenate(examples) if examples else np.zeros((0, dims), dtype=np.float32),
            example_starts=np.array(starts, dtype=np.int64),
            example_owners=np.array(owners, dtype=np.int64),
            fused_matrix=_fused_matrix(matrix, descriptions, owners),
        )
        positions: dict[str, int] = {}
        for i, agent_id in enumerate(snap.agent_ids):
            snap.agent_index[i] = positions.setdefault(agent_id, len(positions))
        snap.agents = list(positions)
        return snap

    def search(
        self,
        query: str,
        k: int = 5,
        tags: list[str] | None = None,
        tier: str | None = None,
        input_mode: str | None = None,
        mode: str = "fused",
    ) -> list[Hit]:
        """The k best skills for a plain-words query, best first."""
        query = validate_query(query)
        if not 1 <= k <= MAX_K:
            raise BadInput(f"`k` is {k}; use 1 to {MAX_K}.")
        if tier is not None:
            check_tier(tier)
        if mode not in MODES:
            raise BadInput(f"Unknown ranking mode {mode[:20]!r}.", f"Use one of {MODES}.")
        wanted_tags = _clean_list(tags, "tags")
        snap = self.snapshot()
        if not snap.agent_ids:
            return []
        mask = _filter_mask(snap, tier, wanted_tags, input_mode)
        if not mask.any():
            return []

        # lexical mode never reads the query vector, so it skips the embedding
        vector = self.embed([query])[0] if mode != "lexical" else np.zeros(0, dtype=np.float32)
        lexical = (
            snap.bm25.scores(query)
            if mode in ("fused", "lexical")
            else np.zeros(len(snap.agent_ids), dtype=np.float32)
        )
        relevance = _relevance(snap, mode, vector, lexical / (lexical + LEXICAL_SATURATION))
        quality = self.quality()
        if mode == "fused":
            score = relevance * snap.factors_for(quality)
        else:
            score = relevance.copy()
        score[~mask] = -np.inf
        count = min(k, int(mask.sum()))
        top = np.argpartition(-score, count - 1)[:count]
        top = top[np.argsort(-score[top], kind="stable")]
        return [
            Hit(
                agent_id=snap.agent_ids[i],
                skill_id=snap.skill_ids[i],
                skill_name=snap.names[i],
                tier=str(snap.tiers[i]),
                score=round(float(score[i]), 4),
                embedding_score=round(float(snap.matrix[i] @ vector), 4) if mode != "lexical" else 0.0,
                lexical_score=round(float(lexical[i]), 4),
                quality=round(quality.get(snap.agent_ids[i], 0.5), 4),
                reason=_reason(snap, int(i), query),
            )
            for i in top
        ]


def _filter_mask(
    snap: _Snapshot, tier: str | None, wanted_tags: frozenset[str], input_mode: str | None
) -> np.ndarray:
    """Which skills pass the tier, tags and input-mode filters."""
    mask = np.ones(len(snap.agent_ids), dtype=bool)
    if tier:
        mask &= snap.tiers == tier
    if wanted_tags:
        mask &= np.fromiter((wanted_tags <= t for t in snap.tags), dtype=bool, count=len(snap.tags))
    if input_mode:
        m = input_mode.strip().lower()
        mask &= np.fromiter((m in modes for modes in snap.modes), dtype=bool, count=len(snap.modes))
    return mask


def _relevance(snap: _Snapshot, mode: str, vector: np.ndarray, lexical_norm: np.ndarray) -> np.ndarray:
    """Each skill's relevance to the query vector and its BM25 share, by ranking mode."""
    # einsum, not `@`: BLAS's worker threads spin after a matrix-vector product and fight onnxruntime's
    # spinning threads for the cores; this single-threaded SIMD loop is ~0.7 ms for 10,000 skills where
    # `@` measured 9-13 ms right after an embedding (bench/nexus_latency.py).
    if mode == "embedding":
        return np.einsum("ij,j->i", snap.descriptions, vector)
    if mode == "text":
        return np.einsum("ij,j->i", snap.matrix, vector)
    if mode == "lexical":
        return lexical_norm
    relevance = np.einsum("ij,j->i", snap.fused_matrix, vector) + LEXICAL_WEIGHT * lexical_norm
    if len(snap.example_owners):
        per_example = np.einsum("ij,j->i", snap.example_matrix, vector)
        relevance[snap.example_owners] += EXAMPLE_WEIGHT * np.maximum.reduceat(
            per_example, snap.example_starts
        )
    return relevance


def _fused_matrix(texts: np.ndarray, descriptions: np.ndarray, with_examples: list[int]) -> np.ndarray:
    """The fused relevance's linear part as one matrix (so a query scans the skills once): TEXT_WEIGHT x text
    + DESCRIPTION_WEIGHT x description, plus EXAMPLE_WEIGHT x text for skills without examples (their
    example term); the closest example's term is added per query for the others."""
    fused = TEXT_WEIGHT * texts + DESCRIPTION_WEIGHT * descriptions
    without = np.ones(len(texts), dtype=bool)
    without[np.asarray(with_examples, dtype=np.int64)] = False
    fused[without] += EXAMPLE_WEIGHT * texts[without]
    return fused.astype(np.float32)


def quality_factor(success: float | None) -> float:
    """How much an agent's track record moves its hits: 0.85 for a failing one, 1.0 for a perfect
    one, 0.925 for one with no record yet (a prior of 0.5)."""
    return 0.85 + 0.15 * (0.5 if success is None else success)


def validate_query(query: str) -> str:
    if not isinstance(query, str) or not query.strip() or not query.strip().replace("\x00", ""):
        raise BadInput(
            "`query` is empty.",
            "Describe the capability in plain words, e.g. 'my pods keep getting OOM killed'.",
        )
    query = query.replace("\x00", " ").strip()
    if len(query) > MAX_QUERY:
        raise BadInput(
            f"`query` is {len(query)} characters; the limit is {MAX_QUERY}.",
            "Describe the capability in a sentence or two.",
        )
    return query


def _clean_list(items: list[str] | None, name: str) -> frozenset[str]:
    if not items:
        return frozenset()
    if len(items) > 20 or any(len(t) > 100 for t in items):
        raise BadInput(f"`{name}` has too many or too long entries.", "Send at most 20 short labels.")
    return frozenset(t.strip().lower() for t in items if t.strip())


def _reason(snap: _Snapshot, i: int, query: str) -> str:
    terms = snap.bm25.matching_terms(query, snap.texts[i])
    if terms:
        return "matches " + ", ".join(f"'{t}'" for t in terms[:6])
    examples = snap.examples[i]
    if examples:
        return f"close in meaning to what this skill does, e.g. '{examples[0][:120]}'"
    return f"close in meaning to '{snap.names[i][:120]}'"
