#!/usr/bin/env python3
"""Example Ura plugin: the press office's house style, as an external pipeline step.

Ura writes one release as JSON on standard input and reads the release back from standard output
(the way Pandoc filters work). This plugin changes nothing in the text; it adds findings:

- `long-paragraph` (warning): a paragraph with more words than --max-words (default 120);
- `double-space` (info): two spaces in a row, which the web page would hide but print would not.

Configure it in ura.yaml:

    plugins:
      - name: house-style
        command: [python3, plugins/house-style.py, --max-words, "120"]
        after: check

A non-zero exit or invalid JSON stops the release with the plugin's name in the message.
"""
import argparse
import json
import sys


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-words", type=int, default=120)
    options = parser.parse_args()

    release = json.load(sys.stdin)
    findings = release.get("findings") or []
    for language, text in sorted(release["texts"].items()):
        for number, paragraph in enumerate(text["paragraphs"]):
            unit = f"{language}-p{number}"
            words = len(paragraph.split())
            if words > options.max_words:
                findings.append({
                    "unit": unit, "rule": "long-paragraph", "severity": "warning", "side": language,
                    "message": f"paragraph has {words} words; house style is at most {options.max_words}",
                })
            if "  " in paragraph:
                findings.append({
                    "unit": unit, "rule": "double-space", "severity": "info", "side": language,
                    "message": "two spaces in a row",
                })
    release["findings"] = findings
    json.dump(release, sys.stdout, ensure_ascii=False, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
