// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionview.h"

#include "sessionitemdelegate.h"

#include <QAbstractProxyModel>
#include <QDataStream>
#include <QEvent>
#include <QHeaderView>
#include <QIODevice>
#include <QItemSelectionModel>
#include <QMenu>
#include <QPainter>
#include <QShowEvent>

namespace {
// Bumped when the layout of saveViewState() changes; older states are ignored.
constexpr quint32 kStateMagic = 0x53435631; // "SCV1"
} // namespace

SessionView::SessionView(QWidget *parent)
    : QTreeView(parent)
{
    setRootIsDecorated(false);
    setItemsExpandable(false);
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
    setAlternatingRowColors(true);
    setSortingEnabled(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setContextMenuPolicy(Qt::CustomContextMenu);
    m_delegate = new SessionItemDelegate(this);
    setItemDelegate(m_delegate);

    QHeaderView *h = header();
    h->setSectionsMovable(true);
    h->setFirstSectionMovable(true);
    // The last column takes the rest of the width: no empty band right of the table.
    h->setStretchLastSection(true);
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setDefaultSectionSize(110);
    h->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(h, &QHeaderView::customContextMenuRequested, this, &SessionView::showHeaderMenu);

    // Not activated(): with single-click activation (a KDE setting) every click would open
    // a dialog. Enter is the Details action's shortcut.
    connect(this, &QAbstractItemView::doubleClicked, this, &SessionView::detailsRequested);
}

void SessionView::setUnavailableColumns(const QSet<int> &columns)
{
    m_unavailable = columns;
    applyColumnVisibility();
}

void SessionView::setColumnHiddenByUser(int column, bool hidden)
{
    if (hidden)
        m_userHidden.insert(column);
    else
        m_userHidden.remove(column);
    applyColumnVisibility();
}

void SessionView::applyColumnVisibility()
{
    if (!model())
        return;
    for (int c = 0; c < model()->columnCount(); ++c)
        setColumnHidden(c, m_unavailable.contains(c) || m_userHidden.contains(c));
    // A column that comes back may be narrower than its title in this language.
    if (m_shown)
        fitHeaderTexts();
}

void SessionView::setPlaceholderText(const QString &text)
{
    if (m_placeholder == text)
        return;
    m_placeholder = text;
    viewport()->update();
}

void SessionView::paintEvent(QPaintEvent *event)
{
    QTreeView::paintEvent(event);
    if (m_placeholder.isEmpty() || !model() || model()->rowCount() > 0)
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const int margin = fontMetrics().horizontalAdvance(QLatin1Char('M')) * 2;
    painter.drawText(viewport()->rect().adjusted(margin, margin, -margin, -margin),
        Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
}

void SessionView::updateColumns(const QList<int> &columns)
{
    // Only the visible part of those columns: the rows outside the viewport cost nothing.
    const QRect area = viewport()->rect();
    for (int column : columns) {
        if (isColumnHidden(column))
            continue;
        const int x = header()->sectionViewportPosition(column);
        const int w = header()->sectionSize(column);
        if (x + w < 0 || x > area.width())
            continue;
        viewport()->update(QRect(x, 0, w, area.height()));
    }
}

void SessionView::setDefaultLayout(
    const QList<ColumnWidth> &widths, int leadingColumn, int sortColumn)
{
    QHeaderView *columns = header();
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    for (const ColumnWidth &width : widths)
        columns->resizeSection(width.column, width.ems * em);
    columns->moveSection(columns->visualIndex(leadingColumn), 0);
    sortByColumn(sortColumn, Qt::AscendingOrder);
}

QByteArray SessionView::saveViewState() const
{
    QByteArray out;
    QDataStream stream(&out, QIODevice::WriteOnly);
    stream << kStateMagic << header()->saveState();
    QList<int> hidden(m_userHidden.cbegin(), m_userHidden.cend());
    std::sort(hidden.begin(), hidden.end());
    stream << hidden;
    return out;
}

bool SessionView::restoreViewState(const QByteArray &state)
{
    QDataStream stream(state);
    quint32 magic = 0;
    QByteArray headerState;
    QList<int> hidden;
    stream >> magic >> headerState >> hidden;
    if (stream.status() != QDataStream::Ok || magic != kStateMagic)
        return false;
    if (!header()->restoreState(headerState))
        return false;
    m_userHidden = QSet<int>(hidden.cbegin(), hidden.cend());
    // restoreState() also restored hidden flags of columns that were unavailable then.
    applyColumnVisibility();
    // restoreState() sets the indicator but sorting follows only through sortByColumn().
    sortByColumn(header()->sortIndicatorSection(), header()->sortIndicatorOrder());
    return true;
}

void SessionView::fitHeaderTexts()
{
    QHeaderView *h = header();
    // The last visible section stretches over the rest of the width by itself.
    int last = -1;
    for (int visual = h->count() - 1; visual >= 0 && last < 0; --visual) {
        if (!h->isSectionHidden(h->logicalIndex(visual)))
            last = h->logicalIndex(visual);
    }
    for (int logical = 0; logical < h->count(); ++logical) {
        if (logical == last || h->isSectionHidden(logical))
            continue;
        const int needed = h->sectionSizeHint(logical);
        if (h->sectionSize(logical) < needed)
            h->resizeSection(logical, needed);
    }
}

void SessionView::changeEvent(QEvent *event)
{
    // The model has announced its new header texts by the time widgets get this event.
    if (event->type() == QEvent::LanguageChange && m_shown)
        fitHeaderTexts();
    QTreeView::changeEvent(event);
}

void SessionView::showEvent(QShowEvent *event)
{
    QTreeView::showEvent(event);
    if (!m_shown) {
        m_shown = true;
        fitHeaderTexts();
    }
}

QModelIndex SessionView::selectRowAt(const QPoint &pos)
{
    const QModelIndex index = indexAt(pos);
    if (index.isValid() && !selectionModel()->isRowSelected(index.row(), {}))
        selectionModel()->select(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return index;
}

QModelIndexList SessionView::selectedSourceRows() const
{
    QModelIndexList rows;
    if (!selectionModel())
        return rows;
    const auto *proxy = qobject_cast<const QAbstractProxyModel *>(model());
    const QModelIndexList selected = selectionModel()->selectedRows();
    rows.reserve(selected.size());
    for (const QModelIndex &index : selected)
        rows.append(proxy ? proxy->mapToSource(index) : index);
    std::sort(rows.begin(), rows.end(),
        [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    return rows;
}

void SessionView::showHeaderMenu(const QPoint &pos)
{
    if (!model())
        return;
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setTitle(tr("Columns"));
    const int count = model()->columnCount();
    int visible = 0;
    for (int c = 0; c < count; ++c)
        visible += isColumnHidden(c) ? 0 : 1;
    for (int c = 0; c < count; ++c) {
        const QString title = model()->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
        QAction *action = menu->addAction(title);
        action->setCheckable(true);
        if (m_unavailable.contains(c)) {
            action->setChecked(false);
            action->setEnabled(false);
            action->setText(tr("%1 (not provided by this server)").arg(title));
            continue;
        }
        action->setChecked(!m_userHidden.contains(c));
        // Never let the operator hide the last visible column: the header would vanish.
        if (action->isChecked() && visible <= 1)
            action->setEnabled(false);
        connect(action, &QAction::toggled, this,
            [this, c](bool shown) { setColumnHiddenByUser(c, !shown); });
    }
    menu->popup(header()->viewport()->mapToGlobal(pos));
}

void SessionView::setRowStateRoles(int emphasisRole, int staleRole)
{
    m_delegate->setRowStateRoles(emphasisRole, staleRole);
    viewport()->update();
}
