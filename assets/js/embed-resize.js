/* For the host page (a Dinas website): resize Etalase iframes to their content's height. */
(function () {
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data.etalaseEmbedHeight !== "number") return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(Math.max(data.etalaseEmbedHeight, 150), 20000) + "px";
      }
    }
  });
})();
