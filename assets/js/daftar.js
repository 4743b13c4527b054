/* /daftar/: reads the schema-generated form back into documents, checks them (HTML5 limits plus
   the schema's conditional rules), and writes them as YAML to copy, download or open on GitHub.
   No dependencies; nothing leaves the browser until the user sends it. */
(function () {
  "use strict";
  var form = document.getElementById("daftar");
  if (!form) return;
  var MSG = JSON.parse(form.getAttribute("data-msg") || "{}");
  var repo = form.getAttribute("data-repo");
  var branch = form.getAttribute("data-branch") || "main";
  var counter = 0;
  var regionCache = {};

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function fmt(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (m, k) { return values[k] !== undefined ? values[k] : m; });
  }
  function slugify(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/&/g, " dan ").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80).replace(/-+$/, "");
  }

  /* ---------- structure: which fields belong to which group ---------- */
  function owner(el) { return el.parentElement.closest(".f-group, .f-repeat, .doc, .item"); }
  function fieldsOf(container) {
    return $$(".f", container).filter(function (f) { return owner(f) === container; });
  }
  function input(f) { return $(".v", f); }
  function labelOf(f) {
    var l = f.matches("fieldset") ? $("legend", f) : $("label", f);
    return l ? l.textContent.replace(/\*|\(.*\)/g, "").trim() : "";
  }

  /* ---------- reading values ---------- */
  function read(f) {
    var kind = f.getAttribute("data-kind"), el = input(f), v;
    if (kind === "const") return /^\d+$/.test(f.value) ? Number(f.value) : f.value;
    if (kind === "group") return readGroup(f);
    if (kind === "repeat") {
      var list = $$(":scope > .items > .item", f).map(function (item) { return readGroup($(".f-group", item)); })
        .filter(function (x) { return x !== undefined; });
      return list.length ? list : undefined;
    }
    if (kind === "map") {
      var table = {}, any = false;
      $$(":scope > .items > .item", f).forEach(function (item) {
        var k = input($('[data-part="nama"]', item)).value.trim(), x = input($('[data-part="isi"]', item)).value.trim();
        if (k || x) { table[k] = x; any = true; }
      });
      return any ? table : undefined;
    }
    if (kind === "checks") {
      var picked = $$("input:checked", f).map(function (c) { return c.value; });
      return picked.length ? picked : undefined;
    }
    if (!el || el.disabled && !el.value) return undefined;
    if (kind === "checkbox") return el.checked ? true : undefined;
    v = el.value.trim();
    if (v === "") return undefined;
    if (kind === "number" || kind === "integer") return Number(v);
    if (kind === "list") return v.split(",").map(function (s) { return s.trim(); }).filter(Boolean);
    if (kind === "markdown" || kind === "textarea") return el.value.replace(/\r\n?/g, "\n").replace(/\s+$/, "").replace(/^\n+/, "");
    return v;
  }
  function readGroup(g) {
    var out = {}, any = false;
    fieldsOf(g).forEach(function (f) {
      var v = read(f);
      if (v !== undefined) { out[f.getAttribute("data-key")] = v; if (f.getAttribute("data-kind") !== "const") any = true; }
    });
    return any ? out : undefined;
  }

  /* ---------- rules: optional groups, if/then, dependentRequired, lists ---------- */
  var SCALAR = /^(text|textarea|markdown|select|date|number|integer)$/;
  function setRequired(f, on) {
    $$("input:not([type=checkbox]), select, textarea", f).forEach(function (el) {
      if (el.closest(".f") === f || el.classList.contains("prov")) el.required = on;
    });
  }
  function applyRules() {
    $$(".f-group", form).forEach(function (g) {
      var values = readGroup(g) || {};
      var filled = Object.keys(values).length > 0 || g.hasAttribute("data-required");
      var rules = JSON.parse(g.getAttribute("data-rules") || "[]");
      var need = {}, patterns = {};
      rules.forEach(function (r) {
        if (r.filled !== undefined) {
          if (values[r.filled] !== undefined) r.require.forEach(function (k) { need[k] = true; });
          return;
        }
        var match = Object.keys(r.when).every(function (k) { return r.when[k].indexOf(values[k]) >= 0; });
        if (!match) return;
        r.require.forEach(function (k) { need[k] = true; });
        Object.keys(r.patterns).forEach(function (k) { patterns[k] = r.patterns[k]; });
      });
      fieldsOf(g).forEach(function (f) {
        var key = f.getAttribute("data-key"), el = SCALAR.test(f.getAttribute("data-kind")) ? input(f) : null;
        if (f.hasAttribute("data-required") || need[key]) setRequired(f, filled && (f.hasAttribute("data-required") || need[key]));
        if (!el) return;
        if (!el.hasAttribute("data-base-pattern")) {
          el.setAttribute("data-base-pattern", el.getAttribute("pattern") || "");
          el.setAttribute("data-base-message", el.getAttribute("data-message") || "");
        }
        var p = patterns[key];
        var pattern = p ? p.pattern : el.getAttribute("data-base-pattern");
        var message = p ? p.message : el.getAttribute("data-base-message");
        if (pattern) el.setAttribute("pattern", pattern); else el.removeAttribute("pattern");
        if (message) el.setAttribute("data-message", message);
      });
    });
    $$('[data-kind="list"]', form).forEach(function (f) {
      var el = input(f), items = read(f) || [], bad = "";
      var pattern = f.getAttribute("data-item-pattern"), max = Number(f.getAttribute("data-max") || 0);
      var re = pattern ? new RegExp("^(?:" + pattern + ")$") : null;
      items.forEach(function (x) {
        if (!bad && re && !re.test(x)) bad = fmt(MSG.invalid_list, { field: labelOf(f), value: x, message: f.getAttribute("data-message") });
      });
      if (!bad && max && items.length > max) bad = fmt(MSG.too_many, { field: labelOf(f), n: max });
      el.setCustomValidity(bad);
    });
    $$(".f-repeat", form).forEach(function (r) {
      var max = Number(r.getAttribute("data-max") || 0);
      var min = r.hasAttribute("data-required") ? Number(r.getAttribute("data-min") || 0) : 0;
      var n = $$(":scope > .items > .item", r).length;
      $(":scope > .add", r).disabled = max > 0 && n >= max;
      $$(":scope > .items > .item > .remove", r).forEach(function (b) { b.disabled = n <= min; });
    });
    $$(".v, .prov", form).forEach(function (el) {
      if (el.closest('[data-kind="list"]')) return;
      el.setCustomValidity("");
      if (el.validity.patternMismatch && el.getAttribute("data-message")) el.setCustomValidity(el.getAttribute("data-message"));
    });
  }

  function problemText(el) {
    var f = el.closest(".f") || el.closest("fieldset");
    var name = f ? labelOf(f) : el.id, v = el.validity;
    if (v.customError) return name + ": " + el.validationMessage;
    if (v.valueMissing) return fmt(MSG.required, { field: name });
    if (v.patternMismatch) return name + ": " + (el.getAttribute("data-message") || MSG.pattern);
    if (v.tooShort) return name + ": " + fmt(MSG.chars_min, { n: el.getAttribute("minlength") });
    if (v.tooLong) return name + ": " + fmt(MSG.chars_max, { n: el.getAttribute("maxlength") });
    if (v.rangeUnderflow) return name + ": " + fmt(MSG.min, { n: el.getAttribute("min") });
    if (v.rangeOverflow) return name + ": " + fmt(MSG.max, { n: el.getAttribute("max") });
    if (v.stepMismatch || v.badInput) return name + ": " + MSG.number;
    if (v.typeMismatch) return name + ": " + (el.getAttribute("data-message") || MSG.pattern);
    return name + ": " + el.validationMessage;
  }

  /* ---------- YAML ---------- */
  var RESERVED = /^(?:y|n|yes|no|on|off|true|false|null|~|-?[\d._]+(?:e[-+]?\d+)?|0x[\da-f]+|\.inf|\.nan|[\d:.-]+)$/i;
  function scalar(v) {
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v; /* a date: the schema's format */
    if (/^[\p{L}\p{N}][\p{L}\p{N} .,()/&+%'!?-]*$/u.test(v) && !/[ ]$/.test(v) && !RESERVED.test(v)) return v;
    return JSON.stringify(v).replace(/[\u0085\u2028\u2029\u007f-\u009f]/g, function (c) {
      return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }
  /* characters a literal block cannot hold as they are (YAML line breaks, controls, a BOM) */
  var UNBLOCKABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]|^\n|\s$/;
  function block(text, indent) {
    var pad = new Array(indent + 1).join(" ");
    var head = /^ /.test(text) ? "|" + 2 + "-" : "|-";
    return head + "\n" + text.split("\n").map(function (l) { return l ? pad + l : ""; }).join("\n");
  }
  function emit(value, indent) {
    var pad = new Array(indent + 1).join(" ");
    if (Array.isArray(value)) {
      if (value.every(function (x) { return typeof x !== "object"; })) return " [" + value.map(scalar).join(", ") + "]";
      return "\n" + value.map(function (x) {
        var inner = emit(x, indent + 2).replace(/^\n/, "");
        return pad + "- " + inner.slice(indent + 2);
      }).join("\n");
    }
    if (value && typeof value === "object") {
      return "\n" + Object.keys(value).map(function (k) {
        var v = value[k], key = /^[\p{L}\p{N}_][\p{L}\p{N}_ ./()-]*$/u.test(k) && !RESERVED.test(k) ? k : JSON.stringify(k);
        if (typeof v === "string" && v.indexOf("\n") >= 0 && !UNBLOCKABLE.test(v)) return pad + key + ": " + block(v, indent + 2);
        return pad + key + ":" + (v && typeof v === "object" ? emit(v, indent + 2) : " " + scalar(v));
      }).join("\n");
    }
    return " " + scalar(value);
  }
  function yaml(doc, schemaFile) {
    return "# yaml-language-server: $schema=../../../schema/" + schemaFile + "\n" + emit(doc, 0).replace(/^\n/, "") + "\n";
  }

  /* ---------- output ---------- */
  function mode() { return $('input[name="ikm-mode"]:checked', form).value; }
  function ikmSlug() { return mode() === "baru" ? $("#f-ikm-slug").value.trim() : $("#f-ikm-lama").value; }
  function outputs() {
    var out = [], slug = ikmSlug() || "nama-ikm";
    if (mode() === "baru") out.push({ doc: "ikm", path: "content/products/" + slug + "/ikm.yaml", text: yaml(readGroup($('[data-doc="ikm"]')) || {}, "ikm.schema.json") });
    out.push({ doc: "produk", path: "content/products/" + slug + "/" + ($("#f-produk-slug").value.trim() || "nama-produk") + ".yaml", text: yaml(readGroup($('[data-doc="produk"]')) || {}, "produk.schema.json") });
    return out;
  }
  function refresh() {
    applyRules();
    var shown = {};
    outputs().forEach(function (o) {
      var box = $('[data-output="' + o.doc + '"]');
      shown[o.doc] = true;
      box.hidden = false;
      $(".path", box).textContent = o.path;
      $("textarea", box).value = o.text;
      var gh = $('[data-action="github"]', box);
      if (!gh) return;
      var url = "https://github.com/" + repo + "/new/" + branch + "?filename=" + encodeURIComponent(o.path) + "&value=" + encodeURIComponent(o.text);
      gh.href = url.length > 8000 ? "https://github.com/" + repo + "/new/" + branch + "?filename=" + encodeURIComponent(o.path) : url;
      gh.setAttribute("data-complete", url.length > 8000 ? "false" : "true");
    });
    $$("[data-output]").forEach(function (box) { if (!shown[box.getAttribute("data-output")]) box.hidden = true; });
    var issue = $("#issue-link"), name = read(fieldOf("produk", "nama"));
    if (issue) {
      /* the issue form's fields (.github/ISSUE_TEMPLATE/produk-baru.yml) prefilled through its query parameters */
      var q = name ? "&title=" + encodeURIComponent(fmt(MSG.issue_title, { name: name })) : "";
      var doc = readGroup($('[data-doc="produk"]')) || {};
      var prefill = { nama: doc.nama, deskripsi_singkat: doc.deskripsi_singkat, deskripsi: doc.deskripsi, merek: doc.merek,
        sku: doc.sku, kbli: doc.kbli, harga: doc.harga && doc.harga.nilai, berat_bersih: doc.berat_bersih, garansi: doc.garansi,
        ekatalog_tautan: doc.ekatalog_tautan, tag: doc.tag && doc.tag.join(", "), ikm: mode() === "lama" ? ikmSlug() : "" };
      Object.keys(prefill).forEach(function (k) { if (prefill[k]) q += "&" + k + "=" + encodeURIComponent(prefill[k]); });
      issue.href = form.getAttribute("data-issue") + q;
    }
  }
  function fieldOf(doc, key) { return fieldsOf($('[data-doc="' + doc + '"]')).filter(function (f) { return f.getAttribute("data-key") === key; })[0]; }
  var timer;
  function later() { clearTimeout(timer); timer = setTimeout(refresh, 150); }
  function say(text) { var s = $("#status"); s.textContent = ""; setTimeout(function () { s.textContent = text; }, 50); }

  /* ---------- regions, loaded per province when one is picked ---------- */
  function loadProvince(code) {
    if (!regionCache[code]) {
      var base = $("[data-regions]").getAttribute("data-regions");
      regionCache[code] = fetch(base + code + ".json").then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
      regionCache[code].catch(function () { delete regionCache[code]; });
    }
    return regionCache[code];
  }
  function fill(select, rows, placeholder) {
    select.textContent = "";
    select.appendChild(new Option(placeholder, ""));
    rows.forEach(function (r) { select.appendChild(new Option(r[1], r[0])); });
    select.disabled = false;
  }
  function districtsFor(regency) {
    var group = regency.closest(".f-group");
    return group ? $("select.district", group) : null;
  }
  form.addEventListener("change", function (e) {
    var el = e.target;
    if (el.classList.contains("prov")) {
      var regency = $("select.regency", el.closest(".f"));
      var district = districtsFor(regency);
      fill(regency, [], MSG.loading); regency.disabled = true;
      if (district) { fill(district, [], MSG.choose_regency_first); district.disabled = true; }
      if (!el.value) { fill(regency, [], MSG.choose_province_first); regency.disabled = true; later(); return; }
      loadProvince(el.value).then(function (data) {
        fill(regency, data.kabupaten_kota, MSG.choose); later();
      }, function () { fill(regency, [], MSG.choose_province_first); regency.disabled = true; say(MSG.load_failed); });
    } else if (el.classList.contains("regency")) {
      var d = districtsFor(el);
      if (d && el.value) loadProvince(el.value.slice(0, 2)).then(function (data) { fill(d, data.kecamatan[el.value] || [], MSG.choose); later(); });
    } else if (el.name === "ikm-mode") {
      var fresh = el.value === "baru";
      $("#ikm-baru").hidden = !fresh; $("#ikm-baru").disabled = !fresh;
      $("#ikm-lama").hidden = fresh; $("#ikm-lama").disabled = fresh;
    }
    later();
  });

  /* ---------- repeatable groups ---------- */
  function addItem(repeat) {
    var n = ++counter, tpl = $(":scope > template", repeat);
    var html = tpl.innerHTML.replace(/__n__/g, String(n));
    var holder = document.createElement("ol");
    holder.innerHTML = html;
    var item = holder.firstElementChild;
    $(":scope > .items", repeat).appendChild(item);
    return item;
  }
  form.addEventListener("click", function (e) {
    var b = e.target.closest("[data-action]");
    if (!b || !form.contains(b)) return;
    if (b.getAttribute("data-action") === "add") {
      var item = addItem(b.closest(".f-repeat"));
      var first = $("input, select, textarea", item);
      if (first) first.focus();
    } else if (b.getAttribute("data-action") === "remove") {
      var repeat = b.closest(".f-repeat");
      b.closest(".item").remove();
      $(":scope > .add", repeat).focus();
    }
    later();
  });

  /* ---------- typing ---------- */
  form.addEventListener("input", function (e) {
    var el = e.target;
    if (el.classList.contains("slug")) el.setAttribute("data-edited", "1");
    $$(".slug").forEach(function (s) {
      if (!s.hasAttribute("data-edited") && s.getAttribute("data-from") === el.id) s.value = slugify(el.value);
    });
    later();
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    refresh();
    var bad = $$("input, select, textarea", form).filter(function (el) { return !el.disabled && !el.checkValidity(); });
    var box = $("#masalah");
    if (!bad.length) {
      box.hidden = true;
      $("#hasil").scrollIntoView();
      $("#h-hasil").setAttribute("tabindex", "-1");
      $("#h-hasil").focus();
      say(MSG.ok);
      return;
    }
    box.textContent = "";
    var p = document.createElement("p");
    p.textContent = fmt(MSG.problems, { n: bad.length });
    var ul = document.createElement("ul");
    bad.forEach(function (el) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = "#" + el.id;
      a.textContent = problemText(el);
      li.appendChild(a);
      ul.appendChild(li);
    });
    box.appendChild(p); box.appendChild(ul);
    box.hidden = false;
    box.setAttribute("tabindex", "-1");
    box.focus();
  });

  /* ---------- the ways out ---------- */
  document.getElementById("hasil").addEventListener("click", function (e) {
    var b = e.target.closest("[data-action]");
    if (!b) return;
    var box = b.closest("[data-output]"), text = $("textarea", box).value, path = $(".path", box).textContent;
    if (b.getAttribute("data-action") === "copy") {
      var done = function () { say(MSG.copied); };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, function () { legacyCopy(box); done(); });
      else { legacyCopy(box); done(); }
    } else if (b.getAttribute("data-action") === "download") {
      var a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([text], { type: "text/yaml;charset=utf-8" }));
      a.download = path.split("/").pop();
      document.body.appendChild(a); a.click(); a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    } else if (b.getAttribute("data-action") === "github" && b.getAttribute("data-complete") === "false") {
      say(MSG.url_too_long);
    }
  });
  function legacyCopy(box) { var t = $("textarea", box); t.focus(); t.select(); document.execCommand("copy"); }

  /* ---------- start ---------- */
  $$(".f-repeat[data-required]", form).forEach(function (r) {
    for (var i = 0; i < Number(r.getAttribute("data-min") || 0); i++) addItem(r);
  });
  var today = new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  $$('[data-key="diperbarui"] input[type=date]', form).forEach(function (el) { if (!el.value) el.value = today; el.max = today; });
  form.setAttribute("novalidate", "");
  refresh();
})();
