// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <functional>

class QWidget;

/// Calls a widget's retranslation whenever Qt tells the widget that the language changed.
///
/// Qt sends QEvent::LanguageChange to every widget after a translator is installed; the usual
/// answer is a changeEvent() override that every translated widget would repeat word for word.
/// A widget installs this filter once instead, with the function that sets its texts. The
/// filter is the widget's child, so it ends with the widget; it never consumes the event, so
/// the widget's own changeEvent() still sees it.
class LanguageChangeFilter : public QObject
{
    Q_OBJECT
public:
    static void install(QWidget *widget, std::function<void()> retranslate);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    LanguageChangeFilter(QWidget *widget, std::function<void()> retranslate);

    std::function<void()> m_retranslate;
};
