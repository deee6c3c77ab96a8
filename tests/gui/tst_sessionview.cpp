// SPDX-License-Identifier: GPL-3.0-or-later
// Column visibility (operator's choice vs. what the server's level fills) and saved state.
#include "sessionview.h"

#include <QHeaderView>
#include <QStandardItemModel>
#include <QtTest>

class TestSessionView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unavailableAndUserHiddenColumnsStayApart()
    {
        QStandardItemModel model(3, 5);
        SessionView view;
        view.setModel(&model);
        view.setUnavailableColumns({1, 3});
        QVERIFY(view.isColumnHidden(1));
        QVERIFY(view.isColumnHidden(3));
        view.setColumnHiddenByUser(2, true);
        QVERIFY(view.isColumnHidden(2));

        // A richer server: its columns come back, the operator's choice stays.
        view.setUnavailableColumns({});
        QVERIFY(!view.isColumnHidden(1));
        QVERIFY(!view.isColumnHidden(3));
        QVERIFY(view.isColumnHidden(2));
        QVERIFY(view.isColumnHiddenByUser(2));
    }

    void stateRoundTrips()
    {
        QStandardItemModel model(3, 5);
        QByteArray state;
        {
            SessionView view;
            view.setModel(&model);
            view.setUnavailableColumns({4});
            view.setColumnHiddenByUser(1, true);
            view.header()->resizeSection(0, 177);
            view.header()->moveSection(3, 0);
            view.sortByColumn(2, Qt::DescendingOrder);
            state = view.saveViewState();
        }
        SessionView view;
        view.setModel(&model);
        QVERIFY(view.restoreViewState(state));
        QCOMPARE(view.header()->sectionSize(0), 177);
        QCOMPARE(view.header()->logicalIndex(0), 3);
        QCOMPARE(view.header()->sortIndicatorSection(), 2);
        QCOMPARE(view.header()->sortIndicatorOrder(), Qt::DescendingOrder);
        QVERIFY(view.isColumnHidden(1));
        // Hidden then only because that server lacked it: not the operator's choice.
        QVERIFY(!view.isColumnHidden(4));
        QVERIFY(!view.isColumnHiddenByUser(4));

        QVERIFY(!view.restoreViewState(QByteArray("garbage")));
    }
};

QTEST_MAIN(TestSessionView)
#include "tst_sessionview.moc"
