/*! Irregular Atlas embed loader: sizes <iframe data-atlas-embed> to its content. No dependencies.
 * Each embed posts {type:"atlas:height", id, height} to this page; a message is used only when it
 * comes from the window of one of those iframes and from that iframe's origin (or "null", the
 * origin of an iframe sandboxed without allow-same-origin). The loader says hello to every embed,
 * so embeds that reported before it loaded report again, and gives each iframe an id.
 * Safe to include once per embed: it installs itself once. */
(function (w, d) {
  if (w.atlasEmbed) return w.atlasEmbed.scan();
  var n = 0;
  function frames() {
    return d.querySelectorAll("iframe[data-atlas-embed]");
  }
  function originOf(f) {
    try {
      return new URL(f.src, d.baseURI).origin;
    } catch (e) {
      return "";
    }
  }
  function theme() {
    var s = (w.getComputedStyle(d.documentElement).colorScheme || "").replace("only", "").trim();
    return s === "dark" || s === "light" ? s : "";
  }
  function hello(f) {
    if (!f.getAttribute("data-atlas-id")) f.setAttribute("data-atlas-id", "atlas-embed-" + ++n);
    try {
      f.contentWindow.postMessage({ type: "atlas:hello", id: f.getAttribute("data-atlas-id"), theme: theme() }, "*");
    } catch (e) {}
  }
  function scan() {
    var l = frames();
    for (var i = 0; i < l.length; i++) {
      var f = l[i];
      if (!f.__atlas) {
        f.__atlas = 1;
        f.addEventListener("load", hello.bind(null, f));
      }
      hello(f);
    }
  }
  w.addEventListener("message", function (e) {
    var m = e.data;
    if (!m || m.type !== "atlas:height") return;
    var h = Math.ceil(+m.height);
    if (!(h > 0 && h < 20000)) return;
    var l = frames();
    for (var i = 0; i < l.length; i++) {
      var f = l[i];
      if (f.contentWindow !== e.source) continue;
      if (e.origin !== originOf(f) && e.origin !== "null") return;
      f.style.height = h + "px";
      f.setAttribute("data-atlas-height", h);
      return;
    }
  });
  w.atlasEmbed = { scan: scan };
  if (d.readyState === "loading") d.addEventListener("DOMContentLoaded", scan);
  else scan();
})(window, document);
