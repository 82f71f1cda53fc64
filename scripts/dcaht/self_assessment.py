"""What the self-assessment page gives its script: the phases, every action point (the
retired ones too, so a saved file that names them shows them as retired) and the labels,
in the page's language. The saved format is versioned: FORMAT_VERSION goes up whenever
an older page could no longer read a newer file."""

from __future__ import annotations

from .render import without_links

FORMAT = "dcaht-self-assessment"
FORMAT_VERSION = 1
STORAGE_KEY = "dcaht-self-assessment"
STATUSES = ("not_started", "planned", "in_progress", "done", "not_applicable")
LABELS = ("sa_municipality", "sa_saved", "sa_reset_confirm", "sa_plan_title", "sa_plan_date",
          "sa_plan_level", "sa_plan_open", "sa_plan_none", "sa_retired", "sa_err_json",
          "sa_err_format", "sa_err_newer", "sa_import_unknown", "sa_import_ready",
          "sa_import_done", "sa_progress_count", "sa_level_none", "sa_status", "sa_responsible",
          "sa_due", "sa_note", "sa_level_1", "sa_level_2", "sa_level_3", "sa_level_4",
          *(f"sa_status_{status}" for status in STATUSES))


def page_data(catalogue, lang, chapter_numbers: dict[str, int]) -> dict:
    loc = lang.locale
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "storageKey": STORAGE_KEY,
        "locale": loc,
        "statuses": list(STATUSES),
        "phases": [{"id": phase.id, "title": phase.title.get(loc),
                    "levels": [level.get(loc) for level in phase.levels]}
                   for phase in catalogue.action_phases.values()],
        "points": [{"id": p.id, "phase": p.phase, "chapter": p.chapter,
                    "actor": p.actor.get(loc), "text": without_links(p.text.get(loc)),
                    "href": lang.page(f"guidelines/{p.chapter}.md") + f"#{p.anchor}",
                    "chapterLabel": lang.t("chapter_n").replace("{n}", str(chapter_numbers.get(p.chapter, ""))),
                    "retired": p.retired_on is not None}
                   for p in catalogue.action_points.values()],
        "labels": {key: lang.t(key) for key in LABELS},
    }
