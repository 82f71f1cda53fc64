/* Before printing: open every collapsed block and write the address of each external link
   whose text is not already its address after it, as real text (a CSS ::after would be
   untagged in the PDF, invisible to screen readers). After printing the page is as it
   was. `make handouts` calls dcahtPreparePrint() the same way. */
(function () {
  "use strict";
  // The published site's root, from the canonical address: handouts are printed from a
  // local copy whose links point there, and they are not external links.
  function siteRoot() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var path = window.location.pathname;
    if (!canonical || canonical.href.slice(-path.length + 1) !== path.slice(1)) return null;
    return canonical.href.slice(0, canonical.href.length - path.length + 1);
  }
  function preparePrint() {
    var root = siteRoot();
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.setAttribute("open", "");
      details.setAttribute("data-dcaht-opened-for-print", "");
    });
    document.querySelectorAll(".md-content a[href^='http']").forEach(function (link) {
      var sameSite = link.host === window.location.host || (root && link.href.indexOf(root) === 0);
      var text = link.textContent.trim();
      if (sameSite || text === link.href || text === link.getAttribute("href")) return;
      if (link.classList.contains("dcaht-print-url")) return;
      link.classList.add("dcaht-print-url");
      var address = document.createElement("span");
      address.className = "dcaht-print-url-text";
      address.textContent = " (" + link.href + ")";
      link.after(address);
    });
    document.querySelectorAll("[data-dcaht-print-address]").forEach(function (element) {
      if (!element.textContent.trim()) element.textContent = window.location.href;
    });
  }
  function restore() {
    document.querySelectorAll(".dcaht-print-url-text").forEach(function (node) { node.remove(); });
    document.querySelectorAll(".dcaht-print-url").forEach(function (link) { link.classList.remove("dcaht-print-url"); });
    document.querySelectorAll("[data-dcaht-opened-for-print]").forEach(function (details) {
      details.removeAttribute("open");
      details.removeAttribute("data-dcaht-opened-for-print");
    });
  }
  window.dcahtPreparePrint = preparePrint;
  window.addEventListener("beforeprint", preparePrint);
  window.addEventListener("afterprint", restore);
})();
