"""The link's first words count the checklist's steps as each language counts: an Arabic cleaner read
"قائمة تحقق من 17 خطوات" (the plural that Arabic keeps for 3 to 10; 17 takes the singular) on every link of a
20-step checklist, and a one-step checklist read "with 1 steps" in English, "1 pasos", "1 Schritten"."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.actions import phone_in


def checklist(steps: int) -> dict:
    return {
        "name": "Checkliste",
        "sections": [
            {
                "id": "g-all",
                "title": "All",
                "steps": [
                    {"id": f"s-{k}", "type": "boolean", "label": f"Step {k}", "config": {}}
                    for k in range(steps)
                ],
            }
        ],
    }


@pytest.mark.parametrize(
    ("steps", "locale", "lead", "not_said"),
    [
        (1, "en-US", "sent you a checklist with 1 step.", "1 steps"),
        (1, "es-ES", "te envió una lista de verificación con 1 paso.", "1 pasos"),
        (1, "de-DE", "hat Ihnen eine Checkliste mit 1 Schritt gesendet.", "1 Schritten"),
        (4, "de-DE", "hat Ihnen eine Checkliste mit 4 Schritten gesendet.", "4 Schritt "),
        (17, "ar", "قائمة تحقق. عدد خطواتها: 17.", "17 خطوات"),
        (2, "ar", "قائمة تحقق. عدد خطواتها: 2.", "2 خطوات"),
    ],
)
def test_the_links_lead_counts_its_steps_in_the_persons_language(
    live, browser, steps, locale, lead, not_said
):
    run_id = live.dispatch(checklist(steps), webhook=False)
    with phone_in(browser, locale) as context:
        page = context.new_page()
        page.goto(f"{live.url}/r/{run_id}")
        facts = page.locator("[data-facts]")
        expect(facts).to_contain_text(lead)
        assert not_said not in facts.inner_text()
