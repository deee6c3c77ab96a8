#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails unless the committed translation catalogues are complete and current.

- No message is unfinished, vanished or obsolete, and no numerus form is empty.
- lupdate over today's sources, run into copies of the catalogues with the options of the
  update_translations target, changes nothing: no tr() string is missing from a catalogue
  and none is left over.

check_catalogues.py LUPDATE SOURCES_LST "LUPDATE OPTIONS" PLURALS_TS TS...
"""
import difflib
import pathlib
import shlex
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def flagged(path):
    """(context, source, why) for every message that an operator would see untranslated."""
    problems = []
    for context in ET.parse(path).getroot().iter('context'):
        name = context.findtext('name')
        for message in context.iter('message'):
            source = message.findtext('source')
            translation = message.find('translation')
            kind = translation.get('type')
            if kind:
                problems.append((name, source, kind))
            elif message.get('numerus') == 'yes':
                if any(not (form.text or '').strip() for form in translation.iter('numerusform')):
                    problems.append((name, source, 'empty plural form'))
            elif not (translation.text or '').strip():
                problems.append((name, source, 'empty translation'))
    return problems


def main():
    lupdate, sources_lst, options, plurals = sys.argv[1:5]
    catalogues = [pathlib.Path(p) for p in sys.argv[5:]]
    plurals = pathlib.Path(plurals)
    options = shlex.split(options)
    failures = []

    for ts in catalogues + [plurals]:
        for context, source, kind in flagged(ts):
            failures.append(f'{ts.name}: {kind}: [{context}] {source!r}')

    with tempfile.TemporaryDirectory(prefix='sc-i18n-') as work:
        work = pathlib.Path(work)
        copies = []
        for ts in catalogues + [plurals]:
            shutil.copy(ts, work / ts.name)
            copies.append(work / ts.name)
        runs = [
            [lupdate, '-silent', *options, '@' + sources_lst, '-ts', *copies[:-1]],
            [lupdate, '-silent', '-pluralonly', *options, '@' + sources_lst, '-ts', copies[-1]],
        ]
        for run in runs:
            result = subprocess.run([str(a) for a in run], capture_output=True, text=True)
            if result.returncode != 0:
                sys.exit(f'lupdate failed ({result.returncode}):\n{result.stdout}{result.stderr}')
        for ts, copy in zip(catalogues + [plurals], copies):
            committed = ts.read_text(encoding='utf-8').splitlines(keepends=True)
            updated = copy.read_text(encoding='utf-8').splitlines(keepends=True)
            if committed != updated:
                failures.append(f'{ts.name} does not match the sources; lupdate changes it:')
                known = set(flagged(ts))
                failures.extend(f'  not translated: [{context}] {source!r}'
                                for context, source, _ in flagged(copy)
                                if (context, source, _) not in known)
                failures.extend(line.rstrip('\n') for line in difflib.unified_diff(
                    committed, updated, str(ts), 'after lupdate', n=2))

    if failures:
        print('Translation catalogues are incomplete:', *failures, sep='\n')
        print('Build the target update_translations, translate every unfinished entry '
              '(Qt Linguist; follow translations/GLOSSARY.md) and commit the .ts files.')
        return 1
    names = ', '.join(ts.name for ts in catalogues + [plurals])
    print(f'Complete and current: {names}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
