#!/usr/bin/env python3
"""The open data of a built site loads in standard tools (SPEC §11).

Validates `data/datapackage.json` and `en/data/datapackage.json` below the output folder (default
`public`) with the `frictionless` package: every resource's file is read, its header compared
with its schema's field names, every cell checked against its field's type (numbers are
numbers), and every primary key (`id`) found unique.

    python3 checks/datapackage.py [public]

Installs `frictionless` with pip when it is missing. Exits non-zero, naming the package and the
problems, when a package does not validate or a language's package is missing.
"""

import os
import subprocess
import sys


def frictionless():
    try:
        import frictionless  # noqa: F401
    except ImportError:
        subprocess.check_call(
            [sys.executable, "-m", "pip", "install", "--quiet", "frictionless"]
        )
    import frictionless

    return frictionless


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "public"
    fl = frictionless()
    failed = False
    found = 0
    for lang in ("", "en/"):
        path = os.path.join(out, lang, "data", "datapackage.json")
        if not os.path.exists(path):
            if lang == "":
                print(f"missing: {path}")
                failed = True
            continue
        found += 1
        report = fl.validate(path)
        tasks = report.tasks
        print(f"{path}: {len(tasks)} resources, {'valid' if report.valid else 'INVALID'}")
        if not report.valid:
            failed = True
            for err in report.flatten(["type", "rowNumber", "fieldNumber", "note"]):
                print("  ", *err)
        for task in tasks:
            if task.stats.get("rows", 0) == 0 and task.name != "facts":
                print(f"  {task.name}: no rows")
    if failed or found == 0:
        sys.exit(1)


if __name__ == "__main__":
    main()
