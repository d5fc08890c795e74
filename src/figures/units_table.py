"""Writes the unit tables of the figures: src/figures/data/units.tsv from
pint's unit registry and src/figures/data/currencies.tsv from pycountry's
ISO 4217 currencies (both pinned; the package build never needs them).

    python -m venv target/units-venv
    target/units-venv/bin/pip install pint==0.24.4 pycountry==26.2.16
    target/units-venv/bin/python src/figures/units_table.py src/figures/data \
        ../shared/data/casing/en_lexeme_prob.json.gz

UNITS names the registry entries news writes (the registry holds 960, most
of them scientific) with the SI prefixes each takes; the names, aliases,
symbols and dimensions come from pint. Each line is `form<TAB>code<TAB>class`:
a lowercase form as text writes it after a number ("kilometres", "km",
"km/h", stripped "km h", "kilometres per hour", "square miles"), the unit's
short code, and
`time` or `physical`. The figures look a unit word up in their own word
list first; this table adds every unit that list does not name.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pint
import pycountry

# Registry entries and the prefixes news uses with them.
UNITS: dict[str, str] = {
    # length
    "meter": "kcmµn",
    "mile": "",
    "foot": "",
    "inch": "",
    "yard": "",
    "nautical_mile": "",
    "light_year": "",
    "angstrom": "",
    # area (squares are made below)
    "hectare": "",
    "acre": "",
    # volume
    "liter": "mcdh",
    "gallon": "",
    "fluid_ounce": "",
    "pint": "",
    "quart": "",
    "teaspoon": "",
    "tablespoon": "",
    "bushel": "",
    "barrel": "",
    "cubic_centimeter": "",
    # mass
    "gram": "kmµ",
    "tonne": "kM",
    "pound": "",
    "ounce": "",
    "stone": "",
    "carat": "",
    # time
    "second": "mµn",
    "minute": "",
    "hour": "",
    "day": "",
    "week": "",
    "fortnight": "",
    "month": "",
    "year": "",
    "century": "",
    # energy and power
    "joule": "kMGT",
    "watt_hour": "kMGT",
    "calorie": "k",
    "electron_volt": "kMGT",
    "british_thermal_unit": "",
    "watt": "kMGT",
    "horsepower": "",
    # pressure
    "pascal": "hkMG",
    "bar": "m",
    "psi": "",
    "atmosphere": "",
    "millimeter_Hg": "",
    # temperature
    "degree_Celsius": "",
    "degree_Fahrenheit": "",
    "kelvin": "",
    # data and frequency
    "byte": "kMGTP",
    "bit": "kMG",
    "hertz": "kMG",
    # electricity
    "volt": "k",
    "ampere": "",
    "volt_ampere": "kM",
    # radiation and concentration
    "sievert": "mµ",
    "becquerel": "",
    "ppm": "",
}

PREFIX = {
    "k": "kilo",
    "c": "centi",
    "m": "milli",
    "µ": "micro",
    "n": "nano",
    "d": "deci",
    "h": "hecto",
    "M": "mega",
    "G": "giga",
    "T": "tera",
    "P": "peta",
}

# The codes the figures already give some units; the rest keep pint's symbol.
CODE = {
    "°C": "C",
    "°F": "F",
    "kph": "km/h",
    "kt": "kn",
    "cp": "cup",
    "a": "year",
    "d": "day",
    "h": "hour",
    "s": "second",
    "min": "minute",
    "l": "l",
    "Å": "angstrom",
    "bbl": "barrel",
}

# Symbols that are English words, or letters the figures decide in context.
NOT_A_SYMBOL = {
    "in",
    "at",
    "a",
    "am",
    "ct",
    "bu",
    "ly",
    "pt",
    "qt",
    "d",
    "h",
    "s",
    "l",
    "m",
    "g",
    "t",
    "k",
    "b",
    "v",
    "j",
    "w",
    "n",
    "min",
    "ton",
    "bar",
    "cd",
    "mm",
    "ms",
    "mt",
    "pa",
    "cc",
    "nm",
    "kt",
    "ma",
}

# Units per unit: speed, concentration, emissions and flow.
PER: list[tuple[list[str], list[str]]] = [
    (["meter", "kilometer", "mile", "foot", "nautical_mile"], ["second", "hour", "minute"]),
    (
        ["gram", "milligram", "microgram", "kilogram"],
        ["liter", "milliliter", "deciliter", "meter**3"],
    ),
    (["gram"], ["kilometer", "mile"]),
    (["meter**3", "liter", "barrel"], ["second", "day", "year"]),
    (["meter"], ["second**2"]),
]
SPELLED = {"meter**3": ["cubic meter", "cubic metre"], "second**2": ["second squared"]}


def plural(w: str) -> str:
    irregular = {
        "foot": "feet",
        "inch": "inches",
        "century": "centuries",
        "millennium": "millennia",
        "celsius": "celsius",
        "fahrenheit": "fahrenheit",
        "hertz": "hertz",
        "psi": "psi",
        "kelvin": "kelvin",
        "ppm": "ppm",
    }
    for one, many in irregular.items():
        if w.endswith(one):
            return w[: len(w) - len(one)] + many
    return w + ("es" if w.endswith(("s", "x", "ch", "sh")) else "s")


def names(ureg: pint.UnitRegistry, name: str) -> list[str]:
    """The unit's name and the aliases text writes ("metre", "litre", "hr";
    not the variants a registry tells apart: "avoirdupois_pound", "octet")."""
    d = ureg._units[name]
    aliases = [a for a in d.aliases if "_" not in a and a != "octet"]
    out = [name, *aliases]
    out += [n.replace("meter", "metre").replace("liter", "litre") for n in out]
    keep = [n for n in out if n.isascii() and not any(c.isupper() for c in n)]
    return sorted({n.replace("_", " ") for n in keep})


def singular(ureg: pint.UnitRegistry, name: str) -> bool:
    """Whether `name` is a singular form (aliases hold plurals: "feet",
    "centuries", "millennia")."""
    return not name.endswith(("s", "feet", "ia")) or name in ("celsius", "psi")


def code_of(ureg: pint.UnitRegistry, expr: str) -> str:
    sym = f"{ureg.parse_units(expr):~}".replace(" ", "").replace("**", "")
    return CODE.get(sym, sym.replace("sq_", "").replace("cu_", ""))


def klass(ureg: pint.UnitRegistry, expr: str) -> str:
    return "time" if str(ureg.parse_units(expr).dimensionality) == "[time]" else "physical"


def simple(ureg: pint.UnitRegistry) -> dict[str, tuple[str, str]]:
    rows: dict[str, tuple[str, str]] = {}
    for base, prefixes in UNITS.items():
        for p in ["", *prefixes]:
            expr = PREFIX.get(p, "") + base
            code, cls = code_of(ureg, expr), klass(ureg, expr)
            for n in names(ureg, base):
                full = PREFIX.get(p, "") + n
                forms = (full, plural(full)) if singular(ureg, n) else (full,)
                for form in forms:
                    rows.setdefault(form, (code, cls))
            sym = f"{ureg.parse_units(expr):~}".replace(" ", "")
            if (sym.lower() not in NOT_A_SYMBOL and sym.isascii()) or "µ" in sym:
                rows.setdefault(sym.lower(), (code, cls))
    return rows


def squares(ureg: pint.UnitRegistry, rows: dict[str, tuple[str, str]]) -> None:
    """Areas and volumes of lengths: "square miles", "sq km", "cubic metres", "km2"."""
    for base in ["meter", "kilometer", "centimeter", "mile", "foot", "inch", "yard"]:
        for power, words in ((2, ["square", "sq"]), (3, ["cubic", "cu"])):
            expr = f"{base}**{power}"
            code = code_of(ureg, expr)
            sym = f"{ureg.parse_units(base):~}"
            for w in words:
                for n in names(ureg, base):
                    for form in (n, plural(n)) if singular(ureg, n) else (n,):
                        rows.setdefault(f"{w} {form}", (code, "physical"))
                rows.setdefault(f"{w} {sym}", (code, "physical"))
            rows.setdefault(f"{sym}{power}", (code, "physical"))


def quotients(ureg: pint.UnitRegistry, rows: dict[str, tuple[str, str]]) -> None:
    for tops, bottoms in PER:
        for top in tops:
            for bottom in bottoms:
                code = code_of(ureg, f"{top}/{bottom}")
                tsym = f"{ureg.parse_units(top):~}".replace(" ", "").replace("**", "")
                bsym = f"{ureg.parse_units(bottom):~}".replace(" ", "").replace("**", "")
                for b in (bsym, CODE.get(bsym, bsym), bsym.replace("2", "²")):
                    rows.setdefault(f"{tsym}/{b}".lower(), (code, "physical"))
                    # Stripped text has a space for the slash.
                    if tsym.isascii() and len(tsym) > 1:
                        rows.setdefault(f"{tsym} {b}".lower(), (code, "physical"))
                for t in SPELLED.get(top) or prefixed_names(ureg, top):
                    for b in SPELLED.get(bottom) or prefixed_names(ureg, bottom):
                        for tf in (t, plural(t)) if singular(ureg, t) else (t,):
                            rows.setdefault(f"{tf} per {b}", (code, "physical"))


def prefixed_names(ureg: pint.UnitRegistry, expr: str) -> list[str]:
    """Names of a unit that may carry a prefix ("kilometre" of "kilometer")."""
    for p in sorted(PREFIX.values(), key=len, reverse=True):
        if expr.startswith(p) and expr[len(p) :] in ureg._units:
            return [p + n for n in names(ureg, expr[len(p) :])]
    return names(ureg, expr)


# ISO 4217 entries that are funds, metals or test codes, not money news quotes.
NOT_MONEY = {
    "BOV",
    "CHE",
    "CHW",
    "CLF",
    "COU",
    "MXV",
    "USN",
    "UYI",
    "UYW",
    "VED",
    "XAG",
    "XAU",
    "XBA",
    "XBB",
    "XBC",
    "XBD",
    "XDR",
    "XPD",
    "XPT",
    "XSU",
    "XTS",
    "XUA",
    "XXX",
    "XAD",
    "ZWG",
}


def currencies(common: dict[str, float]) -> dict[str, str]:
    """Lowercase form -> ISO code: the code where it is no common word (the
    casing data's log-probability of the lowercase word under -14.5: "kes",
    not "all" or "try"), the name with its plural ("kenyan shillings"), and a
    one-word name that is no common word ("hryvnia", "naira"; not "won",
    "real" or "sum")."""
    rows: dict[str, str] = {}
    nouns: dict[str, set[str]] = {}
    for c in pycountry.currencies:
        code = c.alpha_3
        if code in NOT_MONEY:
            continue
        if common.get(code.lower(), -20.0) < -14.5:
            rows[code.lower()] = code
        name = c.name.lower().replace("\u2019", "'")
        if not name.isascii() or "(" in name:
            continue
        if " " in name:
            for form in (name, plural(name)):
                rows.setdefault(form, code)
        else:
            nouns.setdefault(name, set()).add(code)
    for noun, codes in nouns.items():
        if len(codes) == 1 and common.get(noun, -20.0) < -14.5:
            (code,) = codes
            for form in (noun, plural(noun)):
                rows.setdefault(form, code)
    return rows


def write(path: Path, header: str, rows: dict[str, tuple[str, ...]]) -> None:
    lines = [
        f"# Generated by src/figures/units_table.py ({header}); do not edit.",
        "# form\tcode" + ("\tclass" if any(len(r) > 1 for r in rows.values()) else ""),
    ]
    lines += ["\t".join((form, *rows[form])) for form in sorted(rows)]
    path.write_text("\n".join(lines) + "\n")


def main() -> None:
    out, casing = Path(sys.argv[1]), sys.argv[2]
    ureg = pint.UnitRegistry()
    rows = simple(ureg)
    squares(ureg, rows)
    quotients(ureg, rows)
    write(out / "units.tsv", f"pint {pint.__version__}", rows)
    with gzip.open(casing) as f:
        common = json.load(f)
    money = {form: (code,) for form, code in currencies(common).items()}
    write(out / "currencies.tsv", "pycountry ISO 4217", money)


if __name__ == "__main__":
    sys.exit(main())
