#!/usr/bin/env python3
"""Every translation keeps the {0}, {1}, ... places of its English message (each plural form
keeps those of msgid_plural), so no number or name is lost or invented in translation."""
import ast
import re
import sys

PLACE = re.compile(r"\{[0-9]\}")


def entries(path):
    """Yields (msgid, msgid_plural, [msgstr...]) of a .po file, obsolete entries skipped."""
    fields = {}
    current = None
    for raw in open(path, encoding="utf-8").read().split("\n") + [""]:
        line = raw.strip()
        if not line:
            if fields.get("msgid"):
                strs = [v for k, v in sorted(fields.items()) if k.startswith("msgstr")]
                yield fields["msgid"], fields.get("msgid_plural"), strs
            fields, current = {}, None
            continue
        if line.startswith("#"):
            continue
        m = re.match(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (\".*\")$", line)
        if m:
            current = m.group(1)
            fields[current] = ast.literal_eval(m.group(2))
        elif line.startswith('"') and current:
            fields[current] += ast.literal_eval(line)


bad = 0
for path in sys.argv[1:]:
    for msgid, plural, strs in entries(path):
        for i, s in enumerate(strs):
            source = plural if (plural is not None and i > 0) else msgid
            want, got = sorted(PLACE.findall(source)), sorted(PLACE.findall(s))
            # A singular form may leave out the count ("de pilotplek" for n = 1) but adds none.
            ok = set(got) <= set(want) and (got == want or plural is not None)
            if s and not ok:
                bad += 1
                print(f"{path}: {msgid!r}: form {i} has {got}, the English has {want}")
sys.exit(1 if bad else 0)
