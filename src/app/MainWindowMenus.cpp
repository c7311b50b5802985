#include <hipguide/app/ImageView.h>
#include <hipguide/app/MainWindow.h>
#include <hipguide/app/VtkHostWidget.h>

#include "ui_AboutDialog.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QFileDialog>
#include <QInputDialog>
#include <QMenuBar>

namespace hipguide::app {

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&Open recording..."), QKeySequence::Open, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open recording"), {},
                                                      tr("Recordings (*.igs.mha *.igs.mhd *.igs.nrrd *.hgrec);;All files (*)"));
    if (!path.isEmpty()) openSource(path);
  });
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

  QMenu* source = menuBar()->addMenu(tr("&Source"));
  source->addAction(tr("&Simulated probe"), this, [this] { openSource("sim"); });
  source->addAction(tr("&Test pattern"), this, [this] { openSource("test-pattern"); });
  source->addAction(tr("&OpenIGTLink server..."), this, [this] {
    bool ok = false;
    const QString address = QInputDialog::getText(this, tr("OpenIGTLink server"), tr("Address:"),
                                                  QLineEdit::Normal, "igtl://localhost:18944", &ok);
    if (ok && !address.isEmpty()) openSource(address);
  });

  QMenu* view = menuBar()->addMenu(tr("&View"));
  QAction* overlays = view->addAction(tr("Show &overlays"));
  overlays->setCheckable(true);
  overlays->setChecked(true);
  overlays->setShortcut(Qt::Key_O);
  connect(overlays, &QAction::toggled, m_imageView, &ImageView::setOverlaysVisible);
  view->addAction(tr("&Reset 3D camera"), Qt::Key_R, m_view3d, &VtkHostWidget::resetCamera);

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About HipGuide"), this, [this] {
    QDialog dialog(this);
    Ui::AboutDialog form;
    form.setupUi(&dialog);
    form.version->setText(tr("Version %1").arg(QApplication::applicationVersion()));
    dialog.exec();
  });
}

}  // namespace hipguide::app
