#pragma once

#include "model/inspectormodel.h"

#include <QSet>
#include <QString>
#include <QWidget>

class QLabel;
class QMenu;
class QToolButton;
class QTreeView;
class SimulationController;

// The Inspector dock's contents: a title naming what is inspected, an "Inspect" button listing
// every broker, producer, consumer and group, and the InspectorModel's property tree. Double-
// clicking a row that names something (a replica, a member, a partition) inspects that.
//
// The tree keeps the rows the user expanded and its scroll position when the model resets
// because rows came or went; a new selection starts with its groups expanded.
//
// `controller` must outlive the widget.
class InspectorWidget : public QWidget
{
    Q_OBJECT

public:
    explicit InspectorWidget(SimulationController *controller, QWidget *parent = nullptr);

    [[nodiscard]] InspectorModel *model() const { return m_model; }
    [[nodiscard]] QTreeView *tree() const { return m_tree; }
    [[nodiscard]] QLabel *titleLabel() const { return m_title; }

    // Shows `selection` (also what the scene, the tables and the menus call).
    void inspect(const InspectorSelection &selection);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refreshTitle();
    void populateMenu();
    void rememberExpanded();
    void restoreExpanded();
    void fitPropertyColumn();
    [[nodiscard]] QString pathOf(const QModelIndex &index) const;

    SimulationController *m_controller;
    InspectorModel *m_model;
    QLabel *m_title;
    QToolButton *m_inspectButton;
    QMenu *m_menu;
    QTreeView *m_tree;
    // Expanded rows (as property paths) and scroll position across a model reset.
    QSet<QString> m_expanded;
    QSet<QString> m_knownTopRows; // top-level rows before the reset: new ones open
    int m_scroll = 0;
    InspectorSelection m_shownSelection;
};
