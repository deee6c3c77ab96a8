#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Lists every skipped check in a ctest JUnit report (ctest --output-junit FILE).

Two kinds: a whole ctest test that did not run (SKIP_REGULAR_EXPRESSION, SKIP_RETURN_CODE,
a disabled test), and a single Qt Test function that called QSKIP, which ctest itself counts
as passed because the binary exits 0. Prints "skipped: N" and one line per skip; exits 0.

ctest-skips.py JUNIT_XML
"""
import re
import sys
import xml.etree.ElementTree as ET

# QtTest's plain-text logger: "SKIP   : TstFoo::bar(row) reason", then "   Loc: [...]".
QSKIP_LINE = re.compile(r'^SKIP\s+:\s+(\S+)\s*(.*)$', re.MULTILINE)


def skips(path):
    found = []
    for case in ET.parse(path).getroot().iter('testcase'):
        name = case.get('name')
        skipped = case.find('skipped')
        if skipped is not None or case.get('status') in ('notrun', 'disabled'):
            reason = skipped.get('message', '') if skipped is not None else case.get('status')
            output = case.findtext('system-out') or ''
            why = output.strip().splitlines()[-1] if output.strip() else reason
            found.append(f'{name}: {why}')
            continue
        for function, reason in QSKIP_LINE.findall(case.findtext('system-out') or ''):
            found.append(f'{name}: {function} {reason}'.rstrip())
    return found


def main():
    found = skips(sys.argv[1])
    print(f'skipped: {len(found)}')
    for line in found:
        print(f'  {line}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
