"""The held-out PII batch `heldout5` (bench/phantom_pii_heldout5_data.py) is what its docstring says:
it builds, its labels sit exactly on their values, the values are valid by their specifications as
third-party validators read them (python-stdnum, libphonenumber, ipaddress), its hard negatives are
the identifiers they claim to be, and the committed set holds it unchanged with every earlier case
untouched. No detector runs here: heldout5 is scored once, by the lead, with bench/phantom_pii_eval.py."""

from __future__ import annotations

import ipaddress
import re
from collections import Counter
from functools import cache

from pii_set_support import (
    BATCH_DIGESTS,
    assert_marks_sit_on_values,
    committed,
    digest,
    in_numbering_plan,
    load_bench,
)
from stdnum import bitcoin, ean, iban, imei, isbn, issn, luhn
from stdnum.br import cnpj
from stdnum.de import vat as de_vat
from stdnum.es import cif
from stdnum.fr import siren, siret, tva
from stdnum.gb import nhs
from stdnum.in_ import gstin
from stdnum.it import iva
from stdnum.us import ein, ssn


@cache
def heldout5() -> tuple[dict, ...]:
    return tuple(load_bench("phantom_pii_heldout5_data").build_heldout5())


def spans_of(entity: str) -> list[tuple[dict, str]]:
    return [
        (c, c["text"][s["start"] : s["end"]]) for c in heldout5() for s in c["spans"] if s["entity"] == entity
    ]


def negatives_of(kind: str) -> list[str]:
    return [c["text"][n["start"] : n["end"]] for c in heldout5() for n in c["negatives"] if n["kind"] == kind]


def test_the_batch_has_heldout4s_size_and_shape() -> None:
    cases = heldout5()
    spans = Counter(s["entity"] for c in cases for s in c["spans"])
    negatives = sum(len(c["negatives"]) for c in cases)
    assert 330 <= len(cases) <= 400 and sum(spans.values()) >= 1000 and negatives >= 680
    assert {c["split"] for c in cases} == {"heldout5"} and {c["batch"] for c in cases} == {"heldout5"}
    assert all(re.fullmatch(r"[a-zA-Z-]+/h5/\d+", c["template"]) for c in cases)
    assert set(spans) == {s["entity"] for c in committed() if c["batch"] != "heldout5" for s in c["spans"]}


def test_general_entity_types_occur_in_at_least_eight_locales() -> None:
    seen: dict[str, set[str]] = {}
    for case in heldout5():
        for span in case["spans"]:
            if case["locale"] != "tech":
                seen.setdefault(span["entity"], set()).add(case["locale"])
    national = {"US_SSN", "US_NPI", "UK_NHS"}  # one country's identifiers (plus FATCA forms and tech dumps)
    assert {e: len(loc) for e, loc in seen.items() if e not in national and len(loc) < 8} == {}


def test_labels_and_negatives_sit_exactly_on_values_and_never_overlap() -> None:
    assert_marks_sit_on_values(heldout5())


def test_cards_pass_luhn_with_an_issuer_length() -> None:
    cards = [re.sub(r"[ -]", "", v) for _, v in spans_of("CREDIT_CARD")]
    assert cards and all(luhn.is_valid(n) and 12 <= len(n) <= 19 for n in cards)
    assert {n[:4] for n in cards} & {"2200", "2203", "9792", "6069", "5019", "6759"}  # less common brands


def test_npis_pass_luhn_over_the_80840_prefix() -> None:
    npis = [v for _, v in spans_of("US_NPI")]
    assert npis and all(len(n) == 10 and n[0] in "12" and luhn.is_valid("80840" + n) for n in npis)


def test_nhs_numbers_ssns_and_ibans_validate_with_python_stdnum() -> None:
    assert all(nhs.is_valid(v) for _, v in spans_of("UK_NHS"))
    assert all(ssn.is_valid(v.replace(" ", "-")) for _, v in spans_of("US_SSN"))
    assert all(iban.is_valid(v) for _, v in spans_of("IBAN_CODE"))
    assert len(spans_of("UK_NHS")) >= 24 and len(spans_of("US_SSN")) >= 30


_EXT = re.compile(r"(?:;ext=\d+|,? (?:ext\.?|x|poste|int\.|toestel|ramal|Extn\.) ?\d+|x\d+)$")


def test_phone_numbers_exist_in_their_countrys_plan_per_libphonenumber() -> None:
    for case, value in spans_of("PHONE_NUMBER"):
        assert in_numbering_plan(_EXT.sub("", value), case["locale"]), value


def test_birth_dates_carry_a_plausible_birth_year_or_are_vcard_month_days() -> None:
    for _, value in spans_of("DATE_OF_BIRTH"):
        years = [int(y) for y in re.findall(r"(?<!\d)(19[3-9]\d|20[0-2]\d)", value)]
        two_digit_year = re.fullmatch(r"\d{1,2}[./-]\d{1,2}[./-]\d{2}", value)
        assert re.fullmatch(r"--\d{4}", value) or two_digit_year or any(1931 <= y <= 2023 for y in years), (
            value
        )


def test_addresses_and_crypto_validate() -> None:
    for _, value in spans_of("IP_ADDRESS"):
        ipaddress.ip_address(value)
    for _, value in spans_of("MAC_ADDRESS"):
        hexdigits = re.sub(r"[:.-]", "", value)
        assert re.fullmatch(r"[0-9a-fA-F]{12}", hexdigits) and int(hexdigits[:2], 16) & 1 == 0, value
    for _, value in spans_of("CRYPTO"):
        if value.startswith("0x"):
            assert re.fullmatch(r"0x[0-9a-fA-F]{40}", value) and _eip55_ok(value), value
        elif value.startswith("bc1p"):
            assert _bech32m_ok(value), value
        else:
            assert bitcoin.is_valid(value), value


def _eip55_ok(address: str) -> bool:
    from Crypto.Hash import keccak

    body = address[2:]
    if body in (body.lower(), body.upper()):
        return True
    digest_hex = keccak.new(digest_bits=256, data=body.lower().encode()).hexdigest()
    return all(
        c.isdigit() or c.isupper() == (int(h, 16) >= 8) for c, h in zip(body, digest_hex, strict=False)
    )


def _bech32m_ok(address: str) -> bool:
    """BIP-350 reference checksum: polymod over the expanded HRP and data equals 0x2bc830a3."""
    charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    hrp, data = address[:2], [charset.index(c) for c in address[3:]]
    chk = 1
    for v in [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp] + data:
        top, chk = chk >> 25, (chk & 0x1FFFFFF) << 5 ^ v
        for i, g in enumerate([0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]):
            chk ^= g if (top >> i) & 1 else 0
    return chk == 0x2BC830A3


def test_hard_negatives_are_the_identifiers_they_claim_to_be() -> None:
    checks = {
        "GTIN5": ean.is_valid,
        "ISBN5": isbn.is_valid,
        "ISSN5": issn.is_valid,
        "IMEI5": imei.is_valid,
        "EIN5": ein.is_valid,
        "VATDE5": de_vat.is_valid,
        "VATFR5": tva.is_valid,
        "VATES5": lambda v: cif.is_valid(v[2:]),
        "PIVA5": iva.is_valid,
        "SIRET5": siret.is_valid,
        "CNPJ5": cnpj.is_valid,
        "GSTIN5": gstin.is_valid,
    }
    for kind, check in checks.items():
        values = negatives_of(kind)
        assert values and all(check(v) for v in values), (kind, [v for v in values if not check(v)])
    luhn_valid = negatives_of("LUHN5")  # Luhn-valid numbers that are not cards: ICCID, SIREN, SIRET
    assert all(luhn.is_valid(v.replace(" ", "")) for v in luhn_valid)
    assert all(siren.is_valid(v) or siret.is_valid(v) or v.startswith("89") for v in luhn_valid)
    assert all(ein.is_valid(v) for v in negatives_of("EINP5"))  # an EIN has an SSN's nine digits


def test_the_committed_set_holds_heldout5_and_keeps_every_earlier_batch() -> None:
    cases = list(committed())
    assert [c for c in cases if c["batch"] == "heldout5"] == list(heldout5())
    assert digest([c for c in cases if c["batch"] == "heldout5"]) == BATCH_DIGESTS["heldout5"]
