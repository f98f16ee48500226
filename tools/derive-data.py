#!/usr/bin/env python3
"""Derive Kompetensbron's compact reference data from the raw open data.

Usage (from the repository root):  python3 tools/derive-data.py ../shared/data

Reads the JobTech Taxonomy bulk JSON, the Swedish geography files and the JobTech legacy id map and
writes data/taxonomy.json.gz, data/geography.json.gz and data/jobtech-legacy.json.gz (our own compact
schema, see docs/decisions/0001-reference-data.md and 0011-imports.md). Output is deterministic: everything is sorted, JSON is written
with fixed separators and gzip gets mtime=0 and no file name, so re-running on the same input gives
byte-identical files. Standard library only.
"""

import csv
import gzip
import io
import json
import os
import sys
from collections import defaultdict

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Municipalities whose seat (centralort) is not found under the municipality's own name among the
# JobTech places. Checked against the place list: all other 286 municipalities have a place named
# exactly like the municipality.
MUNICIPALITY_SEATS = {
    "0139": "Kungsängen",  # Upplands-Bro
    "1427": "Kungshamn",  # Sotenäs
    "1438": "Ed",  # Dals-Ed
    "2023": "Malung",  # Malung-Sälen
}


def concepts(src, name):
    with open(os.path.join(src, "jobtech-taxonomy", name), encoding="utf-8") as f:
        return json.load(f)["data"]["concepts"]


def walk(nodes, parent=None):
    """Yields (node, parent) for a JobTech hierarchy with nested 'narrower' lists."""
    for node in nodes:
        yield node, parent
        yield from walk(node.get("narrower", []), node)


def level_of(concept_type):
    return int(concept_type.rsplit("-", 1)[1])


def clean(text):
    """Trims, normalises line endings and drops soft hyphens / no-break spaces; None stays None."""
    if text is None:
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "").replace("\u00a0", " ").strip()
    return text or None


def derive_taxonomy(src):
    skills = sorted(({"id": c["id"], "label": clean(c["preferred_label"])} for c in concepts(src, "skills.json")),
                    key=lambda s: s["id"])
    skill_ids = {s["id"] for s in skills}

    # SSYK: hierarchy with occupations gives structure, codes and level-4 definitions; the level-1 and
    # level-2 files add the definitions the hierarchy file leaves out (level 3 has none in the bulk data).
    extra_definitions = {}
    for name in ("ssyk-level-1-groups.json", "ssyk-level-2-groups.json", "ssyk-level-4-groups.json"):
        for c in concepts(src, name):
            if c.get("definition"):
                extra_definitions[c["id"]] = c["definition"]
    ssyk, occupations = [], []
    for node, parent in walk(concepts(src, "the-ssyk-hierarchy-with-occupations.json")):
        if node["type"] == "occupation-name":
            assert parent is not None and parent["type"] == "ssyk-level-4", node
            occupations.append({"id": node["id"], "label": clean(node["preferred_label"]), "ssyk4": parent["id"]})
        else:
            assert node["type"].startswith("ssyk-level-"), node
            ssyk.append({
                "id": node["id"],
                "code": node["ssyk_code_2012"],
                "level": level_of(node["type"]),
                "label": clean(node["preferred_label"]),
                "def": clean(node.get("definition") or extra_definitions.get(node["id"])),
                "parent": parent["id"] if parent else None,
            })
    ssyk.sort(key=lambda g: (g["code"], g["id"]))
    occupations.sort(key=lambda o: o["id"])
    ssyk_ids = {g["id"] for g in ssyk}

    ssyk4_skills = {}
    for c in concepts(src, "ssyk-level-4-groups-with-related-skills.json"):
        assert c["id"] in ssyk_ids, c["id"]
        related = sorted({r["id"] for r in c.get("related", []) if r["type"] == "skill"})
        assert all(r in skill_ids for r in related)
        if related:
            ssyk4_skills[c["id"]] = related

    # JobTech lists, for each occupation A, `substitutes` (occupations B that A substitutes, i.e. a person
    # in A can do the work of B) and `substituted_by` (occupations whose people can do A's work); the two
    # lists are exact mirrors. E.g. Läkare.substitutes = [AT-läkare]: a licensed doctor can work as an
    # AT-läkare, not the other way round. We store From=A, To=B for every B in A.substitutes.
    occupation_ids = {o["id"] for o in occupations}
    substitutions = set()
    for c in concepts(src, "substitutability-relations-between-occupations.json"):
        for r in c["substitutes"]:
            substitutions.add((c["id"], r["id"], int(r["substitutability_percentage"])))
        for r in c["substituted_by"]:
            substitutions.add((r["id"], c["id"], int(r["substitutability_percentage"])))
    assert all(f in occupation_ids and t in occupation_ids for f, t, _ in substitutions)
    substitutions = [{"from": f, "to": t, "pct": p} for f, t, p in sorted(substitutions)]

    def sun(name, code_key):
        out = []
        for node, parent in walk(concepts(src, name)):
            out.append({
                "id": node["id"],
                "code": node[code_key],
                "level": level_of(node["type"]),
                "label": clean(node["preferred_label"]),
                "parent": parent["id"] if parent else None,
            })
        return sorted(out, key=lambda s: (s["code"], s["id"]))

    sni = []
    for node, parent in walk(concepts(src, "sni-hierarchy.json")):
        sni.append({
            "code": node["sni_level_code_2007"],
            "level": level_of(node["type"]),
            "label": clean(node["preferred_label"]),
            "parent": parent["sni_level_code_2007"] if parent else None,
        })
    sni.sort(key=lambda s: (s["level"] > 1, s["code"]))

    languages = sorted(({
        "id": c["id"],
        "label": clean(c["preferred_label"]),
        # ISO 639-1 is conventionally lower case ("sv"); JobTech stores it upper case.
        "iso1": c["iso_639_1_2002"].lower() if c.get("iso_639_1_2002") else None,
    } for c in concepts(src, "languages.json")), key=lambda language: language["id"])

    return {
        "skills": skills,
        "ssyk": ssyk,
        "occupations": occupations,
        "ssyk4Skills": [{"ssyk4": k, "skills": v} for k, v in sorted(ssyk4_skills.items())],
        "substitutions": substitutions,
        "sunFields": sun("sun-field-hierarchy.json", "sun_education_field_code_2020"),
        "sunLevels": sun("sun-level-hierarchy.json", "sun_education_level_code_2020"),
        "sni": sni,
        "languages": languages,
    }


def read_csv(src, name):
    with open(os.path.join(src, "geo", name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def derive_geography(src):
    counties = sorted(({"code": r["county_code"], "name": r["county_name"]} for r in read_csv(src, "counties.csv")),
                      key=lambda c: c["code"])
    county_codes = {c["code"] for c in counties}

    with open(os.path.join(src, "geo", "jobtech-places.json"), encoding="utf-8") as f:
        raw_places = json.load(f)
    places = sorted(({
        "name": p["label"].strip(),
        "muni": p["kommunkod"],
        "lat": round(float(p["latitud"]), 6),
        "lon": round(float(p["longitud"]), 6),
    } for p in raw_places), key=lambda p: (p["muni"], p["name"], p["lat"], p["lon"]))
    by_municipality = defaultdict(list)
    for p in places:
        by_municipality[p["muni"]].append(p)

    municipalities = []
    for r in read_csv(src, "municipalities.csv"):
        code, name = r["municipality_code"], r["municipality_name_short"]
        assert len(code) == 4 and r["county_code"] in county_codes, r
        own = by_municipality[code]
        # Centre: the place named like the municipality, else the municipality seat, else the mean of
        # its places (see docs/decisions/0001-reference-data.md).
        centre = next((p for p in own if p["name"] == name), None) \
            or next((p for p in own if p["name"] == MUNICIPALITY_SEATS.get(code)), None)
        if centre:
            lat, lon = centre["lat"], centre["lon"]
        else:
            assert own, code
            lat = round(sum(p["lat"] for p in own) / len(own), 6)
            lon = round(sum(p["lon"] for p in own) / len(own), 6)
        municipalities.append({"code": code, "name": name, "county": r["county_code"], "lat": lat, "lon": lon})
    municipalities.sort(key=lambda m: m["code"])
    municipality_codes = {m["code"] for m in municipalities}
    assert all(p["muni"] in municipality_codes for p in places)

    postal = {}
    for r in read_csv(src, "postal_to_municipality.csv"):
        code = r["postal_code"].replace(" ", "")
        assert len(code) == 5 and code.isdigit() and r["municipality_code"] in municipality_codes, r
        assert code not in postal, code
        postal[code] = {"code": code, "locality": r["locality"].strip(), "muni": r["municipality_code"]}

    return {
        "counties": counties,
        "municipalities": municipalities,
        "places": places,
        "postalCodes": [postal[k] for k in sorted(postal)],
    }


# The legacy taxonomy types an imported job ad can carry, and our key for each.
LEGACY_TYPES = {
    "occupation-name": "occupationNames",
    "ssyk-level-4": "ssyk4",
    "occupation-field": "occupationFields",
    "skill": "skills",
    "language": "languages",
    "driving-licence": "drivingLicences",
    "employment-type": "employmentTypes",
}


def derive_legacy(src, geography):
    """Legacy AMS taxonomy ids (historical Platsbanken ads) -> concept ids, and municipalities -> SCB codes."""
    with open(os.path.join(src, "jobtech-legacy-map", "taxonomy-to-concept.json"), encoding="utf-8") as f:
        raw = json.load(f)
    out = {}
    for legacy_type, key in LEGACY_TYPES.items():
        out[key] = {k: v["conceptId"] for k, v in sorted(raw[legacy_type].items()) if k}
    # JobTech's municipality concepts carry their own legacy numbers, not SCB codes: join on the name.
    code_by_name = {m["name"]: m["code"] for m in geography["municipalities"]}
    municipalities = {}
    for legacy_id, concept in sorted(raw["municipality"].items()):
        code = code_by_name.get(concept["preferredLabel"])
        assert code, concept
        municipalities[concept["conceptId"]] = code
    out["municipalityConcepts"] = dict(sorted(municipalities.items()))
    return out


def write_gz(obj, name):
    payload = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=False).encode("utf-8")
    buffer = io.BytesIO()
    # mtime=0 and an empty file name make the bytes depend on the content only.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
        gz.write(payload)
    path = os.path.join(REPO_ROOT, "data", name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(buffer.getvalue())
    print(f"{path}: {len(payload):,} bytes JSON, {len(buffer.getvalue()):,} bytes gzip")


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO_ROOT, "..", "shared", "data")
    taxonomy = derive_taxonomy(src)
    geography = derive_geography(src)
    for key, value in taxonomy.items():
        print(f"taxonomy.{key}: {len(value)}")
    print(f"taxonomy.ssyk4Skills links: {sum(len(x['skills']) for x in taxonomy['ssyk4Skills'])}")
    for key, value in geography.items():
        print(f"geography.{key}: {len(value)}")
    legacy = derive_legacy(src, geography)
    for key, value in legacy.items():
        print(f"legacy.{key}: {len(value)}")
    write_gz(taxonomy, "taxonomy.json.gz")
    write_gz(geography, "geography.json.gz")
    write_gz(legacy, "jobtech-legacy.json.gz")


if __name__ == "__main__":
    main()
