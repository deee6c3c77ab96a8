#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Proves that check_catalogues.py catches what it claims to catch.

Copies the committed catalogues, checks that the copies pass, then breaks them one way at a
time (a lost %1, a %L1 turned into %1, a plural form without %n, an added placeholder, two
entries of one menu on the same & letter, an entry that lost its &) and requires the
checker to fail on each with the expected complaint. A checker that passes everything fails
here.

check_catalogues_selftest.py CHECKER LUPDATE SOURCES_LST "LUPDATE OPTIONS" PLURALS_TS TS...
"""
import pathlib
import shutil
import subprocess
import sys
import tempfile

# (catalogue, committed text, broken text, what the checker must say)
BREAKAGES = [
    ('sessionconsole_de.ts',
     '<translation>Angezeigt werden die geöffneten Dateien von %1.</translation>',
     '<translation>Angezeigt werden die geöffneten Dateien.</translation>',
     'placeholder %1 missing'),
    ('sessionconsole_de.ts',
     '<numerusform>%1 von %Ln Sitzungen geladen…</numerusform>',
     '<numerusform>%1 von %n Sitzungen geladen…</numerusform>',
     'placeholder %Ln missing (plural form 1)'),
    ('sessionconsole_es.ts',
     '<numerusform>Cada %n segundos</numerusform>',
     '<numerusform>Cada pocos segundos</numerusform>',
     'placeholder %n missing (plural form 1)'),
    ('sessionconsole_en.ts',
     '<numerusform>Ended %n sessions</numerusform>',
     '<numerusform>Ended %n sessions on %2</numerusform>',
     'placeholder %2 not in the source (plural form 1)'),
    ('sessionconsole_de.ts',
     '<translation>&amp;Kopieren</translation>',
     '<translation>&amp;Duplizieren</translation>',
     "Session menu: accelerator 'd' used by '&Details…', '&Duplizieren'"),
    ('sessionconsole_es.ts',
     '<translation>&amp;Filtrar…</translation>',
     '<translation>Filtrar…</translation>',
     "View menu: no & accelerator in 'Filtrar…'"),
]


def run_checker(checker, lupdate_args, catalogues):
    plurals, *others = catalogues
    result = subprocess.run(
        [sys.executable, checker, '--content-only', *lupdate_args, str(plurals), *map(str, others)],
        capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def main():
    checker, lupdate, sources_lst, options, plurals, *catalogues = sys.argv[1:]
    originals = [pathlib.Path(p) for p in [plurals, *catalogues]]
    lupdate_args = [lupdate, sources_lst, options]
    failures = []

    with tempfile.TemporaryDirectory(prefix='sc-i18n-selftest-') as work:
        work = pathlib.Path(work)
        copies = [work / ts.name for ts in originals]

        def restore():
            for ts, copy in zip(originals, copies):
                shutil.copy(ts, copy)

        restore()
        rc, output = run_checker(checker, lupdate_args, copies)
        if rc != 0:
            print('The committed catalogues must pass before they can be broken:', output,
                  sep='\n')
            return 1

        for name, good, bad, expected in BREAKAGES:
            restore()
            target = work / name
            text = target.read_text(encoding='utf-8')
            if text.count(good) != 1:
                failures.append(f'{name}: {good!r} is not in the catalogue exactly once; '
                                'update BREAKAGES')
                continue
            target.write_text(text.replace(good, bad), encoding='utf-8')
            rc, output = run_checker(checker, lupdate_args, copies)
            if rc == 0:
                failures.append(f'{name}: the checker passed with {bad!r}')
            elif expected not in output:
                failures.append(f'{name}: the checker failed on {bad!r} but did not say '
                                f'{expected!r}:\n{output}')
            else:
                print(f'caught: {name}: {expected}')

    if failures:
        print('check_catalogues.py misses breakages:', *failures, sep='\n')
        return 1
    print(f'check_catalogues.py caught all {len(BREAKAGES)} breakages')
    return 0


if __name__ == '__main__':
    sys.exit(main())
