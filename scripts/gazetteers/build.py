#!/usr/bin/env python3
"""Builds entity-tag's bundled gazetteer and word list, Sources/EntityTagModel/Resources/gazetteer.tsv and
common-words.txt.

    python3 scripts/gazetteers/build.py           # rewrites the two resources
    python3 scripts/gazetteers/build.py --check   # rebuilds them in memory; exit 1 if the committed ones differ

Every input is a file beside this script, so the output depends on nothing installed (CI runs --check).
Countries come from ISO 3166-1 and states and provinces of a few countries from ISO 3166-2, both from
Debian's iso-codes 4.15.0-1 (LGPL-2.1+), kept as sources/iso-3166-1.tsv and sources/iso-3166-2.tsv. Everything else is a hand-kept list beside this script:
demonyms.tsv, groups.txt (NORP), cities.txt (GPE), locations.txt (LOC), laws.txt (LAW), organizations.tsv and
organizations-world.tsv (ORG), and the name lists given-names.txt, surnames.txt, titles.txt and people.txt that
the PERSON rules use. Cities of 15,000 people or more and every country's states and provinces come from
GeoNames (CC BY 4.0), through the extracts geonames-cities.tsv and geonames-admin1.tsv (extract_geonames.py);
a place whose name is also an everyday English word (`Mobile`, `Reading`) or a person's name in the lists
(`Florence`, `Jackson`) is left out, since the gazetteer is evidence the recognizer trusts.

It also keeps a list of common words: the English words of SCOWL size 35 (Debian's wamerican-small 2020.12.07-2,
kept as sources/american-english-small.txt with its permission notice) that are only ever written in lower
case. A run of capitalized words made of such words (`Grand Mosque`, `Internet Explorer`) is no
person's name, while `Tigist Alemu` is.

The gazetteer is written as TSV lines `text<TAB>kind<TAB>canonical`, where kind is an OntoNotes label or
one of `given`, `surname`, `title`, sorted and deduplicated, so rebuilding is byte-stable. Both are resources
of the EntityTagModel target, read at the first document.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "Sources", "EntityTagModel", "Resources")
SOURCES = os.path.join(HERE, "sources")
# SCOWL size 35 (Debian's wamerican-small; Kevin Atkinson, permissive licence).
DICTIONARY = os.path.join(SOURCES, "american-english-small.txt")

# Country names as news copy writes them, beside iso-codes' own.
COUNTRY_ALIASES = {
    "KR": ["South Korea", "Republic of Korea", "Korea"], "KP": ["North Korea", "DPRK"],
    "RU": ["Russia"], "US": ["United States", "United States of America", "U.S.", "US", "USA", "America"],
    "GB": ["United Kingdom", "Britain", "Great Britain", "UK", "U.K."], "VN": ["Vietnam"], "TR": ["Turkey"],
    "CZ": ["Czech Republic"], "CN": ["China", "People's Republic of China"], "TW": ["Taiwan"],
    "IR": ["Iran"], "SY": ["Syria"], "LA": ["Laos"], "PS": ["Palestine"], "MM": ["Myanmar", "Burma"],
    "CI": ["Ivory Coast"], "CD": ["Congo", "DR Congo", "DRC", "Democratic Republic of Congo"], "NL": ["Netherlands", "Holland"], "VA": ["Vatican"],
    "MK": ["North Macedonia"], "BN": ["Brunei"], "FM": ["Micronesia"], "PG": ["PNG"],
    "KN": ["St Kitts and Nevis", "St. Kitts and Nevis", "St Kitts & Nevis"], "LC": ["St Lucia", "St. Lucia"],
    "VC": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines", "St Vincent"],
    # The names as the countries write them, with their accents and the Portuguese `e` (`São Tomé e Príncipe`).
    "ST": ["São Tomé and Príncipe", "São Tomé e Príncipe", "Sao Tome e Principe"], "CW": ["Curaçao"],
    "GW": ["Guinea-Bissau", "Guiné-Bissau"], "TL": ["Timor-Leste", "East Timor"],
}
CANONICAL = {"KR": "South Korea", "KP": "North Korea", "US": "United States", "GB": "United Kingdom"}
SHORT_REGIONS = {"Goa", "Imo", "Oyo", "Edo", "Osh", "Qom", "Zug", "Gao", "Ica", "Uva"}
SUBDIVISIONS = {"US": ("State",), "CA": ("Province", "Territory"), "AU": ("State", "Territory")}


def lines(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield line


def source(name):
    """The rows of a pinned source file: tab-separated fields, `#` lines left out."""
    with open(os.path.join(SOURCES, name), encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


def dictionary_words():
    with open(DICTIONARY, encoding="utf-8") as f:
        return [w.strip() for w in f if w.strip() and not w.startswith("#")]


def main():
    check = "--check" in sys.argv[1:]
    rows = set()

    def add(text, kind, canonical=None):
        text = text.strip()
        if text:
            rows.add((text, kind, (canonical or text).strip()))

    countries = [{"alpha_2": a, "name": n, "common_name": cn or None, "official_name": on or None}
                 for a, n, cn, on in source("iso-3166-1.tsv")]
    for c in countries:
        code = c["alpha_2"]
        names = [n for n in (c.get("common_name"), c["name"], c.get("official_name")) if n and "," not in n]
        names += COUNTRY_ALIASES.get(code, [])
        if not names:  # only a `Name, qualifier` form: use the part before the comma
            names = [c["name"].split(",")[0]]
        canonical = CANONICAL.get(code) or c.get("common_name") or names[0]
        for n in names:
            add(n[4:] if n.startswith("the ") else n, "GPE", canonical)
    for code, kind, name in source("iso-3166-2.tsv"):
        if kind in SUBDIVISIONS.get(code.split("-")[0], ()):
            add(name, "GPE")

    for line in lines("demonyms.tsv"):
        country, *forms = line.split("\t")
        for form in forms:
            add(form, "NORP", forms[0])
    for line in lines("groups.txt"):
        add(line, "NORP")
    for kind, name in (("GPE", "cities.txt"), ("LOC", "locations.txt"), ("LAW", "laws.txt"), ("PERSON", "people.txt")):
        for line in lines(name):
            text, _, canonical = line.partition("=")
            add(text, kind, canonical or None)
    # The hand-kept list first: a name it has keeps its canonical form there (`Yonhap`).
    organizations = set()
    for name in ("organizations.tsv", "organizations-world.tsv"):
        for line in lines(name):
            text, _, canonical = line.partition("\t")
            if text not in organizations:
                organizations.add(text)
                add(text, "ORG", canonical or None)
    for kind, name in (("given", "given-names.txt"), ("surname", "surnames.txt"), ("title", "titles.txt")):
        for line in lines(name):
            for word in line.split():
                add(word, kind)

    dictionary = set(dictionary_words())
    everyday = {w for w in dictionary if w.islower()}
    people = {r[0].lower() for r in rows if r[1] in ("given", "surname", "PERSON", "title")}
    known = {r[0] for r in rows}

    compass = {"north", "south", "east", "west", "central", "northeast", "northwest", "southeast", "southwest",
               "northern", "southern", "eastern", "western", "upper", "lower", "middle", "mid"}

    def place(name):
        """Whether a GeoNames name is safe to add as a GPE."""
        if name in known or not name[:1].isupper() or any(ch.isdigit() for ch in name) or "(" in name:
            return False
        # A name of compass words alone (`North East`, `North-West`, `South-South`) is a region of whatever country
        # the text is about (OntoNotes LOC), far more often than one country's province of that name.
        if all(w in compass for w in name.lower().replace("-", " ").split()):
            return False
        # A name of several words (`Little Rock`, `Grand Rapids`) is a place however everyday its words are.
        return len(name.split()) > 1 or not (len(name) < 4 or name.lower() in everyday or name.lower() in people)

    for line in lines("geonames-cities.tsv"):
        name, ascii_name, _, _ = line.split("\t")
        for n in {name, ascii_name}:
            if place(n):
                add(n, "GPE", name)
    for line in lines("geonames-admin1.tsv"):
        name, ascii_name, _ = line.split("\t")
        # States and provinces of three letters that news names often, which the length rule would leave out; the
        # others of three letters (`Est`, `Bar`, `Van`) are words first.
        if name in SHORT_REGIONS:
            add(name, "GPE", name)
        for n in {name, ascii_name}:
            forms = {n}
            for suffix in (" Province", " Region", " State", "-do", " Prefecture", " Governorate", " Oblast"):
                if n.endswith(suffix) and len(n) > len(suffix) + 3:
                    forms.add(n[: -len(suffix)])
            for form in forms:
                if place(form):
                    add(form, "GPE", name)

    # British and Commonwealth copy writes an acronym said as a word in title case (`Nato`, `Fifa`, `Opec`,
    # `Nasa`): such an organization's acronym of four letters or more is listed in that form too, unless the
    # form is an everyday word, a person's name or another entry (`NICE` is no `Nice`).
    for text, kind, canonical in sorted(rows):
        if kind == "ORG" and len(text) >= 4 and text.isalpha() and text.isupper():
            form = text[0] + text[1:].lower()
            if form not in known and form.lower() not in everyday and form.lower() not in people:
                add(form, kind, canonical)

    # A brand written with a capital inside (`SoftBank`, `PayPal`, `YouTube`) is written in title case too by
    # outlets whose style forbids inner capitals (`Softbank`, `Paypal`), unless that form is an everyday word or a
    # person's name.
    for text, kind, canonical in sorted(rows):
        if kind == "ORG" and text.isalpha() and len(text) >= 5 and text[0].isupper() and any(c.isupper() for c in text[1:]) \
                and not text.isupper():
            form = text[0] + text[1:].lower()
            if form not in known and form.lower() not in everyday and form.lower() not in people:
                add(form, kind, canonical)

    # British and Commonwealth copy spells `-ization` as `-isation` (`World Health Organisation`): an organization's,
    # a law's or an event's name is listed in that spelling too.
    for text, kind, canonical in sorted(rows):
        if kind in ("ORG", "LAW", "EVENT") and "ization" in text:
            form = text.replace("ization", "isation")
            if form not in known:
                add(form, kind, canonical)

    gazetteer = "".join(f"{text}\t{kind}\t{canonical}\n" for text, kind, canonical in sorted(rows))

    words = dictionary_words()
    capitalized = {w.lower() for w in words if w[:1].isupper()}
    given = {r[0].lower() for r in rows if r[1] in ("given", "surname", "PERSON")}
    common = sorted({w for w in words if w.isascii() and w.isalpha() and w.islower() and 3 <= len(w) <= 14
                     and w not in capitalized and w not in given})
    outputs = {"gazetteer.tsv": gazetteer, "common-words.txt": "\n".join(common) + "\n"}
    if check:
        stale = []
        for name, text in outputs.items():
            with open(os.path.join(OUT, name), encoding="utf-8") as f:
                if f.read() != text:
                    stale.append(name)
        if stale:
            sys.exit(f"{', '.join(stale)} differ from what scripts/gazetteers/build.py makes: run it and commit the result")
        print(f"gazetteer.tsv ({len(rows)} entries) and common-words.txt ({len(common)} words) match their sources")
        return
    for name, text in outputs.items():
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            f.write(text)
    print(f"wrote {len(rows)} entries and {len(common)} common words to {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()
