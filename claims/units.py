"""One shared pint registry, with currencies, and the lexicon from surface words to its units.

pint defines no currencies, so each currency is its own base dimension here: pounds never convert
to euros without a rate the user supplies. Extraction never calls pint on the hot path; it maps
surface words to unit strings through the tables below, and a test checks that every string in
them is a unit of :func:`registry` that prints back unchanged.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pint

#: ISO code → (symbols and words that name it). The code is the pint unit name.
CURRENCIES: dict[str, tuple[str, ...]] = {
    "GBP": ("£", "pounds", "pound", "sterling", "quid", "gbp", "stg"),
    "GBX": ("pence", "penny", "p"),
    "EUR": ("€", "euros", "euro", "eur"),
    "EUX": ("eurocents", "euro cents"),
    "USD": ("$", "us$", "us $", "dollars", "dollar", "usd", "us dollars", "us dollar", "u.s. dollars"),
    "USX": ("cents", "cent", "¢"),
    "JPY": ("¥", "yen", "jpy", "japanese yen"),
    "CNY": ("yuan", "renminbi", "rmb", "cny", "chinese yuan"),
    "INR": ("rupees", "rupee", "rs", "inr", "₹", "indian rupees"),
    "AUD": ("a$", "aud$", "aud", "australian dollars", "australian dollar"),
    "CAD": ("c$", "c $", "cad$", "cad", "canadian dollars", "canadian dollar"),
    "NZD": ("nz$", "nz $", "nzd$", "nzd", "new zealand dollars"),
    "HKD": ("hk$", "hk $", "hkd", "hong kong dollars"),
    "SGD": ("s$", "sgd", "singapore dollars"),
    "CHF": ("swiss francs", "swiss franc", "chf"),
    "SEK": ("swedish kronor", "kronor", "sek"),
    "NOK": ("norwegian kroner", "nok"),
    "DKK": ("danish kroner", "dkk"),
    "RUB": ("roubles", "rubles", "rub", "russian roubles"),
    "ZAR": ("rand", "zar"),
    "BRL": ("reais", "brl"),
    "KRW": ("won", "krw", "korean won", "₩"),
    "MXN": ("pesos", "mxn", "mxn$", "mex$", "mexican pesos"),
    "TRY": ("lira", "lire", "turkish lira", "try"),
    "BTC": ("₿", "bitcoins", "bitcoin", "btc"),
    "CRC": ("₡", "crc"),
    "GEL": ("₾", "gel"),
    "LAK": ("₭", "lak"),
    "NGN": ("naira", "₦", "ngn"),
    "THB": ("baht", "฿", "thb"),
}
_MINOR = {"GBX": ("GBP", 100), "USX": ("USD", 100), "EUX": ("EUR", 100)}

#: Surface word → (pint unit, kind) for non-money units.
UNIT_WORDS: dict[str, tuple[str, str]] = {}


def _add(kind: str, unit: str, *words: str) -> None:
    for w in words:
        UNIT_WORDS[w] = (unit, kind)


_add("percent", "percent", "%", "per cent", "percent", "pct", "per-cent")
_add("percentage_point", "percentage_point", "percentage points", "percentage point",
     "percentage-point", "pp", "ppt", "ppts")
_add("percentage_point", "basis_point", "basis points", "basis point", "bps", "bp")
for _unit, _words in {
    "second": ("seconds", "second", "secs", "sec"),
    "minute": ("minutes", "minute", "mins", "min"),
    "hour": ("hours", "hour", "hrs", "hr", "h"),
    "day": ("days", "day"),
    "week": ("weeks", "week", "wks"),
    "month": ("months", "month"),
    "year": ("years", "year", "yrs", "yr"),
    "century": ("centuries", "century"),
    "decade": ("decades", "decade"),  # turned into 10 years when read: pint's decade is logarithmic
    "fortnight": ("fortnights", "fortnight"),
}.items():
    _add("duration", _unit, *_words)
for _unit, _words in {
    "bit": ("bits", "bit"),
    "byte": ("bytes", "byte"),
    "kilobyte": ("kilobytes", "kilobyte", "kb"),
    "megabyte": ("megabytes", "megabyte", "mb"),
    "gigabyte": ("gigabytes", "gigabyte", "gb", "gig", "gigs"),
    "terabyte": ("terabytes", "terabyte", "tb"),
    "petabyte": ("petabytes", "petabyte", "pb"),
    "kilobit": ("kilobits", "kilobit"),
    "megabit": ("megabits", "megabit"),
    "gigabit": ("gigabits", "gigabit"),
    "kilobit / second": ("kbps", "kbit/s", "kb/s"),
    "megabit / second": ("mbps", "mbit/s", "mb/s"),
    "gigabit / second": ("gbps", "gbit/s", "gb/s"),
}.items():
    _add("data_size", _unit, *_words)
for _unit, _words in {
    "kilometer": ("kilometres", "kilometre", "kilometers", "kilometer", "km", "kms"),
    "meter": ("metres", "metre", "meters", "meter", "m"),
    "centimeter": ("centimetres", "centimetre", "centimeters", "centimeter", "cm"),
    "millimeter": ("millimetres", "millimetre", "millimeters", "millimeter", "mm"),
    "mile": ("miles", "mile"),
    "foot": ("feet", "foot", "ft"),
    "inch": ("inches", "inch"),
    "yard": ("yards", "yard", "yds"),
    "kilogram": ("kilograms", "kilogram", "kilogrammes", "kg", "kgs", "kilos", "kilo"),
    "gram": ("grams", "gram", "grammes", "g"),
    "milligram": ("milligrams", "milligram", "milligrammes", "mg"),
    "microgram": ("micrograms", "microgram", "microgrammes", "μg", "µg", "mcg"),
    "ounce": ("ounces", "ounce", "oz"),
    "metric_ton": ("tonnes", "tonne", "metric tons", "t"),
    "ton": ("tons", "ton"),
    "pound": ("lbs", "lb"),
    "stone": ("stones",),
    "liter": ("litres", "litre", "liters", "liter", "l"),
    "milliliter": ("millilitres", "millilitre", "milliliters", "milliliter", "ml"),
    "tablespoon": ("tablespoons", "tablespoon", "tbsp"),
    "teaspoon": ("teaspoons", "teaspoon", "tsp"),
    "cup": ("cups",),
    "decimeter": ("decimetres", "decimeters", "decimetre", "decimeter", "dm"),
    "nautical_mile": ("nautical miles", "nautical mile"),
    "meter ** 2": ("square metres", "square meters", "square metre", "square meter", "sq m", "m2", "sqm"),
    "foot ** 3": ("cubic feet", "cubic foot"),
    "meter ** 3": ("cubic metres", "cubic meters", "m3"),
    "degree": ("degrees", "degree"),
    "radian": ("radians", "radian", "rad"),
    "gallon": ("gallons", "gallon"),
    "oil_barrel": ("barrels", "barrel"),
    "hectare": ("hectares", "hectare", "ha"),
    "acre": ("acres", "acre"),
    "square_mile": ("square miles", "square mile", "sq miles"),
    "kilometer ** 2": ("square kilometres", "square kilometers", "sq km", "km2"),
    "kilowatt_hour": ("kilowatt hours", "kilowatt-hours", "kwh"),
    "megawatt_hour": ("megawatt hours", "mwh"),
    "kilowatt": ("kilowatts", "kw"),
    "megawatt": ("megawatts", "mw"),
    "gigawatt": ("gigawatts", "gw"),
    "degree_Celsius": ("degrees celsius", "degrees centigrade", "degree celsius", "deg celsius", "deg c",
                       "degrees c", "celsius", "centigrade", "°c", "c"),
    "degree_Fahrenheit": ("degrees fahrenheit", "degree fahrenheit", "deg fahrenheit", "deg f",
                          "degrees f", "fahrenheit", "°f", "f"),
    "mile / hour": ("mph", "miles per hour", "miles an hour"),
    "kilometer / hour": ("km/h", "kph", "kmh", "kmph", "kilometres per hour", "kilometers per hour"),
}.items():
    _add("measure", _unit, *_words)

#: Surface word after "per"/"a"/"/" → pint unit of the period of a rate.
PERIODS: dict[str, str] = {
    "second": "second", "sec": "second", "s": "second",
    "minute": "minute", "min": "minute",
    "hour": "hour", "hr": "hour", "h": "hour",
    "day": "day", "night": "day",
    "week": "week", "wk": "week",
    "month": "month", "mth": "month",
    "year": "year", "yr": "year", "annum": "year",
}

#: Lower-cased currency word or symbol → ISO code.
CURRENCY_WORDS: dict[str, str] = {w: code for code, words in CURRENCIES.items() for w in words}


@functools.lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """The one pint registry every stage uses, with currencies and percentage points defined."""
    ureg = _pint_registry()
    for code in CURRENCIES:
        if code in _MINOR:
            major, factor = _MINOR[code]
            ureg.define(f"{code} = {major} / {factor}")
        else:
            ureg.define(f"{code} = [currency_{code}]")
    ureg.define("percentage_point = 0.01")
    ureg.define("basis_point = 0.0001")
    return ureg


def cache_folder() -> Path | None:
    """Where pint keeps its parsed definitions for the next run: ``$NUMCHECK_CACHE_DIR``, or
    ``numcheck/pint-VERSION`` in the user's cache folder; ``None`` if it cannot be made."""
    base = os.environ.get("NUMCHECK_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "numcheck")
    folder = Path(base) / f"pint-{pint.__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None


def _pint_registry() -> pint.UnitRegistry:
    """pint's registry, its definitions read from the cache when it holds them.

    Parsing pint's definition files is most of the 0.5 s a registry takes to build, and every
    command builds one; from the cache it takes 0.1 s. pint writes a cache file in place, so one
    being written by another process at the same moment may read back broken: then, as when
    there is no cache folder, the registry is built from the definitions themselves.
    """
    folder = cache_folder()
    if folder is not None:
        try:
            return pint.UnitRegistry(cache_folder=folder)
        except Exception:  # a half-written or stale cache file: never worth failing a run for
            pass
    return pint.UnitRegistry(cache_folder=None)


def unit_string(unit: str) -> str:
    """pint's own spelling of ``unit`` ("GBP/week" → "GBP / week")."""
    return str(registry().Unit(unit)) if unit else ""
