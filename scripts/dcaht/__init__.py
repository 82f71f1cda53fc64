"""The D-CAHT Guidelines site's Python: data loading and validation, macros, hooks, CLI.

Data flows one way: YAML under data/ -> validated objects (catalogue.py) -> macros
(macros.py) -> Jinja partials (overrides/partials/dcaht/) -> HTML. Nothing outside
macros.py and mkdocs_hooks.py imports MkDocs.
"""
