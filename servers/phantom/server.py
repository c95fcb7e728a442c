"""phantom's MCP surface. The logic lives in the domain modules beside this file."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from servers.phantom import api, prompts
from servers.phantom.api import (
    Aggregate,
    BudgetList,
    DataKey,
    Decrypted,
    Detokenized,
    Encrypted,
    KeyList,
    KeyView,
    PIIFindings,
    PublicKey,
    Redacted,
    Sealed,
    Unsealed,
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
Context = Annotated[str | None, Field(description="Derived keys only: the context (e.g. a data subject id) "
                                      "the per-context key is derived from; same context to decrypt",
                                      max_length=1024)]
AssociatedData = Annotated[str | None, Field(description="Authenticated but not encrypted; the same value "
                                             "is needed to decrypt", max_length=65536)]
Encoding = Annotated[Literal["utf8", "base64"], Field(description="How plaintext is given/returned")]
KeyVersion = Annotated[int | None, Field(description="Encrypt under this key version instead of the latest "
                                         "(between min_decryption_version and latest)", ge=1, le=1_000_000_000)]
Entities = Annotated[list[str] | None, Field(description="Only these types (default all): " + ", ".join(api.ENTITIES),
                                             max_length=20)]


@kit.tool(examples=["encrypt this incident report before I send it", "encrypt the customer record with the EU key"],
          title="Encrypt", read_only=False)
def encrypt(
    plaintext: Annotated[str | None, Field(description="The data to encrypt (text, or base64 with encoding=base64)")] = None,
    batch: Annotated[list[str] | None, Field(description="Many items at once instead of `plaintext` (up to 1000)")] = None,
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
    return api.encrypt(kit.suite, key, plaintext, batch, context, associated_data, encoding, key_version,
                       authenticated_principal())


@kit.tool(examples=["decrypt this phantom ciphertext", "open the encrypted report from yesterday"],
          title="Decrypt", read_only=False, idempotent=True, audit=True)  # reveals plaintext: needs a write scope
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
    return api.decrypt(kit.suite, key, ciphertext, batch, context, associated_data, encoding,
                       authenticated_principal())


@kit.tool(examples=["rotate the default encryption key", "our key is a year old, rotate it"],
          title="Rotate a key", read_only=False)
def rotate_key(key: KeyName) -> KeyView:
    """Add a new version to a key: new encryptions use it, older ciphertext still decrypts. Rotate regularly
    (compliance checks rotation age). Returns the key's facts, never its material."""
    return api.rotate_key(kit.suite, key, authenticated_principal())


@kit.tool(examples=["re-encrypt these old ciphertexts under the newest key version"],
          title="Rewrap ciphertext", read_only=False, idempotent=True)
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
    return api.rewrap(kit.suite, key, ciphertext, batch, context, associated_data, key_version,
                      authenticated_principal())


@kit.tool(examples=["stop accepting ciphertext from key versions older than 3"],
          title="Configure a key", read_only=False, destructive=True, idempotent=True,
          confirm=lambda key, min_decryption_version: None if min_decryption_version is None else
          f"Refuse ciphertext older than version {min_decryption_version} of key {key!r} from now on?")
def configure_key(
    key: KeyName,
    min_decryption_version: Annotated[int | None, Field(description="Refuse ciphertext below this version", ge=1,
                                                        le=1_000_000_000)] = None,
    type: Annotated[Literal["aes256-gcm", "chacha20-poly1305"] | None,
                    Field(description="Create the key with this cipher (only when it does not exist yet)")] = None,
    derived: Annotated[bool, Field(description="Create as a derived key (per-context keys via HKDF)")] = False,
    convergent: Annotated[bool, Field(description="Create with deterministic encryption (needs derived)")] = False,
) -> KeyView:
    """Create a key with chosen settings (cipher, derived, convergent), or raise its min_decryption_version so
    older ciphertext is refused from then on (destructive: asks for confirmation). Returns the key's facts."""
    return api.configure_key(kit.suite, key, min_decryption_version, type, derived, convergent,
                             authenticated_principal())


@kit.tool(examples=["give me a data key to encrypt a 2 GB backup myself"],
          title="Data key for envelope encryption", read_only=False)
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


@kit.tool(examples=["which encryption keys do we have and when were they rotated?"],
          title="List keys", read_only=True, idempotent=True)
def keys() -> KeyList:
    """All keys: names, type, versions, creation and rotation times, rotation age, min_decryption_version and
    whether destroyed. Never returns key material."""
    return api.keys(kit.suite, authenticated_principal())


@kit.tool(examples=["erase everything we hold on customer 4711 (crypto-shred their key)"],
          title="Destroy a key (crypto-shred)", read_only=False, destructive=True, idempotent=True,
          confirm=lambda key: f"Destroy key {key!r}? Everything encrypted under it becomes unrecoverable.")
def destroy_key(key: KeyName) -> KeyView:
    """Erase a key's material so everything encrypted under it is unrecoverable everywhere it was copied
    (GDPR right to erasure with one key per data subject). Irreversible; asks for confirmation. Returns the
    key's tombstone."""
    return api.destroy_key(kit.suite, key, authenticated_principal())


@kit.tool(examples=["send this secret so only the billing agent can read it"],
          title="Seal for one recipient", read_only=True)
def seal(
    plaintext: Annotated[str, Field(description="The data to seal (text, or base64 with encoding=base64)")],
    recipient: Annotated[str, Field(description="A phantom sealing key name, or a published public key "
                                    "'mlkem768x25519:...' (e.g. from an agent card)", max_length=4096)],
    encoding: Encoding = "utf8",
) -> Sealed:
    """Encrypt data so only one recipient can open it, post-quantum safe (hybrid ML-KEM-768 + X25519 HPKE).
    Use it to hand private data to another agent. Returns a printable sealed envelope for `unseal`."""
    return api.seal(kit.suite, plaintext, recipient, encoding, authenticated_principal())


@kit.tool(examples=["open the sealed payload another agent sent me"],
          title="Unseal", read_only=False, idempotent=True, audit=True)  # reveals plaintext: needs a write scope
def unseal(
    sealed: Annotated[str, Field(description="An envelope from `seal` (hdrseal1....)")],
    key: KeyName,
    encoding: Encoding = "utf8",
) -> Unsealed:
    """Open an envelope sealed to one of phantom's sealing keys. Returns the plaintext; an envelope for
    another recipient, or altered, is an error."""
    return api.unseal(kit.suite, sealed, key, encoding, authenticated_principal())


@kit.tool(examples=["publish my public key so other agents can seal data to me"],
          title="Public sealing key", read_only=False, idempotent=True)
def public_key(key: KeyName) -> PublicKey:
    """The public half of a sealing key pair (created on first call), as 'mlkem768x25519:<base64url>', for
    others to `seal` to; publish it in an agent card. Never returns the private key."""
    return api.public_key(kit.suite, key, authenticated_principal())


@kit.tool(examples=["is there any personal data in this log?", "find the credit card numbers in this text"],
          title="Find personal data", read_only=True, idempotent=True)
def detect_pii(
    text: Annotated[str, Field(description="Text to scan (up to 200,000 characters)")],
    entities: Entities = None,
) -> PIIFindings:
    """Find personal data in text: emails, phone numbers, credit cards (Luhn), IBANs (mod-97), US SSNs, IP and
    MAC addresses, URLs, dates of birth, crypto wallets (checksums), US NPI and UK NHS numbers. Person names
    and street addresses are NOT detected. Returns each match's type, character span, score and the
    validation that confirmed it (not the value itself)."""
    return api.detect_pii(text, entities)


@kit.tool(examples=["hide the card numbers in this log", "mask the emails and phone numbers before sharing"],
          title="Redact personal data", read_only=False)
def redact(
    text: Annotated[str, Field(description="Text to redact (up to 200,000 characters)")],
    mode: Annotated[Literal["mask", "hash", "remove", "tokenize"],
                    Field(description="mask: *** in place; hash: irreversible keyed tag; remove: delete; "
                          "tokenize: deterministic token, reversible only via detokenize")] = "mask",
    entities: Entities = None,
) -> Redacted:
    """Replace personal data in text before it is stored, logged or shared. `tokenize` keeps joins working
    (same value, same token). Person names and street addresses are NOT detected, so they stay in the text.
    Returns the redacted text and what was replaced (types and spans)."""
    return api.redact(kit.suite, text, mode, entities, authenticated_principal())


@kit.tool(examples=["show me the original value behind this redaction token"],
          title="Restore tokenized data", read_only=False, destructive=False, idempotent=True,
          confirm=lambda: "Reveal the original personal data behind these tokens?", audit=True)
def detokenize(
    text: Annotated[str, Field(description="Text containing tokens from redact(mode=tokenize)")],
) -> Detokenized:
    """Put the original values back in place of tokens made by redact(mode=tokenize). It reveals personal data,
    so it asks for confirmation and is audited. Returns the restored text and any tokens phantom does not know."""
    return api.detokenize(kit.suite, text, authenticated_principal())


@kit.tool(examples=["average salary across teams with differential privacy", "how many patients are over 60, privately"],
          title="Private aggregate", read_only=False)
def private_aggregate(
    values: Annotated[list[float] | list[list[float]], Field(description="The numbers (or equal-length vectors "
                                                             "for a federated mean), up to 100,000")],
    op: Annotated[Literal["count", "sum", "mean", "histogram", "quantile"],
                  Field(description="The statistic (vectors: mean only)")],
    epsilon: Annotated[float, Field(description="Privacy loss to spend, (0, 10]; smaller is more private", gt=0)],
    budget: Annotated[str, Field(description="Privacy budget name to charge", max_length=128)],
    bounds: Annotated[list[float] | None, Field(description="[lower, upper] values are clamped to (required "
                                                "except for count)", min_length=2, max_length=2)] = None,
    delta: Annotated[float | None, Field(description="For mechanism=gaussian (and vectors): e.g. 1e-6; Gaussian "
                                         "noise is calibrated with zCDP accounting")] = None,
    mechanism: Annotated[Literal["laplace", "gaussian"], Field(description="Noise mechanism")] = "laplace",
    bins: Annotated[int, Field(description="histogram: number of equal-width bins over bounds", ge=1, le=1000)] = 10,
    quantile: Annotated[float, Field(description="quantile: which one, 0..1 (0.5 = median)", ge=0, le=1)] = 0.5,
    clip_norm: Annotated[float | None, Field(description="vectors: L2 norm each vector is clipped to")] = None,
    budget_epsilon_total: Annotated[float | None, Field(description="Total epsilon when this budget is new "
                                                        "(default 10); ignored afterwards", gt=0, le=1000)] = None,
    budget_delta_total: Annotated[float | None, Field(description="Total delta when this budget is new "
                                                      "(default 1e-5, at most 0.01); ignored afterwards",
                                                      gt=0, le=0.01)] = None,
) -> Aggregate:
    """Answer an aggregate question (count, sum, mean, histogram, quantile; or a clipped mean of vectors) with
    differential privacy (OpenDP's exact samplers; add/remove-one-record neighbours, the count kept private),
    charging epsilon (and delta) to a persistent privacy budget. Returns the noisy answer with the noise scale,
    the neighbouring relation and accounting it assumes, and what remains of the budget; refuses, saying what
    remains, once it is spent."""
    return api.private_aggregate(kit.suite, values, op, epsilon, budget, bounds, delta, mechanism, bins,
                                 quantile, clip_norm, budget_epsilon_total, budget_delta_total,
                                 authenticated_principal())


@kit.tool(examples=["how much privacy budget is left?"],
          title="Privacy budgets", read_only=True, idempotent=True)
def budgets() -> BudgetList:
    """Every privacy budget: epsilon and delta total, spent and remaining, and how many queries it paid for."""
    return api.budgets(kit.suite, authenticated_principal())


prompts.register(kit)  # prompts, completions and resources: servers/phantom/prompts.py


def main() -> None:
    run(kit)


if __name__ == "__main__":
    main()
