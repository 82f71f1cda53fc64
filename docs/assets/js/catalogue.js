/* Instant filters for the practice catalogue and lists like it.
   Without JavaScript every entry stays listed; with it, the filter state lives in the
   address (?country=AT&sector=police&q=school&sort=recent) so a filtered view can be
   shared. The map's country links filter the list in place. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function fold(text) {
    return (text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function matches(item, filters, words) {
    var selected = Object.keys(filters).every(function (name) {
      var wanted = filters[name];
      if (!wanted) return true;
      var values = (item.getAttribute("data-" + name) || "").split(" ");
      return values.indexOf(wanted) !== -1;
    });
    if (!selected || !words.length) return selected;
    var text = item.dcahtText || (item.dcahtText = fold(item.textContent));
    return words.every(function (word) { return text.indexOf(word) !== -1; });
  }

  function setup(form) {
    var root = form.closest("article") || document;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select:not([data-dcaht-sort])"));
    var sort = form.querySelector("[data-dcaht-sort]");
    var text = form.querySelector('input[name="q"]');
    var list = root.querySelector("[data-dcaht-list]");
    var items = Array.prototype.slice.call(
      root.querySelectorAll("[data-dcaht-list] > [data-country], [data-dcaht-list] > [data-type]"));
    var count = root.querySelector("[data-dcaht-count]");
    var empty = root.querySelector("[data-dcaht-empty]");
    var params = new URLSearchParams(window.location.search);

    selects.concat(sort ? [sort] : []).forEach(function (select) {
      var value = params.get(select.name);
      if (value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) {
        select.value = value;
      }
    });
    if (text && params.get("q")) text.value = params.get("q");

    function order() {
      if (!sort || !list) return;
      var recent = sort.value === "recent";
      items.slice().sort(function (a, b) {
        if (recent) {
          var byDate = (b.getAttribute("data-added") || "").localeCompare(a.getAttribute("data-added") || "");
          if (byDate) return byDate;
        }
        return Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
      }).forEach(function (item) { list.appendChild(item); });
    }

    function apply(updateAddress) {
      var filters = {};
      var query = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        filters[select.name] = select.value;
        if (select.value) query.set(select.name, select.value); else query.delete(select.name);
      });
      var words = text ? fold(text.value).split(/\s+/).filter(Boolean) : [];
      if (text && text.value.trim()) query.set("q", text.value.trim()); else query.delete("q");
      if (sort && sort.value) query.set("sort", sort.value); else query.delete("sort");
      order();
      var shown = 0;
      items.forEach(function (item) {
        var visible = matches(item, filters, words);
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
    form.addEventListener("input", function (event) { if (event.target === text) apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    root.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("[data-country-link]");
      var country = form.querySelector('select[name="country"]');
      if (!link || !country) return;
      event.preventDefault();
      country.value = link.getAttribute("data-country-link");
      apply(true);
      (list || form).scrollIntoView({ behavior: "smooth", block: "start" });
    });
    apply(false);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-dcaht-filters]"), setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
