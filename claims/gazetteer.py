"""Names of things a text may enumerate and count ("in 11 countries"): countries for now."""

from __future__ import annotations

import re

from .lexicon import alternation

_COUNTRIES = """Afghanistan; Albania; Algeria; Andorra; Angola; Argentina; Armenia; Australia; Austria;
Azerbaijan; Bahamas; Bahrain; Bangladesh; Barbados; Belarus; Belgium; Belize; Benin; Bhutan; Bolivia;
Bosnia; Botswana; Brazil; Brunei; Bulgaria; Burkina Faso; Burma; Burundi; Cambodia; Cameroon; Canada;
Chad; Chile; China; Colombia; Congo; Costa Rica; Croatia; Cuba; Cyprus; Czech Republic; Denmark;
Djibouti; Dominican Republic; Ecuador; Egypt; El Salvador; Eritrea; Estonia; Ethiopia; Fiji; Finland;
France; Gabon; Gambia; Georgia; Germany; Ghana; Greece; Grenada; Guatemala; Guinea; Guyana; Haiti;
Honduras; Hong Kong; Hungary; Iceland; India; Indonesia; Iran; Iraq; Ireland; Israel; Italy;
Ivory Coast; Jamaica; Japan; Jordan; Kazakhstan; Kenya; Kosovo; Kuwait; Kyrgyzstan; Laos; Latvia;
Lebanon; Lesotho; Liberia; Libya; Liechtenstein; Lithuania; Luxembourg; Macedonia; Madagascar; Malawi;
Malaysia; Maldives; Mali; Malta; Mauritania; Mauritius; Mexico; Moldova; Monaco; Mongolia; Montenegro;
Morocco; Mozambique; Myanmar; Namibia; Nepal; Netherlands; New Zealand; Nicaragua; Niger; Nigeria;
North Korea; Norway; Oman; Pakistan; Palestine; Panama; Papua New Guinea; Paraguay; Peru; Philippines;
Poland; Portugal; Qatar; Romania; Russia; Rwanda; San Marino; Saudi Arabia; Senegal; Serbia;
Sierra Leone; Singapore; Slovakia; Slovenia; Somalia; South Africa; South Korea; Spain; Sri Lanka;
Sudan; Suriname; Swaziland; Sweden; Switzerland; Syria; Taiwan; Tajikistan; Tanzania; Thailand; Togo;
Trinidad and Tobago; Tunisia; Turkey; Turkmenistan; Uganda; Ukraine; United Arab Emirates;
United Kingdom; United States; Uruguay; Uzbekistan; Venezuela; Vietnam; Yemen; Zambia; Zimbabwe;
England; Scotland; Wales; Northern Ireland"""
_ALIASES = {
    "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom",
    "Great Britain": "United Kingdom", "US": "United States", "U.S.": "United States",
    "USA": "United States", "America": "United States", "Holland": "Netherlands",
    "the Netherlands": "Netherlands", "UAE": "United Arab Emirates", "Czechia": "Czech Republic",
}
COUNTRIES: dict[str, str] = {name: name for name in (c.strip() for c in _COUNTRIES.split(";"))}
COUNTRIES.update(_ALIASES)
COUNTRY = re.compile(r"(?<![\w.])" + alternation(COUNTRIES, boundary=False) + r"(?![\w])")

#: Counted nouns that name a category of the gazetteer.
CATEGORY_NOUNS = {"countries": "country", "nations": "country", "country": "country"}


def countries_in(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Distinct canonical country names mentioned in ``text[start:end]``, in order of first mention.

    >>> countries_in("from Austria, Denmark and the UK and, later, Britain")
    ['Austria', 'Denmark', 'United Kingdom']
    """
    seen: dict[str, None] = {}
    for m in COUNTRY.finditer(text, start, len(text) if end is None else end):
        seen.setdefault(COUNTRIES[m.group(0)], None)
    return list(seen)
