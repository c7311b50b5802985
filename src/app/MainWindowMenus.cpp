#include <hipguide/acquisition/SourceSettingsFile.h>
#include <hipguide/app/DepthTickCalibrator.h>
#include <hipguide/app/FramePump.h>
#include <hipguide/app/GuidanceController.h>
#include <hipguide/app/ImageView.h>
#include <hipguide/app/MainWindow.h>
#include <hipguide/app/ReplayBar.h>
#include <hipguide/app/SourceDialog.h>
#include <hipguide/app/TrainingMode.h>
#include <hipguide/app/VtkHostWidget.h>
#include <hipguide/render/Scene.h>
#include <hipguide/session/ReplayDriver.h>

#include "ui_AboutDialog.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QFileDialog>
#include <QImage>
#include <QLabel>
#include <QMenuBar>
#include <QSlider>
#include <QStatusBar>
#include <QToolBar>

namespace hipguide::app {

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&Open recording..."), QKeySequence::Open, this, [this] { switchMode("Replay"); });
  file->addAction(tr("Open recording &folder (.hgrec or images)..."), this, [this] {
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Open a HipGuide recording or a folder of images"));
    if (!folder.isEmpty()) openSource(folder);
  });
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

  QMenu* source = menuBar()->addMenu(tr("&Source"));
  source->addAction(tr("&Simulated probe"), this, [this] { openSource("sim"); });
  source->addAction(tr("&Test pattern"), this, [this] { openSource("test-pattern"); });
  source->addAction(tr("&Choose and configure..."), QKeySequence(tr("Ctrl+L")), this,
                    &MainWindow::chooseSource);
  source->addAction(tr("&Reconnect"), QKeySequence(tr("Ctrl+Shift+R")), this,
                    [this] { openSource(m_sourceSpec); });
  source->addAction(tr("&Pixel size of the replay (depth ticks)..."), this,
                    &MainWindow::measureReplayPixelSize);
  source->addSeparator();
  m_shareAction = source->addAction(tr("S&hare over OpenIGTLink (port 18944, this computer only)"));
  m_shareAction->setCheckable(true);
  connect(m_shareAction, &QAction::toggled, this, [this](bool on) { setSharing(on); });

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About HipGuide"), this, [this] {
    QDialog dialog(this);
    Ui::AboutDialog form;
    form.setupUi(&dialog);
    form.version->setText(tr("Version %1").arg(QApplication::applicationVersion()));
    dialog.exec();
  });
}

void MainWindow::switchMode(const QString& mode) {
  if (mode == "Training") {
    openSource("sim");
    m_training->showPanel();
  } else if (mode == "Replay") {
    // Folders (a HipGuide recording, images): File → Open recording folder.
    if (const QString path = chooseRecordingPath(this); !path.isEmpty()) openSource(path);
  } else {
    chooseSource();
  }
  const QSignalBlocker blocker(m_modeBox);
  m_modeBox->setCurrentText(this->mode());
}

void MainWindow::chooseSource() {
  const QString current =
      m_sourceSpec.startsWith("sim") ? QStringLiteral("igtl://localhost:18944") : m_sourceSpec;
  SourceDialog dialog(current, acquisition::sourceSettingsDir(), this);
  if (dialog.exec() == QDialog::Accepted) openSource(dialog.spec());
}

void MainWindow::measureReplayPixelSize() {
  const guidance::GuidedFrame* guided = m_guidance->latest();
  if (!dynamic_cast<session::ReplayDriver*>(m_pump->driver()) || !guided || !guided->frame) {
    statusBar()->showMessage(tr("Open a recording first: its pixel size is measured on its image"), 10000);
    return;
  }
  const core::Frame& frame = *guided->frame;
  const QImage image(frame.grey.data(), frame.width, frame.height, frame.width, QImage::Format_Grayscale8);
  DepthTickCalibrator calibrator(image.copy(), this);
  if (calibrator.exec() == QDialog::Accepted && calibrator.mmPerPixel())
    setReplayPixelSizeMm(*calibrator.mmPerPixel());
}

bool MainWindow::setReplayPixelSizeMm(double mm) {
  auto* replay = dynamic_cast<session::ReplayDriver*>(m_pump->driver());
  if (!replay) {
    statusBar()->showMessage(tr("No recording is replayed: open one first"), 10000);
    return false;
  }
  try {
    replay->setPixelSizeMm(mm);
  } catch (const std::invalid_argument& error) {
    statusBar()->showMessage(QString::fromStdString(error.what()), 15000);
    return false;
  }
  statusBar()->showMessage(tr("Replay shown at %1 mm per pixel").arg(mm, 0, 'f', 4), 10000);
  return true;
}

void MainWindow::buildToolBar() {
  QToolBar* bar = addToolBar(tr("Controls"));
  bar->setObjectName("controls");
  bar->setMovable(false);
  bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  QFont big = bar->font();
  big.setPointSize(11);
  bar->setFont(big);

  m_modeBox = new QComboBox;
  m_modeBox->setObjectName("modeBox");
  m_modeBox->addItems({"Live", "Training", "Replay"});
  bar->addWidget(new QLabel(tr(" Mode ")));
  bar->addWidget(m_modeBox);
  connect(m_modeBox, &QComboBox::textActivated, this, &MainWindow::switchMode);
  bar->addSeparator();

  QAction* record = bar->addAction(tr("Record (R)"));
  record->setObjectName("recordAction");
  record->setCheckable(true);
  record->setShortcut(Qt::Key_R);
  connect(record, &QAction::toggled, this, [this, record](bool on) {
    if (!setRecording(on)) {
      const QSignalBlocker blocker(record);
      record->setChecked(false);
    }
  });
  m_recordLabel = new QLabel;
  m_recordLabel->setObjectName("recordElapsed");
  bar->addWidget(m_recordLabel);

  QAction* freeze = bar->addAction(tr("Freeze (F)"));
  freeze->setObjectName("freezeAction");
  freeze->setCheckable(true);
  freeze->setShortcut(Qt::Key_F);
  connect(freeze, &QAction::toggled, this, &MainWindow::setFrozen);

  QAction* snapshot = bar->addAction(tr("Key image (S)"), this, [this] { captureKeyImage(); });
  snapshot->setObjectName("snapshotAction");
  snapshot->setShortcut(Qt::Key_S);

  QAction* overlays = bar->addAction(tr("Overlays (O)"));
  overlays->setObjectName("overlaysAction");
  overlays->setCheckable(true);
  overlays->setChecked(true);
  overlays->setShortcut(Qt::Key_O);
  connect(overlays, &QAction::toggled, m_imageView, &ImageView::setOverlaysVisible);
  bar->addSeparator();

  const std::pair<QString, render::CameraPreset> presets[] = {
      {tr("Anterior (1)"), render::CameraPreset::Anterior},
      {tr("Lateral (2)"), render::CameraPreset::Lateral},
      {tr("Along needle (3)"), render::CameraPreset::AlongNeedle}};
  int key = Qt::Key_1;
  for (const auto& [label, preset] : presets) {
    QAction* action = bar->addAction(label, this, [this, preset = preset] {
      m_scene->setCameraPreset(preset);
      m_view3d->render();
    });
    action->setShortcut(key++);
  }

  // Replay keys: space plays/pauses, arrows step.
  auto* playPause = new QAction(this);
  playPause->setShortcut(Qt::Key_Space);
  connect(playPause, &QAction::triggered, this, [this] {
    if (auto* replay = dynamic_cast<session::ReplayDriver*>(m_pump->driver()))
      replay->paused() ? replay->play() : replay->pause();
  });
  auto* stepBack = new QAction(this);
  stepBack->setShortcut(Qt::Key_Left);
  connect(stepBack, &QAction::triggered, this, [this] {
    if (auto* replay = dynamic_cast<session::ReplayDriver*>(m_pump->driver())) replay->step(-1);
  });
  auto* stepForward = new QAction(this);
  stepForward->setShortcut(Qt::Key_Right);
  connect(stepForward, &QAction::triggered, this, [this] {
    if (auto* replay = dynamic_cast<session::ReplayDriver*>(m_pump->driver())) replay->step(1);
  });
  addActions({playPause, stepBack, stepForward});
}

}  // namespace hipguide::app
