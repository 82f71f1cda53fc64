"""A problem found in a data file, worded for the contributor who has to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    severity: str = "error"  # "error" fails validation and the build; "warning" only informs

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}: {self.field}: {prefix}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class DataInvalid(Exception):
    """Raised when data holds errors; carries every problem so all are reported at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.is_error]
        super().__init__(
            f"{len(errors)} problem(s) in data files:\n" + "\n".join(str(p) for p in errors)
        )
