/* Indonesian folding, tokens and light stemmer for catalog search: the browser twin of
   etalase/stemmer.py (rules in its docstring), checked against tests/fixtures/stemmer.tsv. */
const PARTICLES = [["lah", 6], ["kah", 6], ["tah", 6], ["pun", 6]];
const POSSESSIVES = [["nya", 3], ["ku", 5], ["mu", 5]];
const SUFFIXES = [["kan", "mdtb"], ["an", "pkbt-"], ["i", "mdtp"], ["", "mpbtdks-"]];
const NASALS = [
  ["ng(?=e)", "k"],
  ["ng", ""],
  ["ny(?=[aiueo])", "s"],
  ["m(?=[bfpv])", ""],
  ["(?=m[aiueo])", ""],
  ["n(?=[cdjz])", ""],
  ["n(?=[aiueo])", "t"],
];
const PREFIXES = [
  ...NASALS.map(([p, r]) => ["^me" + p, r, "m"]),
  ...NASALS.map(([p, r]) => ["^pe" + p, r, "p"]),
  ["^per(?=[^aiueor])", "", "p"],
  ["^pe(?=r[aiueo])", "", "p"],
  ["^ber", "", "b"],
  ["^be(?=[^aiueor]er)", "", "b"],
  ["^ter", "", "t"],
  ["^di", "", "d"],
  ["^ke", "", "k"],
  ["^se", "", "s"],
].map(([p, r, c]) => [new RegExp(p), r, c]);

export function fold(text) {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ");
}

export function tokens(text) {
  return fold(text).split(" ").filter(Boolean);
}

const ok = (stem, min = 4) => stem.length >= min && /[aiueo].*[aiueo]/.test(stem);

function stripEnd(word, table) {
  for (const [end, minRest] of table) {
    if (word.endsWith(end)) {
      const rest = word.slice(0, -end.length);
      return rest.length >= minRest ? [rest, end] : [word, ""];
    }
  }
  return [word, ""];
}

function prefixes(word, suffix, nya) {
  let outer = "";
  for (let round = 0; round < 2; round++) {
    const row = PREFIXES.find(([re, , c]) => re.test(word) && (c !== "k" || suffix === "an") && (c !== "s" || nya));
    if (!row) break;
    const [re, restore, c] = row;
    const rest = restore + word.slice(word.match(re)[0].length);
    if (!ok(rest, c === "s" ? 5 : 4)) break;
    word = rest;
    outer = outer || c;
  }
  return [word, outer];
}

export function stem(word) {
  if (!/^[a-z]{5,}$/.test(word)) return word;
  [word] = stripEnd(word, PARTICLES);
  let possessive;
  [word, possessive] = stripEnd(word, POSSESSIVES);
  let bare = "";
  for (const [suffix, classes] of SUFFIXES) {
    const base = word.slice(0, word.length - suffix.length);
    if (!word.endsWith(suffix) || (suffix && !ok(base))) continue;
    const [result, outer] = prefixes(base, suffix, possessive === "nya");
    if (outer && classes.includes(outer)) return result;
    if (!outer && classes.includes("-") && !bare) bare = result;
  }
  return bare;
}
