"""What each phantom tool does, as plain functions over a Suite: validate early and cheaply,
call the domain, shape the result into the output models. server.py only declares the tools."""

from __future__ import annotations

import base64
import binascii
import math
import time

from pydantic import BaseModel, Field

from servers.phantom import dp, pii
from servers.phantom.keyring import SIGNING_TYPES, KeyInfo, check_key_name, check_period
from servers.phantom.redaction import MODES
from servers.phantom.service import missing_sealing_key, services
from servers.phantom.signing import parse_backup
from servers.phantom.transit import Item, ciphertext_version
from shared import sealing
from shared.errors import BadInput, HDRError
from shared.suite import Suite

ENTITIES = pii.ENTITIES
MAX_PAYLOAD_BYTES = 4 * 1024 * 1024
MAX_BATCH = 1000
MAX_TEXT_CHARS = 200_000  # detect runs ~1 MB/s: keep every call well under 2 s
MAX_VALUES = 100_000
MAX_VECTOR_CELLS = 1_000_000


# -- output models --------------------------------------------------------------------------------


class KeyView(BaseModel):
    name: str
    type: str
    latest_version: int
    min_decryption_version: int
    derived: bool
    convergent: bool
    created_at: float = Field(description="Unix time")
    rotated_at: float = Field(description="Unix time of the latest version")
    rotation_age_days: float
    destroyed: bool
    versions: list[int] = Field(description="Versions whose material exists (trimmed ones are gone)")
    exportable: bool = Field(False, description="Private material may be exported (never by default)")
    allow_plaintext_backup: bool = False
    auto_rotate_period: float = Field(
        0.0, description="Seconds; the first use after it elapses rotates the key (0: off)"
    )
    min_available_version: int = Field(1, description="Versions below this were trimmed")


class KeyList(BaseModel):
    backend: str = Field(description="local keyring or vault")
    keys: list[KeyView]


class ItemError(BaseModel):
    index: int = Field(description="Position of the failed item in `batch`")
    kind: str = Field(description="bad_input, refused, not_found...")
    error: str = Field(description="What was wrong with this item and what to send instead")


class Encrypted(BaseModel):
    key: str
    key_version: int
    ciphertext: str | None = None
    batch: list[str | None] | None = Field(
        None, description="One result per item; null where the item failed"
    )
    errors: list[ItemError] | None = Field(
        None, description="batch: the items that failed and why (the rest succeeded)"
    )


class Decrypted(BaseModel):
    key: str
    encoding: str
    plaintext: str | None = None
    batch: list[str | None] | None = Field(
        None, description="One result per item; null where the item failed"
    )
    errors: list[ItemError] | None = Field(
        None, description="batch: the items that failed and why (the rest succeeded)"
    )


class DataKey(BaseModel):
    key: str
    bits: int
    wrapped: str = Field(description="The data key encrypted under `key`; decrypt it with `decrypt`")
    plaintext_key: str | None = Field(None, description="Base64 data key, only when asked for")


class Signed(BaseModel):
    key: str
    key_version: int
    mode: str = Field(description="signature or hmac")
    signature: str | None = Field(None, description="phantom:v<N>:<base64>; give it to `verify`")
    hmac: str | None = Field(None, description="phantom:v<N>:<base64>; give it to `verify`")


class Verified(BaseModel):
    key: str
    key_version: int = Field(description="The key version the signature or HMAC names")
    mode: str
    valid: bool


class ExportedKey(BaseModel):
    key: str
    type: str
    kind: str
    keys: dict[str, str] = Field(
        description="Version -> PEM (asymmetric) or base64 (symmetric); a backup is "
        "one JSON document under '0'"
    )


class Sealed(BaseModel):
    sealed: str
    recipient: str = Field(description="Key name, or 'published public key'")
    algorithm: str = "mlkem768x25519-hkdfsha256-aes256gcm"


class Unsealed(BaseModel):
    key: str
    key_version: int
    encoding: str
    plaintext: str


class PublicKey(BaseModel):
    key: str
    key_version: int
    public_key: str
    algorithm: str = sealing.ALGORITHM


class PIIFinding(BaseModel):
    entity: str
    start: int
    end: int
    score: float
    validation: str


class PIIFindings(BaseModel):
    count: int
    findings: list[PIIFinding]


class Redacted(BaseModel):
    text: str
    mode: str
    replaced: list[PIIFinding] = Field(description="What was replaced, with spans in the original text")
    tokens_stored: int = 0


class Detokenized(BaseModel):
    text: str
    restored: int
    unknown_tokens: int


class Aggregate(BaseModel):
    op: str
    value: float | list[float]
    bins: list[float] | None = Field(None, description="histogram: bin edges")
    mechanism: str
    noise_scale: float = Field(
        description="Laplace scale b or Gaussian sigma (of the sum, for means), or the "
        "exponential mechanism's scale (quantile)"
    )
    count_noise_scale: float | None = Field(None, description="means: the noise on the private record count")
    neighbouring: str = Field(description="The neighbouring relation the privacy guarantee assumes")
    accounting: str = Field(description="pure epsilon-DP, or zCDP for Gaussian noise")
    epsilon: float
    delta: float
    budget: str
    epsilon_remaining: float
    delta_remaining: float


class BudgetView(BaseModel):
    name: str
    epsilon_total: float
    epsilon_spent: float
    epsilon_remaining: float
    delta_total: float
    delta_spent: float
    delta_remaining: float
    queries: int


class BudgetList(BaseModel):
    budgets: list[BudgetView]


# -- helpers --------------------------------------------------------------------------------------


def key_view(info: KeyInfo) -> KeyView:
    return KeyView(
        name=info.name,
        type=info.type,
        latest_version=info.latest_version,
        min_decryption_version=info.min_decryption_version,
        derived=info.derived,
        convergent=info.convergent,
        created_at=info.created_at,
        rotated_at=info.rotated_at,
        rotation_age_days=round((time.time() - info.rotated_at) / 86400, 4),
        destroyed=info.destroyed,
        versions=sorted(info.version_created_at),
        exportable=info.exportable,
        allow_plaintext_backup=info.allow_plaintext_backup,
        auto_rotate_period=info.auto_rotate_period,
        min_available_version=info.min_available_version,
    )


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
    return Encrypted(
        key=key,
        key_version=_version_of(out, key_version or info.latest_version),
        **_shape(plaintext is not None, out),
    )


def _shape(single: bool, out: list, field: str = "ciphertext") -> dict:
    """A single item's result (its error raised), or a batch's results with per-item errors."""
    if single:
        if isinstance(out[0], HDRError):
            raise out[0]
        return {field: out[0]}
    errors = [
        ItemError(index=i, kind=r.kind, error=str(r)) for i, r in enumerate(out) if isinstance(r, HDRError)
    ]
    return {"batch": [None if isinstance(r, HDRError) else r for r in out], "errors": errors or None}


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
    return Decrypted(key=key, encoding=encoding, **_shape(ciphertext is not None, plain, "plaintext"))


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
    return Encrypted(
        key=key,
        key_version=_version_of(out, key_version or transit.key(key).latest_version),
        **_shape(ciphertext is not None, out),
    )


def rotate_key(suite: Suite, key: str, principal: str | None = None) -> KeyView:
    services(suite).check_key(key, principal)
    return key_view(services(suite).transit.rotate(check_key_name(key)))


LOCAL_TYPES = (*SIGNING_TYPES, "hmac")  # signing and hmac keys stay in the local keyring with any backend


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
    if restore_backup is not None:
        return _restore(
            suite,
            key,
            restore_backup,
            principal,
            bool(
                key_type
                or derived
                or convergent
                or exportable is not None
                or allow_plaintext_backup is not None
                or auto_rotate_period is not None
                or min_available_version is not None
                or min_decryption_version is not None
            ),
        )
    if auto_rotate_period is not None:
        check_period(auto_rotate_period)
    policy = {
        "exportable": exportable,
        "allow_plaintext_backup": allow_plaintext_backup,
        "auto_rotate_period": auto_rotate_period,
        "min_available_version": min_available_version,
    }
    policy = {k: v for k, v in policy.items() if v is not None}
    creating = key_type is not None or derived or convergent
    phantom = services(suite)
    phantom.check_key(key, principal, create=creating)
    transit = phantom.transit
    if key_type in LOCAL_TYPES:
        if derived or convergent:
            raise BadInput(
                "Only aes256-gcm and chacha20-poly1305 keys can be derived or convergent.",
                "Leave derived/convergent out for signing and hmac keys.",
            )
        phantom.keyring.create(
            key,
            key_type,
            exportable=bool(exportable),
            allow_plaintext_backup=bool(allow_plaintext_backup),
            auto_rotate_period=auto_rotate_period or 0.0,
        )
    elif creating:
        transit.ensure_key(key, key_type or "aes256-gcm", derived, convergent)
    elif min_decryption_version is None and not policy:
        raise BadInput(
            "Nothing to configure.",
            "Send min_decryption_version, min_available_version, "
            "auto_rotate_period, exportable or allow_plaintext_backup; or type/derived/convergent to create.",
        )
    held_locally = phantom.backend == "local" or phantom.keyring.get(key) is not None
    if held_locally:  # policy and versions in one transaction, checked whole before anything changes
        info = phantom.keyring.configure(key, min_decryption_version, **policy)
    elif policy:
        raise BadInput(
            f"{', '.join(policy)} cannot be set here on a key held in Vault.",
            f"Set it in Vault itself (transit/keys/{key}/config, transit/keys/{key}/trim).",
        )
    elif min_decryption_version is not None:
        info = transit.configure(key, min_decryption_version)
    else:
        info = transit.key(key)
    return key_view(info)


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
    return key_view(info)


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
    return KeyList(backend=phantom.backend, keys=[key_view(listed[n]) for n in mine])


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
    return key_view(info)


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


def _finding(f: pii.Finding) -> PIIFinding:
    return PIIFinding(entity=f.entity, start=f.start, end=f.end, score=f.score, validation=f.validation)


def detect_pii(text: str, entities: list[str] | None) -> PIIFindings:
    found = pii.detect(text, _check_text(text, entities))
    return PIIFindings(count=len(found), findings=[_finding(f) for f in found])


def redact(
    suite: Suite, text: str, mode: str, entities: list[str] | None, principal: str | None = None
) -> Redacted:
    if mode not in MODES:
        raise BadInput(f"Unknown mode {mode[:20]!r}.", f"Use one of: {', '.join(MODES)}.")
    found = pii.detect(text, _check_text(text, entities))
    redacted, stored = services(suite).redactor.redact(text, found, mode, principal)
    return Redacted(text=redacted, mode=mode, replaced=[_finding(f) for f in found], tokens_stored=stored)


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
        mechanism = "gaussian"
    dp.check_params(op, epsilon, delta, tuple(bounds) if bounds else None, mechanism)
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
    spend_delta = delta if mechanism == "gaussian" else 0.0
    phantom = services(suite)
    phantom.check_budget(budget, principal)
    spent = phantom.budgets.spend(
        budget, epsilon, spend_delta or 0.0, budget_epsilon_total, budget_delta_total
    )
    if vectors:
        release = dp.vector_mean(values, clip_norm or 1.0, epsilon, delta or 0.0)
    else:
        release = dp.aggregate(
            values, op, epsilon, tuple(bounds) if bounds else None, delta, mechanism, bins, quantile
        )
    return Aggregate(
        op=op,
        value=release.value,
        bins=release.bins,
        mechanism=release.mechanism,
        noise_scale=release.noise_scale,
        count_noise_scale=release.count_noise_scale,
        neighbouring=release.neighbouring,
        accounting=release.accounting,
        epsilon=epsilon,
        delta=spend_delta or 0.0,
        budget=budget,
        epsilon_remaining=spent.epsilon_remaining,
        delta_remaining=spent.delta_remaining,
    )


def budgets(suite: Suite, principal: str | None = None) -> BudgetList:
    phantom = services(suite)
    listed = {b.name: b for b in phantom.budgets.list()}
    return BudgetList(
        budgets=[
            BudgetView(
                name=b.name,
                epsilon_total=b.epsilon_total,
                epsilon_spent=b.epsilon_spent,
                epsilon_remaining=b.epsilon_remaining,
                delta_total=b.delta_total,
                delta_spent=b.delta_spent,
                delta_remaining=b.delta_remaining,
                queries=b.queries,
            )
            for b in (listed[n] for n in phantom.owners.visible("budget", sorted(listed), principal))
        ]
    )
