"""Templates the browser tests fill in: every step type, a condition, photos, a location and a signature."""

from __future__ import annotations

EVERY_TYPE = {
    "name": "Boiler inspection",
    "settings": {"allow_skip": False, "signature_on_complete": True},
    "sections": [
        {
            "id": "g-start",
            "title": "Arrival",
            "steps": [
                {
                    "id": "s-intro",
                    "type": "instruction",
                    "label": "Before you start",
                    "config": {"body": "Switch the boiler off."},
                },
                {"id": "s-ok", "type": "boolean", "label": "Is the boiler reachable?", "config": {}},
                {
                    "id": "s-why",
                    "type": "text",
                    "label": "Why not?",
                    "config": {"multiline": True},
                    "condition": {"when": {"step": "s-ok", "op": "eq", "value": False}},
                },
                {
                    "id": "s-bar",
                    "type": "number",
                    "label": "Pressure",
                    "config": {"unit": "bar", "min": 0, "max": 4, "decimal": 1},
                },
                {"id": "s-note", "type": "text", "label": "Serial number", "config": {"max_length": 20}},
            ],
        },
        {
            "id": "g-checks",
            "title": "Checks",
            "steps": [
                {
                    "id": "s-kind",
                    "type": "choice",
                    "label": "Boiler kind",
                    "config": {"options": [{"id": "o-gas", "label": "Gas"}, {"id": "o-oil", "label": "Oil"}]},
                },
                {
                    "id": "s-parts",
                    "type": "multi_choice",
                    "label": "Parts checked",
                    "config": {
                        "options": [{"id": "o-pump", "label": "Pump"}, {"id": "o-valve", "label": "Valve"}],
                        "min_selected": 1,
                    },
                },
                {"id": "s-state", "type": "rating", "label": "General state", "config": {"min": 1, "max": 5}},
                {"id": "s-day", "type": "date", "label": "Last service", "config": {}},
                {"id": "s-time", "type": "time", "label": "Arrival time", "config": {}},
                {
                    "id": "s-photo",
                    "type": "photo",
                    "label": "Photo of the plate",
                    "config": {"min": 1, "max": 3},
                },
                {"id": "s-sign", "type": "signature", "label": "Customer signature", "config": {}},
            ],
        },
    ],
}

PHOTOS_ONLY = {
    "name": "Site photos",
    "sections": [
        {
            "id": "g-one",
            "title": "Photos",
            "steps": [
                {"id": "s-flag", "type": "boolean", "label": "Site open?", "config": {}},
                {
                    "id": "s-count",
                    "type": "number",
                    "label": "Meters",
                    "config": {"min": 0, "max": 100, "decimal": 0},
                },
                {"id": "s-pics", "type": "photo", "label": "Site photos", "config": {"min": 2, "max": 4}},
                {"id": "s-memo", "type": "text", "label": "Memo", "config": {}},
            ],
        }
    ],
}
