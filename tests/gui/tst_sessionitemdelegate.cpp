// SPDX-License-Identifier: GPL-3.0-or-later
// SessionItemDelegate draws cells exactly as QStyledItemDelegate would with the same options
// (the reference below), though it keeps laid-out texts between paints: the view is rendered
// with both and the pixels compared, also after a cell's text, the language or a column's
// width changed.
#include "languagemanager.h"
#include "sessionitemdelegate.h"
#include "sessionview.h"

#include <QAbstractTableModel>
#include <QHeaderView>
#include <QPainter>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QtTest>

namespace {

constexpr int kEmphasisRole = Qt::UserRole + 1;
constexpr int kStaleRole = Qt::UserRole + 2;

/// What the delegate looked like before it kept texts: the style draws every cell whole.
class ReferenceDelegate : public SessionItemDelegate
{
public:
    using SessionItemDelegate::SessionItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
    }
};

/// One column of texts translated when asked, as the session model's Yes/No columns.
class TranslatedModel : public QAbstractTableModel
{
public:
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 4; }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : 1;
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::DisplayRole)
            return {};
        return index.row() % 2
            ? QCoreApplication::translate("SessionTableModel", "No", "guest session")
            : QCoreApplication::translate("SessionTableModel", "Yes", "guest session");
    }
    void retranslate() { Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0)); }
};

QImage rendered(SessionView &view)
{
    return view.viewport()->grab().toImage();
}

} // namespace

class TestSessionItemDelegate : public QObject
{
    Q_OBJECT

private:
    /// Renders @p view with its own delegate and with the reference; both must match, and
    /// the delegate must have drawn texts itself (else the comparison proves nothing).
    static QImage compareWithReference(SessionView &view)
    {
        auto *delegate = qobject_cast<SessionItemDelegate *>(view.itemDelegate());
        Q_ASSERT(delegate);
        const QImage own = rendered(view);
        [&] {
            QVERIFY2(delegate->m_splitAllowed && delegate->m_text.cachedTexts() > 0,
                "the style drew every text");
        }();
        ReferenceDelegate reference;
        reference.setRowStateRoles(kEmphasisRole, kStaleRole);
        view.setItemDelegate(&reference);
        const QImage expected = rendered(view);
        view.setItemDelegate(delegate);
        [&] { QCOMPARE(own, expected); }();
        return own;
    }

    static void fill(QStandardItemModel &model)
    {
        const QIcon icon = [] {
            QPixmap pixmap(16, 16);
            pixmap.fill(Qt::darkGreen);
            return QIcon(pixmap);
        }();
        for (int row = 0; row < model.rowCount(); ++row) {
            auto *user = new QStandardItem(
                QStringLiteral("user %1 with a rather long name, Müller-Lüdenscheidt").arg(row));
            // Row 1 is selected and bold; row 2 is a plain row with an icon under plain ones.
            if (row == 1 || row == 2)
                user->setIcon(icon);
            user->setData(row == 1, kEmphasisRole);
            user->setData(row == 3, kStaleRole);
            // Scripts of other directions and fonts: several glyph runs in one cell.
            if (row == 4)
                user->setText(QStringLiteral("Ωmega שלום مرحبا 中文 user"));
            model.setItem(row, 0, user);
            auto *count = new QStandardItem(QString::number(row * 137));
            count->setData(
                QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter), Qt::TextAlignmentRole);
            count->setData(row == 1, kEmphasisRole);
            count->setData(row == 3, kStaleRole);
            model.setItem(row, 1, count);
            auto *idle = new QStandardItem(QStringLiteral("%1:0%2:17").arg(row * 11).arg(row));
            idle->setData(
                QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter), Qt::TextAlignmentRole);
            idle->setData(row == 3, kStaleRole);
            model.setItem(row, 2, idle);
        }
    }

    static void setUp(SessionView &view, QAbstractItemModel *model)
    {
        view.setModel(model);
        view.setRowStateRoles(kEmphasisRole, kStaleRole);
        view.resize(420, 200);
        view.header()->resizeSection(0, 150);
        view.header()->resizeSection(1, 70);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
    }

private Q_SLOTS:
    // Plain, bold (own session), grey italics (stale), selected, the focused row, an icon,
    // right-aligned numbers, an elided text, in the view's default and a middle elision.
    void looksAsTheStyleDrawsIt()
    {
        QStandardItemModel model(5, 3);
        fill(model);
        SessionView view;
        setUp(view, &model);
        view.setFocus();
        view.selectionModel()->select(
            model.index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        view.selectionModel()->setCurrentIndex(
            model.index(3, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        compareWithReference(view);
        if (QTest::currentTestFailed())
            return;
        view.setTextElideMode(Qt::ElideMiddle);
        compareWithReference(view);
    }

    // Rows lower than their texts: the glyphs are cut at the cell's edges as the style cuts
    // them, whatever the row height; a text drawn unclipped would spill into its neighbours.
    void textsAreCutAtTheirCellsEdges()
    {
        QStandardItemModel model(5, 3);
        fill(model);
        SessionView view;
        setUp(view, &model);
        const int textHeight = view.fontMetrics().height();
        for (int height = textHeight - 6; height <= textHeight + 2; ++height) {
            for (int row = 0; row < model.rowCount(); ++row) {
                for (int column = 0; column < model.columnCount(); ++column) {
                    if (QStandardItem *item = model.item(row, column))
                        item->setSizeHint(QSize(40, height));
                }
            }
            view.doItemsLayout();
            QCOMPARE(view.visualRect(model.index(2, 0)).height(), height);
            compareWithReference(view);
            if (QTest::currentTestFailed())
                return;
        }
    }

    // Durations and counts are composed from the digits' glyphs once a font proved to lay
    // them out so; past that proof (the first texts of each font) they must still look
    // exactly as the style draws them: left and right aligned, bold, and too wide (elided).
    void composedDigitsLookAsTheStyleDrawsThem()
    {
        QStandardItemModel model(70, 3);
        const auto alignRight = QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        for (int row = 0; row < model.rowCount(); ++row) {
            auto *left = new QStandardItem(QStringLiteral("%1:%2:%3")
                                               .arg(row * 7)
                                               .arg(row % 60, 2, 10, QLatin1Char('0'))
                                               .arg((row * 13) % 60, 2, 10, QLatin1Char('0')));
            left->setData(row % 3 == 0, kEmphasisRole);
            model.setItem(row, 0, left);
            auto *narrow = new QStandardItem(QStringLiteral("%1:00:00").arg(row * 100003));
            narrow->setData(alignRight, Qt::TextAlignmentRole);
            model.setItem(row, 1, narrow);
            auto *right = new QStandardItem(QString::number(row * 1009));
            right->setData(alignRight, Qt::TextAlignmentRole);
            right->setData(row % 4 == 1, kEmphasisRole);
            model.setItem(row, 2, right);
        }
        SessionView view;
        view.setModel(&model);
        view.setRowStateRoles(kEmphasisRole, kStaleRole);
        view.header()->resizeSection(0, 150);
        view.header()->resizeSection(1, 60);
        // Tall enough for every row: no scroll bar appears or goes between the two renderings.
        view.resize(420, 1400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_VERIFY(!view.verticalScrollBar()->isVisible());
        compareWithReference(view);
        if (QTest::currentTestFailed())
            return;
        // Composing is still on: the texts past the proof were composed, not laid out.
        auto *delegate = qobject_cast<SessionItemDelegate *>(view.itemDelegate());
        const CellTextPainter &text = delegate->m_text;
        const int font = text.fontIndex(view.font());
        QVERIFY(text.digitGlyphs(font, view.font()));
        QCOMPARE(text.m_digitGlyphs.at(font)->unchecked, 0);
    }

    // The texts are kept by what they say: a cell whose text changes shows the new one.
    void changedCellShowsItsNewText()
    {
        QStandardItemModel model(5, 3);
        fill(model);
        SessionView view;
        setUp(view, &model);
        const QImage before = compareWithReference(view);
        if (QTest::currentTestFailed())
            return;
        model.item(2, 2)->setText(QStringLiteral("22:04:18"));
        model.item(2, 0)->setText(
            QStringLiteral("user 2 with a rather long name, Mueller-Luedenscheidt"));
        const QImage after = compareWithReference(view);
        QVERIFY(after != before);
    }

    // The model announces new texts after a language change (retranslate()); they show.
    void languageChangeShowsTheNewLanguage()
    {
        LanguageManager language;
        language.setLanguage(QStringLiteral("en"));
        TranslatedModel model;
        SessionView view;
        setUp(view, &model);
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("No"));
        const QImage english = compareWithReference(view);
        if (QTest::currentTestFailed())
            return;
        language.setLanguage(QStringLiteral("de"));
        model.retranslate();
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("Nein"));
        const QImage german = compareWithReference(view);
        QVERIFY(german != english);
        language.setLanguage(QStringLiteral("en"));
    }

    // A narrower column elides its texts again, a wider one shows more.
    void resizedColumnElidesAgain()
    {
        QStandardItemModel model(5, 3);
        fill(model);
        SessionView view;
        setUp(view, &model);
        const QImage wide = compareWithReference(view);
        if (QTest::currentTestFailed())
            return;
        view.header()->resizeSection(0, 90);
        const QImage narrow = compareWithReference(view);
        QVERIFY(narrow != wide);
        view.header()->resizeSection(0, 91);
        compareWithReference(view);
    }
};

QTEST_MAIN(TestSessionItemDelegate)
#include "tst_sessionitemdelegate.moc"
