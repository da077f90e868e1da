"""The library's words: a search's or a prompt's text as the library spells it. Lowercase, accents and
plural endings gone, American spellings British, and the other languages' names for the library's kinds of
work put in its English words ("carretilla elevadora" -> "forklift"): the library is written in English, and
both its search (`GET /v1/library?q=`, the desktop's "Start from the library") and the generator's match of a
prompt to a template (`generate.library_match`) read what people type in their own language.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# American spellings of words the library writes the British way.
SPELLINGS = {"tire": "tyre", "center": "centre", "color": "colour", "gray": "grey", "aluminum": "aluminium"}


def normalize(text: str) -> list[str]:
    """Lowercase words without hyphens, accents or plural endings: "Fork-Lifts" -> ["fork", "lift"],
    "Rückgabe" -> ["ruckgabe"] (any script's letters: the words were cut at the first "ü")."""
    words = re.findall(r"[^\W_]+", _fold(text.lower().replace("'s", "").replace("s'", "s")))
    singular = [_singular(_arabic_stem(w)) for w in words]
    return [SPELLINGS.get(w, w) for w in singular]


def _fold(text: str) -> str:
    """Without accents and vowel marks ("inspección" -> "inspeccion"): prompts drop them as often as not."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


ARABIC_ARTICLE = re.compile(r"^(?:وال|بال|فال|كال|لل|ال)(?=\w{3})")


def _arabic_stem(word: str) -> str:
    """An Arabic word without its article and the preposition on it ("للرافعة" -> "رافعة")."""
    return ARABIC_ARTICLE.sub("", word)


def _singular(word: str) -> str:
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes")):
        return word[:-2]
    return word.removesuffix("s")


# The library's main kinds of work in the other languages the app speaks (and French), as the library
# says them in English: a German, Spanish or Arabic prompt found no template, or a wrong one through a
# look-alike ("carretilla elevadora" spelled as "elevator"). Keys as `normalize` makes them.
FOREIGN_TEXT = {
    # German
    "gabelstapler": "forklift",
    "stapler": "forklift",
    "flurforderzeug": "forklift",
    "mietwagen": "car rental",
    "leihwagen": "car rental",
    "mietauto": "car rental",
    "autovermietung": "car rental",
    "ruckgabe": "return",
    "fahrzeugruckgabe": "vehicle return",
    "ubergabe": "handover",
    "fahrzeug": "vehicle",
    "kuhlzelle": "cold room",
    "kuhlraum": "cold room",
    "kuhlhau": "cold store",
    "tiefkuhlzelle": "walk-in freezer",
    "ferienwohnung": "holiday apartment",
    "ferienhau": "holiday home",
    "endreinigung": "cleaning",
    "reinigung": "cleaning",
    "gerust": "scaffold",
    "feuerloscher": "fire extinguisher",
    "lkw": "truck",
    "lastwagen": "truck",
    "baustelle": "construction site",
    "taglich": "daily",
    "tagliche": "daily",
    "wochentlich": "weekly",
    "wochentliche": "weekly",
    "monatlich": "monthly",
    "monatliche": "monthly",
    "kontrolle": "check",
    "prufung": "inspection",
    "inspektion": "inspection",
    # German: the library's other kinds of work, as a search names them (none an English word: the table
    # reads every text, and "boot" or "roller" in an English prompt is not a boat or a scooter)
    "auszug": "move out",
    "einzug": "move in",
    "umzug": "move",
    "wohnungsubergabe": "move",
    "mieter": "tenant",
    "vermieter": "landlord",
    "mietwohnung": "rental property",
    "wohnung": "property",
    "fahrrad": "bicycle",
    "tretroller": "scooter",
    "e roller": "e scooter",
    "motorboot": "boat",
    "segelboot": "boat",
    "autowasche": "car wash",
    "fahrzeugaufbereitung": "valet",
    "chemikalien": "chemical",
    "gefahrstoff": "hazardous",
    "gefahrstoffe": "hazardous",
    "kita": "childcare",
    "kindertagesstatte": "childcare",
    "rechenzentrum": "data centre",
    "serverraum": "server room",
    "aufzug": "elevator",
    "fahrstuhl": "elevator",
    "veranstaltung": "event",
    "bagger": "excavator",
    "erste hilfe": "first aid",
    "verbandkasten": "first aid kit",
    "kastenwagen": "van",
    "flotte": "fleet",
    "fuhrpark": "fleet",
    "wareneingang": "goods in",
    "lebensmittelhygiene": "food hygiene",
    "kuche": "kitchen",
    "fitnessstudio": "gym",
    "temperatur": "temperature",
    "handhygiene": "hand hygiene",
    "hotelzimmer": "hotel room",
    "klimaanlage": "air conditioning",
    "luftung": "ventilation",
    "unfall": "accident",
    "vorfall": "incident",
    "leiter": "ladder",
    "legionellen": "legionella",
    "vieh": "livestock",
    "tierwohl": "animal welfare",
    "hubarbeitsbuhne": "mewp",
    "buro": "office",
    "pflege": "nursing",
    "spielplatz": "playground",
    "filiale": "store",
    "dach": "roof",
    "schulbus": "school bus",
    "wachrundgang": "security patrol",
    "sicherheitsdienst": "security",
    "solaranlage": "solar",
    "photovoltaik": "photovoltaic",
    "notstromaggregat": "standby generator",
    "schwimmbad": "swimming pool",
    "sicherheitsunterweisung": "toolbox talk",
    "lagerhalle": "warehouse",
    "laderampe": "loading dock",
    "brandschutz": "fire safety",
    # Spanish
    "carretilla elevadora": "forklift",
    "montacarga": "forklift",
    "coche de alquiler": "car rental",
    "alquiler de coche": "car rental",
    "devolucion": "return",
    "vehiculo": "vehicle",
    "camara frigorifica": "cold room",
    "apartamento turistico": "holiday apartment",
    "piso turistico": "holiday apartment",
    "vivienda turistica": "holiday home",
    "alquiler vacacional": "vacation rental",
    "limpieza": "cleaning",
    "andamio": "scaffold",
    "extintor": "fire extinguisher",
    "camion": "truck",
    "diaria": "daily",
    "diario": "daily",
    "semanal": "weekly",
    "mensual": "monthly",
    "inspeccion": "inspection",
    "revision": "check",
    # Spanish: the library's other kinds of work, as a search names them
    "carretilla": "forklift",
    "appcc": "haccp",
    "mudanza": "move",
    "piso": "property",
    "vivienda": "property",
    "inquilino": "tenant",
    "arrendador": "landlord",
    "bicicleta": "bicycle",
    "patinete": "scooter",
    "barco": "boat",
    "embarcacion": "boat",
    "yate": "yacht",
    "lavado de coche": "car wash",
    "producto quimico": "chemical",
    "quimico": "chemical",
    "guarderia": "childcare",
    "obra": "construction site",
    "centro de dato": "data centre",
    "ascensor": "elevator",
    "evento": "event",
    "excavadora": "excavator",
    "botiquin": "first aid kit",
    "primeros auxilio": "first aid",
    "furgoneta": "van",
    "flota": "fleet",
    "higiene alimentaria": "food hygiene",
    "cocina": "kitchen",
    "gimnasio": "gym",
    "temperatura": "temperature",
    "higiene de mano": "hand hygiene",
    "habitacion de hotel": "hotel room",
    "climatizacion": "hvac",
    "aire acondicionado": "air conditioning",
    "filtro": "filter",
    "incidente": "incident",
    "accidente": "accident",
    "escalera": "ladder",
    "legionela": "legionella",
    "ganado": "livestock",
    "plataforma elevadora": "mewp",
    "oficina": "office",
    "paciente": "patient",
    "parque infantil": "playground",
    "restaurante": "restaurant",
    "tienda": "store",
    "tejado": "roof",
    "autobus escolar": "school bus",
    "autobus": "bus",
    "vigilancia": "security patrol",
    "panel solar": "solar panel",
    "placa solar": "solar panel",
    "generador": "generator",
    "piscina": "pool",
    "charla de seguridad": "toolbox talk",
    "almacen": "warehouse",
    "muelle de carga": "loading dock",
    "incendio": "fire",
    # French
    "chariot elevateur": "forklift",
    "location de voiture": "car rental",
    "chambre froide": "cold room",
    # Arabic
    "رافعة شوكية": "forklift",
    "شاحنة": "truck",
    "غرفة تبريد": "cold room",
    "طفاية حريق": "fire extinguisher",
    "سقالة": "scaffold",
    "فحص": "inspection",
    "يومي": "daily",
    "اسبوعي": "weekly",
    # Arabic: the library's other kinds of work, as a search names them
    "اخلاء": "move out",
    "انتقال": "move",
    "مستاجر": "tenant",
    "شقة": "property",
    "دراجة": "bicycle",
    "قارب": "boat",
    "مواد كيميائية": "chemical",
    "حضانة": "childcare",
    "موقع بناء": "construction site",
    "مركز بيانات": "data centre",
    "مصعد": "elevator",
    "حفارة": "excavator",
    "اسعافات اولية": "first aid",
    "مطبخ": "kitchen",
    "سلامة الغذاء": "food safety",
    "صالة رياضية": "gym",
    "درجة الحرارة": "temperature",
    "فندق": "hotel",
    "تكييف": "air conditioning",
    "حادث": "accident",
    "سلم": "ladder",
    "مكتب": "office",
    "تنظيف": "cleaning",
    "مريض": "patient",
    "ملعب": "playground",
    "مطعم": "restaurant",
    "متجر": "store",
    "سطح": "roof",
    "حافلة مدرسية": "school bus",
    "حافلة": "bus",
    "دورية": "patrol",
    "الواح شمسية": "solar panel",
    "مولد": "generator",
    "مسبح": "pool",
    "مستودع": "warehouse",
    "حريق": "fire",
    "مركبة": "vehicle",
    "سيارة": "car",
}
# English compounds whose head is not the library's kind of work: a food truck is a kitchen, not a lorry.
COMPOUNDS = {
    "food truck": "food hygiene",
    "food van": "food hygiene",
    "food trailer": "food hygiene",
    "food cart": "food hygiene",
    "food stall": "food hygiene",
}


@cache
def _translations() -> dict[tuple[str, ...], tuple[str, ...]]:
    table = {**FOREIGN_TEXT, **COMPOUNDS}
    return {tuple(normalize(k)): tuple(normalize(v)) for k, v in table.items()}


def in_library_words(words: list[str]) -> list[str]:
    """`words` with the other languages' names for the library's kinds of work put in its English words
    (the longest phrase first): "carretilla elevadora" -> "forklift"."""
    table = _translations()
    longest = max(len(k) for k in table)
    out: list[str] = []
    at = 0
    while at < len(words):
        for size in range(min(longest, len(words) - at), 0, -1):
            said = table.get(tuple(words[at : at + size]))
            if said is not None:
                out += said
                at += size
                break
        else:
            out.append(words[at])
            at += 1
    return out
