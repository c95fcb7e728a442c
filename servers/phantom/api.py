"""What each phantom tool does, as plain functions over a Suite: validate early and cheaply,
call the domain, shape the result into the output models. server.py only declares the tools."""

from __future__ import annotations

import base64
import binascii
import math
from dataclasses import dataclass

from servers.phantom import dp, pii
from servers.phantom.keyring import SIGNING_TYPES, KeyInfo, check_key_name, check_period
from servers.phantom.models import (
    Aggregate,
    BudgetList,
    BudgetView,
    DataKey,
    Decrypted,
    Detokenized,
    Encrypted,
    ExportedKey,
    ItemError,
    KeyList,
    KeyView,
    PIIFinding,
    PIIFindings,
    PublicKey,
    Redacted,
    Sealed,
    Signed,
    Unsealed,
    Verified,
)
from servers.phantom.redaction import MODES
from servers.phantom.service import Phantom, missing_sealing_key, services
from servers.phantom.signing import parse_backup
from servers.phantom.transit import Item, ciphertext_version
from shared import sealing
from shared.errors import BadInput, HDRError, Refused
from shared.suite import Suite

ENTITIES = pii.ENTITIES
MAX_PAYLOAD_BYTES = 4 * 1024 * 1024
MAX_BATCH = 1000
MAX_TEXT_CHARS = 200_000  # detect runs ~1 MB/s: keep every call well under 2 s
# The wall-time cap of one detect_pii/redact call: size alone does not bound the time (a 200,000-character
# CSV of phone numbers has libphonenumber try up to 16 plans for each of ~11,000 candidates).
DETECT_SECONDS = 5.0
MAX_VALUES = 100_000
MAX_VECTOR_CELLS = 1_000_000


# -- helpers --------------------------------------------------------------------------------------


def _one_or_batch(single: str | None, batch: list[str] | None, what: str) -> list[str]:
    if (single is None) == (batch is None):
        raise BadInput(
            f"Send either `{what}` or `batch`, not both and not neither.",
            f'E.g. {{"{what}": "..."}} or {{"batch": ["...", "..."]}}.',
        )
    items = [single] if single is not None else batch or []
    if not items or len(items) > MAX_BATCH:
        raise BadInput(f"A batch holds 1 to {MAX_BATCH} items.", "Split larger batches into several calls.")
    if sum(len(i) for i in items) > MAX_PAYLOAD_BYTES * 2:
        raise BadInput(
            f"The payload is larger than {MAX_PAYLOAD_BYTES // 1024 // 1024} MiB.",
            "Use `datakey` and encrypt large data locally (envelope encryption).",
        )
    return items


def _decode(text: str, encoding: str, what: str = "plaintext") -> bytes:
    if encoding == "base64":
        try:
            data = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            raise BadInput(
                f"`{what}` is not valid base64.", "Send standard base64, or use encoding=utf8."
            ) from None
    else:
        data = text.encode("utf-8", "surrogatepass")
    if len(data) > MAX_PAYLOAD_BYTES:
        raise BadInput(
            f"`{what}` is larger than {MAX_PAYLOAD_BYTES // 1024 // 1024} MiB.",
            "Use `datakey` and encrypt large data locally (envelope encryption).",
        )
    return data


def _encode(data: bytes, encoding: str) -> str:
    if encoding == "base64":
        return base64.b64encode(data).decode()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise BadInput(
            "The plaintext is binary, not UTF-8 text.", "Call again with encoding=base64."
        ) from None


def _bytes_or_none(text: str | None) -> bytes | None:
    return None if text is None else text.encode("utf-8", "surrogatepass")


# -- encryption -----------------------------------------------------------------------------------


def encrypt(
    suite: Suite,
    key: str,
    plaintext: str | None,
    batch: list[str] | None,
    context: str | None,
    associated_data: str | None,
    encoding: str,
    key_version: int | None = None,
    principal: str | None = None,
) -> Encrypted:
    check_key_name(key)
    items = [
        Item(_decode(p, encoding), _bytes_or_none(context), _bytes_or_none(associated_data))
        for p in _one_or_batch(plaintext, batch, "plaintext")
    ]
    phantom = services(suite)
    phantom.check_key(key, principal, create=True)
    transit = phantom.transit
    info = transit.ensure_key(key)
    out = transit.encrypt(key, items, key_version)
    shaped = _shape(plaintext is not None, out)
    return Encrypted(
        key=key,
        key_version=_version_of(out, key_version or info.latest_version),
        ciphertext=shaped.single,
        batch=shaped.batch,
        errors=shaped.errors,
    )


@dataclass(frozen=True)
class _Shaped:
    """A single item's result, or a batch's results (None where an item failed) with per-item errors."""

    single: str | None = None
    batch: list[str | None] | None = None
    errors: list[ItemError] | None = None


def _shape(single: bool, out: list[str | HDRError]) -> _Shaped:
    """A single item's result (its error raised), or a batch's results with per-item errors."""
    if single:
        first = out[0]
        if isinstance(first, HDRError):
            raise first
        return _Shaped(single=first)
    errors = [ItemError.of(i, r) for i, r in enumerate(out) if isinstance(r, HDRError)]
    return _Shaped(batch=[None if isinstance(r, HDRError) else r for r in out], errors=errors or None)


def _version_of(out: list, fallback: int) -> int:
    return next((ciphertext_version(r) for r in out if isinstance(r, str)), fallback)


def _ciphertext_items(
    ciphertext: str | None, batch: list[str] | None, context: str | None, associated_data: str | None
) -> list[Item]:
    return [
        Item(c.strip().encode("ascii", "replace"), _bytes_or_none(context), _bytes_or_none(associated_data))
        for c in _one_or_batch(ciphertext, batch, "ciphertext")
    ]


def decrypt(
    suite: Suite,
    key: str,
    ciphertext: str | None,
    batch: list[str] | None,
    context: str | None,
    associated_data: str | None,
    encoding: str,
    principal: str | None = None,
) -> Decrypted:
    check_key_name(key)
    items = _ciphertext_items(ciphertext, batch, context, associated_data)
    services(suite).check_key(key, principal)
    plain = [
        p if isinstance(p, HDRError) else _encode_or_error(p, encoding)
        for p in services(suite).transit.decrypt(key, items)
    ]
    shaped = _shape(ciphertext is not None, plain)
    return Decrypted(
        key=key, encoding=encoding, plaintext=shaped.single, batch=shaped.batch, errors=shaped.errors
    )


def _encode_or_error(data: bytes, encoding: str) -> str | HDRError:
    try:
        return _encode(data, encoding)
    except HDRError as error:
        return error


def rewrap(
    suite: Suite,
    key: str,
    ciphertext: str | None,
    batch: list[str] | None,
    context: str | None,
    associated_data: str | None,
    key_version: int | None = None,
    principal: str | None = None,
) -> Encrypted:
    check_key_name(key)
    items = _ciphertext_items(ciphertext, batch, context, associated_data)
    services(suite).check_key(key, principal)
    transit = services(suite).transit
    out = transit.rewrap(key, items, key_version)
    shaped = _shape(ciphertext is not None, out)
    return Encrypted(
        key=key,
        key_version=_version_of(out, key_version or transit.key(key).latest_version),
        ciphertext=shaped.single,
        batch=shaped.batch,
        errors=shaped.errors,
    )


def rotate_key(suite: Suite, key: str, principal: str | None = None) -> KeyView:
    services(suite).check_key(key, principal)
    return KeyView.of(services(suite).transit.rotate(check_key_name(key)))


LOCAL_TYPES = (*SIGNING_TYPES, "hmac")  # signing and hmac keys stay in the local keyring with any backend


@dataclass(frozen=True)
class _Policy:
    """The policy settings configure_key was sent (None: leave as it is)."""

    exportable: bool | None = None
    allow_plaintext_backup: bool | None = None
    auto_rotate_period: float | None = None
    min_available_version: int | None = None

    def given(self) -> list[str]:
        return [name for name, value in vars(self).items() if value is not None]


def configure_key(
    suite: Suite,
    key: str,
    min_decryption_version: int | None,
    key_type: str | None,
    derived: bool,
    convergent: bool,
    principal: str | None = None,
    *,
    exportable: bool | None = None,
    allow_plaintext_backup: bool | None = None,
    auto_rotate_period: float | None = None,
    min_available_version: int | None = None,
    restore_backup: str | None = None,
) -> KeyView:
    check_key_name(key)
    policy = _Policy(exportable, allow_plaintext_backup, auto_rotate_period, min_available_version)
    if restore_backup is not None:
        others = bool(
            key_type or derived or convergent or min_decryption_version is not None or policy.given()
        )
        return _restore(suite, key, restore_backup, principal, others)
    if auto_rotate_period is not None:
        check_period(auto_rotate_period)
    creating = key_type is not None or derived or convergent
    phantom = services(suite)
    phantom.check_key(key, principal, create=creating)
    if key_type in LOCAL_TYPES:
        _create_local(phantom, key, key_type, derived or convergent, policy)
    elif creating:
        phantom.transit.ensure_key(key, key_type or "aes256-gcm", derived, convergent)
    elif min_decryption_version is None and not policy.given():
        raise BadInput(
            "Nothing to configure.",
            "Send min_decryption_version, min_available_version, "
            "auto_rotate_period, exportable or allow_plaintext_backup; or type/derived/convergent to create.",
        )
    return KeyView.of(_apply_settings(phantom, key, min_decryption_version, policy))


def _create_local(phantom: Phantom, key: str, key_type: str, derived: bool, policy: _Policy) -> None:
    """A signing or hmac key, in the local keyring (Vault keeps encryption keys only)."""
    if derived:
        raise BadInput(
            "Only aes256-gcm and chacha20-poly1305 keys can be derived or convergent.",
            "Leave derived/convergent out for signing and hmac keys.",
        )
    phantom.keyring.create(
        key,
        key_type,
        exportable=bool(policy.exportable),
        allow_plaintext_backup=bool(policy.allow_plaintext_backup),
        auto_rotate_period=policy.auto_rotate_period or 0.0,
    )


def _apply_settings(
    phantom: Phantom, key: str, min_decryption_version: int | None, policy: _Policy
) -> KeyInfo:
    held_locally = phantom.backend == "local" or phantom.keyring.get(key) is not None
    if held_locally:  # policy and versions in one transaction, checked whole before anything changes
        return phantom.keyring.configure(
            key,
            min_decryption_version,
            auto_rotate_period=policy.auto_rotate_period,
            exportable=policy.exportable,
            allow_plaintext_backup=policy.allow_plaintext_backup,
            min_available_version=policy.min_available_version,
        )
    if policy.given():
        raise BadInput(
            f"{', '.join(policy.given())} cannot be set here on a key held in Vault.",
            f"Set it in Vault itself (transit/keys/{key}/config, transit/keys/{key}/trim).",
        )
    if min_decryption_version is not None:
        return phantom.transit.configure(key, min_decryption_version)
    return phantom.transit.key(key)


def _restore(suite: Suite, key: str, text: str, principal: str | None, other_settings: bool) -> KeyView:
    if other_settings:
        raise BadInput(
            "A restore takes its settings from the backup.",
            "Send key and restore_backup only; change the restored key's policy in a second call.",
        )
    backup = parse_backup(text)
    if backup["type"] in ("aes256-gcm", "chacha20-poly1305") and backup["name"] != key:
        raise BadInput(
            f"This backup is of encryption key {backup['name']!r}; its ciphertexts name that key, so it is "
            "restored only under that name.",
            f"Restore it as key {backup['name']!r}.",
        )
    phantom = services(suite)
    if phantom.backend != "local" and backup["type"] in ("aes256-gcm", "chacha20-poly1305"):
        raise BadInput(
            "Backups restore into the local keyring; this phantom keeps encryption keys in Vault.",
            "Restore signing and hmac keys only, or use Vault's own restore.",
        )
    phantom.check_key(key, principal, create=True)
    info = phantom.keyring.restore(key, backup)
    suite.record(
        f"phantom key {key!r} restored from a backup ({backup['type']}, versions "
        f"{backup['min_available_version']}-{backup['latest_version']})",
        "decision",
        source="phantom",
        tool="configure_key",
        tags=["phantom", "restore"],
        extra={"key": key},
    )
    return KeyView.of(info)


# -- signatures, HMACs, export -------------------------------------------------------------------


def sign(
    suite: Suite,
    key: str,
    data: str,
    encoding: str,
    mode: str,
    hash_algorithm: str | None,
    key_version: int | None,
    principal: str | None = None,
) -> Signed:
    check_key_name(key)
    payload = _decode(data, encoding, "input")
    phantom = services(suite)
    phantom.check_key(key, principal)
    if mode == "hmac":
        token, version = phantom.signer.hmac(key, payload, hash_algorithm, key_version)
        return Signed(key=key, key_version=version, mode=mode, hmac=token)
    if mode != "signature":
        raise BadInput(f"Unknown mode {mode[:20]!r}.", "Use mode='signature' or mode='hmac'.")
    token, version = phantom.signer.sign(key, payload, hash_algorithm, key_version)
    return Signed(key=key, key_version=version, mode=mode, signature=token)


def verify(
    suite: Suite,
    key: str,
    data: str,
    encoding: str,
    signature: str | None,
    hmac: str | None,
    hash_algorithm: str | None,
    principal: str | None = None,
) -> Verified:
    check_key_name(key)
    if (signature is None) == (hmac is None):
        raise BadInput(
            "Send either `signature` or `hmac`, not both and not neither.",
            'E.g. {"input": "...", "signature": "phantom:v1:..."}.',
        )
    payload = _decode(data, encoding, "input")
    phantom = services(suite)
    phantom.check_key(key, principal)
    if signature is not None:
        valid, version = phantom.signer.verify(key, payload, signature, hash_algorithm)
        return Verified(key=key, key_version=version, mode="signature", valid=valid)
    assert hmac is not None
    valid, version = phantom.signer.verify_hmac(key, payload, hmac, hash_algorithm)
    return Verified(key=key, key_version=version, mode="hmac", valid=valid)


def export_key(
    suite: Suite, key: str, kind: str, key_version: int | None, principal: str | None = None
) -> ExportedKey:
    check_key_name(key)
    phantom = services(suite)
    phantom.check_key(key, principal)
    if phantom.keyring.get(key) is None and phantom.backend != "local":
        raise BadInput(
            f"Key {key!r} is held in Vault; phantom does not export it.",
            f"Use Vault's transit/export/{kind}/{key} (the key must be exportable there).",
        )
    exported = phantom.signer.export(key, kind, key_version)
    info = phantom.keyring.require(key)
    if kind != "public-key":
        suite.record(
            f"phantom key {key!r} exported ({kind})",
            "decision",
            source="phantom",
            tool="export_key",
            tags=["phantom", "export"],
            extra={"key": key, "kind": kind},
        )
    return ExportedKey(key=key, type=info.type, kind=kind, keys={str(v): t for v, t in exported.items()})


def datakey(
    suite: Suite, key: str, bits: int, plaintext: bool, context: str | None, principal: str | None = None
) -> DataKey:
    check_key_name(key)
    services(suite).check_key(key, principal, create=True)
    if bits not in (128, 256, 512):
        raise BadInput("bits must be 128, 256 or 512.", "Use 256 for AES-256.")
    transit = services(suite).transit
    transit.ensure_key(key)
    raw, wrapped = transit.datakey(key, bits, _bytes_or_none(context))
    return DataKey(
        key=key,
        bits=bits,
        wrapped=wrapped,
        plaintext_key=base64.b64encode(raw).decode() if plaintext else None,
    )


def keys(suite: Suite, principal: str | None = None) -> KeyList:
    phantom = services(suite)
    listed = {i.name: i for i in phantom.transit.keys()}
    if phantom.backend != "local":  # sealing and token keys stay in the local keyring
        listed |= {i.name: i for i in phantom.keyring.list() if i.name not in listed}
    mine = phantom.owners.visible("key", sorted(listed), principal)
    return KeyList(backend=phantom.backend, keys=[KeyView.of(listed[n]) for n in mine])


def destroy_key(suite: Suite, key: str, principal: str | None = None) -> KeyView:
    check_key_name(key)
    phantom = services(suite)
    phantom.check_key(key, principal)
    local = phantom.keyring.get(key)
    info = (
        phantom.keyring.destroy(key)
        if local is not None
        and phantom.backend == "local"
        or (local is not None and local.type == sealing.ALGORITHM)
        else phantom.transit.destroy(key)
    )
    suite.record(
        f"phantom key {key!r} destroyed (crypto-shredded): data under it is unrecoverable",
        "decision",
        source="phantom",
        tool="destroy_key",
        tags=["phantom", "erasure"],
        extra={"key": key},
    )
    return KeyView.of(info)


# -- sealing --------------------------------------------------------------------------------------


def seal(suite: Suite, plaintext: str, recipient: str, encoding: str, principal: str | None = None) -> Sealed:
    data = _decode(plaintext, encoding)
    if recipient.startswith(sealing.PUBLIC_TEXT_PREFIX):
        public, label = sealing.public_key_from_text(recipient), "published public key"
    else:
        check_key_name(recipient)
        phantom = services(suite)
        phantom.check_key(recipient, principal, missing=missing_sealing_key(recipient))
        info = phantom.sealing_key(recipient, create=False)
        public = sealing.public_from_private(phantom.keyring.material(recipient, info.latest_version))
        label = recipient
    return Sealed(sealed=sealing.seal(data, public), recipient=label)


def unseal(suite: Suite, sealed_text: str, key: str, encoding: str, principal: str | None = None) -> Unsealed:
    check_key_name(key)
    services(suite).check_key(key, principal, missing=missing_sealing_key(key))
    if len(sealed_text) > MAX_PAYLOAD_BYTES * 2:
        raise BadInput("The envelope is larger than phantom accepts.", "Seal smaller payloads.")
    data, version = services(suite).unseal(key, sealed_text.strip())
    return Unsealed(key=key, key_version=version, encoding=encoding, plaintext=_encode(data, encoding))


def public_key(suite: Suite, key: str, principal: str | None = None) -> PublicKey:
    services(suite).check_key(key, principal, create=True, missing=missing_sealing_key(key))
    info, text = services(suite).public_key(check_key_name(key))
    return PublicKey(key=key, key_version=info.latest_version, public_key=text)


# -- personal data --------------------------------------------------------------------------------


def _check_text(text: str, entities: list[str] | None) -> list[str] | None:
    if len(text) > MAX_TEXT_CHARS:
        raise BadInput(
            f"`text` is longer than {MAX_TEXT_CHARS:,} characters.", "Split it and send the parts."
        )
    if entities is not None:
        unknown = [e for e in entities if e not in pii.ENTITIES]
        if unknown:
            raise BadInput(
                f"Unknown entity type {unknown[0][:40]!r}.", f"Use any of: {', '.join(pii.ENTITIES)}."
            )
    return entities


def _detect(text: str, entities: list[str] | None) -> list[pii.Finding]:
    try:
        return pii.detect(text, _check_text(text, entities), time_limit=DETECT_SECONDS)
    except pii.DetectionTimeout:
        raise Refused(
            f"Scanning this text for personal data took longer than {DETECT_SECONDS:g} s, the limit for one "
            "call; nothing was reported or changed.",
            "Split the text into smaller parts (e.g. 20,000 characters each) and send them one by one, "
            "or name fewer `entities` (PHONE_NUMBER costs the most).",
        ) from None


def detect_pii(text: str, entities: list[str] | None) -> PIIFindings:
    found = _detect(text, entities)
    return PIIFindings(count=len(found), findings=[PIIFinding.of(f) for f in found])


def redact(
    suite: Suite, text: str, mode: str, entities: list[str] | None, principal: str | None = None
) -> Redacted:
    if mode not in MODES:
        raise BadInput(f"Unknown mode {mode[:20]!r}.", f"Use one of: {', '.join(MODES)}.")
    found = _detect(text, entities)
    redacted, stored = services(suite).redactor.redact(text, found, mode, principal)
    return Redacted(
        text=redacted, mode=mode, replaced=[PIIFinding.of(f) for f in found], tokens_stored=stored
    )


def detokenize(suite: Suite, text: str, principal: str | None = None) -> Detokenized:
    if len(text) > MAX_TEXT_CHARS:
        raise BadInput(
            f"`text` is longer than {MAX_TEXT_CHARS:,} characters.", "Split it and send the parts."
        )
    restored_text, restored, unknown = services(suite).redactor.detokenize(text, principal)
    return Detokenized(text=restored_text, restored=restored, unknown_tokens=len(unknown))


# -- differential privacy ---------------------------------------------------------------------------


def private_aggregate(
    suite: Suite,
    values: list,
    op: str,
    epsilon: float,
    budget: str,
    bounds: list[float] | None,
    delta: float | None,
    mechanism: str,
    bins: int,
    quantile: float,
    clip_norm: float | None,
    budget_epsilon_total: float | None,
    budget_delta_total: float | None = None,
    principal: str | None = None,
) -> Aggregate:
    check_key_name(budget)  # same naming rules as keys
    if budget_delta_total is not None and not (0 < budget_delta_total <= dp.MAX_DELTA_TOTAL):
        raise BadInput(f"budget_delta_total must be in (0, {dp.MAX_DELTA_TOTAL:g}].", "E.g. 1e-4.")
    if len(values) > MAX_VALUES:
        raise BadInput(f"At most {MAX_VALUES:,} values per call.", "Aggregate in the database, or sample.")
    vectors = bool(values) and isinstance(values[0], list)
    if vectors:
        _check_vectors(values, op, clip_norm, delta)
        mechanism = "gaussian"
    pair = (bounds[0], bounds[-1]) if bounds else None  # the tool schema holds bounds to two items
    dp.check_params(op, epsilon, delta, pair, mechanism)
    _check_values(values, op, vectors, bounds)
    spend_delta = (delta if mechanism == "gaussian" else 0.0) or 0.0
    phantom = services(suite)
    phantom.check_budget(budget, principal)
    spent = phantom.budgets.spend(budget, epsilon, spend_delta, budget_epsilon_total, budget_delta_total)
    if vectors:
        release = dp.vector_mean(values, clip_norm or 1.0, epsilon, delta or 0.0)
    else:
        release = dp.aggregate(values, op, epsilon, pair, delta, mechanism, bins, quantile)
    return Aggregate.of(release, op, epsilon, spend_delta, spent)


def _check_vectors(values: list, op: str, clip_norm: float | None, delta: float | None) -> None:
    if op != "mean":
        raise BadInput("Vector values support op=mean only.", "Use op=mean with clip_norm and delta.")
    if clip_norm is None or delta is None:
        raise BadInput(
            "Vector means need clip_norm and delta (Gaussian mechanism).",
            "E.g. clip_norm=1.0, delta=1e-6.",
        )
    if sum(len(v) for v in values) > MAX_VECTOR_CELLS:
        raise BadInput(
            f"At most {MAX_VECTOR_CELLS:,} numbers in all vectors together.", "Send fewer vectors."
        )


def _check_values(values: list, op: str, vectors: bool, bounds: list[float] | None) -> None:
    flat = [x for v in values for x in v] if vectors else values
    if not all(math.isfinite(x) for x in flat):
        raise BadInput(
            "values must be finite numbers (no NaN or infinity).", "Drop or impute missing values first."
        )
    if op != "count" and not vectors and not bounds:
        raise BadInput(
            f"op={op} needs bounds [lower, upper].", "Pick them from domain knowledge, not from the data."
        )
    if not values and op in ("mean", "quantile"):
        raise BadInput(f"op={op} needs at least one value.", "Send values, or use op=count.")


def budgets(suite: Suite, principal: str | None = None) -> BudgetList:
    phantom = services(suite)
    listed = {b.name: b for b in phantom.budgets.list()}
    return BudgetList(
        budgets=[
            BudgetView.of(b)
            for b in (listed[n] for n in phantom.owners.visible("budget", sorted(listed), principal))
        ]
    )
