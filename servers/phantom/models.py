"""What phantom's tools return (pydantic models: structured output plus the SDK's text rendering), each
made from the typed domain result by its `of()` where there is one."""

from __future__ import annotations

import time

from pydantic import BaseModel, Field

from servers.phantom import pii
from servers.phantom.dp import Budget, Release
from servers.phantom.keyring import KeyInfo
from shared import sealing
from shared.errors import HDRError


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

    @classmethod
    def of(cls, info: KeyInfo) -> KeyView:
        """The key's public facts as KeyInfo holds them (read by attribute name), plus what is derived."""
        return cls.model_validate(
            {
                **{name: getattr(info, name) for name in cls.model_fields if hasattr(info, name)},
                "rotation_age_days": round((time.time() - info.rotated_at) / 86400, 4),
                "versions": sorted(info.version_created_at),
            }
        )


class KeyList(BaseModel):
    backend: str = Field(description="local keyring or vault")
    keys: list[KeyView]


class ItemError(BaseModel):
    index: int = Field(description="Position of the failed item in `batch`")
    kind: str = Field(description="bad_input, refused, not_found...")
    error: str = Field(description="What was wrong with this item and what to send instead")

    @classmethod
    def of(cls, index: int, error: HDRError) -> ItemError:
        return cls(index=index, kind=error.kind, error=str(error))


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
    signature: str | None = Field(default=None, description="phantom:v<N>:<base64>; give it to `verify`")
    hmac: str | None = Field(default=None, description="phantom:v<N>:<base64>; give it to `verify`")


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

    @classmethod
    def of(cls, finding: pii.Finding) -> PIIFinding:
        return cls.model_validate(finding, from_attributes=True)


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

    @classmethod
    def of(cls, release: Release, op: str, epsilon: float, delta: float, spent: Budget) -> Aggregate:
        """A release and the budget it was charged to (after the charge)."""
        return cls(
            op=op,
            value=release.value,
            bins=release.bins,
            mechanism=release.mechanism,
            noise_scale=release.noise_scale,
            count_noise_scale=release.count_noise_scale,
            neighbouring=release.neighbouring,
            accounting=release.accounting,
            epsilon=epsilon,
            delta=delta,
            budget=spent.name,
            epsilon_remaining=spent.epsilon_remaining,
            delta_remaining=spent.delta_remaining,
        )


class BudgetView(BaseModel):
    name: str
    epsilon_total: float
    epsilon_spent: float
    epsilon_remaining: float
    delta_total: float
    delta_spent: float
    delta_remaining: float
    queries: int

    @classmethod
    def of(cls, budget: Budget) -> BudgetView:
        return cls.model_validate(budget, from_attributes=True)  # the remainders are Budget's properties


class BudgetList(BaseModel):
    budgets: list[BudgetView]
