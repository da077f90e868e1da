"""A member's run whose token this computer no longer holds: they opened it on another device too (the server
gives the same member a new token, SPEC §5, and the old one stops working). The run was refused here for good,
read-only, its unsent answers with it, and opening its link again only showed it as it was. Its link now opens
it again with the member's sign-in token: the new token, editable again, and what waited here is sent."""

from __future__ import annotations

import httpx

from rundun_desktop.executor import store as st
from tests.desktop.conftest import run, wait_until
from tests.desktop.executor.conftest import opened
from tests.support.executor import every_type, with_execution


def test_a_members_run_opened_again_elsewhere_is_taken_back_by_its_link(page, org, aloop):
    member = org.http.post("/v1/members", json={"name": "Jan Agent", "email": "jan@example.com"})
    assert member.status_code == 201, member.text
    sign_in = member.json()["sign_in_token"]
    link = org.dispatch(with_execution(every_type(), identity_required="member"))
    view = page.inbox_view
    assert run(aloop, page.open_link(link)) is None  # the run asks who opens it
    view.member_token.setText(sign_in)
    run_id = opened(aloop, page, link)
    store = st.LocalStore(page.service.data_dir)
    store.set_answer(run_id, "s-num", 3)
    page.service.wake()
    wait_until(aloop, lambda: org.values(run_id).get("s-num") == 3)

    # The same member opens the run on their phone and answers there: this computer's token stops working.
    with httpx.Client(base_url=org.url, timeout=20) as phone:
        r = phone.post(f"/v1/runs/{run_id}/open", json={}, headers={"Authorization": f"Bearer {sign_in}"})
        assert r.status_code == 200, r.text
        token = r.json()["executor_token"]
        r = phone.put(
            f"/v1/runs/{run_id}/answers/s-choice",
            json={"value": "o-b", "at": "2026-12-01T08:00:00Z"},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert r.status_code == 200, r.text
    store.set_answer(run_id, "s-text", "kept here")
    page.service.wake()
    wait_until(aloop, lambda: store.run(run_id)["local_state"] == st.REFUSED)
    run(aloop, page.show_run(run_id))
    assert not page.runner.cards["s-text"].input.isEnabled()
    banner = page.runner_view.banner.text()
    assert "no longer accepts this computer" in banner and "open its link again" in banner

    # Its link again: the member's token is asked for, then the run is theirs here again.
    assert run(aloop, page.open_link(link)) is None
    assert view.member_token.isVisible()
    view.member_token.setText(sign_in)
    assert opened(aloop, page, link) == run_id
    assert store.run(run_id)["local_state"] == st.OPEN
    assert page.runner.cards["s-text"].input.isEnabled() and page.runner_view.complete_button.isVisible()
    wait_until(aloop, lambda: org.values(run_id).get("s-text") == "kept here")
    assert org.values(run_id) == {"s-num": 3, "s-choice": "o-b", "s-text": "kept here"}
    assert store.answers(run_id)["s-choice"]["value"] == "o-b"  # answered on the phone, nothing newer here
    store.close()
