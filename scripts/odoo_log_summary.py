"""Summarise an Odoo 11 test log (Odoo's own runner, used by scripts/dev-test.sh).

Odoo's runner exits 0 when a test module cannot be imported or when no test ran, so
this reads the log instead: it prints every ERROR/CRITICAL line and a closing line
`N passed, N failed`, and exits non-zero on a failure, an ERROR/CRITICAL line or when
no test ran.
"""
import re
import sys

LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (\w+) \S+ \S+: (.*)$")
RAN = re.compile(r"^Ran (\d+) tests? in")
FAILED = re.compile(r"^FAILED \((.*)\)")


def summarise(path):
    ran = failed = 0
    problems = []
    with open(path, encoding="utf-8", errors="replace") as log:
        for raw in log:
            match = LINE.match(raw.rstrip("\n"))
            if not match:
                continue
            level, text = match.groups()
            if RAN.match(text):
                ran += int(RAN.match(text).group(1))
            elif FAILED.match(text):
                for part in FAILED.match(text).group(1).split(","):
                    key, _sep, value = part.strip().partition("=")
                    if key in ("failures", "errors"):
                        failed += int(value)
            elif level in ("ERROR", "CRITICAL"):
                problems.append(raw.rstrip())
    return ran, failed, problems


def main():
    ran, failed, problems = summarise(sys.argv[1])
    for line in problems:
        print(line)
    if problems and not failed:
        failed = 1  # an ERROR/CRITICAL line outside a test (import, data) fails too
    if ran == 0:
        print("no test ran")
    print("%d passed, %d failed" % (max(ran - failed, 0), failed))
    sys.exit(1 if failed or ran == 0 else 0)


if __name__ == "__main__":
    main()
