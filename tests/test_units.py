"""Small pure pieces pinned with the strings domain.md §6.2 gives."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from etalase import formatting as F
from etalase import markdown, seo, yamlsrc
from etalase.model import Price


@pytest.mark.parametrize(("value", "expected"), [(25000, "Rp25.000"), (18500000, "Rp18.500.000"), (100, "Rp100")])
def test_rupiah(value: int, expected: str) -> None:
    assert F.rupiah(value) == expected


def test_price_texts() -> None:
    assert F.price_text(Price("bungkus", value=25000)) == "Rp25.000/bungkus"
    assert F.price_text(Price("lembar", low=1500000, high=3500000)) == "Rp1.500.000–Rp3.500.000/lembar"


def test_percent_and_numbers() -> None:
    assert F.percent(48.2) == "48,20%"
    assert F.percent(53.2) == "53,20%"
    assert F.number(1234567.5, 1) == "1.234.567,5"


def test_dates() -> None:
    assert F.date_long(dt.date(2024, 3, 6)) == "6 Maret 2024"
    assert F.date_weekday(dt.date(2024, 3, 6)) == "Rabu, 6 Maret 2024"


def test_phones() -> None:
    assert F.phone_display("+6281234567890") == "0812-3456-7890"
    assert F.whatsapp_link("+6281234567890") == "https://wa.me/6281234567890"
    assert (
        F.whatsapp_link("+6281234567890", "Halo *A* (b)") == "https://wa.me/6281234567890?text=Halo%20%2AA%2A%20%28b%29"
    )
    assert F.tel_link("+62725000000") == "tel:+62725000000"


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        "![x](https://evil.example/a.png)",
        '<a href="javascript:alert(1)">x</a>',
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
    ],
)
def test_markdown_never_emits_script_or_foreign_resources(attack: str) -> None:
    html = markdown.render(f"Teks {attack} teks")
    assert "<script" not in html and "javascript:" not in html and "onerror" not in html
    assert "<img" not in html and "data:" not in html


def test_markdown_keeps_github_features() -> None:
    html = markdown.render("**tebal** ~~coret~~ https://contoh.id\n\n| a | b |\n|---|---|\n| 1 | 2 |")
    assert "<strong>tebal</strong>" in html and "<del>coret</del>" in html and "<table>" in html
    assert '<a href="https://contoh.id" rel="nofollow noopener ugc">' in html


def test_jsonld_cannot_break_out_of_its_script() -> None:
    text = str(seo.dumps({"name": "</script><script>alert(1)</script><!--"}))
    assert "</script" not in text and "<!--" not in text
    assert text == '{"name":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u003c!--"}'


def test_yaml_keeps_positions_and_dates_as_written() -> None:
    parsed = yamlsrc.parse("a: 1\nb:\n  c: 2024-05-20\n  d: [x, y]\n")
    assert parsed.data == {"a": 1, "b": {"c": "2024-05-20", "d": ["x", "y"]}}
    assert parsed.marks[("b", "c")] == (3, 6)
    assert parsed.marks[("b", "d", 1)] == (4, 10)
    assert parsed.key_marks[("b", "d")] == (4, 3)


def test_yaml_alias_bomb_is_refused_quickly() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    started = time.perf_counter()
    parsed = yamlsrc.parse("\n".join(lines))
    assert time.perf_counter() - started < 5
    assert parsed.data is None and "anchor dan alias" in parsed.problems[0].message


def test_yaml_deep_nesting_is_refused() -> None:
    parsed = yamlsrc.parse("a: " + "[" * 200 + "]" * 200)
    assert parsed.data is None and parsed.problems


@pytest.mark.parametrize(
    "tag", ["!!python/object/apply:os.system ['ls']", "!!binary aGVsbG8=", "!custom x", "!!set {a}"]
)
def test_yaml_unsafe_tags_are_refused(tag: str) -> None:
    parsed = yamlsrc.parse(f"a: {tag}\n")
    assert parsed.data is None and "tidak diizinkan" in parsed.problems[0].message


def test_markdown_site_links_follow_the_base_path() -> None:
    html = markdown.render("[Tentang](/tentang/) dan [luar](//contoh.id/)", link_prefix="/katalog/")
    assert 'href="/katalog/tentang/"' in html and 'href="//contoh.id/"' in html


def test_the_allocator_threshold_is_fixed_unless_the_environment_sets_it(monkeypatch) -> None:
    from etalase import allocator

    assert allocator.tune() is True  # glibc (Debian): mallopt accepted the threshold
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "65536")
    assert allocator.tune() is False  # the maintainer's own setting wins
