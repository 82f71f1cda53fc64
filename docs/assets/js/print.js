/* Before printing: open every collapsed block and mark external links whose address is
   not already their text, so print.css can print the address after them. `make handouts`
   calls dcahtPreparePrint() the same way. */
(function () {
  "use strict";
  function preparePrint() {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.setAttribute("open", "");
      details.setAttribute("data-dcaht-opened-for-print", "");
    });
    document.querySelectorAll(".md-content a[href^='http']").forEach(function (link) {
      var sameSite = link.host === window.location.host;
      var text = link.textContent.trim();
      if (!sameSite && text !== link.href && text !== link.getAttribute("href")) {
        link.classList.add("dcaht-print-url");
      }
    });
    document.querySelectorAll("[data-dcaht-print-address]").forEach(function (element) {
      if (!element.textContent.trim()) element.textContent = window.location.href;
    });
  }
  window.dcahtPreparePrint = preparePrint;
  window.addEventListener("beforeprint", preparePrint);
})();
