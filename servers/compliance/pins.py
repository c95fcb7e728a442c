"""Audit-log pins, verified against keys kept outside the database they guard.

Every attestation pins the audit log's head (its newest record's seq and hash) when it is signed.
A pin is evidence only if whoever can write `state.db` cannot forge it, so pins are verified
against the public keys in a trust file outside the database, never against the key table in it:
`$HDR_HOME/audit-pin.pub`, one securesystemslib key (JSON) per line, appended whenever a signing
key is created (first use, rotation). HDR_AUDIT_PIN_KEYS names another file (e.g. one an auditor
keeps read-only), and `hdr audit verify --key FILE` one for a single run.

The newest pin's envelope is also kept beside the database (`$HDR_HOME/audit-pin.latest`), so
deleting every stored attestation, or rewriting the log and re-signing them with a key inserted
into the database, still shows; `hdr audit verify --pin FILE` checks an exported pin (an
`anchor_audit` envelope) the same way.

A installation that predates the trust file gets one written from its key table on first use
(trust on first use); from then on the table is not trusted.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from servers.compliance import dsse
from servers.compliance.keys import (
    ALGORITHMS,
    ED25519,
    SSLIB_NAMES,
    TRUST_FILE,
    Keyring,
    PublicKey,
    keyid_of,
    publish_key,
)
from shared.errors import BadInput
from shared.store import METADATA, Double, col
from shared.suite import Suite

WITNESS_FILE = "audit-pin.latest"
KEYS_ENV = "HDR_AUDIT_PIN_KEYS"
MAX_KEYS_FILE_BYTES = 1_000_000
MAX_PIN_FILE_BYTES = 2_000_000
ATTESTATIONS_TABLE = "compliance_attestations"
compliance_attestations = sa.Table(
    "compliance_attestations",
    METADATA,
    col("id", sa.Text, primary_key=True),
    col("result_id", sa.Text),
    col("framework", sa.Text),
    col("version", sa.Text),
    col("target", sa.Text),
    col("verdict", sa.Text),
    col("predicate_type", sa.Text),
    col("created_at", Double),
    col("expires_at", Double),
    col("keyids", sa.Text),
    col("envelope", sa.Text),
    sa.Index("compliance_attestations_created", "created_at"),
)
ATTESTATIONS_SCHEMA = [compliance_attestations]
ISSUING_TOOLS = ("attest", "anchor_audit")


@dataclass(frozen=True)
class Pin:
    source: str  # "attestation att_..." or "exported pin" ...
    attestation_id: str | None
    signed_at: float | None
    seq: int
    sha256: str


@dataclass(frozen=True)
class LogCheck:
    ok: bool
    records: int
    head: str
    first_bad_seq: int | None
    reason: str | None
    pins_checked: int


def trust_file(home: Path) -> Path:
    return home / TRUST_FILE


def _algorithm(entry: dict[str, Any]) -> str | None:
    names = (entry.get("keytype"), entry.get("scheme"))
    return next((a for a in ALGORITHMS if SSLIB_NAMES[a] == names), None)


def parse_keys(text: str) -> dict[str, PublicKey]:
    """Keys from a trust file: JSON lines of securesystemslib keys, a {"keys": [...]} document (the
    compliance://keys resource) or one key. Key ids are recomputed from the key material."""
    text = text.strip()
    entries: list[Any] = []
    try:
        doc = json.loads(text) if text else []
        entries = doc.get("keys", [doc]) if isinstance(doc, dict) else doc if isinstance(doc, list) else []
    except json.JSONDecodeError:
        for line in text.splitlines():
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError:
                raise BadInput(
                    "The trusted-keys file is not JSON lines of public keys.",
                    "Use audit-pin.pub, or save the compliance://keys resource.",
                ) from None
    keys = {}
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance((entry.get("keyval") or {}).get("public"), str):
            continue
        algorithm = _algorithm(entry)
        if algorithm is None:
            continue
        public = entry["keyval"]["public"]
        keyid = keyid_of(algorithm, public)
        keys[keyid] = PublicKey(keyid, algorithm, *SSLIB_NAMES[algorithm], public, 0.0, None)
    return keys


def _read_bounded(path: Path, limit: int, what: str) -> str:
    try:
        if path.stat().st_size > limit:
            raise BadInput(
                f"The {what} is larger than {limit} bytes; it cannot be one.", f"Give the {what} itself."
            )
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise BadInput(f"The {what} could not be read.", f"Give the path of a readable {what}.") from None


def trusted_keys(suite: Suite, keys_file: Path | None = None) -> dict[str, PublicKey]:
    """The public keys pins are verified against: `keys_file`, else HDR_AUDIT_PIN_KEYS, else the trust
    file beside the database (written from the key table once if it is missing)."""
    chosen = keys_file or (Path(os.environ[KEYS_ENV]).expanduser() if os.environ.get(KEYS_ENV) else None)
    if chosen is not None:
        return parse_keys(_read_bounded(chosen, MAX_KEYS_FILE_BYTES, "trusted-keys file"))
    home = suite.config.ensure_home()
    path = trust_file(home)
    if not path.exists():
        for key in Keyring(suite).public_keys():  # creates the keys on first use, which writes the file
            if key.keyid not in parse_keys(path.read_text(encoding="utf-8") if path.exists() else ""):
                publish_key(home, key.keyid, key.algorithm, key.public)
    return parse_keys(_read_bounded(path, MAX_KEYS_FILE_BYTES, "trusted-keys file"))


def record_newest(suite: Suite, envelope: str, seq: int) -> None:
    """Keep the newest pinned envelope beside the database (atomically replaced; never an older one)."""
    home = suite.config.ensure_home()
    path = home / WITNESS_FILE
    try:
        current = json.loads(path.read_text(encoding="utf-8"))
        if int(current.get("seq", 0)) > seq:
            return
    except (OSError, ValueError, AttributeError):
        pass
    tmp = path.with_name(f".{WITNESS_FILE}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"seq": seq, "envelope": envelope}), encoding="utf-8")
    os.replace(tmp, path)


def pin_of(envelope: str, keys: dict[str, PublicKey]) -> tuple[dict[str, Any] | None, str | None]:
    """(hdrCompliance extension of the statement, None) when a trusted Ed25519 key signed it and every
    signature verifies; else (None, why)."""
    try:
        payload_type, payload, signatures = dsse.parse_envelope(envelope)
    except dsse.EnvelopeError as exc:
        return None, str(exc)
    message = dsse.pae(payload_type, payload)
    trusted_ed25519 = False
    for keyid, sig in signatures:
        key = keys.get(keyid)
        if key is None:
            return None, "it is signed by a key that is not in the trusted keys (audit-pin.pub)"
        try:
            key.verify(sig, message)
        except Exception:  # InvalidSignature, or ValueError for a wrong length
            return None, "its signature does not verify"
        trusted_ed25519 = trusted_ed25519 or key.algorithm == ED25519
    if not trusted_ed25519:
        return None, "it has no Ed25519 signature from a trusted key"
    try:
        extension = json.loads(payload)["predicate"]["hdrCompliance"]
        return (extension if isinstance(extension, dict) else {}), None
    except (ValueError, KeyError, TypeError):
        return None, "its payload is not an in-toto statement of this suite"


def _as_pin(extension: dict[str, Any], source: str, signed_at: float | None) -> Pin | None:
    head = extension.get("auditHead")
    if not isinstance(head, dict):
        return None
    try:
        return Pin(source, extension.get("attestationId"), signed_at, int(head["seq"]), str(head["sha256"]))
    except (KeyError, TypeError, ValueError):
        return None


def stored_pins(suite: Suite, keys: dict[str, PublicKey]) -> tuple[list[Pin], list[str], int]:
    """(pins of the stored attestations, problems, how many are stored): an attestation that does not
    verify against the trusted keys is a problem, not a pin."""
    suite.store.ensure_schema(ATTESTATIONS_TABLE, ATTESTATIONS_SCHEMA)
    pins, problems, count = [], [], 0
    for row in suite.store.connection().execute(
        f"SELECT id, created_at, envelope FROM {ATTESTATIONS_TABLE} ORDER BY created_at"
    ):
        count += 1
        extension, why = pin_of(row["envelope"], keys)
        if extension is None:
            problems.append(
                f"stored attestation {row['id'][:40]} does not verify: {why}; the attestations "
                "table was altered"
            )
            continue
        pin = _as_pin(extension, f"attestation {row['id'][:40]}", row["created_at"])
        if pin is not None:
            pins.append(pin)
    return pins, problems, count


def _external_pin(text: str, keys: dict[str, PublicKey], source: str) -> tuple[Pin | None, str | None]:
    extension, why = pin_of(text, keys)
    if extension is None:
        return None, f"the {source} does not verify: {why}"
    pin = _as_pin(extension, source, None)
    return pin, None if pin is not None else f"the {source} pins no audit record"


def verify_log(suite: Suite, keys_file: Path | None = None, pin_file: Path | None = None) -> LogCheck:
    """The whole log: its hash chain, and every pin (stored attestations, the newest pin kept beside
    the database, an exported pin) verified against the trusted keys and still held by the log."""
    report = suite.audit.verify()
    if not report.ok:
        return LogCheck(False, report.records, report.head, report.first_bad_seq, report.reason, 0)
    keys = trusted_keys(suite, keys_file)
    pins, problems, stored = stored_pins(suite, keys)
    stored_ids = {p.attestation_id for p in pins}
    witness = suite.config.home / WITNESS_FILE
    if witness.exists():
        try:
            kept = json.loads(_read_bounded(witness, MAX_PIN_FILE_BYTES, "kept pin"))["envelope"]
        except (ValueError, KeyError, TypeError):
            kept = ""
        pin, why = _external_pin(kept, keys, f"newest pin kept in {WITNESS_FILE}")
        if why:
            problems.append(why)
        elif pin is not None and pin.attestation_id not in stored_ids:  # else it is counted already
            pins.append(pin)
            problems.append(
                f"attestation {str(pin.attestation_id)[:40]} (the newest pin, kept in {WITNESS_FILE})"
                " is no longer stored: attestations were deleted"
            )
    if pin_file is not None:
        pin, why = _external_pin(
            _read_bounded(pin_file, MAX_PIN_FILE_BYTES, "pin file"), keys, "exported pin"
        )
        if why:
            problems.append(why)
        elif pin is not None:
            pins.append(pin)
    issued = sum(suite.audit.count(server="compliance", tool=tool, outcome="ok") for tool in ISSUING_TOOLS)
    if issued > stored:
        problems.append(
            f"the audit log records {issued} attestations issued, but {stored} are stored: "
            "attestations were deleted"
        )
    broken = _broken_pin(suite, pins)
    if broken is not None:
        return LogCheck(False, report.records, report.head, broken[0], broken[1], len(pins))
    if problems:
        return LogCheck(False, report.records, report.head, None, "; ".join(problems[:5]), len(pins))
    return LogCheck(True, report.records, report.head, None, None, len(pins))


def _broken_pin(suite: Suite, pins: list[Pin]) -> tuple[int, str] | None:
    """Does the log still hold every record a pin names? Else (seq, why), the newest pin first: it
    says how much of the log's end is gone."""
    newest = suite.audit.head()[0]
    for pin in sorted(pins, key=lambda p: -p.seq):
        if pin.seq == 0:
            continue
        when = (
            f" (signed {time.strftime('%Y-%m-%d %H:%M', time.gmtime(pin.signed_at))} UTC)"
            if pin.signed_at
            else ""
        )
        if pin.seq > newest:
            return pin.seq, (
                f"record {pin.seq} is missing: {pin.source}{when} saw the log reach it, and it now "
                f"ends at record {newest}: the newest records were deleted"
            )
        if suite.audit.hash_at(pin.seq) != pin.sha256:
            return pin.seq, (
                f"record {pin.seq} is not the one {pin.source} signed: the log was rewritten from "
                "there (its hashes recomputed)"
            )
    return None
