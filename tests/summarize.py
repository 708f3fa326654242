#!/usr/bin/env python3
"""Summarise a Meson test log: count every TAP result of every test.

Prints failing tests' output, then the closing line
"N passed, N failed, N skipped". Exit status 1 if anything failed.
"""
import json
import re
import sys

TAP_LINE = re.compile(r"^(ok|not ok)\b(.*)$")


def main(path):
    passed = failed = skipped = 0
    failures = []
    with open(path, encoding="utf-8") as log:
        for line in log:
            test = json.loads(line)
            out = test.get("stdout") or ""
            found = False
            t_failed = 0
            for tap in out.splitlines():
                m = TAP_LINE.match(tap)
                if not m:
                    continue
                found = True
                if "# SKIP" in m.group(2) or "# skip" in m.group(2):
                    skipped += 1
                elif m.group(1) == "ok":
                    passed += 1
                else:
                    failed += 1
                    t_failed += 1
                    failures.append("%s: %s" % (test["name"], tap))
            result = test.get("result", "")
            if result not in ("OK", "SKIP", "EXPECTEDFAIL") and t_failed == 0:
                # The test binary failed without a failing TAP line (crash,
                # bad plan, timeout, sanitizer report): count it once.
                failed += 1
                failures.append("%s: %s" % (test["name"], result))
                tail = (out + (test.get("stderr") or ""))[-3000:]
                failures.append(tail)
            elif not found and result == "SKIP":
                skipped += 1
    for f in failures:
        print(f)
    print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
