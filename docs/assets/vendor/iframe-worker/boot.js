/* Runs first in the offline search worker's frame (shim.js): what iframe-worker 1.0.4
   wrote there as an inline script, as a file, so that the Content-Security-Policy can
   refuse every inline script it has no hash for (scripts/dcaht/csp.py). The worker's
   address arrives as the frame's name. Material's worker finds its own address as the
   frame's first script with a src, so this one takes itself out of the page. */
document.currentScript.remove();
window.postMessage = function (s, n) { parent.postMessage(s, n || "*"); };
window.importScripts = function () {
  var urls = Array.prototype.slice.call(arguments);
  return urls.reduce(function (n, e) {
    return n.then(function () {
      return new Promise(function (r) {
        var t = document.createElement("script");
        t.src = e;
        t.onload = r;
        document.body.appendChild(t);
      });
    });
  }, Promise.resolve());
};
window.addEventListener("error", function (event) {
  parent.dispatchEvent(new ErrorEvent("error", { filename: window.name, error: event.error }));
});
