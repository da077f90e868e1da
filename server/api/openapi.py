"""OpenAPI entries for hot endpoints that read their parameters by hand (see routes/runs.py)."""

from __future__ import annotations


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
