#!/usr/bin/env python3
"""Extracts the schema.org vocabulary that generator/site's JSON-LD test
checks against, from the npm package schema-dts (TypeScript types generated
from the schema.org vocabulary):

    npm pack schema-dts && tar xzf schema-dts-*.tgz
    python3 scripts/schemaorg-vocabulary.py package/dist/schema.d.ts \
        > generator/site/testdata/schemaorg/vocabulary.json

Output: {"types": {Type: Base its properties come from},
"bases": {Base: {"parents": [...], "props": [...own...]}},
"ranges": {property: [Type, ...]}}.
Schema.org is published under CC BY-SA 3.0; this is an extract of it.
"""
import json
import re
import sys

src = open(sys.argv[1], encoding="utf-8").read()

bases = {}  # Base name -> {"parents": [...], "props": [...]}
for m in re.finditer(r"^interface (\w+)Base(?: extends ([^{]+))? \{(.*?)^\}", src, re.M | re.S):
    parents = [p.strip()[:-4] for p in (m.group(2) or "").split(",") if p.strip().endswith("Base")]
    props = re.findall(r'^\s+"(\w+)"\?: SchemaValue<', m.group(3), re.M)
    bases[m.group(1)] = {"parents": parents, "props": sorted(props)}

ranges = {}
for m in re.finditer(r'^\s+"(\w+)"\?: SchemaValue<(.+?), "\w+">;', src, re.M):
    ranges.setdefault(m.group(1), set()).update(
        t for t in re.split(r"\s*\|\s*", m.group(2)) if t not in ("IdReference", "string"))

types = {}  # Type -> the Base its leaf extends
for m in re.finditer(r'^export interface (\w+)Leaf extends (\w+)Base \{\s*"@type": "(\w+)";', src, re.M):
    types[m.group(3)] = m.group(2)

json.dump({"source": "schema-dts (npm), generated from the schema.org vocabulary; schema.org is CC BY-SA 3.0",
           "types": types, "bases": bases, "ranges": {k: sorted(v) for k, v in sorted(ranges.items())}},
          sys.stdout, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
