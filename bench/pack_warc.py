#!/usr/bin/env python3
"""Packs saved web pages into one WARC file of `response` records, for bench/warc_speed.sh.

Usage: pack_warc.py OUT.warc PAGE... (pages may be gzipped, `*.html.gz`). Writes OUT.warc, and
OUT.warc.gz with one gzip member per record, as crawlers write them. Standard library only.
"""
import gzip
import sys


def record(uri, payload):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(payload)
    block = http + payload
    head = (
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
        "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % (uri, len(block))
    )
    return head.encode() + block + b"\r\n\r\n"


def main():
    out, pages = sys.argv[1], sys.argv[2:]
    with open(out, "wb") as plain, open(out + ".gz", "wb") as packed:
        for i, path in enumerate(pages):
            opener = gzip.open if path.endswith(".gz") else open
            with opener(path, "rb") as f:
                rec = record("https://bench.example/page/%d" % i, f.read())
            plain.write(rec)
            packed.write(gzip.compress(rec))
    print(len(pages))


if __name__ == "__main__":
    main()
