"""Indonesian text folding, tokenizing and light stemming for catalog search.

The same behaviour ships to the browser as ``assets/js/stem.js``; both are checked against
``tests/fixtures/stemmer.tsv``. Change one, change the other line by line.

Folding
    NFKD, drop the combining marks U+0300-U+036F, lowercase, then every run of characters
    outside ``[a-z0-9]`` becomes one space (no trimming). Lowercasing runs after NFKD, so
    "İ" is already "I" + U+0307 when it is lowered and yields plain "i" on both sides. Letters
    with no decomposition are separators: "ß" -> " ", "ı" -> " ", "ø" -> " ", "æ" -> " ".
    Python and JS agree for characters assigned in Unicode 14 (Python 3.11's table); newer
    characters (e.g. U+1CCD6 OUTLINED LATIN CAPITAL LETTER A) may fold differently.

Stemming (input: one folded token; no dictionary, so it guesses conservatively)
    1. Leave alone anything that is not 5+ letters a-z (short words, digits).
    2. Inflection, at most one of each, only if the rest keeps its minimum length:
       particles -lah -kah -tah -pun (rest >= 6: sekolah, berkah, mengolah stay),
       then possessives -nya (rest >= 3), -ku -mu (rest >= 5: bangku, tungku stay).
    3. Derivation. A stem is acceptable when it has >= 4 letters and >= 2 vowels
       (tangan, santan, dingin, perak, terasi stay whole). For each derivational suffix in
       SUFFIXES order (-kan, -an, -i, none) that the word ends with and whose rest is
       acceptable, strip up to two prefixes (first matching PREFIXES row per round; a round
       whose result is not acceptable is undone and ends the loop). The first reading whose
       outer prefix class the suffix allows wins; failing that, the first reading with no
       prefix whose suffix may stand alone ("-" in the table); failing that, the word.
       So -kan and -i need a prefix (masakan -> masak, kursi and pelangi stay), and di-/me-
       do not combine with -an (dipesan -> pesan, not dipes).
    Prefix rows (class in brackets):
       me-/pe- [m]/[p]: meng+e -> ke (mengemas -> kemas), meng+other -> drop (mengolah ->
       olah, menggoreng -> goreng), meny+vowel -> s, mem+b/f/p/v -> drop, me+m+vowel ->
       keep m (memasak -> masak, pemanis -> manis), men+c/d/j/z -> drop, men+vowel -> t
       (menenun -> tenun). k is restored only before e and m is kept before a vowel: restoring
       k/p before every vowel would make olah "kolah" and masak "pasak" (pengiriman -> irim
       and pemasaran -> masar are the price). me- before l/r/w/y is never stripped (melati,
       merica stay; merajut stays too).
       per+consonant -> drop, pe+r+vowel -> keep r (perajin -> rajin) [p];
       ber- and be+C+er (bekerja) [b]; ter- [t]; di- [d];
       ke- only in the confix ke-...-an [k] (keripik stays, kerajinan -> rajin, kemasan ->
       kemas because "mas" is too short);
       se- only when -nya was stripped and >= 5 letters remain [s] (sepatu stays,
       secukupnya -> cukup).
    Known over-stems (consistent, so search still matches): pengiriman -> irim,
    berlian -> lian, ternakan -> nakan, digital -> gital, peralatan -> ralat,
    perabot -> rabot, keterampilan -> ampil, dapatkan -> dapatk, pemerintah -> merin.
"""

from __future__ import annotations

import re
import unicodedata

_MARKS = re.compile("[\u0300-\u036f]")
_NON_ALNUM = re.compile("[^a-z0-9]+")
_STEMMABLE = re.compile("[a-z]{5,}")
_TWO_VOWELS = re.compile("[aiueo].*[aiueo]")

PARTICLES = (("lah", 6), ("kah", 6), ("tah", 6), ("pun", 6))
POSSESSIVES = (("nya", 3), ("ku", 5), ("mu", 5))
# suffix, prefix classes it combines with ("-": may stand without a prefix)
SUFFIXES = (("kan", "mdtb"), ("an", "pkbt-"), ("i", "mdtp"), ("", "mpbtdks-"))
# nasal forms after me-/pe-: pattern, letter restored in front of the rest
NASALS = (
    ("ng(?=e)", "k"),
    ("ng", ""),
    ("ny(?=[aiueo])", "s"),
    ("m(?=[bfpv])", ""),
    ("(?=m[aiueo])", ""),
    ("n(?=[cdjz])", ""),
    ("n(?=[aiueo])", "t"),
)
# pattern, restored letter, class
PREFIXES = (
    *((f"^me{p}", r, "m") for p, r in NASALS),
    *((f"^pe{p}", r, "p") for p, r in NASALS),
    ("^per(?=[^aiueor])", "", "p"),
    ("^pe(?=r[aiueo])", "", "p"),
    ("^ber", "", "b"),
    ("^be(?=[^aiueor]er)", "", "b"),
    ("^ter", "", "t"),
    ("^di", "", "d"),
    ("^ke", "", "k"),
    ("^se", "", "s"),
)
_PREFIXES = tuple((re.compile(p), r, c) for p, r, c in PREFIXES)


def fold(text: str) -> str:
    """Lowercase ASCII letters and digits; every other run of characters becomes one space."""
    text = _MARKS.sub("", unicodedata.normalize("NFKD", text)).lower()
    return _NON_ALNUM.sub(" ", text)


def tokens(text: str) -> list[str]:
    """Folded words in order, duplicates kept."""
    return fold(text).split()


def _ok(stem: str, min_len: int = 4) -> bool:
    return len(stem) >= min_len and _TWO_VOWELS.search(stem) is not None


def _strip_end(word: str, table: tuple[tuple[str, int], ...]) -> tuple[str, str]:
    for end, min_rest in table:
        if word.endswith(end):
            rest = word[: -len(end)]
            return (rest, end) if len(rest) >= min_rest else (word, "")
    return word, ""


def _prefixes(word: str, suffix: str, nya: bool) -> tuple[str, str]:
    """Strip up to two prefixes; return the stem and the class of the outer prefix ("" if none)."""
    outer = ""
    for _ in range(2):
        for pattern, restore, cls in _PREFIXES:
            m = pattern.match(word)
            if m and (cls != "k" or suffix == "an") and (cls != "s" or nya):
                rest = restore + word[m.end() :]
                if not _ok(rest, 5 if cls == "s" else 4):
                    return word, outer
                word, outer = rest, outer or cls
                break
        else:
            break
    return word, outer


def stem(word: str) -> str:
    """Light stem of one folded token (see the module docstring for the rules)."""
    if not _STEMMABLE.fullmatch(word):
        return word
    word, _ = _strip_end(word, PARTICLES)
    word, possessive = _strip_end(word, POSSESSIVES)
    bare = ""
    for suffix, classes in SUFFIXES:
        base = word[: len(word) - len(suffix)]
        if not word.endswith(suffix) or (suffix and not _ok(base)):
            continue
        result, outer = _prefixes(base, suffix, possessive == "nya")
        if outer and outer in classes:
            return result
        if not outer and "-" in classes and not bare:
            bare = result
    return bare
