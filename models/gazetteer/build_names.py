#!/usr/bin/env python3
"""Builds morgue's person-name lists (one name a line) from the 1990 US Census name frequency files.

Usage: build_names.py NAMES_DIR OUT_DIR
  NAMES_DIR  the `names` folder of the PyPI package names 0.3.0, which ships the Census files
             dist.female.first, dist.male.first and dist.all.last (public domain)

Writes first_names.txt (every female and male first name) and surnames.txt (the 10,000 most frequent
surnames; the rarer ones are mostly words and places too). Names are title-cased, deduplicated and sorted;
matching is case-insensitive anyway.
"""
import os, sys

SURNAMES = 10_000


def read(path, limit=None):
    names = []
    for line in open(path, encoding="ascii"):
        parts = line.split()
        if parts:
            names.append(parts[0].title())
        if limit and len(names) >= limit:
            break
    return names


def write(out_dir, fname, names):
    names = sorted(set(names))
    with open(os.path.join(out_dir, fname), "w", encoding="utf-8") as f:
        for n in names:
            f.write(n + "\n")
    print(fname, len(names))


def main():
    src, out_dir = sys.argv[1:3]
    first = read(os.path.join(src, "dist.female.first")) + read(os.path.join(src, "dist.male.first"))
    write(out_dir, "first_names.txt", first)
    write(out_dir, "surnames.txt", read(os.path.join(src, "dist.all.last"), SURNAMES))


if __name__ == "__main__":
    main()
