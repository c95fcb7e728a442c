"""The agent registry in the shared SQLite store: cards with version history, trust tiers, and each
skill's text and embedding (for discovery). Safe for several processes at once: every change is one
transaction, and a generation counter tells other processes' discovery indexes to reload."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import sqlalchemy as sa

from servers.nexus.cards import AgentCard, check_tier, default_agent_id, parse_card, stored_card
from shared.errors import BadInput, NotFound
from shared.store import METADATA, BigInt, Blob, Double, Store, col

nexus_agents = sa.Table(
    "nexus_agents",
    METADATA,
    col("agent_id", sa.Text, primary_key=True),
    col("name", sa.Text),
    col("tier", sa.Text),
    col("version", sa.Text),
    col("card", sa.Text),
    col("digest", sa.Text),
    col("revision", BigInt),
    col("registered_at", Double),
    col("updated_at", Double),
)
nexus_card_versions = sa.Table(
    "nexus_card_versions",
    METADATA,
    col("agent_id", sa.Text, primary_key=True),
    col("revision", BigInt, primary_key=True, autoincrement=False),
    col("version", sa.Text),
    col("tier", sa.Text),
    col("card", sa.Text),
    col("registered_at", Double),
)
nexus_skill_rows = sa.Table(
    "nexus_skill_rows",
    METADATA,
    col("agent_id", sa.Text, primary_key=True),
    col("position", BigInt, primary_key=True, autoincrement=False),
    col("skill_id", sa.Text),
    col("name", sa.Text),
    col("text", sa.Text),
    col("description", sa.Text),
    col("words", sa.Text),
    col("tags", sa.Text),
    col("input_modes", sa.Text),
    col("examples", sa.Text),
    col("vectors", Blob, nullable=True),
)
nexus_meta = sa.Table(
    "nexus_meta",
    METADATA,
    col("key", sa.Text, primary_key=True),
    col("value", BigInt),
)
SCHEMA = [nexus_agents, nexus_card_versions, nexus_skill_rows, nexus_meta]


@dataclass
class Agent:
    agent_id: str
    name: str
    tier: str
    version: str
    revision: int
    card: AgentCard
    registered_at: float
    updated_at: float


@dataclass
class Registered:
    agent: Agent
    created: bool
    changed: bool


MAX_EXAMPLES = 5  # examples per skill that discovery embeds


def skill_description(card: AgentCard, skill_index: int) -> str:
    """What the skill says it does: its description, or its name when the description is empty."""
    skill = card.skills[skill_index]
    return skill.description.strip() or skill.name.strip()


def skill_examples(card: AgentCard, skill_index: int) -> list[str]:
    return [e.strip() for e in card.skills[skill_index].examples if e.strip()][:MAX_EXAMPLES]


def skill_text(card: AgentCard, skill_index: int) -> str:
    """The skill as plain sentences, no boilerplate: its description and the requests it lists as examples.
    Discovery embeds this, the description alone, and each example alone (see discovery.py)."""
    return "\n".join([skill_description(card, skill_index), *skill_examples(card, skill_index)])


def skill_words(card: AgentCard, skill_index: int) -> str:
    """Every word of the skill for the lexical (BM25) index: name, description, tags, examples."""
    skill = card.skills[skill_index]
    return "\n".join([skill.name, skill.description, " ".join(skill.tags), *skill.examples[:5]])


class Registry:
    def __init__(self, store: Store) -> None:
        self.store = store
        store.ensure_schema("nexus.registry", SCHEMA)
        self._migrate_skills()

    def _migrate_skills(self) -> None:
        """Databases from before skills were kept by position (and embedded without boilerplate): index
        every registered agent's skills again, once."""
        if self.generation("skills-by-position"):
            return
        with self.store.transaction() as db:
            if self.generation("skills-by-position"):
                return
            rows = db.execute("SELECT agent_id, card FROM nexus_agents").fetchall()
            for row in rows:
                self._write_skills(db, row["agent_id"], stored_card(json.loads(row["card"])))
            self.bump(db, "skills-by-position")
            if rows:
                self.bump(db)

    # -- generations: how other processes notice changes ----------------------------------

    def generation(self, key: str = "registry") -> int:
        row = (
            self.store.connection()
            .execute("SELECT value FROM nexus_meta WHERE key=:key", {"key": key})
            .fetchone()
        )
        return 0 if row is None else int(row["value"])

    @staticmethod
    def bump(db: Any, key: str = "registry") -> None:
        db.execute(
            "INSERT INTO nexus_meta(key, value) VALUES (:key, 1) "
            "ON CONFLICT(key) DO UPDATE SET value = nexus_meta.value + 1",
            {"key": key},
        )

    # -- registration ---------------------------------------------------------------------

    def register(
        self, raw: dict[str, Any] | str | AgentCard, tier: str = "sandbox", agent_id: str | None = None
    ) -> Registered:
        """Add or update an agent from its card, under `agent_id` (default: derived from the card's name).
        An unchanged card (same content and tier) changes nothing; a changed one becomes a new revision,
        the old one stays in the history."""
        check_tier(tier)
        card = raw if isinstance(raw, AgentCard) else parse_card(raw)
        return self.register_many([(agent_id or card.default_agent_id, card)], tier)[0]

    def register_many(self, cards: Iterable[tuple[str, AgentCard]], tier: str) -> list[Registered]:
        """Register several (agent id, card) pairs in one transaction (bulk loads, the core cards at start)."""
        check_tier(tier)
        now = time.time()
        results: list[Registered] = []
        with self.store.transaction() as db:
            changed_any = False
            for agent_id, card in cards:
                digest = card.digest()
                row = db.execute("SELECT * FROM nexus_agents WHERE agent_id=:id", {"id": agent_id}).fetchone()
                if row is not None and row["digest"] == digest and row["tier"] == tier:
                    results.append(Registered(self._agent(row), created=False, changed=False))
                    continue
                changed_any = True
                revision = 1 if row is None else row["revision"] + 1
                registered_at = now if row is None else row["registered_at"]
                card_json = json.dumps(card.to_json(), sort_keys=True)
                db.execute(
                    "INSERT INTO nexus_agents(agent_id, name, tier, version, card, digest, revision, registered_at,"
                    " updated_at) VALUES (:id, :name, :tier, :version, :card, :digest, :revision, :registered, :now)"
                    " ON CONFLICT(agent_id) DO UPDATE SET name=excluded.name,"
                    " tier=excluded.tier, version=excluded.version, card=excluded.card, digest=excluded.digest,"
                    " revision=excluded.revision, updated_at=excluded.updated_at",
                    {
                        "id": agent_id,
                        "name": card.name,
                        "tier": tier,
                        "version": card.version,
                        "card": card_json,
                        "digest": digest,
                        "revision": revision,
                        "registered": registered_at,
                        "now": now,
                    },
                )
                db.execute(
                    "INSERT INTO nexus_card_versions VALUES (:id, :revision, :version, :tier, :card, :now)"
                    " ON CONFLICT (agent_id, revision) DO UPDATE SET version=excluded.version, tier=excluded.tier,"
                    " card=excluded.card, registered_at=excluded.registered_at",
                    {
                        "id": agent_id,
                        "revision": revision,
                        "version": card.version,
                        "tier": tier,
                        "card": card_json,
                        "now": now,
                    },
                )
                self._write_skills(db, agent_id, card)
                results.append(
                    Registered(
                        Agent(agent_id, card.name, tier, card.version, revision, card, registered_at, now),
                        created=row is None,
                        changed=True,
                    )
                )
            if changed_any:
                self.bump(db)
        return results

    @staticmethod
    def _write_skills(db: Any, agent_id: str, card: AgentCard) -> None:
        """Replace the agent's skills; a skill whose text did not change keeps its embedding."""
        old = {
            r["text"]: r["vectors"]
            for r in db.execute(
                "SELECT text, vectors FROM nexus_skill_rows WHERE agent_id=:id", {"id": agent_id}
            )
        }
        db.execute("DELETE FROM nexus_skill_rows WHERE agent_id=:id", {"id": agent_id})
        for i, skill in enumerate(card.skills):
            text = skill_text(card, i)
            db.execute(
                "INSERT INTO nexus_skill_rows VALUES (:id, :position, :skill_id, :name, :text, :description,"
                " :words, :tags, :modes, :examples, :vectors)",
                {
                    "id": agent_id,
                    "position": i,
                    "skill_id": skill.id,
                    "name": skill.name,
                    "text": text,
                    "description": skill_description(card, i),
                    "words": skill_words(card, i),
                    "tags": json.dumps(skill.tags),
                    "modes": json.dumps(skill.input_modes),
                    "examples": json.dumps(skill_examples(card, i)),
                    "vectors": old.get(text),
                },
            )

    def embed_missing(self, embed: Callable[[list[str]], np.ndarray], batch: int = 64) -> int:
        """Compute the embeddings of skills that have none yet: per skill, the rows [whole text, description,
        example 1, ..., example k] in one float32 blob (just [whole text] when the skill has no examples: the
        text is then its description). Returns how many skills were embedded."""
        done = 0
        while True:
            rows = (
                self.store.connection()
                .execute(
                    "SELECT agent_id, position, text, description, examples FROM nexus_skill_rows WHERE vectors IS NULL "
                    "LIMIT :n",
                    {"n": batch},
                )
                .fetchall()
            )
            if not rows:
                return done
            texts = [
                [r["text"], r["description"], *examples]
                if (examples := json.loads(r["examples"]))
                else [r["text"]]
                for r in rows
            ]
            vectors = embed([t for group in texts for t in group]).astype(np.float32)
            with self.store.transaction() as db:
                start = 0
                for row, group in zip(rows, texts, strict=True):
                    blob = vectors[start : start + len(group)].tobytes()
                    start += len(group)
                    db.execute(
                        "UPDATE nexus_skill_rows SET vectors=:blob WHERE agent_id=:id AND position=:position"
                        " AND text=:text",
                        {
                            "blob": blob,
                            "id": row["agent_id"],
                            "position": row["position"],
                            "text": row["text"],
                        },
                    )
                self.bump(db)
            done += len(rows)

    # -- reading ---------------------------------------------------------------------------

    @staticmethod
    def _agent(row: Any) -> Agent:
        return Agent(
            row["agent_id"],
            row["name"],
            row["tier"],
            row["version"],
            row["revision"],
            stored_card(json.loads(row["card"])),
            row["registered_at"],
            row["updated_at"],
        )

    def get(self, agent_id: str) -> Agent:
        row = None
        if isinstance(agent_id, str) and 0 < len(agent_id) <= 200:
            row = (
                self.store.connection()
                .execute("SELECT * FROM nexus_agents WHERE agent_id=:id", {"id": agent_id})
                .fetchone()
            )
            if row is None:  # accept the card's display name too, when it names one agent only
                rows = (
                    self.store.connection()
                    .execute(
                        "SELECT * FROM nexus_agents WHERE agent_id=:id OR name=:name LIMIT 2",
                        {"id": default_agent_id(agent_id), "name": agent_id},
                    )
                    .fetchall()
                )
                row = rows[0] if len(rows) == 1 else None
        if row is None:
            raise NotFound(
                f"No agent {str(agent_id)[:80]!r} is registered.",
                "Call `agents` to list registered agents, or `discover` to find one by capability.",
            )
        return self._agent(row)

    def list(self, tier: str | None = None, text: str | None = None, limit: int = 100) -> list[Agent]:
        if tier is not None:
            check_tier(tier)
        if not 1 <= limit <= 1000:
            raise BadInput(f"`limit` is {limit}; use 1 to 1000.")
        sql, args = "SELECT * FROM nexus_agents", dict[str, Any]()
        where = []
        if tier:
            where.append("tier=:tier")
            args["tier"] = tier
        if text:  # case-insensitive on both databases (SQLite's LIKE is, PostgreSQL's is not)
            where.append(
                "(LOWER(agent_id) LIKE LOWER(:pattern) ESCAPE '\\' OR LOWER(name) LIKE LOWER(:pattern) ESCAPE '\\')"
            )
            args["pattern"] = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY agent_id LIMIT :limit"
        args["limit"] = limit
        return [self._agent(r) for r in self.store.connection().execute(sql, args).fetchall()]

    def count(self) -> int:
        return int(self.store.connection().execute("SELECT COUNT(*) FROM nexus_agents").fetchone()[0])

    def history(self, agent_id: str) -> list[dict[str, Any]]:
        rows = (
            self.store.connection()
            .execute(
                "SELECT revision, version, tier, registered_at FROM nexus_card_versions WHERE agent_id=:id "
                "ORDER BY revision",
                {"id": agent_id},
            )
            .fetchall()
        )
        return [dict(r) for r in rows]

    def deregister(self, agent_id: str) -> Agent:
        agent = self.get(agent_id)
        with self.store.transaction() as db:
            db.execute("DELETE FROM nexus_skill_rows WHERE agent_id=:id", {"id": agent.agent_id})
            db.execute("DELETE FROM nexus_agents WHERE agent_id=:id", {"id": agent.agent_id})
            self.bump(db)
        return agent

    def skill_rows(self) -> list[Any]:
        """Every skill with its agent's tier, for building the discovery index."""
        return (
            self.store.connection()
            .execute(
                "SELECT s.agent_id, s.skill_id, s.name, s.text, s.words, s.tags, s.input_modes, s.examples, s.vectors, a.tier"
                " FROM nexus_skill_rows s JOIN nexus_agents a USING (agent_id) ORDER BY s.agent_id, s.position"
            )
            .fetchall()
        )


def load_card_files(directory: Path) -> list[tuple[str, AgentCard]]:
    """(agent id, card) for the cards in `directory`/*.json; a file that is not a valid card is skipped (and
    named in the log)."""
    import logging

    cards = []
    for path in sorted(directory.glob("*.json")) if directory.is_dir() else []:
        try:
            card = parse_card(path.read_text())
            cards.append((card.default_agent_id, card))
        except (OSError, BadInput) as exc:
            logging.getLogger("hdr.nexus").warning("skipping agent card %s: %s", path.name, exc)
    return cards
