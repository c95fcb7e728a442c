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

from servers.nexus.cards import AgentCard, agent_id_for, check_tier, parse_card
from shared.errors import BadInput, NotFound
from shared.store import Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS nexus_agents (
  agent_id TEXT PRIMARY KEY, name TEXT NOT NULL, tier TEXT NOT NULL, version TEXT NOT NULL,
  card TEXT NOT NULL, digest TEXT NOT NULL, revision INTEGER NOT NULL,
  registered_at REAL NOT NULL, updated_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS nexus_card_versions (
  agent_id TEXT NOT NULL, revision INTEGER NOT NULL, version TEXT NOT NULL, tier TEXT NOT NULL,
  card TEXT NOT NULL, registered_at REAL NOT NULL, PRIMARY KEY (agent_id, revision));
CREATE TABLE IF NOT EXISTS nexus_skills (
  agent_id TEXT NOT NULL, skill_id TEXT NOT NULL, name TEXT NOT NULL, text TEXT NOT NULL,
  tags TEXT NOT NULL, input_modes TEXT NOT NULL, examples TEXT NOT NULL, vector BLOB,
  PRIMARY KEY (agent_id, skill_id));
CREATE TABLE IF NOT EXISTS nexus_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)
"""


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


def skill_text(card: AgentCard, skill_index: int) -> str:
    """What discovery matches a skill by: its name, description, tags and examples."""
    skill = card.skills[skill_index]
    parts = [f"{skill.name}.", skill.description]
    if skill.tags:
        parts.append("Tags: " + ", ".join(skill.tags) + ".")
    if skill.examples:
        parts.append("Examples: " + " | ".join(skill.examples[:5]))
    return " ".join(parts)


class Registry:
    def __init__(self, store: Store) -> None:
        self.store = store
        store.ensure_schema("nexus.registry", SCHEMA)

    # -- generations: how other processes notice changes ----------------------------------

    def generation(self, key: str = "registry") -> int:
        row = self.store.connection().execute("SELECT value FROM nexus_meta WHERE key=?", (key,)).fetchone()
        return 0 if row is None else int(row["value"])

    @staticmethod
    def bump(db: Any, key: str = "registry") -> None:
        db.execute("INSERT INTO nexus_meta(key, value) VALUES (?, 1) "
                   "ON CONFLICT(key) DO UPDATE SET value = value + 1", (key,))

    # -- registration ---------------------------------------------------------------------

    def register(self, raw: dict[str, Any] | str | AgentCard, tier: str = "sandbox") -> Registered:
        """Add or update an agent from its card. An unchanged card (same content and tier) changes
        nothing; a changed one becomes a new revision, the old one stays in the history."""
        check_tier(tier)
        card = raw if isinstance(raw, AgentCard) else parse_card(raw)
        return self.register_many([card], tier)[0]

    def register_many(self, cards: Iterable[AgentCard], tier: str) -> list[Registered]:
        """Register several cards in one transaction (bulk loads, the core cards at start)."""
        check_tier(tier)
        now = time.time()
        results: list[Registered] = []
        with self.store.transaction() as db:
            changed_any = False
            for card in cards:
                agent_id = card.agent_id
                digest = card.digest()
                row = db.execute("SELECT * FROM nexus_agents WHERE agent_id=?", (agent_id,)).fetchone()
                if row is not None and row["digest"] == digest and row["tier"] == tier:
                    results.append(Registered(self._agent(row), created=False, changed=False))
                    continue
                changed_any = True
                revision = 1 if row is None else row["revision"] + 1
                registered_at = now if row is None else row["registered_at"]
                card_json = json.dumps(card.to_json(), sort_keys=True)
                db.execute(
                    "INSERT INTO nexus_agents(agent_id, name, tier, version, card, digest, revision, registered_at,"
                    " updated_at) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(agent_id) DO UPDATE SET name=excluded.name,"
                    " tier=excluded.tier, version=excluded.version, card=excluded.card, digest=excluded.digest,"
                    " revision=excluded.revision, updated_at=excluded.updated_at",
                    (agent_id, card.name, tier, card.version, card_json, digest, revision, registered_at, now))
                db.execute("INSERT OR REPLACE INTO nexus_card_versions VALUES (?,?,?,?,?,?)",
                           (agent_id, revision, card.version, tier, card_json, now))
                self._write_skills(db, agent_id, card)
                results.append(Registered(
                    Agent(agent_id, card.name, tier, card.version, revision, card, registered_at, now),
                    created=row is None, changed=True))
            if changed_any:
                self.bump(db)
        return results

    @staticmethod
    def _write_skills(db: Any, agent_id: str, card: AgentCard) -> None:
        """Replace the agent's skills; a skill whose text did not change keeps its embedding."""
        old = {r["skill_id"]: (r["text"], r["vector"]) for r in
               db.execute("SELECT skill_id, text, vector FROM nexus_skills WHERE agent_id=?", (agent_id,))}
        db.execute("DELETE FROM nexus_skills WHERE agent_id=?", (agent_id,))
        for i, skill in enumerate(card.skills):
            text = skill_text(card, i)
            prior = old.get(skill.id)
            vector = prior[1] if prior and prior[0] == text else None
            modes = skill.inputModes or card.defaultInputModes
            db.execute("INSERT INTO nexus_skills VALUES (?,?,?,?,?,?,?,?)",
                       (agent_id, skill.id, skill.name, text, json.dumps(skill.tags), json.dumps(modes),
                        json.dumps(skill.examples or []), vector))

    def embed_missing(self, embed: Callable[[list[str]], np.ndarray], batch: int = 256) -> int:
        """Compute embeddings for skills that have none yet; returns how many were embedded."""
        done = 0
        while True:
            rows = self.store.connection().execute(
                "SELECT agent_id, skill_id, text FROM nexus_skills WHERE vector IS NULL LIMIT ?", (batch,)).fetchall()
            if not rows:
                return done
            vectors = embed([r["text"] for r in rows]).astype(np.float32)
            with self.store.transaction() as db:
                for row, vector in zip(rows, vectors, strict=True):
                    db.execute("UPDATE nexus_skills SET vector=? WHERE agent_id=? AND skill_id=? AND text=?",
                               (vector.tobytes(), row["agent_id"], row["skill_id"], row["text"]))
                self.bump(db)
            done += len(rows)

    # -- reading ---------------------------------------------------------------------------

    @staticmethod
    def _agent(row: Any) -> Agent:
        return Agent(row["agent_id"], row["name"], row["tier"], row["version"], row["revision"],
                     AgentCard.model_validate(json.loads(row["card"])), row["registered_at"], row["updated_at"])

    def get(self, agent_id: str) -> Agent:
        row = None
        if isinstance(agent_id, str) and 0 < len(agent_id) <= 200:
            row = self.store.connection().execute(
                "SELECT * FROM nexus_agents WHERE agent_id=?", (agent_id,)).fetchone()
            if row is None:  # accept the card's display name too
                row = self.store.connection().execute(
                    "SELECT * FROM nexus_agents WHERE agent_id=?", (agent_id_for(agent_id),)).fetchone()
        if row is None:
            raise NotFound(f"No agent {str(agent_id)[:80]!r} is registered.",
                           "Call `agents` to list registered agents, or `discover` to find one by capability.")
        return self._agent(row)

    def list(self, tier: str | None = None, text: str | None = None, limit: int = 100) -> list[Agent]:
        if tier is not None:
            check_tier(tier)
        if not 1 <= limit <= 1000:
            raise BadInput(f"`limit` is {limit}; use 1 to 1000.")
        sql, args = "SELECT * FROM nexus_agents", []
        where = []
        if tier:
            where.append("tier=?")
            args.append(tier)
        if text:
            where.append("(agent_id LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')")
            pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            args += [pattern, pattern]
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY agent_id LIMIT ?"
        args.append(limit)
        return [self._agent(r) for r in self.store.connection().execute(sql, args).fetchall()]

    def count(self) -> int:
        return int(self.store.connection().execute("SELECT COUNT(*) FROM nexus_agents").fetchone()[0])

    def history(self, agent_id: str) -> list[dict[str, Any]]:
        rows = self.store.connection().execute(
            "SELECT revision, version, tier, registered_at FROM nexus_card_versions WHERE agent_id=? "
            "ORDER BY revision", (agent_id,)).fetchall()
        return [dict(r) for r in rows]

    def deregister(self, agent_id: str) -> Agent:
        agent = self.get(agent_id)
        with self.store.transaction() as db:
            db.execute("DELETE FROM nexus_skills WHERE agent_id=?", (agent.agent_id,))
            db.execute("DELETE FROM nexus_agents WHERE agent_id=?", (agent.agent_id,))
            self.bump(db)
        return agent

    def skill_rows(self) -> list[Any]:
        """Every skill with its agent's tier, for building the discovery index."""
        return self.store.connection().execute(
            "SELECT s.agent_id, s.skill_id, s.name, s.text, s.tags, s.input_modes, s.examples, s.vector, a.tier"
            " FROM nexus_skills s JOIN nexus_agents a USING (agent_id) ORDER BY s.agent_id, s.skill_id").fetchall()


def load_card_files(directory: Path) -> list[AgentCard]:
    """The cards in `directory`/*.json; a file that is not a valid card is skipped (and named in the log)."""
    import logging

    cards = []
    for path in sorted(directory.glob("*.json")) if directory.is_dir() else []:
        try:
            cards.append(parse_card(path.read_text()))
        except (OSError, BadInput) as exc:
            logging.getLogger("hdr.nexus").warning("skipping agent card %s: %s", path.name, exc)
    return cards
