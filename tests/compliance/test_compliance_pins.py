"""Audit pins do not trust the database they protect (security issue #12, item 7): an attacker with
write access to state.db alone edits a record, recomputes the chain, inserts their own key into the
compliance key table and re-signs every stored attestation; `hdr audit verify` must still fail.
Deleting the stored attestations must be reported, not "intact, 0 pins"."""

from __future__ import annotations

import base64
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from compliance_support import BASELINE_POD as POD
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

from servers.compliance import attestations, dsse, pins
from servers.compliance.keys import ED25519, Keyring, keyid_of
from shared.audit import AuditRecord, record_hash
from shared.config import Config
from shared.suite import Suite


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Suite:
    monkeypatch.setenv("HDR_HOME", str(tmp_path))
    monkeypatch.setenv("HDR_MEMORY_URL", "http://127.0.0.1:9")  # memory entries fail loudly, harmlessly
    monkeypatch.delenv(pins.KEYS_ENV, raising=False)
    suite = Suite(Config.from_env())
    for i in range(3):
        suite.audit.append("forge", "optimize", "static:ops", {"i": i}, "ok")
    attestations.attest(suite, target=POD, framework="pss-baseline")
    suite.audit.append("forge", "optimize", "static:ops", {"i": 3}, "ok")
    attestations.anchor_audit(suite)
    suite.audit.append("forge", "rollback", "static:ops", {"i": 4}, "ok")
    return suite


def hdr_audit_verify(home: Path, *extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != pins.KEYS_ENV}
    return subprocess.run(
        [sys.executable, "-m", "servers.cli", "audit", "verify", *extra],
        capture_output=True,
        text=True,
        env={**env, "HDR_HOME": str(home)},
        timeout=120,
    )


def rewrite_log(db: sqlite3.Connection) -> dict[int, str]:
    """Edit record 2 and recompute every hash after it, as the attacker does: {seq: new hash}."""
    db.row_factory = sqlite3.Row
    rows = [AuditRecord(**dict(r)) for r in db.execute("SELECT * FROM audit_log ORDER BY seq")]
    prev, hashes = rows[0].hash, {rows[0].seq: rows[0].hash}
    for rec in rows[1:]:
        body = rec.body() | {"prev_hash": prev} | ({"outcome": "refused"} if rec.seq == 2 else {})
        prev = record_hash(body)
        hashes[rec.seq] = prev
        db.execute(
            "UPDATE audit_log SET outcome=?, prev_hash=?, hash=? WHERE seq=?",
            (body["outcome"], body["prev_hash"], prev, rec.seq),
        )
    return hashes


def insert_attacker_key_and_resign(db: sqlite3.Connection, hashes: dict[int, str]) -> str:
    """Put an attacker's Ed25519 key in the key table as the active key and re-sign every stored
    attestation with the rewritten heads; returns one re-signed envelope."""
    key = ed25519.Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()
    keyid = keyid_of(ED25519, public)
    db.execute("UPDATE compliance_keys SET retired_at=? WHERE retired_at IS NULL", (time.time(),))
    db.execute(
        "INSERT INTO compliance_keys VALUES (?, ?, ?, ?, ?, ?, NULL)",
        (keyid, ED25519, public, b"junk", b"", time.time()),
    )
    resigned = ""
    for row in db.execute("SELECT id, envelope FROM compliance_attestations").fetchall():
        _, payload, _ = dsse.parse_envelope(row["envelope"])
        statement = json.loads(payload)
        head = statement["predicate"]["hdrCompliance"]["auditHead"]
        head["sha256"] = hashes[head["seq"]]
        for subject in statement["subject"]:
            if subject["name"].startswith("hdr-audit-log@"):
                subject["digest"]["sha256"] = hashes[head["seq"]]
        body = json.dumps(statement, sort_keys=True).encode()
        resigned = json.dumps(dsse.sign_envelope(body, [(keyid, key.sign)]), sort_keys=True)
        db.execute(
            "UPDATE compliance_attestations SET envelope=?, keyids=? WHERE id=?",
            (resigned, json.dumps([keyid]), row["id"]),
        )
    return resigned


def test_the_untouched_log_verifies_with_its_pins(home: Suite, tmp_path: Path) -> None:
    out = hdr_audit_verify(tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "intact: 5 records" in out.stdout and "2 signed pins" in out.stdout
    assert (tmp_path / "audit-pin.pub").stat().st_mode & 0o777 == 0o644
    in_table = {
        k.keyid for k in Keyring(home).public_keys()
    }  # creates the ML-DSA key, which is published too
    assert in_table == set(pins.parse_keys((tmp_path / "audit-pin.pub").read_text()))


def test_a_rewritten_log_with_an_inserted_key_and_re_signed_attestations_fails(
    home: Suite, tmp_path: Path
) -> None:
    with sqlite3.connect(tmp_path / "state.db") as db:
        hashes = rewrite_log(db)
        resigned = insert_attacker_key_and_resign(db, hashes)
    assert home.audit.verify().ok  # the chain alone cannot tell
    out = hdr_audit_verify(tmp_path)
    assert out.returncode == 1, out.stdout + out.stderr
    assert "BROKEN" in out.stdout
    # even without the newest pin kept beside the database, the re-signed attestations are not trusted
    (tmp_path / pins.WITNESS_FILE).unlink()
    out = hdr_audit_verify(tmp_path)
    assert out.returncode == 1 and "not in the trusted keys" in out.stdout, out.stdout
    verified = attestations.verify(home, resigned)
    assert verified.valid is False and "unknown key id" in verified.signatures[0].reason


def test_deleting_the_stored_attestations_is_reported_not_intact(home: Suite, tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "state.db") as db:
        db.execute("DELETE FROM compliance_attestations")
    out = hdr_audit_verify(tmp_path)
    assert out.returncode == 1 and "attestations were deleted" in out.stdout, out.stdout


def test_the_tools_audit_records_show_deleted_attestations_without_the_kept_pin(
    home: Suite, tmp_path: Path
) -> None:
    for _ in range(2):  # what the kit appends after a successful attest / anchor_audit call
        home.audit.append("compliance", "attest", "static:ops", {}, "ok")
    (tmp_path / pins.WITNESS_FILE).unlink()
    with sqlite3.connect(tmp_path / "state.db") as db:
        db.execute("DELETE FROM compliance_attestations WHERE framework='audit-log'")
    out = hdr_audit_verify(tmp_path)
    assert out.returncode == 1 and "records 2 attestations issued, but 1 are stored" in out.stdout, out.stdout


def test_an_exported_pin_and_an_expected_key_can_be_given(home: Suite, tmp_path: Path) -> None:
    anchor = attestations.anchor_audit(home)
    exported = tmp_path / "pin.json"
    exported.write_text(anchor.envelope)
    keys = tmp_path / "keys.json"  # the compliance://keys resource, saved by an auditor
    keys.write_text(json.dumps({"keys": [k.to_dict() for k in Keyring(home).public_keys()]}))
    out = hdr_audit_verify(tmp_path, "--key", str(keys), "--pin", str(exported))
    assert out.returncode == 0, out.stdout + out.stderr
    stranger = (
        ed25519.Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        .hex()
    )
    other = tmp_path / "other.pub"
    other.write_text(json.dumps({"keytype": "ed25519", "scheme": "ed25519", "keyval": {"public": stranger}}))
    out = hdr_audit_verify(tmp_path, "--key", str(other))
    assert out.returncode == 1 and "not in the trusted keys" in out.stdout, out.stdout
    with sqlite3.connect(tmp_path / "state.db") as db:
        db.execute("DELETE FROM audit_log WHERE seq >= (SELECT MAX(seq) FROM audit_log)")
        db.execute("DELETE FROM compliance_attestations")
    (tmp_path / pins.WITNESS_FILE).unlink()
    out = hdr_audit_verify(tmp_path, "--pin", str(exported))
    assert out.returncode == 1 and "exported pin" in out.stdout and "deleted" in out.stdout, out.stdout
    tampered = json.loads(anchor.envelope)
    tampered["payload"] = base64.b64encode(
        base64.b64decode(tampered["payload"]).replace(b'"seq"', b'"seq" ')
    ).decode()
    exported.write_text(json.dumps(tampered))
    out = hdr_audit_verify(tmp_path, "--pin", str(exported))
    assert out.returncode == 1 and "does not verify" in out.stdout, out.stdout


def test_an_installation_from_before_the_trust_file_writes_it_once_from_its_keys(
    home: Suite, tmp_path: Path
) -> None:
    before = pins.parse_keys((tmp_path / "audit-pin.pub").read_text())
    (tmp_path / "audit-pin.pub").unlink()
    assert set(before) <= set(pins.trusted_keys(home))  # (plus the ML-DSA key, created on first listing)
    assert hdr_audit_verify(tmp_path).returncode == 0
