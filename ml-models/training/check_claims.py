#!/usr/bin/env python3
"""Checks labelled claim files against ml-models/LABELLING.md and prints a summary.

    python3 ml-models/training/check_claims.py ml-models/claims/train/*.jsonl

Prints each problem as FILE:LINE: message, then `ok` when there is none (exit 0), else exit 1.
"""
import collections, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ONTOLOGY = json.load(open(os.path.join(HERE, "..", "..", "engine", "Ontology", "ontology.json"), encoding="utf-8"))
TYPES = {d["id"] for d in ONTOLOGY["dataTypes"]}
RECIPIENTS = {d["id"] for d in ONTOLOGY["recipients"]}
CONDITIONS = {d["id"] for d in ONTOLOGY["conditions"]}
QUALIFIERS = {d["id"] for d in ONTOLOGY["qualifiers"]}
PURPOSES = {d["id"] for d in ONTOLOGY["purposes"]}
ACTIONS = {d["id"] for d in ONTOLOGY["actions"]}
CATEGORIES = {
    "np-rights", "np-optout", "np-contact", "np-children", "np-other-policy", "np-definition", "np-fragment",
    "np-heading-glued", "np-boilerplate", "practice-no-verb", "action-share", "action-store", "action-sync",
    "action-collect-source", "neg-paired", "neg-subject", "neg-exception", "neg-incapacity", "neg-subordinate",
    "cond-terms", "cond-optout-later", "cond-permission", "cond-feature-off", "cond-only-after", "cond-at-request",
    "cond-menu-path", "cond-two-claims", "vocab-sector", "vocab-lookalike", "long",
}
LABELS = {"action", "data", "recipient", "condition", "negation"}
NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def condition_ok(c):
    if c in CONDITIONS and c != "setting-enabled":
        return True
    return c.startswith("setting-enabled:") and bool(NAME.match(c[len("setting-enabled:"):]))


def locate(text, span):
    """Start offset of the span's occurrence, or None."""
    n = span.get("occurrence", 1)
    start = -1
    for _ in range(n):
        start = text.find(span["text"], start + 1)
        if start < 0:
            return None
    return start


def check_line(d, problems):
    def bad(msg):
        problems.append(msg)

    for key in ("id", "group", "text", "claims", "spans"):
        if key not in d:
            bad(f"missing '{key}'")
            return
    text = d["text"]
    if not isinstance(text, str) or not text.strip() or "\n" in text:
        bad("text must be one non-empty line")
    if not NAME.match(d["group"]):
        bad(f"group '{d['group']}' is not lower-case words joined by hyphens")
    if d.get("origin", "written") not in ("written", "template", "real"):
        bad(f"origin '{d.get('origin')}' is not written, template or real")
    if d.get("origin") == "real" and not (d.get("source") and d.get("attribution")):
        bad("a real sentence needs its source and attribution")
    for c in d.get("categories", []):
        if c not in CATEGORIES:
            bad(f"unknown category '{c}'")
    claims = d["claims"]
    for i, c in enumerate(claims):
        where = f"claim {i}"
        if c.get("action") not in ACTIONS:
            bad(f"{where}: action '{c.get('action')}'")
        if c.get("polarity") not in ("affirmative", "negative"):
            bad(f"{where}: polarity '{c.get('polarity')}'")
        if not c.get("dataTypes"):
            bad(f"{where}: no dataTypes")
        for t in c.get("dataTypes", []):
            if t not in TYPES:
                bad(f"{where}: unknown data type '{t}'")
        if not c.get("recipients"):
            bad(f"{where}: no recipients")
        for r in c.get("recipients", []):
            if r not in RECIPIENTS:
                bad(f"{where}: unknown recipient '{r}'")
        for k in c.get("conditions", []):
            if not condition_ok(k):
                bad(f"{where}: condition '{k}' (setting names: setting-enabled:lower-case-words)")
        for q in c.get("qualifiers", []):
            if q not in QUALIFIERS:
                bad(f"{where}: unknown qualifier '{q}'")
        for p in c.get("purposes", []):
            if p not in PURPOSES:
                bad(f"{where}: unknown purpose '{p}'")
        for k in ("dataTypes", "recipients", "conditions", "qualifiers", "purposes"):
            if len(set(c.get(k, []))) != len(c.get(k, [])):
                bad(f"{where}: repeated value in {k}")
    covered = []
    has_action = set()
    for s in d["spans"]:
        label = s.get("label")
        if label not in LABELS:
            bad(f"span label '{label}'")
            continue
        if not s.get("text"):
            bad("span without text")
            continue
        start = locate(text, s)
        if start is None:
            bad(f"span '{s['text']}' (occurrence {s.get('occurrence', 1)}) is not in the text")
            continue
        covered.append((start, start + len(s["text"]), s["text"]))
        if label == "negation":
            continue
        if not claims:
            bad(f"{label} span '{s['text']}' in a sentence without claims")
            continue
        idx = s.get("claims")
        if not isinstance(idx, list) or not idx or any(not isinstance(i, int) or i < 0 or i >= len(claims) for i in idx):
            bad(f"span '{s['text']}': claims must list indexes of this line's claims")
            continue
        value = s.get("value")
        for i in idx:
            c = claims[i]
            if label == "action":
                has_action.add(i)
                if value != c.get("action"):
                    bad(f"action span '{s['text']}' says {value}, claim {i} is {c.get('action')}")
            elif label == "data" and value not in c.get("dataTypes", []):
                bad(f"data span '{s['text']}' ({value}) is not a data type of claim {i}")
            elif label == "recipient" and value not in c.get("recipients", []):
                bad(f"recipient span '{s['text']}' ({value}) is not a recipient of claim {i}")
            elif label == "condition" and value not in c.get("conditions", []):
                bad(f"condition span '{s['text']}' ({value}) is not a condition of claim {i}")
    for i in range(len(claims)):
        if i not in has_action:
            bad(f"claim {i} has no action span")
    covered.sort()
    for a, b in zip(covered, covered[1:]):
        if b[0] < a[1]:
            bad(f"spans '{a[2]}' and '{b[2]}' overlap")


def main(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, f) for f in os.listdir(p) if f.endswith(".jsonl"))
        else:
            files.append(p)
    ids, texts = {}, {}
    problems = 0
    lines = []
    for path in files:
        for number, raw in enumerate(open(path, encoding="utf-8"), 1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            try:
                d = json.loads(raw)
            except json.JSONDecodeError as e:
                print(f"{where}: not JSON: {e}")
                problems += 1
                continue
            found = []
            check_line(d, found)
            if d.get("id") in ids:
                found.append(f"id '{d['id']}' also at {ids[d['id']]}")
            key = re.sub(r"\s+", " ", d.get("text", "").strip().lower())
            if key in texts:
                found.append(f"same text as {texts[key]}")
            ids.setdefault(d.get("id"), where)
            texts.setdefault(key, where)
            for f in found:
                print(f"{where}: {f}")
            problems += len(found)
            lines.append(d)
    if not lines:
        print("no lines")
        return 1
    practice = sum(1 for d in lines if d.get("claims"))
    groups = collections.Counter(d.get("group") for d in lines)
    sectors = {d.get("sector") for d in lines if d.get("sector")}
    cats = collections.Counter(c for d in lines for c in d.get("categories", []))
    template = sum(1 for d in lines if d.get("origin") == "template")
    print(f"{len(lines)} lines, {len(groups)} groups, {len(sectors)} sectors, {practice} practices "
          f"({100 * (len(lines) - practice) / len(lines):.0f} % none), {sum(len(d.get('claims', [])) for d in lines)} claims, "
          f"{template} template lines")
    print("categories: " + ", ".join(f"{c} {cats.get(c, 0)}" for c in sorted(CATEGORIES)))
    if problems:
        print(f"{problems} problems")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
