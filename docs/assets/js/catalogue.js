/* Instant filters for the practice catalogue and the contacts directory.
   Without JavaScript every entry stays listed; with it, the filter state lives in the
   address (?country=AT&sector=police) so a filtered view can be shared. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function matches(item, filters) {
    return Object.keys(filters).every(function (name) {
      var wanted = filters[name];
      if (!wanted) return true;
      var values = (item.getAttribute("data-" + name) || "").split(" ");
      return values.indexOf(wanted) !== -1;
    });
  }

  function setup(form) {
    var root = form.closest("article") || document;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var items = Array.prototype.slice.call(
      root.querySelectorAll("[data-dcaht-list] > [data-country], [data-dcaht-list] > [data-type]"));
    var count = root.querySelector("[data-dcaht-count]");
    var empty = root.querySelector("[data-dcaht-empty]");
    var params = new URLSearchParams(window.location.search);

    selects.forEach(function (select) {
      var value = params.get(select.name);
      if (value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) {
        select.value = value;
      }
    });

    function apply(updateAddress) {
      var filters = {};
      var query = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        filters[select.name] = select.value;
        if (select.value) query.set(select.name, select.value); else query.delete(select.name);
      });
      var shown = 0;
      items.forEach(function (item) {
        var visible = matches(item, filters);
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      if (count) count.textContent = String(shown);
      if (empty) empty.hidden = shown !== 0;
      if (updateAddress) {
        var search = query.toString();
        history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
      }
    }

    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    apply(false);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-dcaht-filters]"), setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
