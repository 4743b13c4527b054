/* Inside an embedded list: tell the host page our height so it can size the iframe (optional). */
(function () {
  if (window.parent === window) return;
  var last = 0;
  function report() {
    var h = document.documentElement.scrollHeight;
    if (h !== last) { last = h; window.parent.postMessage({ etalaseEmbedHeight: h, src: location.href }, "*"); }
  }
  window.addEventListener("load", report);
  window.addEventListener("resize", report);
  if (window.ResizeObserver) new ResizeObserver(report).observe(document.documentElement);
})();
