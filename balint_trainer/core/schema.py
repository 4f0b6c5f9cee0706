"""JSON Schema of the scenario format, generated from the pydantic models."""

from __future__ import annotations

from typing import Any

from balint_trainer.core.competencies import BUILTIN_COMPETENCIES
from balint_trainer.core.langtag import JSON_SCHEMA_PATTERN
from balint_trainer.core.model import FORMAT_ID, Scenario


def scenario_json_schema() -> dict[str, Any]:
    schema = Scenario.model_json_schema(mode="validation")
    language = schema.get("properties", {}).get("language")
    if isinstance(language, dict):  # checked by a validator in Python; editors get the grammar
        language["pattern"] = JSON_SCHEMA_PATTERN
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://balint-trainer.invalid/schema/balint-scenario-1.json"
    schema["title"] = f"Balint Trainer scenario ({FORMAT_ID})"
    schema["description"] = (
        "One Balint group scenario: case, transcript and decision points with an expert key. "
        "Built-in competencies: " + ", ".join(BUILTIN_COMPETENCIES) + "."
    )
    return schema
