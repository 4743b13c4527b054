"""etalase.stemmer and assets/js/stem.js: one shared case list, and Python and JS in lockstep."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from etalase.stemmer import fold, stem, tokens

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "tests" / "fixtures" / "stemmer.tsv"
STEM_JS = REPO / "assets" / "js" / "stem.js"
RUNNER = """
const { fold, tokens, stem } = await import(process.argv[1]);
process.stdin.setEncoding("utf8");
let data = "";
for await (const chunk of process.stdin) data += chunk;
const out = JSON.parse(data).map((text) => {
  const toks = tokens(text);
  return [fold(text), toks, toks.map(stem), stem(text)];
});
process.stdout.write(JSON.stringify(out));
"""


def _unescape(text: str) -> str:
    return re.sub(r"\\u\{([0-9a-fA-F]+)\}", lambda m: chr(int(m[1], 16)), text)


def _rows() -> list[tuple[int, str, str, str]]:
    rows = []
    for number, line in enumerate(CASES.read_text(encoding="utf-8").split("\n"), 1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        assert len(fields) == 3, f"{CASES.name}:{number}: expected 3 tab-separated columns, got {len(fields)}"
        rows.append((number, _unescape(fields[0]), fields[1], fields[2]))
    return rows


ROWS = _rows()


def _python(text: str) -> list:
    toks = tokens(text)
    return [fold(text), toks, [stem(t) for t in toks], stem(text)]


def _node(texts: list[str]) -> list:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on PATH: the JS twin of etalase.stemmer cannot be checked")
    proc = subprocess.run(
        [node, "--input-type=module", "-e", RUNNER, STEM_JS.as_uri()],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert proc.returncode == 0, f"node failed:\n{proc.stderr}"
    results = json.loads(proc.stdout)
    assert len(results) == len(texts)
    return results


def test_case_list_is_big_enough():
    assert len(ROWS) >= 150
    assert any(text == "" for _, text, _, _ in ROWS), "the empty input has a row"


@pytest.mark.parametrize(("line", "text", "want_tokens", "want_stems"), ROWS, ids=[f"line{r[0]}" for r in ROWS])
def test_python_matches_case_list(line: int, text: str, want_tokens: str, want_stems: str):
    toks = tokens(text)
    assert " ".join(toks) == want_tokens, f"{CASES.name}:{line} tokens({text!a})"
    assert " ".join(stem(t) for t in toks) == want_stems, f"{CASES.name}:{line} stems of {toks}"


def test_js_matches_case_list():
    results = _node([text for _, text, _, _ in ROWS])
    failures = []
    for (line, text, want_tokens, want_stems), (_, toks, stems, _) in zip(ROWS, results, strict=True):
        got_tokens, got_stems = " ".join(toks), " ".join(stems)
        if (got_tokens, got_stems) != (want_tokens, want_stems):
            failures.append(
                f"{CASES.name}:{line} {text!a}\n"
                f"    tokens want {want_tokens!r} got {got_tokens!r}\n"
                f"    stems  want {want_stems!r} got {got_stems!r}"
            )
    assert not failures, f"{len(failures)} of {len(ROWS)} rows differ in stem.js:\n" + "\n".join(failures)


ONSETS = ("", "b", "c", "d", "g", "h", "j", "k", "l", "m", "n", "ng", "ny", "p", "r", "s", "t", "w", "y")
CODAS = ("", "", "", "", "h", "k", "l", "m", "n", "ng", "r", "s", "t")
SYLLABLES = [onset + vowel + coda for onset in ONSETS for vowel in "aiueo" for coda in CODAS]
PREFIX_PARTS = ("me", "mem", "men", "meng", "meny", "pe", "pem", "pen", "peng", "peny", "per", "ber", "be", "ter")
PREFIX_PARTS += ("di", "ke", "se", "memper", "diper", "keber")
SUFFIX_PARTS = ("kan", "an", "i", "lah", "kah", "tah", "pun", "ku", "mu", "nya")


# Latin with diacritics, combining marks, letterlike (Kelvin), enclosed, ligatures, full-width,
# mathematical alphanumerics (NFKD to ASCII), emoji, and anything else below U+30000
CHAR_RANGES = (
    (0x80, 0x250),
    (0x300, 0x370),
    (0x1E00, 0x1F00),
    (0x2100, 0x2200),
    (0x2460, 0x2500),
    (0xFB00, 0xFB07),
    (0xFF00, 0xFF70),
    (0x1D400, 0x1D800),
    (0x1F300, 0x1FA00),
    (0x80, 0x30000),
)


def _random_char(rng: random.Random) -> str:
    """A character assigned in Python's Unicode table (newer ones may fold differently in JS)."""
    while True:
        ch = chr(rng.randrange(*rng.choice(CHAR_RANGES)))
        if unicodedata.category(ch) not in ("Cn", "Cs"):
            return ch


def _random_word(rng: random.Random) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4)))
    for _ in range(rng.randint(0, 2)):
        word = rng.choice(PREFIX_PARTS) + word
    for _ in range(rng.randint(0, 2)):
        word += rng.choice(SUFFIX_PARTS)
    roll = rng.random()
    if roll < 0.15:
        word = word.upper()
    elif roll < 0.45:
        chars = list(word)
        for _ in range(rng.randint(1, 3)):
            chars.insert(rng.randrange(len(chars) + 1), _random_char(rng))
        word = "".join(chars)
    elif roll < 0.55:
        word += str(rng.randrange(1000))
    return word


def test_python_and_js_agree_on_generated_words():
    rng = random.Random(1)
    words = [_random_word(rng) for _ in range(5000)]
    words += [" ".join(_random_word(rng) for _ in range(rng.randint(2, 5))) for _ in range(500)]
    results = _node(words)
    failures = [
        f"{text!a}: python {want} js {got}"
        for text, got in zip(words, results, strict=True)
        if (want := _python(text)) != got
    ]
    assert not failures, f"{len(failures)} of {len(words)} generated inputs differ:\n" + "\n".join(failures[:40])
    stemmed = sum(s != t for _, toks, stems, _ in results for t, s in zip(toks, stems, strict=True))
    assert stemmed > 500, "the generated words exercise the affix rules"
