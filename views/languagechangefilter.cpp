// SPDX-License-Identifier: GPL-3.0-or-later
#include "languagechangefilter.h"

#include <QEvent>
#include <QWidget>

void LanguageChangeFilter::install(QWidget *widget, std::function<void()> retranslate)
{
    widget->installEventFilter(new LanguageChangeFilter(widget, std::move(retranslate)));
}

LanguageChangeFilter::LanguageChangeFilter(QWidget *widget, std::function<void()> retranslate)
    : QObject(widget)
    , m_retranslate(std::move(retranslate))
{
}

bool LanguageChangeFilter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && watched == parent())
        m_retranslate();
    return false;
}
