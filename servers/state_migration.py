"""`hdr state migrate --to postgresql://...`: copy a SQLite HDR_HOME's state into an empty
PostgreSQL database, then verify the audit chain there.

Every module's schema is brought up to date on both sides first (its versioned migrations), then
each table is copied whole, parents before children, in one PostgreSQL transaction: a failure
leaves the target as empty as it was. The source is only read (apart from its own migrations,
which opening it with this release would run anyway)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from shared.audit import AuditLog
from shared.errors import BadInput, Conflict, HDRError, Unavailable
from shared.store import METADATA, Migration, Store, redacted, schema_migrations, state_version

BATCH_ROWS = 500
BOOKKEEPING = {schema_migrations.name, state_version.name}  # each database keeps its own


@dataclass(frozen=True)
class Schema:
    name: str
    tables: Sequence[sa.Table]
    migrations: Sequence[Migration] = ()


@dataclass(frozen=True)
class MigrationReport:
    source: str
    target: str
    tables: int
    rows: int
    audit_records: int


def suite_schemas() -> list[Schema]:
    """Every module's tables and migrations, under the names the modules use."""
    from servers.a2a import tasks
    from servers.compliance import checking, keys, pins
    from servers.forge import ledger
    from servers.hardware import jobs
    from servers.nexus import handoffs, marketplace, registry
    from servers.phantom import dp, keyring, owners, redaction
    from shared import audit, suite

    return [
        Schema("audit_log", [audit.audit_log]),
        Schema("memory.outbox", suite.OUTBOX),
        Schema("forge", ledger.DDL),
        Schema("phantom.keyring", keyring.SCHEMA, keyring.MIGRATIONS),
        Schema("phantom.tokens", redaction.SCHEMA, redaction.MIGRATIONS),
        Schema("phantom.owners", owners.SCHEMA),
        Schema("phantom.budgets", dp.SCHEMA),
        Schema("nexus.registry", registry.SCHEMA),
        Schema("nexus.handoffs", handoffs.SCHEMA, handoffs.MIGRATIONS),
        Schema("nexus.owners", marketplace.OWNERS),
        Schema("hardware_jobs", jobs.SCHEMA, jobs.MIGRATIONS),
        Schema("compliance_keys", keys.SCHEMA),
        Schema("compliance_results", checking.RESULTS_SCHEMA),
        Schema("compliance_owners", checking.OWNERS_SCHEMA),
        Schema("compliance_attestations", pins.ATTESTATIONS_SCHEMA),
        Schema("a2a_tasks", tasks.SCHEMA),
    ]


def migrate(db_path: Path, target_url: str, audit_key: Path) -> MigrationReport:
    """Copy the SQLite database at `db_path` into the empty PostgreSQL database `target_url`.

    Raises BadInput (not a PostgreSQL URL, no source), Conflict (target not empty), Unavailable
    (target unreachable) or HDRError (the copied audit chain does not verify)."""
    if not target_url.startswith(("postgresql:", "postgres:", "postgresql+psycopg:")):
        raise BadInput(
            "--to must be a PostgreSQL URL.", "Send postgresql://user:password@host:port/database."
        )
    if not db_path.is_file():
        raise BadInput(
            f"No state database at {db_path}.", "Set HDR_HOME to the directory that holds state.db."
        )
    source = Store(db_path)
    target = _open_target(target_url)
    try:
        _refuse_non_empty(target)
        schemas = suite_schemas()
        for schema in schemas:
            source.ensure_schema(schema.name, schema.tables, schema.migrations)
            target.ensure_schema(schema.name, schema.tables, schema.migrations)
        tables, rows = _copy(source, target)
        report = AuditLog(target, audit_key).verify()
        if not report.ok or report.records != AuditLog(source, audit_key).verify().records:
            raise HDRError(
                f"The audit chain copied to PostgreSQL does not verify ({report.reason}).",
                "Nothing was removed from the SQLite database; report this and keep using SQLite.",
            )
        return MigrationReport(source.describe(), target.describe(), tables, rows, report.records)
    finally:
        source.close()
        target.close()


def _open_target(url: str) -> Store:
    try:
        return Store(url)
    except (sa.exc.OperationalError, Unavailable):
        raise Unavailable(
            f"Could not connect to {redacted(url)}.",
            "Check the host, port, database name and credentials, and that the database exists.",
        ) from None


def _refuse_non_empty(target: Store) -> None:
    db = target.connection()
    with target.engine.connect() as conn:
        names = sa.inspect(conn).get_table_names()
    for name in sorted(set(names) - BOOKKEEPING):
        if db.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() is not None:  # noqa: S608 - catalog names
            raise Conflict(
                f"The target database is not empty (table {name} has rows); migrate copies only into an "
                "empty database, once.",
                "Create a new database (createdb) and pass its URL, or point HDR_STATE_URL at this one if "
                "it already holds the suite's state.",
            )


def _copy(source: Store, target: Store) -> tuple[int, int]:
    """Copy every suite table the source has; (tables, rows)."""
    with source.engine.connect() as src:
        present = set(sa.inspect(src).get_table_names())
    tables = [t for t in METADATA.sorted_tables if t.name in present and t.name not in BOOKKEEPING]
    copied = 0
    with target.transaction() as db, source.engine.connect() as src:
        assert db.conn is not None
        for table in tables:
            have = {c["name"] for c in sa.inspect(src).get_columns(table.name)}
            columns = [c for c in table.columns if c.name in have]
            result = src.execute(sa.select(*columns)).mappings()
            while batch := result.fetchmany(BATCH_ROWS):
                db.conn.execute(table.insert(), [dict(r) for r in batch])
                copied += len(batch)
        _advance_sequences(db.conn, tables)
    return len(tables), copied


def _advance_sequences(conn: sa.Connection, tables: Sequence[sa.Table]) -> None:
    """Autoincrementing keys copied with their values: the next insert continues after them."""
    for table in tables:
        column = table.autoincrement_column
        if column is None:
            continue
        conn.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'),"
                f" COALESCE((SELECT MAX({column.name}) FROM {table.name}), 0) + 1, false)"  # noqa: S608
            )
        )
