"""Indonesian formatting (domain.md §6.2), hand-written: thousands with ".", decimals with ",",
"Rp25.000" without space (PUEBI), dates as "6 Maret 2024"."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from etalase.model import Price

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def number(value: float, decimals: int = 0) -> str:
    """``1234567.5`` → ``1.234.567,5`` (with ``decimals`` fixed digits)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def rupiah(value: int) -> str:
    return "Rp" + number(value)


def percent(value: float, decimals: int = 2) -> str:
    """``48.2`` → ``48,20%``."""
    return number(value, decimals) + "%"


def date_long(value: dt.date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def date_weekday(value: dt.date) -> str:
    return f"{DAYS[value.weekday()]}, {date_long(value)}"


def price_amount(price: Price) -> str:
    """``Rp25.000`` or ``Rp1.500.000–Rp3.500.000``."""
    if price.value is not None:
        return rupiah(price.value)
    return f"{rupiah(price.low)}–{rupiah(price.high)}"


def price_text(price: Price) -> str:
    """``Rp25.000/bungkus``."""
    return f"{price_amount(price)}/{price.unit}"


def phone_display(e164: str) -> str:
    """``+6281234567890`` → ``0812-3456-7890``; landlines ``+62725123456`` → ``0725-123456``."""
    national = "0" + e164.removeprefix("+62")
    if national.startswith("08"):
        head, rest = national[:4], national[4:]
        groups = [rest[i : i + 4] for i in range(0, len(rest), 4)]
        if len(groups) > 1 and len(groups[-1]) < 3:
            groups[-2:] = [groups[-2] + groups[-1]]
        return "-".join([head, *groups])
    area = 3 if national[1] == "2" and national[2] == "1" else 4  # (021) Jakarta, (0725) elsewhere
    if national.startswith(("021", "022", "024", "031", "061")):
        area = 3
    return f"{national[:area]}-{national[area:]}"


def whatsapp_link(e164: str, message: str = "") -> str:
    """``https://wa.me/<digits>?text=…``: only digits in the number (click-to-chat rule)."""
    digits = "".join(ch for ch in e164 if ch.isdigit())
    url = f"https://wa.me/{digits}"
    return f"{url}?text={quote(message, safe='')}" if message else url


def tel_link(e164: str) -> str:
    return "tel:+" + "".join(ch for ch in e164 if ch.isdigit())
