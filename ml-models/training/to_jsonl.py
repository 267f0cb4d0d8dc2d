"""Turns the hand-written training sources (training/*.txt) into claims-train.jsonl.

Source line: `sentence => action +|- types | recipients | conditions | qualifiers | purposes ;; next claim`
(a line without `=>` states no practice; `-` is an empty list; `#` starts a comment).
"""
import json, pathlib, sys

RECIPIENTS = {"fp": "first-party", "sp": "service-provider", "tp": "third-party", "adv": "advertiser",
              "an": "analytics-provider", "soc": "social-network", "db": "data-broker", "gov": "government"}
here = pathlib.Path(__file__).parent
ontology = json.loads((here.parent.parent / "engine/Ontology/ontology.json").read_text())
types = {t["id"] for t in ontology["dataTypes"]}
actions = {"collect", "use", "share", "sell", "sync", "store", "retain", "transfer-abroad"}
out = []
for src in sorted(here.glob("*.txt")):
    section = None
    for n, raw in enumerate(src.read_text().splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            section = line.lstrip("# ").strip()
            continue
        text, _, labels = line.partition(" => ")
        claims = []
        for part in filter(None, (p.strip() for p in labels.split(";;"))):
            fields = [f.strip() for f in part.split("|")]
            action, pol, dts = fields[0].split(" ")
            lists = [[] if f == "-" else [x.strip() for x in f.split(",")] for f in fields[1:]]
            assert action in actions, (src.name, n, action)
            dts = dts.split(",")
            assert all(t in types for t in dts), (src.name, n, dts)
            claims.append({"action": action, "polarity": "affirmative" if pol == "+" else "negative", "dataTypes": dts,
                           "recipients": [RECIPIENTS[r] for r in lists[0]], "conditions": lists[1],
                           "qualifiers": lists[2], "purposes": lists[3]})
        out.append({"id": f"train-{len(out) + 1:04d}", "text": text.strip(), "section": section, "claims": claims})
(here.parent / "claims-train.jsonl").write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out))
print(len(out), "sentences,", sum(1 for o in out if o["claims"]), "with claims", file=sys.stderr)
