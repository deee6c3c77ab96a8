#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails unless the committed translation catalogues are complete, current and usable.

- No message is unfinished, vanished or obsolete, and no numerus form is empty.
- Every placeholder of a source (%1 to %99, %n, their %L forms) is in its translation and in
  every numerus form, and the translation adds none: a translation that drops %1 shows the
  operator a sentence without the server name, one that adds %2 shows a literal "%2".
- Within one menu (and among the main window's menu titles and field labels, which share
  Alt+letter) no two entries use the same & accelerator in any language, and an entry that
  has an accelerator in English keeps one.
- lupdate over today's sources, run into copies of the catalogues with the options of the
  update_translations target, changes nothing: no tr() string is missing from a catalogue
  and none is left over.

check_catalogues.py [--content-only] LUPDATE SOURCES_LST "LUPDATE OPTIONS" PLURALS_TS TS...

--content-only skips the lupdate run (for the self-test, which breaks copies many times).
"""
import collections
import difflib
import pathlib
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def each_message(path):
    """(context name, message element, its translation element) for every message."""
    for context in ET.parse(path).getroot().iter('context'):
        name = context.findtext('name')
        for message in context.iter('message'):
            yield name, message, message.find('translation')


def flagged(path):
    """(context, source, why) for every message that an operator would see untranslated."""
    problems = []
    for name, message, translation in each_message(path):
        source = message.findtext('source')
        kind = translation.get('type')
        if kind:
            problems.append((name, source, kind))
        elif message.get('numerus') == 'yes':
            if any(not (form.text or '').strip() for form in translation.iter('numerusform')):
                problems.append((name, source, 'empty plural form'))
        elif not (translation.text or '').strip():
            problems.append((name, source, 'empty translation'))
    return problems


# %1..%99, %n and their localised forms %L1, %Ln, as QString::arg() and tr(..., n) read them.
PLACEHOLDER = re.compile(r'%L?(?:[1-9][0-9]?|n)')

# Which strings share an Alt+letter namespace. Declared here rather than parsed out of the
# C++: menus are put together in code (MainWindow::createMenus, the context menu, main.cpp
# adding LanguageMenu to View) that no regular expression reads reliably, and the code is
# being split across files. Every entry must exist in the catalogues, so a renamed string
# fails this check instead of silently dropping out of it. When you add an action to a menu,
# add it here. Entries are (context, source[, disambiguation comment]).
MENUS = {
    'main window (menu titles and field labels)': [
        ('MainWindow', '&File'),
        ('MainWindow', '&Edit'),
        ('MainWindow', '&Session'),
        ('MainWindow', '&View'),
        ('MainWindow', '&Help'),
        ('MainWindow', 'Se&rver:'),
        ('MainWindow', 'A&uto:', 'automatic refresh interval'),
    ],
    'File menu': [
        ('ConsoleActions', '&Connect'),
        ('ConsoleActions', 'Connect &As…'),
        ('ConsoleActions', 'Go to &Server Field'),
        ('ConsoleActions', '&Quit'),
    ],
    'Edit menu': [
        ('ConsoleActions', 'Find &User…'),
    ],
    'Find User dialog': [
        ('FindUserDialog', '&User name:'),
        ('FindUserDialog', '&Find'),
        ('FindUserDialog', '&Go to Session'),
    ],
    'Session menu': [
        ('ConsoleActions', '&Details…'),
        ('ConsoleActions', 'D&isconnect…', 'end a session'),
        ('ConsoleActions', '&Copy'),
        ('ConsoleActions', 'Select &All'),
        ('ConsoleActions', 'Audit &Log…'),
    ],
    'View menu': [
        ('ConsoleActions', '&Refresh'),
        ('MainWindow', '&Automatic Refresh'),
        ('ConsoleActions', '&Filter…'),
        ('LanguageMenu', '&Language'),
    ],
    'session context menu': [
        ('ConsoleActions', '&Details…'),
        ('ConsoleActions', 'D&isconnect…', 'end a session'),
        ('ConsoleActions', '&Copy'),
        ('ConsoleActions', '&Refresh'),
        ('ConsoleActions', 'Select &All'),
    ],
}


# Numerus forms used for n == 1 only, per language (Qt's plural rules). Such a form may say
# "this client" instead of "%n clients"; every other form must show the number.
SINGULAR_ONLY_FORMS = {'en': {0}, 'de': {0}, 'es': {0}}


def language(path):
    return (ET.parse(path).getroot().get('language') or '').split('_')[0]


def messages(path):
    """(context, source, comment, numerus, [translated texts]) for every current message."""
    out = []
    for name, message, translation in each_message(path):
        if translation.get('type') in ('vanished', 'obsolete'):
            continue
        if message.get('numerus') == 'yes':
            texts = [form.text or '' for form in translation.iter('numerusform')]
        else:
            texts = [translation.text or '']
        out.append((name, message.findtext('source'), message.findtext('comment') or '',
                    message.get('numerus') == 'yes', texts))
    return out


def placeholder_problems(path):
    """Messages whose translation lost or gained a placeholder."""
    problems = []
    singular_only = SINGULAR_ONLY_FORMS.get(language(path), set())
    for context, source, _, numerus, texts in messages(path):
        for index, text in enumerate(texts):
            if not text.strip():
                continue  # reported by flagged()
            wanted = set(PLACEHOLDER.findall(source))
            got = set(PLACEHOLDER.findall(text))
            if numerus and index in singular_only:
                wanted -= {'%n', '%Ln'} - got
            where = f' (plural form {index})' if numerus else ''
            if wanted - got:
                problems.append(f'{path.name}: placeholder {", ".join(sorted(wanted - got))} '
                                f'missing{where}: [{context}] {source!r} -> {text!r}')
            if got - wanted:
                problems.append(f'{path.name}: placeholder {", ".join(sorted(got - wanted))} '
                                f'not in the source{where}: [{context}] {source!r} -> {text!r}')
    return problems


def accelerator(text):
    """The letter after a single '&' ('&&' is a literal ampersand), case-folded, or None."""
    match = re.search(r'(?<!&)(?:&&)*&([^&\s])', text)
    return match.group(1).casefold() if match else None


def accelerator_problems(path, source_language=False):
    """Clashing or lost & accelerators within each menu of MENUS."""
    problems = []
    label = 'sources' if source_language else path.name
    found = {}
    for context, source, comment, _, texts in messages(path):
        found.setdefault((context, source), []).append((comment, texts[0]))
    for menu, entries in MENUS.items():
        letters = collections.defaultdict(list)
        for entry in entries:
            context, source = entry[0], entry[1]
            comment = entry[2] if len(entry) > 2 else None
            candidates = [text for c, text in found.get((context, source), [])
                          if comment is None or c == comment]
            if not candidates:
                problems.append(f'{path.name}: {menu}: [{context}] {source!r} is not in the '
                                'catalogue; update MENUS in check_catalogues.py')
                continue
            text = source if source_language else candidates[0]
            letter = accelerator(text)
            if letter is None:
                problems.append(f'{label}: {menu}: no & accelerator in {text!r} '
                                f'(source {source!r})')
                continue
            letters[letter].append(text)
        for letter, texts in sorted(letters.items()):
            if len(texts) > 1:
                problems.append(f'{label}: {menu}: accelerator {letter!r} used by '
                                + ', '.join(repr(t) for t in texts))
    return problems


def main():
    args = sys.argv[1:]
    content_only = args[:1] == ['--content-only']
    if content_only:
        args = args[1:]
    lupdate, sources_lst, options, plurals = args[:4]
    catalogues = [pathlib.Path(p) for p in args[4:]]
    plurals = pathlib.Path(plurals)
    options = shlex.split(options)
    failures = []

    for ts in catalogues + [plurals]:
        for context, source, kind in flagged(ts):
            failures.append(f'{ts.name}: {kind}: [{context}] {source!r}')
        failures.extend(placeholder_problems(ts))
    # The plurals-only catalogue holds no menu entries; the English menus are checked on
    # the sources themselves, through the first catalogue's source texts.
    failures.extend(accelerator_problems(catalogues[0], source_language=True))
    for ts in catalogues:
        failures.extend(accelerator_problems(ts))

    # The slow part: lupdate parses every source file.
    if not content_only:
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
        print('Translation catalogues are incomplete or inconsistent:', *failures, sep='\n')
        print('Build the target update_translations, translate every unfinished entry '
              '(Qt Linguist; follow translations/GLOSSARY.md) and commit the .ts files.')
        return 1
    names = ', '.join(ts.name for ts in catalogues + [plurals])
    print(f'Complete, consistent and current: {names}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
