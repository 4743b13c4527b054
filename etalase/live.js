// Preview only (python build.py serve): reload this page after each rebuild, and show the
// problems of a failed rebuild over it until the content is valid again. Never part of _site/.
// A fast preview (etalase/preview.py) names the pages it rendered (the edited products' and the
// open tabs'): other tabs wait for the full rebuild, which in turn leaves alone the tabs whose
// page it made as the fast preview showed it.
(() => {
  // the tab's page, so that an edit it shows is rendered for it first
  const source = new EventSource("/__etalase/events?halaman=" + encodeURIComponent(location.pathname));
  let version = null;
  let box = null;
  source.onmessage = (e) => {
    const state = JSON.parse(e.data);
    const before = version;
    version = state.version;
    document.documentElement.dataset.etalaseLive = String(version); // connected (tests wait for it)
    if (state.problems.length) return show(state);
    if (box) { box.remove(); box = null; }
    if (before === null || before === state.version) return;
    const here = location.pathname;
    if (state.pages ? !state.pages.includes(here) : state.keep.includes(here)) return;
    location.reload();
  };
  function show(state) {
    if (!box) {
      box = document.createElement("div");
      box.id = "etalase-galat";
      box.setAttribute("role", "alert");
      Object.assign(box.style, {
        position: "fixed", inset: "auto 0 0 0", maxHeight: "60vh", overflow: "auto", zIndex: 2147483647,
        background: "#1f2328", color: "#fff", font: "14px/1.5 monospace", padding: "1rem",
        borderTop: "4px solid #d1242f", whiteSpace: "pre-wrap",
      });
      document.body.append(box);
    }
    const title = document.createElement("strong");
    title.textContent = state.title;
    box.replaceChildren(title, ...state.problems.map((p) => {
      const line = document.createElement("div");
      line.textContent = p;
      return line;
    }));
  }
})();
