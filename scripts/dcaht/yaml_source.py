"""Reading a YAML data file safely, with the line of every key and list item.

Stricter than yaml.safe_load on purpose: dates stay strings (a bad date becomes a
message, not a crash), only true/false are booleans (Norway's code NO stays "NO"),
duplicate keys are refused, and no tag can construct a Python object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem

Path_ = tuple  # a position inside the document: ("contacts", 3, "website")


class StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader (libyaml's when available) without timestamps and YAML 1.1
    yes/no/on/off booleans."""


StrictLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


@dataclass
class YamlDocument:
    path: Path
    display_path: str
    data: object = None
    lines: dict[Path_, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, position: Path_) -> int:
        """The line of `position`, or of its nearest enclosing key when it has none."""
        position = tuple(position)
        while position:
            if position in self.lines:
                return self.lines[position]
            position = position[:-1]
        return self.lines.get((), 1)


def field_name(position: Path_) -> str:
    """("sources", 0, "url") -> "sources[0].url"; the empty path is the whole file."""
    name = ""
    for part in position:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "(file)"


def _walk(node: yaml.Node, position: Path_, doc: YamlDocument) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                doc.problems.append(Problem(
                    doc.display_path, line, field_name(position + (key,)),
                    f"the key '{key}' appears twice (first on line {seen[key]}); "
                    "keep one and delete the other",
                ))
            seen[key] = line
            doc.lines[position + (key,)] = line
            _walk(value_node, position + (key,), doc)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            doc.lines[position + (index,)] = item.start_mark.line + 1
            _walk(item, position + (index,), doc)


def _yaml_error_line(error: yaml.YAMLError) -> int:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return mark.line + 1 if mark else 1


def _explain_yaml_error(error: yaml.YAMLError, text: str) -> str:
    problem = getattr(error, "problem", None) or str(error)
    if "'\\t'" in problem or "\\t" in problem:
        return "a tab character is used for indentation; YAML needs spaces (use 2 spaces)"
    if "could not determine a constructor" in problem or isinstance(
        error, yaml.constructor.ConstructorError
    ):
        tag = re.search(r"tag '([^']+)'", problem)
        return (
            f"the tag {tag.group(1).replace('tag:yaml.org,2002:', '!!') if tag else ''} is not allowed in data files; "
            "write the value as plain text, a number, a list or a mapping"
        )
    return (
        f"this is not valid YAML ({problem}); check the indentation and quote text "
        "that contains ': ' or starts with a special character"
    )


def read_yaml(path: Path, display_path: str | None = None) -> YamlDocument:
    """Parse `path`; problems (never exceptions) describe anything that stops reading."""
    doc = YamlDocument(path=path, display_path=display_path or str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        doc.problems.append(Problem(
            doc.display_path, 1, "(file)",
            f"the file is not UTF-8 text ({error.reason}); save it as UTF-8",
        ))
        return doc
    except OSError as error:
        doc.problems.append(Problem(doc.display_path, 1, "(file)", f"cannot be read: {error.strerror}"))
        return doc
    if "\t" in text:
        line = text[: text.index("\t")].count("\n") + 1
        doc.problems.append(Problem(
            doc.display_path, line, "(file)",
            "a tab character is in the file; YAML needs spaces for indentation (use 2 spaces)",
        ))
        return doc
    loader = StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            doc.problems.append(Problem(
                doc.display_path, 1, "(file)",
                "the file is empty; it should hold a mapping of fields (see data/schema/)",
            ))
            return doc
        doc.lines[()] = node.start_mark.line + 1
        _walk(node, (), doc)
        doc.data = loader.construct_document(node)  # one parse for lines and data
    except yaml.YAMLError as error:
        doc.problems.append(Problem(
            doc.display_path, _yaml_error_line(error), "(file)", _explain_yaml_error(error, text)
        ))
        doc.data = None
    except (ValueError, TypeError, RecursionError) as error:
        # An explicit tag such as !!timestamp with a bad value fails outside YAMLError.
        doc.problems.append(Problem(
            doc.display_path, 1, "(file)",
            f"a value cannot be read ({error}); write it as plain text without a '!!' tag",
        ))
        doc.data = None
    finally:
        loader.dispose()
    return doc
