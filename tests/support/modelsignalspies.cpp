// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelsignalspies.h"

#include <QAbstractItemModel>

ModelSignalSpies::ModelSignalSpies(const QAbstractItemModel *model)
    : reset(model, &QAbstractItemModel::modelReset)
    , layout(model, &QAbstractItemModel::layoutChanged)
    , removed(model, &QAbstractItemModel::rowsRemoved)
    , inserted(model, &QAbstractItemModel::rowsInserted)
    , changed(model, &QAbstractItemModel::dataChanged)
{
}

void ModelSignalSpies::clear()
{
    for (QSignalSpy *spy : {&reset, &layout, &removed, &inserted, &changed})
        spy->clear();
}

qsizetype ModelSignalSpies::structuralCount() const
{
    return reset.count() + layout.count() + removed.count() + inserted.count();
}

QRect ModelSignalSpies::changedCells(qsizetype i) const
{
    const auto topLeft = changed.at(i).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(i).at(1).value<QModelIndex>();
    return cells(topLeft.row(), topLeft.column(), bottomRight.row(), bottomRight.column());
}

QList<QRect> ModelSignalSpies::allChangedCells() const
{
    QList<QRect> all;
    for (qsizetype i = 0; i < changed.count(); ++i)
        all.append(changedCells(i));
    return all;
}

QRect ModelSignalSpies::cells(int top, int left, int bottom, int right)
{
    return QRect(QPoint(left, top), QPoint(right, bottom));
}

std::pair<int, int> ModelSignalSpies::rowsOf(const QList<QVariant> &signal)
{
    return {signal.at(1).toInt(), signal.at(2).toInt()};
}
