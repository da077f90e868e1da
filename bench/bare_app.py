"""The baseline for bench/server_throughput.py: bare Starlette JSON endpoints under the same uvicorn."""

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


async def get_json(request: Request) -> JSONResponse:
    return JSONResponse({"ok": True, "id": request.path_params.get("item_id")})


async def post_json(request: Request) -> JSONResponse:
    body = await request.json()
    return JSONResponse({"ok": True, "echo": body}, status_code=201)


app = Starlette(routes=[Route("/items/{item_id}", get_json), Route("/items", post_json, methods=["POST"])])
