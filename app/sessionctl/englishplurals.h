// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTranslator>

/// Fallback for the English source texts: turns "%n session(s)" into "1 session" or
/// "3 sessions". Qt only picks plural forms from a loaded translation, and without one
/// prints "1 session(s)"; a command line tool should not need a .qm file to speak proper
/// English. Install it before any real translator, which then takes precedence.
class EnglishPlurals : public QTranslator
{
    Q_OBJECT

public:
    using QTranslator::QTranslator;

    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
        int n) const override;
};
