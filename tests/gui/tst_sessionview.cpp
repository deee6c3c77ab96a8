// SPDX-License-Identifier: GPL-3.0-or-later
// Column visibility (operator's choice vs. what the server's level fills) and saved state.
#include "sessionview.h"

#include "sessionitemdelegate.h"

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

    // Bold and greyed italics follow the roles the page names, and nothing else: every table
    // numbers its roles from Qt::UserRole, so one table's "own session" is another's file id.
    void rowStateFollowsTheNamedRoles()
    {
        struct Probe : SessionItemDelegate
        {
            using SessionItemDelegate::initStyleOption;
        };
        QStandardItemModel model(1, 1);
        const QModelIndex index = model.index(0, 0);
        model.setData(index, QStringLiteral("alice"), Qt::DisplayRole);
        model.setData(index, true, Qt::UserRole + 3);
        const auto styled = [&](const Probe &delegate) {
            QStyleOptionViewItem option;
            delegate.initStyleOption(&option, index);
            return option;
        };
        Probe delegate;
        QStyleOptionViewItem option = styled(delegate);
        QVERIFY(!option.font.bold());
        QVERIFY(!option.font.italic());

        delegate.setRowStateRoles(Qt::UserRole + 3, -1);
        option = styled(delegate);
        QVERIFY(option.font.bold());
        QVERIFY(!option.font.italic());

        delegate.setRowStateRoles(-1, Qt::UserRole + 3);
        option = styled(delegate);
        QVERIFY(!option.font.bold());
        QVERIFY(option.font.italic());
        QCOMPARE(option.palette.color(QPalette::Text),
            option.palette.color(QPalette::Disabled, QPalette::Text));

        delegate.setRowStateRoles(Qt::UserRole + 2, Qt::UserRole + 4);
        option = styled(delegate);
        QVERIFY(!option.font.bold());
        QVERIFY(!option.font.italic());
    }
};

QTEST_MAIN(TestSessionView)
#include "tst_sessionview.moc"
