"""phantom's MCP surface. The logic lives in the domain modules beside this file."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from servers.phantom import api, prompts
from servers.phantom.models import (
    Aggregate,
    BudgetList,
    DataKey,
    Decrypted,
    Detokenized,
    Encrypted,
    ExportedKey,
    KeyList,
    KeyView,
    PIIFindings,
    PublicKey,
    Redacted,
    Sealed,
    Signed,
    Unsealed,
    Verified,
)
from shared.server import create_server, run
from shared.tools import authenticated_principal

kit = create_server(
    "phantom",
    title="HDR phantom",
    description="Keeps data private: versioned encryption, post-quantum sealing between agents, "
    "PII redaction and differential privacy.",
)
mcp = kit.mcp

KeyName = Annotated[str, Field(description="Key name (letters, digits, . _ -)", max_length=128)]
Context = Annotated[
    str | None,
    Field(
        description="Derived keys only: the context (e.g. a data subject id) "
        "the per-context key is derived from; same context to decrypt",
        max_length=1024,
    ),
]
AssociatedData = Annotated[
    str | None,
    Field(
        description="Authenticated but not encrypted; the same value is needed to decrypt", max_length=65536
    ),
]
Encoding = Annotated[Literal["utf8", "base64"], Field(description="How plaintext is given/returned")]
KeyVersion = Annotated[
    int | None,
    Field(
        description="Encrypt under this key version instead of the latest "
        "(between min_decryption_version and latest)",
        ge=1,
        le=1_000_000_000,
    ),
]
Entities = Annotated[
    list[str] | None,
    Field(description="Only these types (default all): " + ", ".join(api.ENTITIES), max_length=20),
]


@kit.tool(
    examples=["encrypt this incident report before I send it", "encrypt the customer record with the EU key"],
    title="Encrypt",
    read_only=False,
)
def encrypt(
    plaintext: Annotated[
        str | None, Field(description="The data to encrypt (text, or base64 with encoding=base64)")
    ] = None,
    batch: Annotated[
        list[str] | None, Field(description="Many items at once instead of `plaintext` (up to 1000)")
    ] = None,
    key: KeyName = "default",
    context: Context = None,
    associated_data: AssociatedData = None,
    encoding: Encoding = "utf8",
    key_version: KeyVersion = None,
) -> Encrypted:
    """Encrypt data under a named, versioned key (created as AES-256-GCM on first use). Use it before storing
    or passing on anything private. Returns self-describing ciphertext `phantom:v<N>:<base64>` (one, or a list
    for `batch`, with per-item `errors`: one bad item never fails the others); keep it whole — `decrypt` needs
    the same key, context and associated data."""
    return api.encrypt(
        kit.suite,
        key,
        plaintext,
        batch,
        context,
        associated_data,
        encoding,
        key_version,
        authenticated_principal(),
    )


@kit.tool(
    examples=["decrypt this phantom ciphertext", "open the encrypted report from yesterday"],
    title="Decrypt",
    read_only=False,
    idempotent=True,
    audit=True,
)  # reveals plaintext: needs a write scope
def decrypt(
    ciphertext: Annotated[str | None, Field(description="A ciphertext from `encrypt`")] = None,
    batch: Annotated[list[str] | None, Field(description="Many ciphertexts at once (up to 1000)")] = None,
    key: KeyName = "default",
    context: Context = None,
    associated_data: AssociatedData = None,
    encoding: Encoding = "utf8",
) -> Decrypted:
    """Decrypt ciphertext made by `encrypt` with the same key (any version still allowed by the key's
    min_decryption_version), context and associated data. Returns the plaintext; a tampered ciphertext or wrong
    context is an error for that item only (a batch reports it in `errors`), a destroyed key fails the call."""
    return api.decrypt(
        kit.suite, key, ciphertext, batch, context, associated_data, encoding, authenticated_principal()
    )


@kit.tool(
    examples=["rotate the default encryption key", "our key is a year old, rotate it"],
    title="Rotate a key",
    read_only=False,
)
def rotate_key(key: KeyName) -> KeyView:
    """Add a new version to a key: new encryptions use it, older ciphertext still decrypts. Rotate regularly
    (compliance checks rotation age). Returns the key's facts, never its material."""
    return api.rotate_key(kit.suite, key, authenticated_principal())


@kit.tool(
    examples=["re-encrypt these old ciphertexts under the newest key version"],
    title="Rewrap ciphertext",
    read_only=False,
    idempotent=True,
)
def rewrap(
    ciphertext: Annotated[str | None, Field(description="A ciphertext from `encrypt`")] = None,
    batch: Annotated[list[str] | None, Field(description="Many ciphertexts at once (up to 1000)")] = None,
    key: KeyName = "default",
    context: Context = None,
    associated_data: AssociatedData = None,
    key_version: KeyVersion = None,
) -> Encrypted:
    """Re-encrypt ciphertext under the key's latest version without revealing the plaintext (convergent keys:
    into the misuse-resistant `siv` form). Use after `rotate_key`, before raising min_decryption_version.
    Returns the new ciphertext(s), with per-item `errors` for a batch."""
    return api.rewrap(
        kit.suite, key, ciphertext, batch, context, associated_data, key_version, authenticated_principal()
    )


def _configure_question(
    key: str = "",
    min_decryption_version: int | None = None,
    min_available_version: int | None = None,
    exportable: bool | None = None,
    allow_plaintext_backup: bool | None = None,
) -> str | None:
    """What configure_key asks before an irreversible change (None: nothing irreversible asked for)."""
    asks = []
    if min_decryption_version is not None:
        asks.append(f"refuse ciphertext and signatures older than version {min_decryption_version}")
    if min_available_version is not None:
        asks.append(
            f"delete the material of every version below {min_available_version} (trim, irreversible)"
        )
    if exportable:
        asks.append("let its private material be exported (cannot be unset)")
    if allow_plaintext_backup:
        asks.append("allow plaintext backups of it (cannot be unset)")
    return f"For key {key!r}: {'; '.join(asks)}?" if asks else None


MinDecryptionVersionArg = Annotated[
    int | None,
    Field(description="Refuse ciphertext, signatures and HMACs below this version", ge=1, le=1_000_000_000),
]

KeyTypeArg = Annotated[
    Literal["aes256-gcm", "chacha20-poly1305", "ed25519", "ecdsa-p256", "rsa-2048", "hmac"] | None,
    Field(
        description="Create the key with this type (only when it does not exist yet): "
        "encryption, signing (rsa-2048 signs with PSS) or hmac"
    ),
]

AutoRotatePeriodArg = Annotated[
    int | None,
    Field(
        description="Seconds (at least 3600; 0 turns it off): the "
        "first use after this long since the last rotation rotates "
        "the key",
        ge=0,
        le=315_360_000,
    ),
]

MinAvailableVersionArg = Annotated[
    int | None,
    Field(
        description="Trim: delete the material of versions below "
        "this (at most min_decryption_version; irreversible)",
        ge=1,
        le=1_000_000_000,
    ),
]

RestoreBackupArg = Annotated[
    str | None,
    Field(
        description="Create `key` from a backup export_key(kind=backup) "
        "returned (the name must be free; encryption keys only under "
        "their own name)",
        max_length=4 * 1024 * 1024,
    ),
]


@kit.tool(
    examples=[
        "stop accepting ciphertext from key versions older than 3",
        "create an ed25519 signing key",
        "rotate the billing key every 30 days automatically",
        "delete key versions older than 4",
    ],
    title="Configure a key",
    read_only=False,
    destructive=True,
    idempotent=True,
    confirm=_configure_question,
)
def configure_key(
    key: KeyName,
    min_decryption_version: MinDecryptionVersionArg = None,
    type: KeyTypeArg = None,
    derived: Annotated[
        bool, Field(description="Create as a derived key (per-context keys via HKDF)")
    ] = False,
    convergent: Annotated[
        bool, Field(description="Create with deterministic encryption (needs derived)")
    ] = False,
    auto_rotate_period: AutoRotatePeriodArg = None,
    min_available_version: MinAvailableVersionArg = None,
    exportable: Annotated[
        bool | None,
        Field(
            description="Allow export_key to hand out private material (never by default; cannot be unset)"
        ),
    ] = None,
    allow_plaintext_backup: Annotated[
        bool | None, Field(description="Allow export_key(kind=backup) (needs exportable; cannot be unset)")
    ] = None,
    restore_backup: RestoreBackupArg = None,
) -> KeyView:
    """Create a key with chosen settings (encryption cipher, derived, convergent; or an ed25519/ecdsa-p256/rsa-2048
    signing key or an hmac key), restore one from a backup, or change its policy: min_decryption_version,
    auto-rotation period, trim of old versions, exportable and plaintext-backup flags. Irreversible changes ask for confirmation; everything is
    checked before anything changes. Returns the key's facts, never its material."""
    return api.configure_key(
        kit.suite,
        key,
        min_decryption_version,
        type,
        derived,
        convergent,
        authenticated_principal(),
        exportable=exportable,
        allow_plaintext_backup=allow_plaintext_backup,
        auto_rotate_period=auto_rotate_period,
        min_available_version=min_available_version,
        restore_backup=restore_backup,
    )


HashAlgorithm = Annotated[
    Literal["sha2-256", "sha2-384", "sha2-512"] | None,
    Field(description="ecdsa-p256, rsa-2048 and hmac: the hash (default sha2-256); ed25519 takes none"),
]
SignInput = Annotated[str, Field(description="The data (text, or base64 with encoding=base64)")]


@kit.tool(
    examples=["sign this release manifest with the release key", "HMAC these customer ids with the hmac key"],
    title="Sign or HMAC",
    read_only=False,
)  # uses a private key on the owner's behalf: needs a write scope
def sign(
    input: SignInput,
    key: KeyName,
    mode: Annotated[
        Literal["signature", "hmac"],
        Field(
            description="signature: with an ed25519, ecdsa-p256 or "
            "rsa-2048 key; hmac: with an hmac or encryption key"
        ),
    ] = "signature",
    encoding: Encoding = "utf8",
    hash_algorithm: HashAlgorithm = None,
    key_version: KeyVersion = None,
) -> Signed:
    """Sign data with a signing key (Ed25519, ECDSA P-256, RSA-PSS 2048) or compute its HMAC, as Vault Transit's
    sign and hmac do. Returns `phantom:v<N>:<base64>` (N the key version) for `verify`; anyone can also check a
    signature with the public key from export_key(kind=public-key)."""
    return api.sign(
        kit.suite, key, input, encoding, mode, hash_algorithm, key_version, authenticated_principal()
    )


@kit.tool(
    examples=["is this signature on the manifest valid?", "check this HMAC"],
    title="Verify a signature or HMAC",
    read_only=True,
    idempotent=True,
)
def verify(
    input: SignInput,
    key: KeyName,
    signature: Annotated[str | None, Field(description="A signature from `sign`", max_length=4096)] = None,
    hmac: Annotated[str | None, Field(description="An HMAC from sign(mode=hmac)", max_length=4096)] = None,
    encoding: Encoding = "utf8",
    hash_algorithm: HashAlgorithm = None,
) -> Verified:
    """Check a signature or an HMAC made by `sign` over the same input with the same key and hash (any key version
    still allowed by min_decryption_version). Returns valid true or false; a malformed value is an error."""
    return api.verify(
        kit.suite, key, input, encoding, signature, hmac, hash_algorithm, authenticated_principal()
    )


@kit.tool(
    examples=["give me the public key of the release signing key", "export the exportable data key"],
    title="Export a key",
    read_only=False,
    idempotent=True,
    audit=True,
    confirm=lambda key="", kind="public-key": (
        None
        if kind == "public-key"
        else f"Hand out the private material of key {key!r} ({kind})? Anyone holding it can use the key."
    ),
)
def export_key(
    key: KeyName,
    kind: Annotated[
        Literal["public-key", "signing-key", "encryption-key", "hmac-key", "backup"],
        Field(
            description="public-key: any signing key; the others only from keys made exportable "
            "(backup also needs allow_plaintext_backup)"
        ),
    ] = "public-key",
    key_version: Annotated[
        int | None,
        Field(description="Only this version (default every usable version)", ge=1, le=1_000_000_000),
    ] = None,
) -> ExportedKey:
    """Export a key: the public key of a signing key (PEM, always allowed), or private material of a key created
    exportable (signing key PEM, encryption or hmac key base64, or a full backup). Private exports ask for
    confirmation, are audited and recorded; a key not made exportable is never exported."""
    return api.export_key(kit.suite, key, kind, key_version, authenticated_principal())


@kit.tool(
    examples=["give me a data key to encrypt a 2 GB backup myself"],
    title="Data key for envelope encryption",
    read_only=False,
)
def datakey(
    key: KeyName = "default",
    bits: Annotated[Literal[128, 256, 512], Field(description="Data key size")] = 256,
    plaintext: Annotated[bool, Field(description="Also return the data key itself (base64)")] = False,
    context: Context = None,
) -> DataKey:
    """A fresh random data key, wrapped (encrypted) under a named key, for encrypting large data locally:
    encrypt the data with the data key, store the wrapped key beside it, `decrypt` the wrapped key later.
    Returns the wrapped key, and the plaintext data key only when `plaintext` is true."""
    return api.datakey(kit.suite, key, bits, plaintext, context, authenticated_principal())


@kit.tool(
    examples=["which encryption keys do we have and when were they rotated?"],
    title="List keys",
    read_only=True,
    idempotent=True,
)
def keys() -> KeyList:
    """All keys: names, type, versions, creation and rotation times, rotation age, min_decryption_version and
    whether destroyed. Never returns key material."""
    return api.keys(kit.suite, authenticated_principal())


@kit.tool(
    examples=["erase everything we hold on customer 4711 (crypto-shred their key)"],
    title="Destroy a key (crypto-shred)",
    read_only=False,
    destructive=True,
    idempotent=True,
    confirm=lambda key: f"Destroy key {key!r}? Everything encrypted under it becomes unrecoverable.",
)
def destroy_key(key: KeyName) -> KeyView:
    """Erase a key's material so everything encrypted under it is unrecoverable everywhere it was copied
    (GDPR right to erasure with one key per data subject). Irreversible; asks for confirmation. Returns the
    key's tombstone."""
    return api.destroy_key(kit.suite, key, authenticated_principal())


@kit.tool(
    examples=["send this secret so only the billing agent can read it"],
    title="Seal for one recipient",
    read_only=True,
)
def seal(
    plaintext: Annotated[str, Field(description="The data to seal (text, or base64 with encoding=base64)")],
    recipient: Annotated[
        str,
        Field(
            description="A phantom sealing key name, or a published public key "
            "'mlkem768x25519:...' (e.g. from an agent card)",
            max_length=4096,
        ),
    ],
    encoding: Encoding = "utf8",
) -> Sealed:
    """Encrypt data so only one recipient can open it, post-quantum safe (hybrid ML-KEM-768 + X25519 HPKE).
    Use it to hand private data to another agent. Returns a printable sealed envelope for `unseal`."""
    return api.seal(kit.suite, plaintext, recipient, encoding, authenticated_principal())


@kit.tool(
    examples=["open the sealed payload another agent sent me"],
    title="Unseal",
    read_only=False,
    idempotent=True,
    audit=True,
)  # reveals plaintext: needs a write scope
def unseal(
    sealed: Annotated[str, Field(description="An envelope from `seal` (hdrseal1....)")],
    key: KeyName,
    encoding: Encoding = "utf8",
) -> Unsealed:
    """Open an envelope sealed to one of phantom's sealing keys. Returns the plaintext; an envelope for
    another recipient, or altered, is an error."""
    return api.unseal(kit.suite, sealed, key, encoding, authenticated_principal())


@kit.tool(
    examples=["publish my public key so other agents can seal data to me"],
    title="Public sealing key",
    read_only=False,
    idempotent=True,
)
def public_key(key: KeyName) -> PublicKey:
    """The public half of a sealing key pair (created on first call), as 'mlkem768x25519:<base64url>', for
    others to `seal` to; publish it in an agent card. Never returns the private key."""
    return api.public_key(kit.suite, key, authenticated_principal())


@kit.tool(
    examples=["is there any personal data in this log?", "find the credit card numbers in this text"],
    title="Find personal data",
    read_only=True,
    idempotent=True,
)
def detect_pii(
    text: Annotated[str, Field(description="Text to scan (up to 200,000 characters)")],
    entities: Entities = None,
) -> PIIFindings:
    """Find personal data in text: emails, phone numbers, credit cards (Luhn), IBANs (mod-97), US SSNs, IP and
    MAC addresses, URLs, dates of birth, crypto wallets (checksums), US NPI and UK NHS numbers. Person names
    and street addresses are NOT detected. Returns each match's type, character span, score and the
    validation that confirmed it (not the value itself)."""
    return api.detect_pii(text, entities)


@kit.tool(
    examples=["hide the card numbers in this log", "mask the emails and phone numbers before sharing"],
    title="Redact personal data",
    read_only=False,
)
def redact(
    text: Annotated[str, Field(description="Text to redact (up to 200,000 characters)")],
    mode: Annotated[
        Literal["mask", "hash", "remove", "tokenize"],
        Field(
            description="mask: *** in place; hash: irreversible keyed tag; remove: delete; "
            "tokenize: deterministic token, reversible only via detokenize"
        ),
    ] = "mask",
    entities: Entities = None,
) -> Redacted:
    """Replace personal data in text before it is stored, logged or shared. `tokenize` keeps joins working
    (same value, same token). Person names and street addresses are NOT detected, so they stay in the text.
    Returns the redacted text and what was replaced (types and spans)."""
    return api.redact(kit.suite, text, mode, entities, authenticated_principal())


@kit.tool(
    examples=["show me the original value behind this redaction token"],
    title="Restore tokenized data",
    read_only=False,
    destructive=False,
    idempotent=True,
    confirm=lambda: "Reveal the original personal data behind these tokens?",
    audit=True,
)
def detokenize(
    text: Annotated[str, Field(description="Text containing tokens from redact(mode=tokenize)")],
) -> Detokenized:
    """Put the original values back in place of tokens made by redact(mode=tokenize). It reveals personal data,
    so it asks for confirmation and is audited. Returns the restored text and any tokens phantom does not know."""
    return api.detokenize(kit.suite, text, authenticated_principal())


ValuesArg = Annotated[
    list[float] | list[list[float]],
    Field(description="The numbers (or equal-length vectors for a federated mean), up to 100,000"),
]

BoundsArg = Annotated[
    list[float] | None,
    Field(
        description="[lower, upper] values are clamped to (required except for count)",
        min_length=2,
        max_length=2,
    ),
]

DeltaArg = Annotated[
    float | None,
    Field(
        description="For mechanism=gaussian (and vectors): e.g. 1e-6; Gaussian "
        "noise is calibrated with zCDP accounting"
    ),
]

BudgetEpsilonTotalArg = Annotated[
    float | None,
    Field(
        description="Total epsilon when this budget is new (default 10); ignored afterwards",
        gt=0,
        le=1000,
    ),
]

BudgetDeltaTotalArg = Annotated[
    float | None,
    Field(
        description="Total delta when this budget is new (default 1e-5, at most 0.01); ignored afterwards",
        gt=0,
        le=0.01,
    ),
]


@kit.tool(
    examples=[
        "average salary across teams with differential privacy",
        "how many patients are over 60, privately",
    ],
    title="Private aggregate",
    read_only=False,
)
def private_aggregate(
    values: ValuesArg,
    op: Annotated[
        Literal["count", "sum", "mean", "histogram", "quantile"],
        Field(description="The statistic (vectors: mean only)"),
    ],
    epsilon: Annotated[
        float, Field(description="Privacy loss to spend, (0, 10]; smaller is more private", gt=0)
    ],
    budget: Annotated[str, Field(description="Privacy budget name to charge", max_length=128)],
    bounds: BoundsArg = None,
    delta: DeltaArg = None,
    mechanism: Annotated[Literal["laplace", "gaussian"], Field(description="Noise mechanism")] = "laplace",
    bins: Annotated[
        int, Field(description="histogram: number of equal-width bins over bounds", ge=1, le=1000)
    ] = 10,
    quantile: Annotated[
        float, Field(description="quantile: which one, 0..1 (0.5 = median)", ge=0, le=1)
    ] = 0.5,
    clip_norm: Annotated[
        float | None, Field(description="vectors: L2 norm each vector is clipped to")
    ] = None,
    budget_epsilon_total: BudgetEpsilonTotalArg = None,
    budget_delta_total: BudgetDeltaTotalArg = None,
) -> Aggregate:
    """Answer an aggregate question (count, sum, mean, histogram, quantile; or a clipped mean of vectors) with
    differential privacy (OpenDP's exact samplers; add/remove-one-record neighbours, the count kept private),
    charging epsilon (and delta) to a persistent privacy budget. Returns the noisy answer with the noise scale,
    the neighbouring relation and accounting it assumes, and what remains of the budget; refuses, saying what
    remains, once it is spent."""
    return api.private_aggregate(
        kit.suite,
        values,
        op,
        epsilon,
        budget,
        bounds,
        delta,
        mechanism,
        bins,
        quantile,
        clip_norm,
        budget_epsilon_total,
        budget_delta_total,
        authenticated_principal(),
    )


@kit.tool(
    examples=["how much privacy budget is left?"], title="Privacy budgets", read_only=True, idempotent=True
)
def budgets() -> BudgetList:
    """Every privacy budget: epsilon and delta total, spent and remaining, and how many queries it paid for."""
    return api.budgets(kit.suite, authenticated_principal())


prompts.register(kit)  # prompts, completions and resources: servers/phantom/prompts.py


def main() -> None:
    run(kit)


if __name__ == "__main__":
    main()
