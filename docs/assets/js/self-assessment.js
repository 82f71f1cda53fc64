/* The self-assessment page: levels per phase and a status, owner, date and note per
   action point, kept in this browser's local storage (never sent anywhere), with a
   printable local action plan and JSON/CSV files to save, share and reopen.
   The page's data (phases, points, labels in the reader's language) comes from the
   JSON island #dcaht-sa-data, written at build time from data/action_points.yml. */
(function () {
  "use strict";

  var root = document.querySelector("[data-dcaht-self-assessment]");
  if (!root) return;
  var data = JSON.parse(document.getElementById("dcaht-sa-data").textContent);
  var form = root.querySelector("#dcaht-sa");
  var L = data.labels;
  var known = {};
  data.points.forEach(function (p) { known[p.id] = p; });
  var current = data.points.filter(function (p) { return !p.retired; });
  var pending = null; // an imported file waiting for the reader's confirmation

  document.documentElement.classList.add("dcaht-sa-active");

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return key in values ? String(values[key]) : match;
    });
  }

  function emptyState() {
    return { format: data.format, version: data.version, municipality: "", levels: {}, points: {} };
  }

  // -- reading and writing the form ----------------------------------------------------
  function field(name) { return form.elements.namedItem(name); }

  function readForm(base) {
    var state = emptyState();
    state.municipality = field("municipality").value.trim();
    data.phases.forEach(function (phase) {
      var chosen = form.querySelector('input[name="level-' + phase.id + '"]:checked');
      if (chosen) state.levels[phase.id] = Number(chosen.value);
    });
    current.forEach(function (p) {
      var entry = {
        status: field("status-" + p.id).value,
        responsible: field("responsible-" + p.id).value.trim(),
        due: field("due-" + p.id).value,
        note: field("note-" + p.id).value.trim()
      };
      if (entry.status !== "not_started" || entry.responsible || entry.due || entry.note) {
        state.points[p.id] = entry;
      }
    });
    // Points not on this page (retired, or unknown to this version) are kept as they were.
    Object.keys((base && base.points) || {}).forEach(function (id) {
      if (!field("status-" + id)) state.points[id] = base.points[id];
    });
    return state;
  }

  function writeForm(state) {
    field("municipality").value = state.municipality || "";
    data.phases.forEach(function (phase) {
      form.querySelectorAll('input[name="level-' + phase.id + '"]').forEach(function (radio) {
        radio.checked = Number(radio.value) === state.levels[phase.id];
      });
    });
    current.forEach(function (p) {
      var entry = state.points[p.id] || {};
      field("status-" + p.id).value = data.statuses.indexOf(entry.status) >= 0 ? entry.status : "not_started";
      field("responsible-" + p.id).value = entry.responsible || "";
      field("due-" + p.id).value = /^\d{4}-\d{2}-\d{2}$/.test(entry.due || "") ? entry.due : "";
      field("note-" + p.id).value = entry.note || "";
    });
  }

  // -- storage -------------------------------------------------------------------------
  function load() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(data.storageKey) || "null");
      return stored && stored.format === data.format ? stored : emptyState();
    } catch (error) {
      return emptyState();
    }
  }

  function save(state) {
    try {
      window.localStorage.setItem(data.storageKey, JSON.stringify(state));
      return true;
    } catch (error) {
      return false; // storage disabled: the page still works for this visit
    }
  }

  var state = load();

  // -- progress and the printable plan --------------------------------------------------
  function renderProgress() {
    data.phases.forEach(function (phase) {
      var points = current.filter(function (p) { return p.phase === phase.id; });
      var relevant = points.filter(function (p) { return (state.points[p.id] || {}).status !== "not_applicable"; });
      var done = relevant.filter(function (p) { return (state.points[p.id] || {}).status === "done"; }).length;
      var bar = root.querySelector('.dcaht-sa__bar[data-phase="' + phase.id + '"]');
      var share = relevant.length ? (100 * done) / relevant.length : 0;
      bar.querySelector(".dcaht-sa__bar-fill").setAttribute("width", share.toFixed(1));
      var level = state.levels[phase.id];
      bar.querySelector("[data-sa-value]").textContent =
        fill(L.sa_progress_count, { done: done, total: relevant.length }) + " · " +
        (level ? L["sa_level_" + level] : L.sa_level_none);
    });
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function renderRetired() {
    var box = root.querySelector("[data-sa-retired]");
    var list = box.querySelector("[data-sa-retired-list]");
    list.textContent = "";
    var ids = Object.keys(state.points).filter(function (id) { return !field("status-" + id); });
    ids.forEach(function (id) {
      var entry = state.points[id];
      var point = known[id];
      var item = element("li");
      item.setAttribute("data-retired-point", id);
      item.appendChild(element("strong", point ? point.actor + " " : ""));
      item.appendChild(document.createTextNode((point ? point.text : id) + " – " +
        (L["sa_status_" + entry.status] || entry.status || "") +
        (entry.responsible ? " · " + entry.responsible : "") + (entry.due ? " · " + entry.due : "") +
        (entry.note ? " · " + entry.note : "")));
      list.appendChild(item);
    });
    box.hidden = ids.length === 0;
  }

  function renderPlan() {
    var plan = root.querySelector("[data-sa-plan]");
    plan.textContent = "";
    var title = element("h2", fill(L.sa_plan_title, { municipality: state.municipality || "…" }));
    title.id = "sa-plan-title";
    plan.appendChild(title);
    var today = new Date();
    plan.appendChild(element("p", L.sa_plan_date + ": " +
      new Intl.DateTimeFormat(data.locale, { dateStyle: "long" }).format(today), "dcaht-sa__plan-date"));
    data.phases.forEach(function (phase, index) {
      plan.appendChild(element("h3", (index + 1) + ". " + phase.title));
      var level = state.levels[phase.id];
      plan.appendChild(element("p", L.sa_plan_level + ": " +
        (level ? L["sa_level_" + level] + " – " + phase.levels[level - 1] : L.sa_level_none), "dcaht-sa__plan-level"));
      var open = current.filter(function (p) {
        var status = (state.points[p.id] || {}).status || "not_started";
        return p.phase === phase.id && status !== "done" && status !== "not_applicable";
      });
      if (!open.length) {
        plan.appendChild(element("p", L.sa_plan_none));
        return;
      }
      var table = element("table", null, "dcaht-sa__plan-table");
      var head = table.createTHead().insertRow();
      [L.sa_plan_open, L.sa_status, L.sa_responsible, L.sa_due, L.sa_note].forEach(function (label) {
        var cell = element("th", label);
        cell.scope = "col";
        head.appendChild(cell);
      });
      var body = table.createTBody();
      open.forEach(function (p) {
        var entry = state.points[p.id] || {};
        var row = body.insertRow();
        row.setAttribute("data-plan-point", p.id);
        row.insertCell().textContent = p.actor + " " + p.text + " (" + p.chapterLabel + ")";
        row.insertCell().textContent = L["sa_status_" + (entry.status || "not_started")];
        row.insertCell().textContent = entry.responsible || "";
        var due = row.insertCell();
        due.className = "dcaht-sa__plan-due";
        due.textContent = entry.due || "";
        row.insertCell().textContent = entry.note || "";
      });
      plan.appendChild(table);
    });
  }

  function render() {
    renderProgress();
    renderRetired();
    renderPlan();
  }

  function message(text) {
    root.querySelector("[data-sa-message]").textContent = text;
  }

  // -- files -----------------------------------------------------------------------------
  function slug(text) {
    return (text || "").toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9\u0400-\u04ff]+/g, "-").replace(/^-+|-+$/g, "") || "municipality";
  }

  function download(name, type, text) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  function fileName(extension) {
    return "dcaht-self-assessment-" + slug(state.municipality) + "-" +
      new Date().toISOString().slice(0, 10) + "." + extension;
  }

  function exportJson() {
    var copy = JSON.parse(JSON.stringify(state));
    copy.exported = new Date().toISOString();
    download(fileName("json"), "application/json", JSON.stringify(copy, null, 2) + "\n");
  }

  function csvCell(value) {
    var text = String(value === undefined || value === null ? "" : value);
    return /[",\r\n;]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function exportCsv() {
    var rows = [["phase", "level", "action_point", "actor", "action", "chapter", "status",
                 "responsible", "target_date", "note"]];
    data.phases.forEach(function (phase) {
      current.filter(function (p) { return p.phase === phase.id; }).forEach(function (p) {
        var entry = state.points[p.id] || {};
        rows.push([phase.title, state.levels[phase.id] || "", p.id, p.actor, p.text, p.chapterLabel,
                   L["sa_status_" + (entry.status || "not_started")], entry.responsible || "",
                   entry.due || "", entry.note || ""]);
      });
    });
    var text = rows.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
    download(fileName("csv"), "text/csv", "\ufeff" + text); // BOM: spreadsheets read UTF-8
  }

  /* A file is accepted only when it is an export of this page's format, of this version or
     an older one; anything else gets a message and changes nothing. */
  function checkImport(text) {
    var parsed;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return { error: L.sa_err_json };
    }
    if (!parsed || typeof parsed !== "object" || parsed.format !== data.format ||
        typeof parsed.levels !== "object" || typeof parsed.points !== "object" ||
        parsed.levels === null || parsed.points === null) {
      return { error: L.sa_err_format };
    }
    if (typeof parsed.version !== "number" || parsed.version > data.version) {
      return { error: fill(L.sa_err_newer, { version: parsed.version, supported: data.version }) };
    }
    var clean = emptyState();
    clean.municipality = typeof parsed.municipality === "string" ? parsed.municipality.slice(0, 120) : "";
    data.phases.forEach(function (phase) {
      var level = parsed.levels[phase.id];
      if (level === 1 || level === 2 || level === 3 || level === 4) clean.levels[phase.id] = level;
    });
    var unknown = [];
    Object.keys(parsed.points).forEach(function (id) {
      var entry = parsed.points[id] || {};
      clean.points[id] = {
        status: data.statuses.indexOf(entry.status) >= 0 ? entry.status : "not_started",
        responsible: typeof entry.responsible === "string" ? entry.responsible.slice(0, 200) : "",
        due: /^\d{4}-\d{2}-\d{2}$/.test(entry.due || "") ? entry.due : "",
        note: typeof entry.note === "string" ? entry.note.slice(0, 1000) : ""
      };
      if (!known[id] || known[id].retired) unknown.push(id);
    });
    return { state: clean, unknown: unknown };
  }

  function offerImport(name, text) {
    var result = checkImport(text);
    var box = root.querySelector("[data-sa-confirm]");
    if (result.error) {
      pending = null;
      box.hidden = true;
      message(result.error);
      return;
    }
    pending = result.state;
    var lines = [fill(L.sa_import_ready, { name: name, municipality: result.state.municipality || "…" })];
    if (result.unknown.length) lines.push(fill(L.sa_import_unknown, { ids: result.unknown.join(", ") }));
    box.querySelector("[data-sa-confirm-text]").textContent = lines.join(" ");
    box.hidden = false;
    message("");
    box.querySelector('[data-sa-action="replace"]').focus();
  }

  // -- events ----------------------------------------------------------------------------
  function update() {
    state = readForm(state);
    if (save(state)) message(L.sa_saved);
    render();
  }

  form.addEventListener("input", update);
  form.addEventListener("change", function (event) {
    if (event.target.id !== "sa-import") update();
  });
  // Enter in a field, or the Save button: save now and say so (entries save as they are made).
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });

  var fileInput = root.querySelector("#sa-import");
  fileInput.addEventListener("change", function () {
    var file = fileInput.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () { offerImport(file.name, String(reader.result)); fileInput.value = ""; };
    reader.onerror = function () { message(L.sa_err_json); fileInput.value = ""; };
    reader.readAsText(file);
  });

  root.addEventListener("click", function (event) {
    var button = event.target.closest("[data-sa-action]");
    if (!button) return;
    var action = button.getAttribute("data-sa-action");
    if (action === "print") {
      renderPlan();
      window.print();
    } else if (action === "export-json") {
      exportJson();
    } else if (action === "export-csv") {
      exportCsv();
    } else if (action === "import") {
      fileInput.click();
    } else if (action === "replace" && pending) {
      state = pending;
      pending = null;
      writeForm(state);
      save(state);
      render();
      root.querySelector("[data-sa-confirm]").hidden = true;
      message(L.sa_import_done);
    } else if (action === "keep") {
      pending = null;
      root.querySelector("[data-sa-confirm]").hidden = true;
      message("");
    } else if (action === "reset") {
      if (!window.confirm(L.sa_reset_confirm)) return;
      try { window.localStorage.removeItem(data.storageKey); } catch (error) { /* nothing stored */ }
      state = emptyState();
      writeForm(state);
      render();
      message("");
    }
  });

  window.addEventListener("beforeprint", renderPlan);
  writeForm(state);
  render();
})();
