"""Endpoints without an API key: health and the run link's fallback page."""

from __future__ import annotations

import html

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from server.api.bodies import TextCheckedRoute
from server.api.deps import CtxDep
from server.api.responses import JSON
from server.errors import RunExpired, RunNotFound
from server.services import listing
from server.tdl.languages import is_right_to_left

router = APIRouter(tags=["public"], route_class=TextCheckedRoute)


@router.get("/v1/health", response_class=JSON, responses={200: {"description": "The server is up"}})
async def health(ctx: CtxDep):
    """Liveness, a database round trip and the disk: `status` is `ok`, or `degraded` with a `reason` while
    writes are refused for lack of space (reads keep working; it recovers by itself). Needs no key."""
    listing.ping(ctx)
    problem = ctx.storage.problem()
    if problem is not None:
        return JSON({"status": "degraded", "version": "1", "reason": problem})
    return JSON({"status": "ok", "version": "1"})


PAGE = """<!doctype html>
<html lang="{lang}" dir="{dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · Rundun</title>
<style>
body{{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f4f6fb;color:#1c2333;margin:0;
display:flex;min-height:100vh;align-items:center;justify-content:center}}
main{{background:#fff;border-radius:14px;box-shadow:0 6px 24px #1c233314;padding:32px 36px;max-width:420px}}
h1{{font-size:1.3rem;margin:0 0 6px}} p{{color:#5b6478;line-height:1.5}}
a.button{{display:inline-block;margin-top:12px;background:#3b5bdb;color:#fff;padding:10px 18px;border-radius:8px;
text-decoration:none;font-weight:600}} small{{color:#8a93a6}}
</style></head>
<body><main><small>Rundun checklist</small><h1>{title}</h1><p>{lines}</p>{action}</main></body></html>"""


EN = {"lang": "en", "dir": "ltr"}


@router.get("/r/{run_id}", response_class=HTMLResponse, include_in_schema=False)
async def run_link_page(ctx: CtxDep, run_id: str, request: Request):
    """The page behind a run link: what the run is, and a `rundun://` link that opens the desktop app. The
    template's name is in the language `?lang=` names (the dispatcher's link), else the one Accept-Language asks
    for (SPEC §15), else the run's; the page is marked with it."""
    wanted = request.headers.get("accept-language")
    lang = request.query_params.get("lang", "")[:35]
    if lang:
        wanted = f"{lang}, {wanted}" if wanted else lang
    try:
        preview = await listing.run_preview(ctx, run_id, wanted)
    except RunNotFound:
        return HTMLResponse(
            PAGE.format(title="Run not found", lines="This link does not lead to a run.", action="", **EN),
            404,
        )
    except RunExpired:
        return HTMLResponse(
            PAGE.format(
                title="This run has expired", lines="Ask the sender for a new link.", action="", **EN
            ),
            410,
        )
    lines = (
        f"{html.escape(preview['created_by_name'])} sent you a checklist with {preview['step_count']} steps."
        + (f"<br>Open it before {html.escape(preview['expires_at'])}." if preview["expires_at"] else "")
        + f"<br>Status: {html.escape(preview['status'].replace('_', ' '))}."
    )
    action = (
        f'<a class="button" href="rundun://r/{html.escape(run_id)}">Open in Rundun</a>'
        "<p><small>No app yet? Install Rundun desktop, then open this link again.</small></p>"
    )
    language = preview["language"]
    page = PAGE.format(
        title=html.escape(preview["template_name"]),
        lines=lines,
        action=action,
        lang=html.escape(language),
        dir="rtl" if is_right_to_left(language) else "ltr",
    )
    return HTMLResponse(page, headers={"Content-Language": language, "Vary": "Accept-Language"})
