/* The 404 page speaks every language: put the language of the requested address
   (/de/..., /hu/...) first and title the page in it. Without JavaScript the list is
   in the site's language order. */
(function () {
  var list = document.querySelector("[data-dcaht-not-found]");
  if (!list) return;
  // The first entry is the root language, its link the site root ("/" or "/sub/").
  var root = new URL(list.querySelector("a").href).pathname;
  var path = window.location.pathname;
  var rest = path.indexOf(root) === 0 ? path.slice(root.length) : path;
  var locale = rest.split("/")[0];
  var item = locale && list.querySelector('[data-locale="' + CSS.escape(locale) + '"]');
  if (!item) return;
  list.insertBefore(item, list.firstElementChild);
  var heading = document.querySelector(".md-content h1");
  if (heading) {
    heading.textContent = item.querySelector("strong").textContent.replace(/\.$/, "");
    heading.setAttribute("lang", locale);
  }
})();
