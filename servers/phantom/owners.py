"""Who owns each of phantom's named resources (keys, privacy budgets), whatever backend holds them.

A resource created by an authenticated principal belongs to it; another principal is told the
resource does not exist, in the very words used for a missing one, so names cannot be probed. The
operator (no credentials: stdio, the loopback gateway without auth) sees everything, and what the
operator created (or what existed before ownership did) has no owner row: it is the operator's, and
principals reach it only through a grant (shared.ownership, HDR_GRANTS). Ownership lives in the local
store even when keys live in Vault.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import sqlalchemy as sa

from shared.errors import NotFound
from shared.ownership import may_access
from shared.store import METADATA, Double, Store, col

__all__ = ["Owners", "may_access"]

phantom_owners = sa.Table(
    "phantom_owners",
    METADATA,
    col("kind", sa.Text, primary_key=True),
    col("name", sa.Text, primary_key=True),
    col("owner", sa.Text),
    col("since", Double),
)
SCHEMA = [phantom_owners]


class Owners:
    def __init__(self, store: Store) -> None:
        self.store = store
        store.ensure_schema("phantom.owners", SCHEMA)

    def owner(self, kind: str, name: str) -> str | None:
        row = (
            self.store.connection()
            .execute(
                "SELECT owner FROM phantom_owners WHERE kind=:kind AND name=:name",
                {"kind": kind, "name": name},
            )
            .fetchone()
        )
        return None if row is None else row["owner"]

    def check(
        self,
        kind: str,
        name: str,
        principal: str | None,
        missing: NotFound,
        *,
        exists: Callable[[], bool],
        create: bool,
    ) -> None:
        """Let `principal` use resource `name`, or raise `missing` (the resource's own not-found error).
        With `create`, a name nobody holds is claimed for the principal (the caller then creates it)."""
        if principal is None:
            return
        owner = self.owner(kind, name)
        if owner is not None:
            if may_access(owner, principal):
                return
            raise missing
        if exists():  # the operator's (or from before ownership)
            if may_access(None, principal):
                return
            raise missing
        if not create:
            raise missing
        with self.store.transaction() as db:  # first claim wins; a racing principal then gets not-found
            db.execute(
                "INSERT INTO phantom_owners VALUES (:kind, :name, :owner, :now) ON CONFLICT DO NOTHING",
                {"kind": kind, "name": name, "owner": principal, "now": int(time.time())},
            )
        if not may_access(self.owner(kind, name), principal):
            raise missing

    def visible(self, kind: str, names: list[str], principal: str | None) -> list[str]:
        """The names among `names` that `principal` may see."""
        if principal is None:
            return names
        owners = {
            r["name"]: r["owner"]
            for r in self.store.connection().execute(
                "SELECT name, owner FROM phantom_owners WHERE kind=:kind", {"kind": kind}
            )
        }
        return [n for n in names if may_access(owners.get(n), principal)]
