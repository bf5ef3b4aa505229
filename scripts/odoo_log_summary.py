"""Summarise an Odoo 11 test log: failing tests, ERROR/CRITICAL lines and a closing line.

Odoo's runner exits 0 when a test module cannot be imported or when no test ran; this
script reads the log instead and exits non-zero on any failure, error, ERROR/CRITICAL
line, skipped browser test, or when no test ran. Its last line is `N passed, N failed`.
"""
import re
import sys

LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (\w+) (\S+) (\S+): (.*)$")
RAN = re.compile(r"^Ran (\d+) tests? in")
FAILED = re.compile(r"^FAILED \((.*)\)")
# Lines Odoo logs at ERROR level that are not errors of the run itself.
IGNORED = (
    re.compile(r"^` "),  # continuation lines of a failure report, counted via FAILED
)


def summarise(path):
    ran = failed = 0
    problems = []
    with open(path, encoding="utf-8", errors="replace") as log:
        for raw in log:
            match = LINE.match(raw.rstrip("\n"))
            if not match:
                continue
            level, _db, logger, text = match.groups()
            ran_match = RAN.match(text)
            if ran_match:
                ran += int(ran_match.group(1))
                continue
            failed_match = FAILED.match(text)
            if failed_match:
                for part in failed_match.group(1).split(","):
                    key, _sep, value = part.strip().partition("=")
                    if key in ("failures", "errors"):
                        failed += int(value)
                continue
            if "phantomjs" in text.lower() and "skip" in text.lower():
                problems.append(raw.rstrip())
                continue
            if level in ("ERROR", "CRITICAL"):
                if text.startswith(("FAIL:", "ERROR:")) or any(p.match(text) for p in IGNORED):
                    problems.append(raw.rstrip())
                    continue
                problems.append(raw.rstrip())
    return ran, failed, problems


def main():
    ran, failed, problems = summarise(sys.argv[1])
    for line in problems:
        print(line)
    if ran == 0:
        print("no test ran")
    if problems and not failed:
        # ERROR/CRITICAL lines outside a test (import errors, data errors) fail the run too
        failed = 1
    print("%d passed, %d failed" % (ran - min(failed, ran), failed))
    sys.exit(1 if failed or ran == 0 else 0)


if __name__ == "__main__":
    main()
