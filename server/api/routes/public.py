"""Endpoints without an API key: health and the run link's fallback page."""

from __future__ import annotations

import html
import json
import logging

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from server.api import runner_assets
from server.api.bodies import TextCheckedRoute
from server.api.deps import CtxDep
from server.api.responses import JSON, language_headers
from server.errors import RunExpired, RunNotFound
from server.services import database_down, listing
from server.tdl.languages import is_right_to_left, match_language, parse_accept_language

log = logging.getLogger("rundun.api")
router = APIRouter(tags=["public"], route_class=TextCheckedRoute)
# The runner's files first: `/r/sw.js` must not be taken for a run id by `/r/{run_id}`. Their routes as
# they are, not included: an included router's routes are built again on a first request (server/app.py).
router.routes.extend(runner_assets.router.routes)


@router.get(
    "/v1/health",
    response_class=JSON,
    responses={
        200: {"description": "The server is up (`degraded` while its disk is full)"},
        503: {"description": "`degraded`: the server cannot reach its database"},
    },
)
async def health(ctx: CtxDep):
    """Liveness, a database round trip and the disk: `status` is `ok`, or `degraded` with a `reason`: while
    writes are refused for lack of space (200: reads keep working), or while the database cannot be reached
    (503 with a `Retry-After`: nothing works; a load balancer sends the requests elsewhere). Both recover by
    themselves. Needs no key."""
    down = database_down.problem(ctx, log)
    if down is not None:
        body = {"status": "degraded", "version": "1", "reason": down}
        return JSON(body, status_code=503, headers={"Retry-After": str(database_down.RETRY_AFTER_S)})
    problem = ctx.storage.problem()
    if problem is not None:
        return JSON({"status": "degraded", "version": "1", "reason": problem})
    return JSON({"status": "ok", "version": "1"})


PAGE = """<!doctype html>
<html lang="{lang}" dir="{dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><meta name="theme-color" content="#2f4fc9" media="(prefers-color-scheme: light)">
<meta name="theme-color" content="#0f131c" media="(prefers-color-scheme: dark)"><link rel="icon" href="data:,"><title>{title} · Rundun</title>
<link rel="stylesheet" href="{css}">{script}</head>
<body><main><header class="preview"><small>{brand}</small><h1>{title}</h1><p class="lead">{lines}</p></header>
{runner}{action}</main></body></html>"""
# The pages a link shows when there is no run to fill in, in the runner's languages (its strings.js): the
# person reads them before any script, in the language their browser asks for (they were English only).
BRANDS = {  # the runner's `brand` (strings.js): the line above the title
    "en": "Rundun checklist",
    "de": "Rundun-Checkliste",
    "es": "Lista de verificación de Rundun",
    "ar": "قائمة تحقق Rundun",
}
MISSING_PAGES: dict[str, dict[str, tuple[str, str]]] = {
    "en": {
        "not_found": (
            "Checklist not found",
            "This link does not lead to a checklist. Check that it was copied whole, or ask the sender for a new one.",
        ),
        "expired": (
            "This checklist has expired",
            "It can no longer be filled in. Ask the sender for a new link.",
        ),
    },
    "de": {
        "not_found": (
            "Checkliste nicht gefunden",
            (
                "Dieser Link führt zu keiner Checkliste. Prüfen Sie, ob er vollständig kopiert wurde, "
                "oder bitten Sie den Absender um einen neuen."
            ),
        ),
        "expired": (
            "Diese Checkliste ist abgelaufen",
            "Sie kann nicht mehr ausgefüllt werden. Bitten Sie den Absender um einen neuen Link.",
        ),
    },
    "es": {
        "not_found": (
            "Lista no encontrada",
            "Este enlace no lleva a ninguna lista. Comprueba que se copió entero o pide uno nuevo a quien la envió.",
        ),
        "expired": (
            "Esta lista ha caducado",
            "Ya no se puede rellenar. Pide un enlace nuevo a quien la envió.",
        ),
    },
    "ar": {
        "not_found": (
            "لم يُعثر على قائمة التحقق",
            "لا يؤدي هذا الرابط إلى قائمة تحقق. تأكد من أنه نُسخ كاملًا، أو اطلب من المرسل رابطًا جديدًا.",
        ),
        "expired": (
            "انتهت صلاحية قائمة التحقق هذه",
            "لم يعد ممكنًا ملؤها. اطلب من المرسل رابطًا جديدًا.",
        ),
    },
}


def _missing_page(kind: str, accept_language: str | None, status: int) -> HTMLResponse:
    """ "Not found" or "expired" in the language Accept-Language asks for (else English), marked with it."""
    language = match_language(parse_accept_language(accept_language), list(MISSING_PAGES)) or "en"
    title, line = MISSING_PAGES[language][kind]
    headers = language_headers(language)
    return _page(
        html.escape(title),
        html.escape(line),
        status=status,
        language=language,
        headers=headers,
        brand=BRANDS[language],
    )


RUNNER = (
    '<div id="runner"><noscript><p>This checklist needs JavaScript in the browser, or the Rundun desktop app.</p>'
    '</noscript></div><p id="sync-status" class="status" role="status" aria-live="polite"></p>'
)


def _page(
    title: str,
    lines: str,
    *,
    runner: bool = False,
    action: str = "",
    status: int = 200,
    language: str = "en",
    headers: dict[str, str] | None = None,
    brand: str = "Rundun checklist",
) -> HTMLResponse:
    """A run link's page: the preview, and (for a run that may be filled in) the browser runner's mount point
    and its module script; no inline script or style (the CSP forbids them). Marked with its language and
    that language's direction (SPEC §15)."""
    script = (
        runner_assets.module_preloads()
        + f'<script type="module" src="{runner_assets.asset_url("app.js")}"></script>'
        if runner
        else ""
    )
    body = PAGE.format(
        brand=html.escape(brand),
        title=title,
        lines=lines,
        css=runner_assets.asset_url("runner.css"),
        script=script,
        runner=RUNNER if runner else "",
        action=action,
        lang=html.escape(language),
        dir="rtl" if is_right_to_left(language) else "ltr",
    )
    return HTMLResponse(body, status, headers={**runner_assets.page_headers(), **(headers or {})})


@router.get("/r/", response_class=HTMLResponse, include_in_schema=False)
async def run_link_without_run(request: Request):
    """A run link cut before its run id: the "Checklist not found" page a wrong id gets (it was raw JSON)."""
    return _missing_page("not_found", request.headers.get("accept-language"), 404)


@router.get("/r/{run_id}", response_class=HTMLResponse, include_in_schema=False)
async def run_link_page(ctx: CtxDep, run_id: str, request: Request):
    """The page behind a run link: what the run is, the browser runner that fills it in (SPEC §11), and a
    `rundun://` link that opens the desktop app. The template's name is in the language `?lang=` names (the
    dispatcher's link), else the one Accept-Language asks for (SPEC §15), else the run's; the page is marked
    with it."""
    wanted = request.headers.get("accept-language")
    lang = request.query_params.get("lang", "")[:35]
    if lang:
        wanted = f"{lang}, {wanted}" if wanted else lang
    try:
        preview = await listing.run_preview(ctx, run_id, wanted)
    except RunNotFound:
        # The executor's words: a person opening a link knows a checklist, not a run.
        return _missing_page("not_found", wanted, 404)
    except RunExpired:
        return _missing_page("expired", wanted, 410)
    lines = (
        f"{html.escape(preview['created_by_name'])} sent you a checklist with {preview['step_count']} steps."
        + (f"<br>Open it before {html.escape(preview['expires_at'])}." if preview["expires_at"] else "")
        + f"<br>Status: {html.escape(preview['status'].replace('_', ' '))}."
    )
    action = (
        f'<p class="desktop">On a computer with Rundun desktop? <a href="rundun://r/{html.escape(run_id)}">'
        "Open in Rundun</a></p>"
    )
    # The facts again as data: the runner writes the lead in the person's language (SPEC §15).
    facts = {
        "sender": preview["created_by_name"],
        "steps": preview["step_count"],
        "expires": preview["expires_at"],
        "status": preview["status"],  # a finished run's link offers no start (SPEC §11)
    }
    lines = f'<span data-facts="{html.escape(json.dumps(facts))}">{lines}</span>'
    language = preview["language"]
    return _page(
        html.escape(preview["template_name"]),
        lines,
        runner=True,
        action=action,
        language=language,
        headers=language_headers(language),
    )
