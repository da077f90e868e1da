"""The organisation's own settings, API keys and members, as `/v1/org`, `/v1/api-keys` and `/v1/members`
change them: the routers call these, never the store (import-linter holds them to it)."""

from __future__ import annotations

from server.errors import NotFound
from server.services import auth
from server.services.context import Context
from server.store import orgs as store

KEY_FIELDS = ("id", "name", "prefix", "created_at", "last_used_at", "revoked_at")


async def update_org(ctx: Context, org_id: str, fields: dict) -> None:
    """Rename the organisation and/or change its default run expiry (only the fields given)."""
    await ctx.db.write(store.update_org, org_id, fields)


def org_name(ctx: Context, org_id: str) -> str:
    """The organisation's name, or "" when it is gone (a public page then names no sender)."""
    org = ctx.db.read(store.get_org, org_id)
    return org["name"] if org else ""


def list_api_keys(ctx: Context, org_id: str) -> list[dict]:
    return ctx.db.read(store.list_api_keys, org_id)


async def create_api_key(ctx: Context, org_id: str, name: str) -> dict:
    """A new key as the API shows it once: its fields and the plaintext `key` (only its hash is kept)."""
    row, plaintext = await ctx.db.write(store.create_api_key, org_id, name)
    return {**{k: row[k] for k in KEY_FIELDS}, "key": plaintext}


async def revoke_api_key(ctx: Context, org_id: str, key_id: str) -> None:
    """Revoke a key and drop it from the authentication cache, so its next request is already refused."""
    key_hash = await ctx.db.write(store.revoke_api_key, org_id, key_id)
    if key_hash is None:
        raise NotFound("No API key with that ID exists in your organisation.")
    auth.forget_key(ctx, key_hash)


def list_members(ctx: Context, org_id: str) -> list[dict]:
    return ctx.db.read(store.list_members, org_id)


async def create_member(ctx: Context, org_id: str, name: str, email: str) -> dict:
    """A new member with their `sign_in_token` (`rdm_…`), shown in this answer only."""
    member, token = await ctx.db.write(store.create_member, org_id, name, email)
    return {**member, "sign_in_token": token}


async def delete_member(ctx: Context, org_id: str, user_id: str) -> None:
    if not await ctx.db.write(store.delete_member, org_id, user_id):
        raise NotFound("No member with that ID exists in your organisation.")
