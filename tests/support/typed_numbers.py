"""Numbers as people type them, and what each reads as where the language writes decimals with a point
(English) or a comma (German): one table for the desktop's runner (rundun_desktop/number_entry.py) and the
browser's (server/api/runner/strings.js `readNumber`), which read them by the same rules."""

TYPED_NUMBERS = [
    ("45210", 45210, 45210),
    ("45,210", 45210, 45.21),  # the odometer: thousands in English, decimals in German
    ("45.210", 45.21, 45210),
    ("12,5", 12.5, 12.5),  # no one groups thousands that way: a decimal comma in English too
    ("12.5", 12.5, 12.5),
    ("0,500", 0.5, 0.5),  # a leading zero groups nothing
    ("1,234,567", 1234567, 1234567),  # repeated: thousands (no number has two decimal points)
    ("1.234.567", 1234567, 1234567),
    ("45,210.5", 45210.5, 45210.5),  # both: the last is the decimal point
    ("45.210,5", 45210.5, 45210.5),
    ("1 234,5", 1234.5, 1234.5),  # spaces between groups (fr), no-break or thin
    ("1\u00a0234", 1234, 1234),
    ("1\u202f234.5", 1234.5, 1234.5),
    ("1'000", 1000, 1000),  # de_CH
    ("-3,5", -3.5, -3.5),
    ("−7", -7, -7),  # the minus sign
    ("+8", 8, 8),
    (",5", 0.5, 0.5),
    ("1e3", 1000.0, 1000.0),
    ("٤٥٬٢١٠", 45210, 45210),  # Arabic digits and separators
    ("١٢٫٥", 12.5, 12.5),
    ("1,23,4", None, None),  # broken groups
    ("1.234,5,6", None, None),
    ("1.5,555.5", None, None),
    ("45,2100", 45.21, 45.21),  # four digits after: only a decimal point
    ("12abc", None, None),
    ("inf", None, None),
    ("nan", None, None),
    ("1" * 400, None, None),
    ("-", None, None),
    (",", None, None),
]

# Stored answers the field shows to be edited: each must read back as itself in both kinds of language.
STORED_NUMBERS = [0, 7, 45210, 45.21, 45.125, 123456.7, 1234567.25, -0.5, 1e-7, 2.5e20, 80.0]

# A run of one number step that takes any number from 0 up: the odometer the bug was found on.
ODOMETER = {
    "name": "Vehicle return",
    "sections": [
        {
            "id": "g-1",
            "title": "Outside",
            "steps": [
                {"id": "s-km", "type": "number", "label": "Odometer", "config": {"min": 0, "unit": "km"}}
            ],
        }
    ],
}
