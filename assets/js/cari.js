// The /cari/ page: queries the static index written by etalase/searchindex.py (its docstring is
// the format). No framework, no dependencies. State lives in the query string.
// the stemmer with this script's ?v= (the page preloads that URL), so a cached old stemmer never
// meets a new index
const { tokens, stem } = await import(new URL("stem.js" + new URL(import.meta.url).search, import.meta.url));

const $ = (id) => document.getElementById(id);
const root = $("cari");
const T = JSON.parse($("cari-teks").textContent);
const DIR = root.dataset.index, V = root.dataset.v, SITE = root.dataset.root;
const PER = 20, NONE16 = 0xffff, NONE32 = 0xffffffff;
const PARAMS = ["q", "kategori", "wilayah", "sertifikasi", "tkdn", "harga", "ketersediaan", "ekatalog", "urut", "halaman"];
const AVAIL = ["", "tersedia", "pre-order", "habis"];

// ---- files -------------------------------------------------------------------------------
const files = new Map();
function load(path) {
  let f = files.get(path);
  if (!f) {
    f = fetch(DIR + path + "?v=" + V).then((r) => {
      if (!r.ok) throw Error(path);
      return r.json();
    });
    f.catch(() => files.delete(path));
    files.set(path, f);
  }
  return f;
}
const bytes = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
function varints(u) {
  const out = [];
  let n = 0, sh = 0;
  for (const b of u) {
    n += (b & 127) * 2 ** sh;
    if (b & 128) sh += 7;
    else { out.push(n); n = 0; sh = 0; }
  }
  return out;
}
function expand(runs, n) { // (value, length) runs → one value per document
  const v = varints(bytes(runs)), out = new Int16Array(n).fill(-1);
  for (let i = 0, d = 0; i < v.length; i += 2) out.fill(v[i], d, (d += v[i + 1]));
  return out;
}
let M; // manifest
const cols = {};
async function column(name) {
  if (!cols[name]) {
    const u = bytes((await load("k/" + name + ".json")).v).buffer;
    cols[name] = name == "tkdn" || name == "tgl" ? new Uint16Array(u) : name == "harga" ? new Uint32Array(u) : new Uint8Array(u);
  }
  return cols[name];
}
let F; // facets: {top, sub, prov, topOf, subOf, provOf}
async function facets() {
  if (!F) {
    M ??= await load("manifest.json");
    const f = await load("facet.json"), n = M.n;
    f.subOf = new Int16Array(n);
    f.topOf = new Int16Array(n);
    f.sub.forEach((s, i) => {
      const end = i + 1 < f.sub.length ? f.sub[i + 1][2] : n;
      f.subOf.fill(i, s[2], end);
    });
    f.top.forEach((t, i) => {
      const a = f.sub[t[2]][2], z = i + 1 < f.top.length ? f.sub[f.top[i + 1][2]][2] : n;
      f.topOf.fill(i, a, z);
    });
    f.provOf = expand(f.pr, n);
    F = f;
  }
  return F;
}
const kabs = {};
async function kab(code) { // one province's kab/kota, with a value per document (-1 elsewhere)
  if (!kabs[code]) {
    const w = await load("w/" + code + ".json"), p = F.prov.findIndex((x) => x[0] == code);
    const v = varints(bytes(w.r)), of = new Int16Array(M.n).fill(-1);
    let r = 0, left = v[1];
    for (let d = 0; d < M.n && r < v.length; d++) {
      if (F.provOf[d] != p) continue;
      of[d] = v[r];
      if (--left == 0) { r += 2; left = v[r + 1]; }
    }
    kabs[code] = { list: w.kab, of };
  }
  return kabs[code];
}

// ---- terms ------------------------------------------------------------------------------
function lower(a, x) { // first index with a[i] >= x
  let lo = 0, hi = a.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (a[m] < x) lo = m + 1; else hi = m; }
  return lo;
}
const shardOf = (term) => { let lo = 0, hi = M.s.length; while (lo < hi) { const m = (lo + hi) >> 1; if (M.s[m] <= term) lo = m + 1; else hi = m; } return lo; };
async function shard(i) {
  const s = await load("t/" + i + ".json");
  if (!s.o) { s.o = [0]; for (const l of s.n) s.o.push(s.o[s.o.length - 1] + l); s.u = bytes(s.p); }
  return s;
}
function addPostings(s, j, factor, hits) {
  let d = 0;
  for (const v of varints(s.u.subarray(s.o[j], s.o[j + 1]))) {
    d += Math.floor(v / 4);
    const sc = ((v & 3) + 1) * factor;
    if (!(hits.get(d) >= sc)) hits.set(d, sc);
  }
}
const canon = (w) => M.syn[w] || w;
function distance(a, b, max) { // optimal string alignment, cut off above max
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let pp = [], p = [], c = [];
  for (let j = 0; j <= b.length; j++) p[j] = j;
  for (let i = 1; i <= a.length; i++) {
    c = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] == b[j - 1] ? 0 : 1;
      c[j] = Math.min(p[j] + 1, c[j - 1] + 1, p[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) c[j] = Math.min(c[j], pp[j - 2] + 1);
      best = Math.min(best, c[j]);
    }
    if (best > max) return max + 1;
    pp = p; p = c;
  }
  return p[b.length];
}
// One query word → {hits: Map(doc → score), terms: words to highlight, fix: the suggested word}
async function word(w, prefix) {
  const c = canon(w), st = stem(c), hits = new Map(), terms = [c], want = [[c, 4], [st + "_", 2]];
  if (st != c) want.push([st, 2]);
  const got = await Promise.all(want.map(([t]) => shard(shardOf(t))));
  want.forEach(([t, f], k) => { const s = got[k], j = lower(s.t, t); if (s.t[j] == t) addPostings(s, j, f, hits); });
  if (prefix && c.length >= 2) {
    for (let i = shardOf(c), k = 0; i <= M.s.length && k < 50; i++) {
      const s = await shard(i);
      let j = lower(s.t, c);
      for (; j < s.t.length && s.t[j].startsWith(c) && k < 50; j++) {
        const t = s.t[j];
        if (t != c && !t.endsWith("_")) { addPostings(s, j, 2, hits); terms.push(t); k++; }
      }
      if (j < s.t.length || !(M.s[i] || "").startsWith(c)) break;
    }
  }
  let fix = "";
  if (!hits.size && c.length >= 4 && M.voc.includes(c[0])) {
    const v = await load("v/" + c[0] + ".json"), max = c.length >= 8 ? 2 : 1, cand = [];
    v.w.forEach((x, i) => { const d = distance(c, x, max); if (d <= max) cand.push([d, -v.f[i], x]); });
    cand.sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : 1));
    for (const [, , x] of cand.slice(0, 3)) { const s = await shard(shardOf(x)); addPostings(s, lower(s.t, x), 1, hits); terms.push(x); }
    if (cand.length) fix = cand[0][2];
  }
  return { hits, terms, fix };
}

// ---- state ------------------------------------------------------------------------------
const form = $("cari-form"), input = $("q-page");
const sel = {};
for (const k of ["kategori", "sub", "wilayah", "kab", "sertifikasi", "tkdn", "harga", "ketersediaan", "urut"]) sel[k] = $("f-" + k);
const ekat = $("f-ekatalog");
function readState() {
  const u = new URLSearchParams(location.search), s = {};
  for (const k of PARAMS) s[k] = (u.get(k) || "").trim();
  s.halaman = Math.max(1, parseInt(s.halaman, 10) || 1);
  return s;
}
let state = readState();
function stateQuery(s) {
  const u = new URLSearchParams();
  for (const k of PARAMS) if (s[k] && !(k == "halaman" && s[k] == 1) && !(k == "urut" && s[k] == "relevansi")) u.set(k, s[k]);
  const q = u.toString();
  return q ? "?" + q : location.pathname;
}
function fromControls() {
  const s = { q: input.value.trim(), halaman: 1 };
  s.kategori = sel.sub.value || sel.kategori.value;
  s.wilayah = sel.kab.value || sel.wilayah.value;
  for (const k of ["sertifikasi", "tkdn", "harga", "ketersediaan", "urut"]) s[k] = sel[k].value;
  s.ekatalog = ekat.checked ? "1" : "";
  return s;
}
function setOptions(el, list, value, all) { // [value, label] pairs after an "all" option
  el.replaceChildren(new Option(all, ""), ...list.map(([v, l]) => new Option(l, v)));
  el.value = value;
  el.closest("div").hidden = !list.length;
}
async function toControls(s) {
  input.value = s.q;
  const [top] = s.kategori.split("/");
  sel.kategori.value = top;
  if (sel.kategori.value != top) sel.kategori.value = "";
  const prov = s.wilayah.split(".")[0];
  sel.wilayah.value = prov;
  if (sel.wilayah.value != prov) sel.wilayah.value = "";
  for (const k of ["sertifikasi", "tkdn", "harga", "ketersediaan", "urut"]) { sel[k].value = s[k]; if (sel[k].selectedIndex < 0) sel[k].selectedIndex = 0; }
  ekat.checked = s.ekatalog == "1";
  if (!F && !s.kategori && !s.wilayah) return;
  await facets();
  const ti = F.top.findIndex((t) => t[0] == sel.kategori.value);
  setOptions(sel.sub, ti < 0 ? [] : F.sub.filter((x, i) => F.topOf[x[2]] == ti).map((x) => [x[0], x[1]]), s.kategori.includes("/") ? s.kategori : "", T.all_sub);
  if (sel.wilayah.value) {
    const w = await kab(sel.wilayah.value);
    setOptions(sel.kab, w.list, s.wilayah.includes(".") ? s.wilayah : "", T.all_kab);
  } else setOptions(sel.kab, [], "", T.all_kab);
}

// ---- filters ----------------------------------------------------------------------------
// Each group: on (active), ready (its data loaded), test(d), count(d) for documents that pass
// every other group; counts are shown in the option labels.
function groups(s) {
  const g = [];
  const [top, sub] = [s.kategori.split("/")[0], s.kategori.includes("/") ? s.kategori : ""];
  const ti = F.top.findIndex((t) => t[0] == top), si = F.sub.findIndex((x) => x[0] == sub);
  const ct = new Array(F.top.length).fill(0), cs = new Array(F.sub.length).fill(0);
  g.push({
    el: [sel.kategori, sel.sub], on: ti >= 0, name: "kategori",
    test: si >= 0 ? (d) => F.subOf[d] == si : (d) => F.topOf[d] == ti,
    count(d) { ct[F.topOf[d]]++; if (F.topOf[d] == ti) cs[F.subOf[d]]++; },
    show() { label(sel.kategori, (v) => ct[F.top.findIndex((t) => t[0] == v)]); label(sel.sub, (v) => cs[F.sub.findIndex((x) => x[0] == v)]); },
  });
  const [prov] = s.wilayah.split("."), pi = F.prov.findIndex((p) => p[0] == prov);
  const w = kabs[prov], ki = w && s.wilayah.includes(".") ? w.list.findIndex((k) => k[0] == s.wilayah) : -1;
  const cp = new Array(F.prov.length).fill(0), ck = w ? new Array(w.list.length).fill(0) : [];
  g.push({
    el: [sel.wilayah, sel.kab], on: pi >= 0, name: "wilayah",
    test: ki >= 0 ? (d) => w.of[d] == ki : (d) => F.provOf[d] == pi,
    count(d) { cp[F.provOf[d]]++; if (w && F.provOf[d] == pi) ck[w.of[d]]++; },
    show() { label(sel.wilayah, (v) => cp[F.prov.findIndex((p) => p[0] == v)]); if (w) label(sel.kab, (v) => ck[w.list.findIndex((k) => k[0] == v)]); },
  });
  const c = cols;
  const bit = M.sert.indexOf(s.sertifikasi), cb = new Array(M.sert.length).fill(0);
  g.push({
    el: [sel.sertifikasi], on: bit >= 0, name: "sertifikasi", need: ["sert"],
    test: (d) => c.sert[d] & (1 << bit),
    count(d) { for (let b = 0, v = c.sert[d]; v; b++, v >>= 1) if (v & 1) cb[b]++; },
    show() { label(sel.sertifikasi, (v) => cb[M.sert.indexOf(v)]); },
  });
  const min = s.tkdn == "pdn" ? -1 : parseInt(s.tkdn, 10) * 100, th = [25, 40, 60, 80], cn = [0, 0, 0, 0, 0];
  g.push({
    el: [sel.tkdn], on: s.tkdn == "pdn" || th.includes(parseInt(s.tkdn, 10)), name: "tkdn", need: ["tkdn", "flag"],
    test: min < 0 ? (d) => c.flag[d] & 1 : (d) => c.tkdn[d] != NONE16 && c.tkdn[d] >= min,
    count(d) { const v = c.tkdn[d]; if (v != NONE16) th.forEach((x, i) => { if (v >= x * 100) cn[i]++; }); if (c.flag[d] & 1) cn[4]++; },
    show() { label(sel.tkdn, (v) => cn[v == "pdn" ? 4 : th.indexOf(parseInt(v, 10))]); },
  });
  const bands = [...sel.harga.options].slice(1).map((o) => o.value), hb = bands.indexOf(s.harga) + 1, ch = [0, 0, 0, 0, 0, 0];
  g.push({
    el: [sel.harga], on: hb > 0, name: "harga", need: ["hb"],
    test: (d) => c.hb[d] == hb,
    count(d) { ch[c.hb[d]]++; },
    show() { label(sel.harga, (v) => ch[bands.indexOf(v) + 1]); },
  });
  const ai = AVAIL.indexOf(s.ketersediaan), ca = [0, 0, 0, 0];
  g.push({
    el: [sel.ketersediaan], on: ai > 0, name: "ketersediaan", need: ["flag"],
    test: (d) => ((c.flag[d] >> 2) & 3) == ai,
    count(d) { ca[(c.flag[d] >> 2) & 3]++; },
    show() { label(sel.ketersediaan, (v) => ca[AVAIL.indexOf(v)]); },
  });
  let ce = 0;
  g.push({
    el: [ekat], on: s.ekatalog == "1", name: "ekatalog", need: ["flag"],
    test: (d) => c.flag[d] & 2,
    count(d) { if (c.flag[d] & 2) ce++; },
    show() { $("f-ekatalog-n").textContent = " (" + ce + ")"; },
  });
  for (const x of g) x.ready = !x.need || x.need.every((k) => cols[k]);
  return g;
}
function label(el, count) {
  for (const o of el.options) {
    if (!o.value) continue;
    o.dataset.l ??= o.textContent;
    const n = count(o.value);
    o.textContent = o.dataset.l + (n == null ? "" : " (" + n + ")");
  }
}

// ---- search -----------------------------------------------------------------------------
async function compute(s) {
  M ??= await load("manifest.json");
  const raw = tokens(s.q), words = raw.filter((w) => !M.stop.includes(w)), live = !/\s$/.test(s.q);
  const found = await Promise.all(words.map((w, i) => word(w, live && i == words.length - 1)));
  let docs, score;
  if (!words.length) { docs = Array.from({ length: M.n }, (_, i) => i); score = null; }
  else {
    const sets = found.map((f) => f.hits).sort((a, b) => a.size - b.size);
    score = new Map();
    for (const [d, sc] of sets[0]) {
      let t = sc;
      for (let k = 1; k < sets.length && t; k++) { const x = sets[k].get(d); t = x ? t + x : 0; }
      if (t) score.set(d, t);
    }
    docs = [...score.keys()].sort((a, b) => a - b);
  }
  if (F || PARAMS.slice(1, 8).some((k) => s[k])) await facets(); // filters need the facet tables
  if (s.wilayah.includes(".")) await kab(s.wilayah.split(".")[0]);
  const sortCol = { "harga-naik": "harga", "harga-turun": "harga", tkdn: "tkdn", terbaru: "tgl" }[s.urut];
  let g = F ? groups(s) : [];
  const wanted = new Set(g.filter((x) => x.on).flatMap((x) => x.need || []));
  if (sortCol) wanted.add(sortCol);
  if (wanted.size) { await Promise.all([...wanted].map(column)); g = groups(s); }
  const act = g.filter((x) => x.on), shown = g.filter((x) => x.ready), only = new Array(g.length).fill(0);
  const hits = [];
  for (const d of docs) {
    let miss = null, fails = 0;
    for (const x of act) if (!x.test(d)) { miss = x; if (++fails > 1) break; }
    if (!fails) { hits.push(d); for (const x of shown) x.count(d); }
    else if (fails == 1) { only[g.indexOf(miss)]++; if (miss.ready) miss.count(d); }
  }
  if (sortCol) {
    const v = cols[sortCol], up = s.urut == "harga-naik", none = sortCol == "harga" ? NONE32 : NONE16;
    hits.sort((a, b) => (v[a] == none) - (v[b] == none) || (up ? v[a] - v[b] : v[b] - v[a]) || a - b);
  } else if (score) hits.sort((a, b) => score.get(b) - score.get(a) || a - b);
  const terms = new Set(found.flatMap((f) => f.terms)), stems = new Set(words.map((w) => stem(canon(w))));
  const fixed = found.some((f) => f.fix) ? words.map((w, i) => found[i].fix || w).join(" ") : "";
  return { hits, g, act, only, terms, stems, fixed, total: hits.length };
}

function highlight(el, text, r) {
  const re = /[\p{L}\p{N}]+/gu;
  let last = 0, m;
  while ((m = re.exec(text))) {
    const w = canon(tokens(m[0])[0] || "");
    if (w && (r.terms.has(w) || r.stems.has(stem(w)))) {
      const k = document.createElement("mark");
      k.textContent = m[0];
      el.append(text.slice(last, m.index), k);
      last = m.index + m[0].length;
    }
  }
  el.append(text.slice(last));
}
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}
const fill = (tpl, o) => tpl.replace(/\{(\w+)\}/g, (_, k) => o[k]);
async function card(d, r) {
  const row = (await load("b/" + Math.floor(d / M.r) + ".json"))[d % M.r];
  const [ikm, slug, name, producer, region, price, thumb, tk] = row;
  const li = el("li"), art = el("article", "card");
  const pic = el("span", "pic");
  if (thumb) {
    const img = el("img", "thumb");
    Object.assign(img, { src: SITE + thumb, alt: "", loading: "lazy", decoding: "async", width: 320, height: 240 });
    pic.append(img);
  }
  const body = el("div", "card-body"), h = el("h3", "card-title"), a = el("a");
  a.href = SITE + "produk/" + ikm + "/" + slug + "/";
  highlight(a, name, r);
  h.append(a);
  body.append(h, el("p", "card-price " + (price ? "price" : "price price-none"), price || T.contact));
  if (tk) body.append(el("p", "badge badge-tkdn", tk));
  const meta = el("p", "card-meta");
  highlight(meta, producer, r);
  meta.append(" · " + region);
  body.append(meta);
  art.append(pic, body);
  li.append(art);
  return li;
}

let seq = 0;
async function run(s, how) {
  const mine = ++seq;
  state = s;
  if (how) {
    const url = stateQuery(s);
    const same = url == (location.search || location.pathname); // Enter on the search shown adds no entry
    history[how == "push" && !same ? "pushState" : "replaceState"](null, "", url);
  }
  root.setAttribute("aria-busy", "true");
  let r;
  try {
    await toControls(s);
    r = await compute(s);
    if (mine != seq) return;
    const pages = Math.max(1, Math.ceil(r.total / PER)), page = Math.min(s.halaman, pages), first = (page - 1) * PER;
    const lis = await Promise.all(r.hits.slice(first, first + PER).map((d) => card(d, r)));
    if (mine != seq) return;
    $("hasil").replaceChildren(...lis);
    render(r, s, page, pages, first);
    performance.mark("etalase:hasil");
  } catch (e) {
    if (mine == seq) $("cari-status").textContent = T.error;
    throw e;
  } finally {
    if (mine == seq) root.removeAttribute("aria-busy");
  }
  // the facets come after the first results; a later search (typed meanwhile) owns the controls
  if (!F) { await facets(); if (mine == seq) { await toControls(s); if (mine == seq) render(await compute(s), s); } }
  return r;
}
function render(r, s, page, pages, first) {
  for (const x of r.g) if (x.ready) x.show();
  if (page == null) return;
  const status = $("cari-status"), head = $("h-hasil");
  head.textContent = s.q ? fill(T.results_for, { q: s.q }) : T.results;
  status.textContent = r.total ? fill(T.showing, { first: first + 1, last: Math.min(first + PER, r.total), total: r.total }) : T.none;
  const fix = $("cari-saran");
  fix.hidden = !r.fixed;
  if (r.fixed) { const a = fix.querySelector("a"); a.textContent = r.fixed; a.href = stateQuery({ ...s, q: r.fixed, halaman: 1 }); }
  const empty = $("cari-kosong");
  empty.hidden = r.total > 0;
  const ul = empty.querySelector("ul");
  ul.replaceChildren();
  if (!r.total) r.g.forEach((x, i) => {
    if (!x.on) return;
    const b = el("button", "", fill(T.remove, { name: T["f_" + x.name], n: r.only[i] }));
    b.type = "button";
    b.dataset.g = x.name;
    const li = el("li");
    li.append(b);
    ul.append(li);
  });
  const nav = $("cari-halaman");
  nav.replaceChildren();
  if (pages > 1) {
    const link = (n, text, rel) => { const a = el("a", "", text); a.href = stateQuery({ ...s, halaman: n }); a.rel = rel; a.dataset.n = n; return a; };
    if (page > 1) nav.append(link(page - 1, T.prev, "prev"));
    nav.append(el("span", "", fill(T.page, { n: page, count: pages })));
    if (page < pages) nav.append(link(page + 1, T.next, "next"));
  }
}

// ---- events -----------------------------------------------------------------------------
let timer;
// History: typing in the box adds one entry, at its first pause, and its later pauses (and the
// Enter that ends it) update that entry, so Back returns to the search before the typing; a
// filter, a page or Back itself ends the typing.
let typed = false;
// what is being typed supersedes the search on screen at once, so none of its late steps (the
// facets arriving) puts that search's words back into the box before the typed search starts
input.addEventListener("input", () => {
  seq++;
  clearTimeout(timer);
  timer = setTimeout(() => { const how = typed ? "replace" : "push"; typed = true; run(fromControls(), how); }, 150);
});
form.addEventListener("submit", (e) => {
  e.preventDefault();
  clearTimeout(timer);
  const how = typed ? "replace" : "push";
  typed = false;
  run(fromControls(), how);
});
form.addEventListener("change", (e) => {
  if (e.target == input) return;
  if (e.target == sel.kategori) sel.sub.value = "";
  if (e.target == sel.wilayah) sel.kab.value = "";
  clearTimeout(timer); // the words being typed go with the filter
  typed = false;
  run(fromControls(), "push");
});
// a filter's column loads when someone is about to use it, so its counts are there when it opens
for (const [k, need] of [["sertifikasi", ["sert"]], ["tkdn", ["tkdn", "flag"]], ["harga", ["hb"]], ["ketersediaan", ["flag"]]]) {
  for (const ev of ["focus", "pointerdown"]) sel[k].addEventListener(ev, () => {
    if (need.every((c) => cols[c])) return;
    Promise.all([facets(), ...need.map(column)]).then(async () => render(await compute(state), state));
  }, { once: true });
}
$("cari-halaman").addEventListener("click", (e) => {
  const a = e.target.closest("a");
  if (!a) return;
  e.preventDefault();
  typed = false;
  run({ ...state, halaman: +a.dataset.n }, "push").then(() => $("h-hasil").focus());
});
$("cari-kosong").addEventListener("click", (e) => {
  const g = e.target.closest("button")?.dataset.g;
  if (!g) return;
  typed = false;
  run({ ...state, [g]: "", halaman: 1 }, "push");
});
$("cari-reset").addEventListener("click", () => {
  typed = false;
  run({ ...state, kategori: "", wilayah: "", sertifikasi: "", tkdn: "", harga: "", ketersediaan: "", ekatalog: "", halaman: 1 }, "push");
});
addEventListener("popstate", () => { typed = false; clearTimeout(timer); run(readState()); });

$("cari-nojs").hidden = true;
$("cari-app").hidden = false;
// for the benchmark and the tests: one query (a query string) → the number of results
window.etalaseCari = { query: async (qs) => { const u = new URLSearchParams(qs), s = {}; for (const k of PARAMS) s[k] = u.get(k) || ""; s.halaman = 1; return (await compute(s)).total; } };
run(state, null).catch(() => {});
