"""Write the truecasing table that gives stripped-text names their display form.

Training/build time only; the package compiles the table in and never runs this.

    python3 src/entities/truecase_table.py ../shared/data/casing/en_lexeme_prob.json.gz \
        src/entities/data/truecase.tsv

Input: spaCy's lexeme log-probabilities of one million cased word forms. For every
lowercase word the table keeps only what the default rule (capitalise the first
letter) gets wrong, one row `word<TAB>person<TAB>name<TAB>acronym`:

- `person`: the usual form of the word in a person's name when it has capitals
  inside ("mckenzie" -> "McKenzie"), never all capitals;
- `name`: the same for other names, where all capitals win when they are the
  usual capitalised form ("nasa" -> "NASA", "dyncorp" -> "DynCorp");
- `acronym`: "A" for a common word of up to three letters whose all-capitals
  form is frequent beside its capitalised one ("who" -> "WHO"), used when the
  word is a whole organisation's name.

Empty columns mean the default rule. Only ASCII letter words up to 24 letters.
"""

import gzip
import json
import sys
from collections import defaultdict

# A capitals-inside form must be at least this probable (log) to be kept.
MIN_MIXED = -18.0
# An acronym of a common word must be at least this probable (log).
MIN_ACRONYM = -14.5


def rows(probs):
    forms = defaultdict(dict)
    for w, p in probs.items():
        low = w.lower()
        if low.isascii() and low.isalpha() and len(low) <= 24:
            forms[low][w] = p
    for low in sorted(forms):
        f = forms[low]
        caps, cap = low.upper(), low[:1].upper() + low[1:]
        missing = -99.0
        cap_p, caps_p, low_p = f.get(cap, missing), f.get(caps, missing), f.get(low, missing)
        mixed = [(p, w) for w, p in f.items() if w not in (low, caps, cap)]
        mixed_p, mixed_w = max(mixed) if mixed else (missing, "")
        person = mixed_w if len(low) > 1 and mixed_p > cap_p and mixed_p >= MIN_MIXED else ""
        name = person
        # All capitals: best of the capitalised forms, and short or clearly ahead.
        ahead = cap_p > missing and caps_p > cap_p + 1
        if caps_p > max(cap_p, mixed_p) and (len(low) <= 5 or ahead):
            name = caps
        common = low_p > cap_p + 1
        acronym = len(low) <= 3 and not name and common and caps_p >= max(MIN_ACRONYM, cap_p - 3)
        if person or name or acronym:
            yield low, person, name, "A" if acronym else ""


def main(src, out):
    with gzip.open(src, "rt", encoding="utf-8") as f:
        probs = json.load(f)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for row in rows(probs):
            f.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
