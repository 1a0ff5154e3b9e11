#!/usr/bin/env python3
"""Extracts the place names entity-tag's gazetteer takes from GeoNames, into the two files beside this script.

    python3 scripts/gazetteers/extract_geonames.py CITIES15000.TXT ADMIN1CODESASCII.TXT

GeoNames (https://www.geonames.org/) is licensed CC BY 4.0; the extracts keep that licence and its
attribution in their first lines. The copies used, byte for byte:
  cities15000.txt       CliveEvans/lucene-spike @ 327c7e90469509a8b59a8fe34eb20e9e7b5b5541 (22,841 places)
  admin1CodesASCII.txt  FiorixF1/what-time-is-it-bot @ 75c16283182c49b475163fae929286b9d05fa761 (3,885 areas)

geonames-cities.tsv: name, ASCII name, country code, population; one populated place of at least 15,000 people
a line, sorted by name then country. geonames-admin1.tsv: name, ASCII name, code (`US.AR`); the first-level
divisions of every country (states, provinces, regions).
"""
import sys

HEADER = ("# From GeoNames (https://www.geonames.org/), CC BY 4.0: {what}.\n"
          "# Made by scripts/gazetteers/extract_geonames.py; see it for the copy used.\n")


def main():
    cities_path, admin_path = sys.argv[1:3]
    cities = []
    with open(cities_path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 15:
                continue
            name, ascii_name, country, population = fields[1], fields[2], fields[8], fields[14]
            cities.append((name, ascii_name, country, int(population or 0)))
    cities.sort(key=lambda c: (c[0], c[2], -c[3]))
    with open("scripts/gazetteers/geonames-cities.tsv", "w", encoding="utf-8") as out:
        out.write(HEADER.format(what="populated places of 15,000 people or more (name, ASCII name, country, population)"))
        for c in cities:
            out.write(f"{c[0]}\t{c[1]}\t{c[2]}\t{c[3]}\n")
    areas = []
    with open(admin_path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 3:
                areas.append((fields[1], fields[2], fields[0]))
    areas.sort(key=lambda a: (a[2], a[0]))
    with open("scripts/gazetteers/geonames-admin1.tsv", "w", encoding="utf-8") as out:
        out.write(HEADER.format(what="first-level divisions of every country (name, ASCII name, code)"))
        for a in areas:
            out.write(f"{a[0]}\t{a[1]}\t{a[2]}\n")
    print(f"{len(cities)} places, {len(areas)} divisions")


if __name__ == "__main__":
    main()
