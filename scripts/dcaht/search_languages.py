"""Search that answers in the reader's language: one lunr language module per language.

Readers type a word's dictionary form while the text inflects it ("торгівля" for
"торгівлі", "торгівлею"). Each language's index and query therefore go through the same
steps: diacritics folded ("obchodovani" finds "obchodování") and a stemmer:
- German, Hungarian and Romanian: the Snowball stemmers of lunr-languages, which Material
  ships (lunr.de/hu/ro.min.js);
- Czech, Slovak, Slovenian, Croatian, Serbian, Bulgarian and Ukrainian, which
  lunr-languages lacks: a light stemmer in the manner of Savoy's light stemmers for
  Slavic languages (remove one inflectional ending, longest first, keeping a stem of at
  least three letters), with the endings below.
English keeps Material's default (no stemming, prefix matching).

Material's search worker adds a trailing wildcard to every query term, and lunr skips the
search pipeline for wildcard terms; so each module also stems a trailing-wildcard term
before lunr expands it (lunr.Query.prototype.clause). The modules are written into the
built site by the hooks (write_search_modules) and named `dcaht-<locale>` in each
language's index (search_split.py). The same rules run here in Python, for the tests and
the terminology report (`dcaht translations --terms`).
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from pathlib import Path

# Inflectional endings, written unfolded (as in the language); they are folded like the
# words before matching. Longest first is applied automatically.
LIGHT_ENDINGS: dict[str, tuple[str, ...]] = {
    # Czech: case endings of nouns and adjectives (after Dolamic & Savoy's light stemmer).
    "cs": ("atech", "ětem", "etem", "atům", "ech", "ich", "ích", "ého", "ěmi", "emi", "ému",
           "ete", "eti", "iho", "ího", "ími", "imu", "ách", "ata", "aty", "ých", "ama", "ami",
           "ové", "ovi", "ými", "em", "es", "ém", "ím", "ům", "at", "ám", "os", "us", "ým", "mi",
           "ou", "e", "i", "í", "ě", "u", "y", "ů", "a", "o", "á", "é", "ý"),
    # Slovak: case endings of nouns and adjectives.
    "sk": ("ami", "ách", "ach", "ými", "ých", "ému", "ého", "ími", "iach", "iam", "ou", "om",
           "ov", "ej", "ia", "ie", "iu", "ím", "ým", "ám", "ách", "mi", "a", "e", "i", "o", "u",
           "y", "á", "é", "í", "ý"),
    # Slovenian.
    "sl": ("ami", "ema", "ega", "emu", "imi", "ih", "im", "om", "em", "ov", "ev", "ah", "am",
           "a", "e", "i", "o", "u"),
    # Croatian (Latin script).
    "hr": ("ama", "ima", "ega", "emu", "ome", "oga", "omu", "ih", "im", "om", "em", "og", "oj",
           "a", "e", "i", "o", "u"),
    # Serbian (Cyrillic script, as the site writes it).
    "sr": ("ама", "има", "ега", "ему", "оме", "ога", "ому", "их", "им", "ом", "ем", "ог", "ој",
           "а", "е", "и", "о", "у"),
    # Bulgarian: definite articles and plural endings.
    "bg": ("ията", "ият", "ите", "ата", "ове", "еве", "ът", "ят", "та", "то", "те", "ия",
           "а", "я", "и", "о", "е"),
    # Ukrainian: case endings of nouns and adjectives.
    "uk": ("ями", "ами", "ові", "еві", "ого", "ому", "ими", "іми", "ій", "ою", "ею", "ях",
           "ах", "ів", "ам", "ям", "ом", "ем", "ий", "ої", "ий", "а", "я", "у", "ю", "і", "и",
           "е", "о", "ь", "ї"),
}
SNOWBALL = {"de": "german", "hu": "hungarian", "ro": "romanian"}
MIN_STEM = 3
# Letters a token may keep (lunr's trimmer strips everything else at the word's edges).
WORD_CHARACTERS = {
    "latin": "A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02b8\u1e00-\u1eff",
    "cyrillic": "\u0400-\u0484\u0487-\u052f\u1c80-\u1c88\u1d2b\u1d78\u2de0-\u2dff\ua640-\ua69f",
}
SCRIPT = {"cs": "latin", "sk": "latin", "sl": "latin", "hr": "latin", "sr": "cyrillic",
          "bg": "cyrillic", "uk": "cyrillic"}


def fold(word: str) -> str:
    """Lowercase without diacritics (NFD, combining marks removed)."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


@lru_cache(maxsize=16)
def _folded_endings(locale: str) -> tuple[str, ...]:
    # longest first; equal lengths alphabetically, so the module is the same in every build
    return tuple(sorted({fold(e) for e in LIGHT_ENDINGS[locale]}, key=lambda e: (-len(e), e)))


@lru_cache(maxsize=16)
def _snowball(locale: str):
    import snowballstemmer

    return snowballstemmer.stemmer(SNOWBALL[locale])


def stem(word: str, locale: str) -> str:
    """The form a word is indexed and searched under in `locale`."""
    if locale in SNOWBALL:
        return fold(_snowball(locale).stemWord(word.lower()))
    if locale not in LIGHT_ENDINGS:
        return word.lower()
    folded = fold(word)
    for ending in _folded_endings(locale):
        if len(folded) - len(ending) >= MIN_STEM and folded.endswith(ending):
            return folded[: -len(ending)]
    return folded


def module_name(locale: str) -> str | None:
    """The lunr language a locale's index uses, or None for lunr's default (English)."""
    if locale in LIGHT_ENDINGS or locale in SNOWBALL:
        return f"dcaht-{locale}"
    return None


# Stems trailing-wildcard query terms (Material adds "*" to every term; lunr then skips the
# search pipeline) with the same function that stems the index.
_QUERY_PATCH = """
  var clause = lunr.Query.prototype.clause;
  if (!clause.__dcaht) {
    lunr.Query.prototype.clause = function (c) {
      if (c && typeof c.term === "string" && lunr.dcahtStem && /^[^*]+\\*$/.test(c.term)) {
        c.term = lunr.dcahtStem(c.term.slice(0, -1)) + "*";
      }
      return clause.call(this, c);
    };
    lunr.Query.prototype.clause.__dcaht = true;
  }
"""

_FOLD_JS = ('function fold(w) { return w.toLowerCase().normalize("NFD")'
            '.replace(/[\\u0300-\\u036f]/g, ""); }')


def light_module(locale: str) -> str:
    name = module_name(locale)
    endings = json.dumps(list(_folded_endings(locale)), ensure_ascii=False)
    characters = WORD_CHARACTERS[SCRIPT[locale]]
    return f"""/* Search language `{name}` of the D-CAHT Guidelines: diacritics folded and a light
   stemmer (one inflectional ending removed, stem of at least {MIN_STEM} letters), for the index
   and the query alike. Generated by scripts/dcaht/search_languages.py; do not edit. */
(function () {{
  var lunr = self.lunr;
  var ENDINGS = {endings};
  {_FOLD_JS}
  function stem(word) {{
    var w = fold(word);
    for (var i = 0; i < ENDINGS.length; i++) {{
      var e = ENDINGS[i];
      if (w.length - e.length >= {MIN_STEM} && w.slice(-e.length) === e) return w.slice(0, -e.length);
    }}
    return w;
  }}
  var lang = lunr["{name}"] = function () {{
    this.pipeline.reset();
    this.pipeline.add(lang.trimmer, lang.stopWordFilter, lang.stemmer);
    if (this.searchPipeline) {{ this.searchPipeline.reset(); this.searchPipeline.add(lang.stemmer); }}
  }};
  lang.wordCharacters = "{characters}";
  lang.trimmer = lunr.trimmerSupport.generateTrimmer(lang.wordCharacters);
  lunr.Pipeline.registerFunction(lang.trimmer, "trimmer-{name}");
  lang.stopWordFilter = lunr.generateStopWordFilter([]);
  lunr.Pipeline.registerFunction(lang.stopWordFilter, "stopWordFilter-{name}");
  lang.stemmer = function (token) {{ return token.update(stem); }};
  lunr.Pipeline.registerFunction(lang.stemmer, "stemmer-{name}");
  lunr.dcahtStem = stem;
{_QUERY_PATCH}}})();
"""


def snowball_module(locale: str, material_module: str) -> str:
    """lunr-languages' own module (as Material ships it) under our name, with folding after
    its stemmer and the query patch."""
    name = module_name(locale)
    return material_module + f"""
/* D-CAHT Guidelines: `{name}` = lunr.{locale} with diacritics folded after stemming, for the
   index and the query alike. Generated by scripts/dcaht/search_languages.py. */
(function () {{
  var lunr = self.lunr;
  var base = lunr.{locale};
  {_FOLD_JS}
  function stem(word) {{ return fold(base.stemmer(new lunr.Token(word.toLowerCase())).toString()); }}
  var lang = lunr["{name}"] = function () {{
    this.pipeline.reset();
    this.pipeline.add(lang.trimmer, lang.stopWordFilter, lang.stemmer);
    if (this.searchPipeline) {{ this.searchPipeline.reset(); this.searchPipeline.add(lang.stemmer); }}
  }};
  lang.trimmer = base.trimmer;
  lang.stopWordFilter = base.stopWordFilter;
  lang.stemmer = function (token) {{ return token.update(stem); }};
  lunr.Pipeline.registerFunction(lang.stemmer, "stemmer-{name}");
  lunr.dcahtStem = stem;
{_QUERY_PATCH}}})();
"""


def write_search_modules(site_dir: Path, locales, material_lunr_dir: Path) -> list[Path]:
    """assets/javascripts/lunr/min/lunr.dcaht-<locale>.min.js for every language that has one."""
    target = site_dir / "assets" / "javascripts" / "lunr" / "min"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for locale in locales:
        name = module_name(locale)
        if name is None:
            continue
        if locale in SNOWBALL:
            text = snowball_module(locale, (material_lunr_dir / f"lunr.{locale}.min.js").read_text(encoding="utf-8"))
        else:
            text = light_module(locale)
        path = target / f"lunr.{name}.min.js"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
