"""The state store on SQLite vs PostgreSQL, in one run: audit appends per second, an empty write
transaction (PostgreSQL: BEGIN, the advisory write lock, the state_version bump, COMMIT), and the
per-call cost of a warm keyring encrypt (its freshness check is a shared-memory read on SQLite, one
query of the version row on PostgreSQL).

PostgreSQL: a server where a database may be created, named by HDR_BENCH_POSTGRES_URL or
HDR_TEST_POSTGRES_URL (e.g. postgresql://root:root@127.0.0.1:5432/postgres); a fresh database is
made for the run and dropped after. Run: `.venv/bin/python bench/state_backends.py`."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from servers.phantom.keyring import Keyring  # noqa: E402
from servers.phantom.service import KEK_PURPOSE  # noqa: E402
from servers.phantom.transit import Item, LocalTransit  # noqa: E402
from shared.audit import AuditLog  # noqa: E402
from shared.kek import load_kek  # noqa: E402
from shared.store import Store, redacted  # noqa: E402

APPENDS = 400
TRANSACTIONS = 400
ENCRYPTS = 3000


@contextmanager
def fresh_database(admin_url: str) -> Iterator[str]:
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"hdr_bench_{uuid.uuid4().hex[:10]}"
    conninfo = make_url(admin_url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(conninfo).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(conninfo, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def rate(fn: Callable[[], object], n: int) -> float:
    """Calls per second over n calls, median of three rounds."""
    rounds = []
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(n):
            fn()
        rounds.append(n / (time.perf_counter() - start))
    return statistics.median(rounds)


def measure(target: str | Path, home: Path) -> dict[str, float]:
    store = Store(target)
    audit = AuditLog(store, home / "audit.key")
    appends = rate(lambda: audit.append("bench", "tool", "caller", {"i": 1}, "ok"), APPENDS)

    def empty_transaction() -> None:
        with store.transaction():
            pass

    transactions = rate(empty_transaction, TRANSACTIONS)
    transit = LocalTransit(Keyring(store, load_kek(home, KEK_PURPOSE, env={})))
    transit.ensure_key("bench")
    item = [Item(b"x" * 64)]
    transit.encrypt("bench", item)  # warm
    encrypt_us = 1e6 / rate(lambda: transit.encrypt("bench", item), ENCRYPTS)
    assert audit.verify().ok
    store.close()
    return {"appends": appends, "transactions": transactions, "encrypt_us": encrypt_us}


def main() -> None:
    admin = os.environ.get("HDR_BENCH_POSTGRES_URL") or os.environ.get("HDR_TEST_POSTGRES_URL")
    if not admin:
        print("set HDR_BENCH_POSTGRES_URL (or HDR_TEST_POSTGRES_URL) to a PostgreSQL server", file=sys.stderr)
        raise SystemExit(2)
    lite_home, pg_home = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    lite = measure(lite_home / "state.db", lite_home)
    with fresh_database(admin) as url:
        pg = measure(url, pg_home)
    print(f"SQLite (WAL, {lite_home}) vs PostgreSQL ({redacted(url)}), one process, medians of 3 rounds")
    print(f"{'':34}{'SQLite':>12}{'PostgreSQL':>14}{'PG / SQLite':>14}")
    rows = [
        ("audit appends per second", "appends", "{:,.0f}"),
        ("empty write transactions per s", "transactions", "{:,.0f}"),
        ("warm encrypt, us per call", "encrypt_us", "{:,.1f}"),
    ]
    for label, key, fmt in rows:
        print(f"{label:34}{fmt.format(lite[key]):>12}{fmt.format(pg[key]):>14}{pg[key] / lite[key]:>13.2f}x")


if __name__ == "__main__":
    main()
