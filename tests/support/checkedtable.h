// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessionsortfilterproxymodel.h"

#include <QAbstractItemModelTester>

/// A table model under test and the console's sort/filter proxy over it, each watched by a
/// QAbstractItemModelTester that fails the test at the first break of Qt's model rules.
template<class Model>
class CheckedTable
{
public:
    CheckedTable() { m_proxy.setSourceModel(&m_model); }

    Model *model() { return &m_model; }
    SessionSortFilterProxyModel *proxy() { return &m_proxy; }

private:
    // Destroyed in reverse order: the testers stop watching before their models go.
    Model m_model;
    SessionSortFilterProxyModel m_proxy;
    QAbstractItemModelTester m_modelTester {
        &m_model, QAbstractItemModelTester::FailureReportingMode::Fatal};
    QAbstractItemModelTester m_proxyTester {
        &m_proxy, QAbstractItemModelTester::FailureReportingMode::Fatal};
};
