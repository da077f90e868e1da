"""Spanish speaks to the person one way: "tú", as the app, the phone and the dispatch dialog do ("Elige", "Pega",
"te envió"). A dozen of the desktop's words and one of the phone's said "usted" ("Elija o añada otro idioma",
"Haga clic", "Pegue el enlace", "Corríjalas"), so a Spanish manager met both on one screen."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The "usted" imperatives (and the object pronouns they take) that the Spanish words had.
USTED = re.compile(
    r"\b(Elija|elija|[Aa]ñada|[Hh]aga clic|[Uu]se una|[Rr]evise|[Ee]scriba|[Ee]scríbala|[Pp]egue|conéctese|"
    r"[Cc]orríjal[ao]s?|[Ss]eleccione|[Ii]ntroduzca|[Cc]ompruebe|[Ii]ntente|[Pp]ulse|[Tt]oque|[Aa]segúrese)\b"
)


def spanish_desktop_words() -> list[str]:
    messages = ET.parse(ROOT / "resources" / "i18n" / "rundun_es.ts").getroot().iter("message")
    return ["".join(m.find("translation").itertext()) for m in messages]  # type: ignore[union-attr]


def spanish_phone_words() -> list[str]:
    source = (ROOT / "server" / "api" / "runner" / "strings.js").read_text(encoding="utf-8")
    table = source[source.index("const ES = {") : source.index("const DE = {")]
    return re.findall(r'"((?:[^"\\]|\\.)*)"', table)


def test_spanish_says_tu_throughout():
    said = [w for w in [*spanish_desktop_words(), *spanish_phone_words()] if USTED.search(w)]
    assert said == []
