"""OpenAPI entries for hot endpoints that read their parameters by hand (see routes/runs.py), and the
post-processing that makes the generated document say what the server enforces."""

from __future__ import annotations

import copy


def path_param(name: str, description: str) -> dict:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": {"type": "string"},
        "description": description,
    }


def query_param(name: str, description: str, *, enum: list[str] | None = None) -> dict:
    schema: dict = {"type": "string"}
    if enum:
        schema["enum"] = enum
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description}


def header_param(name: str, description: str, max_length: int | None = None) -> dict:
    schema: dict = {"type": "string", "minLength": 1}
    if max_length:
        schema["maxLength"] = max_length
    return {"name": name, "in": "header", "required": False, "schema": schema, "description": description}


def documented_params(*params: dict, api_key: bool = True) -> dict:
    """`openapi_extra` for a route: its parameters and, by default, the API-key security requirement."""
    extra: dict = {"parameters": list(params)}
    if api_key:
        extra["security"] = [{"ApiKey": []}]
    return extra


def json_body(schema_ref: str) -> dict:
    return {
        "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": schema_ref}}}}
    }


def step_per_type(components: dict, config_models: dict[str, type]) -> None:
    """Replace the generated `Step` (whose `config` is any type's config) by one variant per step `type`,
    each taking only its own type's config: the server refuses `config.min` on a `time` step, so the
    document must not allow it (found by schemathesis)."""
    step = components.get("Step")
    if step is None or "properties" not in step:
        return
    variants = []
    for step_type, model in config_models.items():
        variant = copy.deepcopy(step)
        variant.pop("description", None)
        variant["title"] = f"Step ({step_type})"
        variant["properties"]["type"] = {"type": "string", "const": step_type, "title": "Type"}
        variant["properties"]["config"] = {
            "anyOf": [{"$ref": f"#/components/schemas/{model.__name__}"}, {"type": "null"}],
            "title": "Config",
        }
        variants.append(variant)
    components["Step"] = {
        "title": "Step",
        "description": step.get("description", ""),
        "oneOf": variants,
    }


# tus headers each method needs (the routes read them as optional to answer tus's own 412/400, so the
# document states the requirement): name → schema.
TUS_HEADERS: dict[str, dict] = {
    "Tus-Resumable": {"type": "string", "enum": ["1.0.0"]},
    "Upload-Length": {"type": "string", "pattern": "^[1-9][0-9]{0,11}$"},
    "Upload-Offset": {"type": "string", "pattern": "^[0-9]{1,12}$"},
    "Upload-Metadata": {
        "type": "string",
        "pattern": "^[A-Za-z0-9_]+( [A-Za-z0-9+/]*={0,2})?(,[A-Za-z0-9_]+( [A-Za-z0-9+/]*={0,2})?)*$",
    },
    "Upload-Checksum": {"type": "string", "pattern": "^sha256 [A-Za-z0-9+/]{43}=$"},
}
OPTIONAL_TUS_HEADERS = {"Upload-Checksum"}


def require_tus_version(schema: dict) -> None:
    """tus answers 412 to a request without `Tus-Resumable: 1.0.0` (OPTIONS, the discovery, aside) and 400
    to a missing or malformed Upload-Length / -Offset / -Metadata. The routes read those headers as optional
    to give tus's own answers, so the document states what they require."""
    error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}}
    for path, operations in schema["paths"].items():
        if "/uploads/" not in path:
            continue
        for method, operation in operations.items():
            if method == "options":
                continue
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "header" and parameter["name"] in TUS_HEADERS:
                    parameter["required"] = parameter["name"] not in OPTIONAL_TUS_HEADERS
                    parameter["schema"] = dict(TUS_HEADERS[parameter["name"]])
            operation["responses"].setdefault("412", {"description": "Tus-Resumable is not 1.0.0", **error})
