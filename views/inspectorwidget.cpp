#include "inspectorwidget.h"

#include "model/simulationcontroller.h"

#include "group/group_coordinator.h"

#include <QEvent>
#include <QHeaderView>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

using namespace kafkascope;

InspectorWidget::InspectorWidget(SimulationController *controller, QWidget *parent)
    : QWidget(parent),
      m_controller(controller),
      m_model(new InspectorModel(controller, this)),
      m_title(new QLabel(this)),
      m_inspectButton(new QToolButton(this)),
      m_menu(new QMenu(this)),
      m_tree(new QTreeView(this))
{
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_inspectButton->setPopupMode(QToolButton::InstantPopup);
    m_inspectButton->setMenu(m_menu);
    connect(m_menu, &QMenu::aboutToShow, this, &InspectorWidget::populateMenu);

    m_tree->setModel(m_model);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setWordWrap(false);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_tree->header()->setStretchLastSection(true);
    connect(m_tree, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        const QVariant link = index.siblingAtColumn(0).data(InspectorModel::LinkRole);
        if (link.isValid())
            inspect(link.value<InspectorSelection>());
    });
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, &InspectorWidget::rememberExpanded);
    connect(m_model, &QAbstractItemModel::modelReset, this, &InspectorWidget::restoreExpanded);
    connect(m_model, &InspectorModel::selectionChanged, this, &InspectorWidget::refreshTitle);
    connect(m_tree, &QTreeView::expanded, this, &InspectorWidget::fitPropertyColumn);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(m_title, 1);
    header->addWidget(m_inspectButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(header);
    layout->addWidget(m_tree);

    retranslateUi();
    restoreExpanded();
}

void InspectorWidget::inspect(const InspectorSelection &selection)
{
    m_model->setSelection(selection);
}

void InspectorWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_model->refresh(); // the rows' names are in the old language
    }
    QWidget::changeEvent(event);
}

void InspectorWidget::retranslateUi()
{
    m_inspectButton->setText(tr("Inspect"));
    m_inspectButton->setToolTip(tr("Inspect a broker, producer, consumer or consumer group"));
    m_tree->setToolTip(tr("Double-click a row that names a broker, replica, partition, consumer or group to inspect it"));
    refreshTitle();
}

void InspectorWidget::refreshTitle()
{
    const QString title = m_model->title();
    m_title->setText(m_model->selectionExists() || m_model->selection().isNone() ? title : tr("%1 (gone)").arg(title));
}

void InspectorWidget::populateMenu()
{
    m_menu->clear();
    const Cluster &cluster = m_controller->cluster();
    QMenu *brokers = m_menu->addMenu(tr("Brokers"));
    for (const auto &[id, info] : cluster.brokers()) {
        const int b = id.value();
        brokers->addAction(info.alive ? tr("Broker %1").arg(b) : tr("Broker %1 (down)").arg(b), this,
                           [this, b] { inspect(InspectorSelection::ofBroker(b)); });
    }
    QMenu *producers = m_menu->addMenu(tr("Producers"));
    for (const auto &p : cluster.producers()) {
        const int id = p->id().value();
        producers->addAction(QString::fromStdString(p->config().clientId), this,
                             [this, id] { inspect(InspectorSelection::ofProducer(id)); });
    }
    producers->setEnabled(!cluster.producers().empty());
    QMenu *consumers = m_menu->addMenu(tr("Consumers"));
    for (const auto &c : cluster.consumers()) {
        const int id = c->id().value();
        const QString name = QString::fromStdString(c->config().clientId);
        consumers->addAction(c->isRunning() ? name : tr("%1 (stopped)").arg(name), this,
                             [this, id] { inspect(InspectorSelection::ofConsumer(id)); });
    }
    consumers->setEnabled(!cluster.consumers().empty());
    QMenu *groups = m_menu->addMenu(tr("Consumer groups"));
    for (const auto &[groupId, snapshot] : cluster.groups()) {
        const QString name = QString::fromStdString(groupId);
        groups->addAction(name, this, [this, name] { inspect(InspectorSelection::ofGroup(name)); });
    }
    groups->setEnabled(!groups->isEmpty());
}

QString InspectorWidget::pathOf(const QModelIndex &index) const
{
    QStringList names;
    for (QModelIndex at = index; at.isValid(); at = at.parent())
        names.prepend(at.siblingAtColumn(0).data().toString());
    return names.join(QChar(0x1f));
}

void InspectorWidget::rememberExpanded()
{
    m_expanded.clear();
    m_knownTopRows.clear();
    for (int r = 0; r < m_model->rowCount(); ++r)
        m_knownTopRows.insert(pathOf(m_model->index(r, 0)));
    const std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < m_model->rowCount(parent); ++r) {
            const QModelIndex child = m_model->index(r, 0, parent);
            if (m_tree->isExpanded(child)) {
                m_expanded.insert(pathOf(child));
                walk(child);
            }
        }
    };
    walk({});
    m_scroll = m_tree->verticalScrollBar()->value();
}

void InspectorWidget::restoreExpanded()
{
    const bool sameSelection = m_model->selection() == m_shownSelection;
    m_shownSelection = m_model->selection();
    if (!sameSelection) {
        // Something new: its groups open, from the top.
        for (int r = 0; r < m_model->rowCount(); ++r)
            m_tree->expand(m_model->index(r, 0));
        m_tree->scrollToTop();
        fitPropertyColumn();
        return;
    }
    const std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < m_model->rowCount(parent); ++r) {
            const QModelIndex child = m_model->index(r, 0, parent);
            const QString path = pathOf(child);
            if (m_expanded.contains(path) || (!parent.isValid() && !m_knownTopRows.contains(path))) {
                m_tree->expand(child);
                walk(child);
            }
        }
    };
    walk({});
    m_tree->verticalScrollBar()->setValue(m_scroll);
    fitPropertyColumn();
}

void InspectorWidget::fitPropertyColumn()
{
    // As wide as the names, but never more than half the tree: the values need room too.
    m_tree->resizeColumnToContents(InspectorModel::PropertyColumn);
    const int cap = std::max(120, m_tree->viewport()->width() / 2);
    if (m_tree->columnWidth(InspectorModel::PropertyColumn) > cap)
        m_tree->setColumnWidth(InspectorModel::PropertyColumn, cap);
}
