#!/usr/bin/env python3
"""The edits `blogcheck check --fix` would make on the corpus (BC401: a known misspelling with one
fix), for labelling; and the second candidates that keep ambiguous misspellings from being fixed.

    .venv/bin/python bench/spelling/fixes.py ../shared/corpus [--context] > /tmp/fixes.tsv

prints every BC401 finding that carries a fix, as the rows of tests/spelling/fixes_labelled.tsv
(blog, path, line, column, word, fix, label, meant, note): the label, meant word and note of a row
already labelled there, empty ones for a new row (read the sentence and label it: `right` when the
fix is the word the writer meant, else `wrong` with the word meant); `--context` shows each
sentence on stderr. Rows of fixes no longer made are kept in the file, as labelled.tsv keeps them.

    .venv/bin/python bench/spelling/fixes.py --apply

gives the entries of FIXES below their fixes in blogcheck/data/typos.txt (run it after build_data.py
rebuilds the file from typos, which knows one fix for each): a misspelling with two fixes or more is
still reported, with them, but `--fix` leaves the choice to the writer.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
LABELS = REPO / "tests" / "spelling" / "fixes_labelled.tsv"
TYPOS = REPO / "blogcheck" / "data" / "typos.txt"

# misspelling -> its fixes, likeliest first, for misspellings one slip from two words that technical
# writing uses in the same place: the one fix typos gives (kept among them) is often not the word meant,
# so `--fix` must leave the choice to the writer. The order is the list's (`suggest.order` still lets
# the site's own usage go first); where public code and docs (GitHub, searched for the misspelling)
# mostly meant the other word, that word comes first. Checked against that usage, and left out because
# one word was meant nearly every time: attaced, casses, contignuous, continguous, miximum, parsses,
# pasrsed, preduction, proessor, servies, texsts, throughoput, unsitable, workpace.
FIXES = {
    # wrong fixes on the corpus (tests/spelling/fixes_labelled.tsv)
    "actualy": ["actually", "actual"],  # `To do actualy deployment`; `So ... actualy, do we want`
    "amout": ["amount", "about"],  # `I learned a bit amout data`
    "bult": ["built", "bulk"],  # `historical data is migrated in bult`; elsewhere mostly built
    "clearning": ["clearing", "cleaning"],  # `data clearning`; `clearning the memory cache`
    "dependente": ["dependent", "dependence"],  # `predict a dependente var`: English text writes the
    "independente": ["independent", "independence"],  # Romance -ente for -ent (`independente variables`)
    "explicity": ["explicitly", "explicit"],  # `from explicity matrix factorization`; code comments: explicitly
    "othe": ["other", "of the"],  # `about each othe algorithms presented`
    # one slip from two common words, both meant in public text
    "causual": ["causal", "casual"],  # causal attention / inference, casual wear
    "constaint": ["constraint", "constant"],  # constraint less the r, constant + i
    "constrant": ["constraint", "constant"],  # constraint less the i, constant + r: `Constrants.java`
    "excemption": ["exemption", "exception"],  # a tax exemption, a null pointer exception
    "excemptions": ["exemptions", "exceptions"],
    "interet": ["interest", "internet"],  # interest less the s, internet less the n
    "strting": ["starting", "string"],  # starting less the a (prose), string + t (type names)
    "traiging": ["triaging", "training"],  # triaging issues, training a model
    "translaction": ["translation", "transaction"],  # translation + c, transaction + l
    "witing": ["writing", "waiting"],  # writing less the r, waiting less the a
    # one fix only, and nearly always the other word in public text
    "conversaion": ["conversation", "conversion"],  # conversation less the t
    "definitvely": ["definitely", "definitively"],  # `you should definitvely read`
    "intenationally": ["intentionally", "internationally"],  # `// Intenationally blank`
    "relativily": ["relatively", "relativity"],  # `relativily simple`, `relativily cheap`
    "throughiut": ["throughout", "throughput"],  # `used throughiut the code`: i for o, the key beside it
}


def apply(path: Path = TYPOS) -> int:
    """Give the entries of FIXES their fixes in the list at `path`; the number of entries changed."""
    lines = path.read_text(encoding="utf-8").split("\n")[:-1]
    changed = 0
    for n, line in enumerate(lines):
        typo, found = line.split("->", 1)
        if typo not in FIXES:
            continue
        if not set(found.split(", ")) <= set(FIXES[typo]):
            sys.exit(f"{path.name} has {line}: a fix FIXES lacks (typos changed?); look at it again")
        wanted = f"{typo}->{', '.join(FIXES[typo])}"
        if line != wanted:
            lines[n] = wanted
            changed += 1
    missing = set(FIXES) - {line.split("->", 1)[0] for line in lines}
    if missing:
        sys.exit(f"not in {path.name}: {', '.join(sorted(missing))}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changed


def corpus_fixes(blog: Path) -> list[dict[str, Any]]:
    """The BC401 findings of `blogcheck check --offline --select BC401 --format json` over `blog`
    that carry a fix, as the command prints them."""
    done = subprocess.run([sys.executable, "-m", "blogcheck", "check", "--offline", "--select", "BC401",
                           "--format", "json", "."], cwd=blog, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        sys.exit(done.stderr)
    return [d for d in json.loads(done.stdout)["diagnostics"] if d.get("fix")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, nargs="?", help="the folder of blogs (../shared/corpus)")
    parser.add_argument("--context", action="store_true", help="each fix's sentence on stderr")
    parser.add_argument("--apply", action="store_true", help="give FIXES's entries their fixes in typos.txt")
    args = parser.parse_args()
    if args.apply:
        print(f"typos.txt: {apply()} entries changed", file=sys.stderr)
        return
    if args.corpus is None:
        parser.error("name the corpus, or --apply")
    rows = [line.split("\t") for line in LABELS.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")] if LABELS.exists() else []
    known = {tuple(row[:6]): row[6:] for row in rows}
    for blog in sorted(p for p in args.corpus.iterdir() if (p / "_posts").is_dir()):
        for d in corpus_fixes(blog):
            ((line, column, old, new),) = d["fix"]
            key = (blog.name, d["path"], str(line), str(column), old, new)
            print("\t".join(key + tuple(known.get(key, ["", "", ""]))))
            if args.context:
                text = (blog / d["path"]).read_text(encoding="utf-8").split("\n")[line - 1]
                start = column - 1
                print(f"{d['path']}:{line}: ...{text[max(0, start - 100):start]}[[{old}]]"
                      f"{text[start + len(old):start + len(old) + 60]}...", file=sys.stderr)


if __name__ == "__main__":
    main()
