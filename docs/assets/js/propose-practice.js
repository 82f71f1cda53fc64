/* Propose a good practice (docs/contribute/propose.md).

   The fields, their rules and labels come from the page's JSON island, which the build
   derives from data/schema/practice.schema.json (scripts/dcaht/practice_form.py). This
   script checks the answers as they are typed with the rules `dcaht validate` applies
   (required fields, allowed values, patterns, dates, placeholders, links, a shelter's
   address), writes the YAML file exactly as practice_form.practice_yaml does, keeps a
   draft in local storage and opens GitHub or the mail program only when the reader
   clicks. Nothing is sent by the page itself. */
(function () {
  "use strict";

  var root = document.querySelector("[data-dcaht-propose]");
  if (!root) return;
  var data = JSON.parse(document.getElementById("dcaht-propose-data").textContent);
  var form = root.querySelector("#dcaht-propose");
  var result = root.querySelector("[data-pf-result]");
  var summary = root.querySelector("[data-pf-summary]");
  var status = root.querySelector("[data-pf-status]");
  var L = data.labels;
  var LINK_LIMIT = 8000; // characters a link to GitHub may carry
  var MAIL_LIMIT = 1800;
  var UNWANTED = /[\u0000-\u0008\u000b-\u001f\u007f\u0085\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/g;
  var touched = {};
  var submitted = false;
  var idEdited = false;
  var lastYaml = "";
  var lastValues = null;

  function fmt(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : all;
    });
  }

  function todayIso() {
    var d = new Date();
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function clean(text) {
    return String(text || "").replace(/\r\n?/g, "\n").replace(UNWANTED, "$1").trim();
  }

  function byName(name) { return form.elements.namedItem(name); }

  function fieldById(name) {
    var found = null;
    (function walk(list) {
      list.forEach(function (f) {
        if (f.name === name) found = f;
        if (f.children) walk(f.children);
      });
    })(data.fields);
    return found;
  }

  // -- the sources' rows ------------------------------------------------------------
  function rows(name) {
    return Array.prototype.slice.call(root.querySelectorAll('[data-pf-rows="' + name + '"] > [data-pf-row]'));
  }

  function renumber(name) {
    rows(name).forEach(function (row, index) {
      row.querySelector("[data-pf-row-legend]").textContent = fmt(L.pf_source_n, { n: index + 1 });
      Array.prototype.forEach.call(row.querySelectorAll("[id], [name], [for], [aria-describedby]"), function (el) {
        ["id", "for", "aria-describedby"].forEach(function (attr) {
          var value = el.getAttribute(attr);
          if (value) el.setAttribute(attr, value.replace(/-\d+-/g, "-" + index + "-"));
        });
        if (el.name) el.name = el.name.replace(/\.\d+\./, "." + index + ".");
      });
      row.querySelector("[data-pf-remove]").hidden = rows(name).length === 1;
    });
  }

  function addRow(name) {
    var list = rows(name);
    var copy = list[0].cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll("input, textarea"), function (el) {
      el.value = "";
      el.removeAttribute("aria-invalid");
    });
    Array.prototype.forEach.call(copy.querySelectorAll("[data-pf-error]"), function (el) {
      el.hidden = true;
      el.textContent = "";
    });
    list[list.length - 1].after(copy);
    renumber(name);
    return copy;
  }

  root.addEventListener("click", function (event) {
    var add = event.target.closest("[data-pf-add]");
    if (add) {
      var row = addRow(add.getAttribute("data-pf-add"));
      row.querySelector("input").focus();
      save();
      return;
    }
    var remove = event.target.closest("[data-pf-remove]");
    if (remove) {
      var item = remove.closest("[data-pf-row]");
      var name = item.parentElement.getAttribute("data-pf-rows");
      var next = item.nextElementSibling || item.previousElementSibling;
      item.remove();
      renumber(name);
      if (next) next.querySelector("input").focus();
      save();
    }
  });

  // -- reading the answers ----------------------------------------------------------
  function rawValues() {
    var raw = { _rows: {} };
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) return;
      if (el.type === "checkbox") {
        raw[el.name] = raw[el.name] || [];
        if (el.checked) raw[el.name].push(el.value);
      } else {
        raw[el.name] = el.value;
      }
    });
    data.fields.forEach(function (f) {
      if (f.kind === "repeat") raw._rows[f.name] = rows(f.name).length;
    });
    return raw;
  }

  /* The answers as the file holds them: cleaned texts, numbers, lists. */
  function values() {
    var raw = rawValues();
    var out = {};
    data.fields.forEach(function (f) {
      var name = f.name;
      if (f.multilingual) {
        var texts = {};
        data.languages.forEach(function (language) {
          var text = clean(raw[name + "." + language.code]);
          if (text) texts[language.code] = text;
        });
        out[name] = texts;
      } else if (f.kind === "choices") {
        out[name] = raw[name] || [];
      } else if (f.kind === "lines") {
        out[name] = clean(raw[name]).split("\n").map(function (line) {
          return clean(line.replace(/^\s*[-*\u2022]\s*/, ""));
        }).filter(Boolean);
      } else if (f.kind === "group") {
        var part = {};
        f.children.forEach(function (c) {
          var value = clean(raw[name + "." + c.leaf]);
          if (value) part[c.leaf] = c.kind === "year" && /^\d+$/.test(value) ? parseInt(value, 10) : value;
        });
        out[name] = part;
      } else if (f.kind === "repeat") {
        var items = [];
        for (var i = 0; i < raw._rows[name]; i++) {
          var item = {};
          f.children.forEach(function (c) {
            var value = clean(raw[name + "." + i + "." + c.leaf]);
            if (value) item[c.leaf] = value;
          });
          items.push(item);
        }
        out[name] = items;
      } else {
        out[name] = clean(raw[name]);
      }
    });
    return out;
  }

  // -- the rules ----------------------------------------------------------------------
  var SHELTER = new RegExp(data.shelter.shelter, "iu");
  var ADDRESS = new RegExp(data.shelter.address, "imu");
  var LINK = /\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$/gm;
  var SHELTER_FIELDS = ["title", "summary", "what_was_done", "results", "needs", "city", "partners", "lead_organisation"];
  var PATTERN_MESSAGE = { url: "pf_msg_url", email: "pf_msg_email", phone: "pf_msg_phone", date: "pf_msg_date",
    partial_date: "pf_msg_partial_date", slug: "pf_msg_slug", line: "pf_msg_line" };

  function realDate(text) {
    var parts = text.split("-").map(Number);
    var d = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    return d.getUTCFullYear() === parts[0] && d.getUTCMonth() === parts[1] - 1 && d.getUTCDate() === parts[2];
  }

  function textProblem(f, text, multiline) {
    if (text.length > (multiline ? data.maxText : data.maxLine)) {
      return fmt(L.pf_msg_too_long, { n: text.length, max: multiline ? data.maxText : data.maxLine });
    }
    if (text.indexOf(data.placeholder) !== -1) return fmt(L.pf_msg_placeholder, { placeholder: data.placeholder });
    if (f.plain_title && /[<>]|\{\{|\{%/.test(text)) return L.pf_msg_title_markup;
    if (f.markdown || f.name === "summary") {
      LINK.lastIndex = 0;
      var match;
      while ((match = LINK.exec(text))) {
        var target = (match[1] || match[2] || "").toLowerCase();
        var scheme = /^([a-z][a-z0-9+.-]*):/.exec(target);
        if (!scheme || ["http", "https", "mailto"].indexOf(scheme[1]) === -1) return L.pf_msg_link;
      }
    }
    if (SHELTER_FIELDS.indexOf(f.name.split(".")[0]) !== -1 && SHELTER.test(text) && ADDRESS.test(text)) {
      return L.pf_msg_shelter;
    }
    if (!multiline && f.pattern && !new RegExp(f.pattern, "u").test(text)) {
      return L[PATTERN_MESSAGE[f.kind] || "pf_msg_line"];
    }
    return null;
  }

  function valueProblem(f, value) {
    if (f.kind === "year") {
      if (!/^\d{4}$/.test(String(value)) || value < f.minimum || value > f.maximum) {
        return fmt(L.pf_msg_year, { min: f.minimum, max: f.maximum });
      }
      return null;
    }
    if (f.kind === "select") {
      return f.options.some(function (o) { return o.value === value; }) ? null : L.pf_msg_required;
    }
    if (f.kind === "date") {
      if (!new RegExp(f.pattern).test(value) || !realDate(value)) return L.pf_msg_date;
      if (value > todayIso()) return L.pf_msg_future;
      return null;
    }
    return textProblem(f, value, false);
  }

  /* Every problem: {id: the control to fix, box: its error element's id, message}. */
  function problems(v) {
    var found = [];
    function add(id, message) { found.push({ id: id, message: message }); }
    data.fields.forEach(function (f) {
      var id = "pf-" + f.leaf;
      var value = v[f.name];
      if (f.multilingual) {
        data.languages.forEach(function (language, index) {
          var text = value[language.code] || "";
          var controlId = id + "-" + language.code;
          if (!text) {
            if (index === 0 && f.required) add(controlId, L.pf_msg_required);
            return;
          }
          var problem = textProblem(f, text, f.multiline);
          if (problem) add(controlId, problem);
        });
      } else if (f.kind === "choices") {
        if (value.length < (f.minItems || 0)) add(id, L.pf_msg_choose);
      } else if (f.kind === "lines") {
        value.forEach(function (line) {
          var problem = textProblem(f, line, false);
          if (problem && !found.some(function (p) { return p.id === id; })) add(id, problem);
        });
      } else if (f.kind === "group") {
        var filled = Object.keys(value).length > 0;
        f.children.forEach(function (c) {
          var childId = id + "-" + c.leaf;
          if (value[c.leaf] === undefined) {
            if (filled && c.required) add(childId, L.pf_msg_group_needs);
            return;
          }
          var problem = valueProblem(c, value[c.leaf]);
          if (problem) add(childId, problem);
        });
        if (f.name === "years" && value.start && value.end && value.end < value.start) {
          add(id + "-end", L.pf_msg_end_before_start);
        }
      } else if (f.kind === "repeat") {
        var used = 0;
        value.forEach(function (item, index) {
          if (!Object.keys(item).length) return;
          used += 1;
          f.children.forEach(function (c) {
            var childId = id + "-" + index + "-" + c.leaf;
            if (item[c.leaf] === undefined) {
              if (c.required) add(childId, L.pf_msg_source_needs_both);
              return;
            }
            var problem = valueProblem(c, item[c.leaf]);
            if (problem) add(childId, problem);
          });
        });
        if (used < (f.minItems || 0)) add(id + "-0-" + f.children[0].leaf, L.pf_msg_required);
      } else if (!value) {
        if (f.required) add(id, L.pf_msg_required);
      } else {
        var problem = valueProblem(f, value);
        if (problem) add(id, problem);
      }
    });
    return found;
  }

  function textOf(el) {
    var copy = el.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".dcaht-propose__required"), function (mark) { mark.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  /* "Title – in English", "Sources – Source 2 – Address of the page", "Sectors involved". */
  function labelOf(id) {
    var control = document.getElementById(id);
    if (!control) return id;
    var parts = [];
    var group = control.matches("fieldset") ? control : control.closest("fieldset");
    while (group && form.contains(group)) {
      var legend = group.querySelector(":scope > legend");
      if (legend) parts.unshift(textOf(legend));
      group = group.parentElement.closest("fieldset");
    }
    var own = form.querySelector('label[for="' + id + '"]');
    if (own) parts.push(textOf(own));
    return parts.join(" – ") || id;
  }

  function showProblems(found, onlyTouched) {
    var byId = {};
    found.forEach(function (p) { byId[p.id] = byId[p.id] || p.message; });
    Array.prototype.forEach.call(form.querySelectorAll("[data-pf-error]"), function (box) {
      var id = box.id.replace(/-error$/, "");
      var message = byId[id];
      var control = document.getElementById(id);
      var visible = message && (!onlyTouched || touched[id] || submitted);
      box.hidden = !visible;
      box.textContent = visible ? message : "";
      if (control && control.matches("input, textarea, select")) {
        if (visible) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
      }
    });
  }

  // -- the file -------------------------------------------------------------------------
  function quoted(text) { return JSON.stringify(text); }

  function textValue(value, indent) {
    if (value.indexOf("\n") === -1) return " " + quoted(value);
    return " |-\n" + value.split("\n").map(function (line) {
      return line.trim() ? indent + line : "";
    }).join("\n");
  }

  function scalar(f, value) {
    if (f.kind === "year" && typeof value === "number") return String(value);
    if (f.kind === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    if (f.kind === "select" && f.options.some(function (o) { return o.value === value; })) return value;
    return quoted(String(value));
  }

  /* The same text as practice_form.practice_yaml for the same answers. */
  function toYaml(v) {
    var lines = ["# yaml-language-server: $schema=../schema/practice.schema.json"];
    data.fields.forEach(function (f) {
      var name = f.name;
      var value = v[name];
      if (name === "id") return;
      if (f.multilingual) {
        var codes = Object.keys(value);
        if (!codes.length) return;
        lines.push(name + ":");
        codes.forEach(function (code) { lines.push("  " + code + ":" + textValue(value[code], "    ")); });
      } else if (f.kind === "choices") {
        if (!value.length && !f.required) return;
        lines.push(name + ": [" + value.join(", ") + "]");
      } else if (f.kind === "lines") {
        lines.push(name + ":" + (value.length ? "" : " []"));
        value.forEach(function (item) { lines.push("  - " + quoted(item)); });
      } else if (f.kind === "group") {
        if (!Object.keys(value).length) return;
        lines.push(name + ":");
        f.children.forEach(function (c) {
          if (value[c.leaf] !== undefined) lines.push("  " + c.leaf + ": " + scalar(c, value[c.leaf]));
        });
      } else if (f.kind === "repeat") {
        var items = value.filter(function (item) { return Object.keys(item).length; });
        if (!items.length) return;
        lines.push(name + ":");
        items.forEach(function (item) {
          var parts = [];
          f.children.forEach(function (c) {
            if (item[c.leaf] !== undefined) parts.push(c.leaf + ": " + scalar(c, item[c.leaf]));
          });
          lines.push("  - " + parts.join("\n    "));
        });
      } else if (value) {
        lines.push(name + ": " + scalar(f, value));
      }
    });
    lines.push("added_on: " + todayIso());
    return lines.join("\n") + "\n";
  }

  function slugify(text) {
    var words = (text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().match(/[a-z0-9]+/g) || [];
    var slug = "";
    words.forEach(function (word) {
      if (slug.length + word.length + 1 > 60) return;
      slug = slug ? slug + "-" + word : word;
    });
    return slug;
  }

  // -- sending ---------------------------------------------------------------------------
  /* The answers as the issue form's fields take them (ids from the page's data). */
  function issueAnswers(v) {
    var answers = {};
    data.fields.forEach(function (f) {
      var value = v[f.name];
      if (f.multilingual) {
        if (value.en) answers[f.issueId] = value.en;
      } else if (f.kind === "choices" || f.kind === "lines") {
        if (value.length) answers[f.issueId] = value.join("\n");
      } else if (f.kind === "group") {
        f.children.forEach(function (c) {
          if (value[c.leaf] !== undefined) answers[c.issueId] = String(value[c.leaf]);
        });
      } else if (f.kind === "repeat") {
        answers[f.issueId] = value.filter(function (item) { return item.url; }).map(function (item) {
          return (item.title || "") + " " + item.url + (item.date ? " (" + item.date + ")" : "");
        }).join("\n");
      } else if (value) {
        answers[f.issueId] = value;
      }
    });
    return answers;
  }

  function issueLink(v) {
    var base = data.repository + "/issues/new?template=" + encodeURIComponent(data.issueTemplate) +
      "&title=" + encodeURIComponent("Good practice: " + (v.title.en || ""));
    var answers = issueAnswers(v);
    // Long texts go last and are left out when the link would grow too long.
    var order = Object.keys(answers).sort(function (a, b) { return answers[a].length - answers[b].length; });
    var link = base;
    var complete = true;
    order.forEach(function (key) {
      var part = "&" + encodeURIComponent(key) + "=" + encodeURIComponent(answers[key]);
      if ((link + part).length <= LINK_LIMIT) link += part; else complete = false;
    });
    return { href: link, complete: complete };
  }

  function newFileBase(id) {
    return data.repository + "/new/" + data.branch + "?filename=" + encodeURIComponent("data/practices/" + id + ".yml");
  }

  function copy(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).catch(function () {});
    }
    return Promise.resolve();
  }

  function say(message) { status.textContent = message; }

  function download(id, text) {
    var blob = new Blob([text], { type: "text/yaml;charset=utf-8" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = id + ".yml";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  function prepareSending(v, yamlText) {
    var pr = root.querySelector('[data-pf-send="pr"]');
    if (pr) {
      var full = newFileBase(v.id) + "&value=" + encodeURIComponent(yamlText);
      var fits = full.length <= LINK_LIMIT;
      pr.href = fits ? full : newFileBase(v.id);
      pr.setAttribute("data-pf-fits", fits ? "true" : "false");
    }
    var issue = root.querySelector('[data-pf-send="issue"]');
    if (issue) {
      var link = issueLink(v);
      issue.href = link.href;
      issue.setAttribute("data-pf-complete", link.complete ? "true" : "false");
    }
    var mail = root.querySelector('[data-pf-send="email"]');
    if (mail) {
      var subject = fmt(L.pf_email_subject, { title: v.title.en || v.id });
      // Too long for a mail link: the message stays empty and the file is downloaded to attach.
      var body = yamlText.length <= MAIL_LIMIT ? yamlText : "";
      mail.href = "mailto:" + data.editorsEmail + "?subject=" + encodeURIComponent(subject) +
        "&body=" + encodeURIComponent(body);
    }
  }

  root.addEventListener("click", function (event) {
    var button = event.target.closest("[data-pf-send]");
    if (!button || !lastValues) return;
    var kind = button.getAttribute("data-pf-send");
    if (kind === "pr" && button.getAttribute("data-pf-fits") === "false") {
      copy(lastYaml);
      say(L.pf_send_pr_long);
    } else if (kind === "download") {
      download(lastValues.id, lastYaml);
    } else if (kind === "copy") {
      copy(lastYaml).then(function () { say(L.pf_copied); });
    } else if (kind === "email" && lastYaml.length > MAIL_LIMIT) {
      download(lastValues.id, lastYaml);
    }
  });

  // -- the draft --------------------------------------------------------------------------
  function save() {
    try {
      localStorage.setItem(data.storageKey, JSON.stringify({ version: data.version, idEdited: idEdited, values: rawValues() }));
    } catch (e) { /* private mode or full storage: the form still works */ }
  }

  function restore() {
    var saved;
    try { saved = JSON.parse(localStorage.getItem(data.storageKey) || "null"); } catch (e) { saved = null; }
    if (!saved || saved.version !== data.version || !saved.values) return;
    var raw = saved.values;
    Object.keys(raw._rows || {}).forEach(function (name) {
      while (rows(name).length < Math.min(raw._rows[name], 50)) addRow(name);
    });
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || !Object.prototype.hasOwnProperty.call(raw, el.name)) return;
      if (el.type === "checkbox") el.checked = (raw[el.name] || []).indexOf(el.value) !== -1;
      else el.value = typeof raw[el.name] === "string" ? raw[el.name] : "";
    });
    idEdited = !!saved.idEdited;
  }

  // -- putting it together ------------------------------------------------------------------
  function refresh(onlyTouched) {
    var v = values();
    var found = problems(v);
    showProblems(found, onlyTouched);
    return { values: v, problems: found };
  }

  form.addEventListener("input", function (event) {
    var target = event.target;
    if (target.name === "id") idEdited = target.value.trim() !== "";
    if (target.name === "title." + data.languages[0].code && !idEdited) {
      byName("id").value = slugify(target.value);
    }
    save();
    refresh(true);
    if (!result.hidden) result.hidden = true; // the file shown no longer matches
  });

  form.addEventListener("focusout", function (event) {
    if (event.target.id) {
      touched[event.target.id] = true;
      refresh(true);
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    submitted = true;
    var state = refresh(false);
    summary.innerHTML = "";
    if (state.problems.length) {
      result.hidden = true;
      var intro = document.createElement("p");
      intro.textContent = fmt(L.pf_problems, { n: state.problems.length });
      var list = document.createElement("ul");
      state.problems.forEach(function (p) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = "#" + p.id;
        link.textContent = labelOf(p.id) + ": " + p.message;
        link.addEventListener("click", function (e) {
          e.preventDefault();
          var control = document.getElementById(p.id);
          if (control) control.focus();
        });
        item.appendChild(link);
        list.appendChild(item);
      });
      summary.appendChild(intro);
      summary.appendChild(list);
      summary.hidden = false;
      summary.focus();
      return;
    }
    summary.hidden = true;
    lastValues = state.values;
    lastYaml = toYaml(state.values);
    root.querySelector("[data-pf-yaml]").textContent = lastYaml;
    root.querySelector("[data-pf-result-help]").textContent = fmt(L.pf_result_help, { id: state.values.id });
    prepareSending(state.values, lastYaml);
    say(L.pf_valid);
    result.hidden = false;
    result.querySelector("h2").focus();
  });

  root.querySelector("[data-pf-clear]").addEventListener("click", function () {
    if (!window.confirm(L.pf_clear_confirm)) return;
    form.reset();
    data.fields.forEach(function (f) {
      if (f.kind === "repeat") rows(f.name).slice(1).forEach(function (row) { row.remove(); });
      if (f.kind === "repeat") renumber(f.name);
    });
    try { localStorage.removeItem(data.storageKey); } catch (e) { /* nothing kept */ }
    touched = {};
    submitted = false;
    idEdited = false;
    result.hidden = true;
    summary.hidden = true;
    showProblems([], true);
  });

  var checkedOn = byName("sources_checked_on");
  if (checkedOn) checkedOn.max = todayIso();
  data.fields.forEach(function (f) { if (f.kind === "repeat") renumber(f.name); });
  restore();
  if (checkedOn && !checkedOn.value) checkedOn.value = todayIso();
  refresh(true);
  window.dcahtProposePractice = { values: values, toYaml: toYaml, problems: problems, field: fieldById };
})();
