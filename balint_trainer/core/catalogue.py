"""The scenario library (no Qt): bundled scenarios plus extra folders.

Invalid files are listed with their problems instead of being hidden, so an
author sees why a scenario is missing. All parsing goes through
:func:`load_entry`, the one place a later cache (keyed by file hash or mtime)
can hook in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from balint_trainer.core.competencies import competency_label
from balint_trainer.core.model import Scenario
from balint_trainer.core.problems import Problem
from balint_trainer.core.validation import LoadedScenario, iter_scenario_paths, load_scenario_file


@dataclass(frozen=True)
class CatalogueEntry:
    path: Path
    loaded: LoadedScenario
    bundled: bool
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    @property
    def scenario(self) -> Scenario | None:
        return self.loaded.scenario if self.ok else None

    @property
    def ok(self) -> bool:
        return self.loaded.scenario is not None and not any(p.is_error for p in self.problems)

    @property
    def sha256(self) -> str:
        return self.loaded.sha256

    @property
    def id(self) -> str:
        return self.loaded.scenario.id if self.loaded.scenario else self.path.stem

    @property
    def title(self) -> str:
        return self.loaded.scenario.title if self.loaded.scenario else self.path.name

    @property
    def setting(self) -> str:
        return (self.loaded.scenario.setting or "") if self.loaded.scenario else ""

    @property
    def level(self) -> str:
        return (self.loaded.scenario.level or "") if self.loaded.scenario else ""

    @property
    def duration(self) -> int | None:
        return self.loaded.scenario.duration_minutes if self.loaded.scenario else None

    @property
    def language(self) -> str:
        return self.loaded.scenario.language if self.loaded.scenario else "en"

    @property
    def competencies(self) -> tuple[str, ...]:
        return tuple(self.loaded.scenario.competency_ids()) if self.loaded.scenario else ()

    def competency_labels(self) -> tuple[str, ...]:
        scenario = self.loaded.scenario
        if scenario is None:
            return ()
        return tuple(competency_label(cid, scenario.competencies) for cid in scenario.competency_ids())

    @property
    def decision_count(self) -> int:
        return len(self.loaded.scenario.decisions) if self.loaded.scenario else 0

    def problem_text(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def load_entry(path: Path, *, bundled: bool = False) -> CatalogueEntry:
    """Parse and validate one file. The single hook for a future parse cache."""
    loaded = load_scenario_file(path)
    return CatalogueEntry(path, loaded, bundled, tuple(loaded.problems))


def load_catalogue(
    extra_dirs: Iterable[str | Path] = (),
    *,
    bundled_dir: Path | None = None,
    include_bundled: bool = True,
) -> list[CatalogueEntry]:
    """Every scenario file in the bundled folder and the extra folders, valid or not.

    A scenario id seen twice keeps the first file; later ones get a problem.
    Entries are sorted by title (invalid ones last).
    """
    if include_bundled and bundled_dir is None:
        from balint_trainer.paths import bundled_scenarios_dir

        bundled_dir = bundled_scenarios_dir()
    sources: list[tuple[Path, bool]] = []
    if include_bundled and bundled_dir is not None and bundled_dir.is_dir():
        sources.append((bundled_dir, True))
    for folder in extra_dirs:
        sources.append((Path(folder), False))

    entries: list[CatalogueEntry] = []
    seen_files: set[Path] = set()
    first_by_id: dict[str, Path] = {}
    for folder, bundled in sources:
        if not folder.exists():
            problem = Problem(str(folder), 1, 1, "folder not found")
            missing = LoadedScenario(str(folder), "", None, None, [problem])
            entries.append(CatalogueEntry(folder, missing, bundled, (problem,)))
            continue
        for path in iter_scenario_paths([folder]):
            resolved = path.resolve()
            if resolved in seen_files:
                continue
            seen_files.add(resolved)
            entry = load_entry(path, bundled=bundled)
            scenario = entry.loaded.scenario
            if entry.ok and scenario is not None:
                if scenario.id in first_by_id:
                    duplicate = Problem(
                        str(path),
                        1,
                        1,
                        f"duplicate scenario id '{scenario.id}' (also in {first_by_id[scenario.id]})",
                    )
                    entry = CatalogueEntry(path, entry.loaded, bundled, (*entry.problems, duplicate))
                else:
                    first_by_id[scenario.id] = path
            entries.append(entry)
    entries.sort(key=lambda e: (not e.ok, e.title.casefold()))
    return entries


def find_entry(entries: Sequence[CatalogueEntry], scenario_id: str) -> CatalogueEntry | None:
    return next((e for e in entries if e.ok and e.id == scenario_id), None)
