#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkRenderer.h>

#include <hipguide/acquisition/Capabilities.h>
#include <hipguide/acquisition/SourceSettingsFile.h>
#include <hipguide/acquisition/SourceSpec.h>
#include <hipguide/app/FramePump.h>
#include <hipguide/app/GuidanceController.h>
#include <hipguide/app/GuidancePanel.h>
#include <hipguide/app/IgtlShare.h>
#include <hipguide/app/ImageView.h>
#include <hipguide/app/KeyImage.h>
#include <hipguide/app/MainWindow.h>
#include <hipguide/app/ProcedureDock.h>
#include <hipguide/app/RecordedEstimateOverlay.h>
#include <hipguide/app/RecordingController.h>
#include <hipguide/app/ReplayBar.h>
#include <hipguide/app/SourceTrackerConfig.h>
#include <hipguide/app/StatusPanel.h>
#include <hipguide/app/TrainingMode.h>
#include <hipguide/app/VtkHostWidget.h>
#include <hipguide/core/Logging.h>
#include <hipguide/core/SteadyClock.h>
#include <hipguide/procedure/GuidanceOverlay.h>
#include <hipguide/render/AnatomySurfaces.h>
#include <hipguide/render/Scene.h>
#include <hipguide/session/ReplayDriver.h>
#include <hipguide/session/SourceTable.h>

#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QPainter>
#include <QSettings>
#include <QShowEvent>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

#include <stdexcept>

namespace hipguide::app {
namespace {
constexpr int kStatusIntervalMs = 500;
/// The 3D view follows at up to 10 Hz; the 2D view at full rate. In software OpenGL one 3D
/// render costs about 20 ms of the GUI thread, so a faster 3D view would cost 2D frames.
constexpr int k3dIntervalMs = 100;
/// Raw frames are shown without overlays only when guidance has produced nothing for this long.
constexpr std::int64_t kGuidanceStaleNs = 250'000'000;
}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_pump(new FramePump(this)),
      m_guidance(new GuidanceController(*m_pump, this)),
      m_imageView(new ImageView),
      m_guidancePanel(new GuidancePanel),
      m_recording(new RecordingController(this)),
      m_replayBar(new ReplayBar),
      m_view3d(new VtkHostWidget),
      m_splitter(new QSplitter(Qt::Horizontal)),
      m_statusPanel(new StatusPanel),
      m_statusTimer(new QTimer(this)),
      m_render3dTimer(new QTimer(this)),
      m_scene(std::make_unique<render::Scene>()),
      m_share(std::make_unique<IgtlShare>()) {
  setWindowTitle(tr("HipGuide"));
  m_imageView->setObjectName("imageView");
  m_view3d->setObjectName("view3d");
  m_splitter->addWidget(m_imageView);
  m_splitter->addWidget(m_view3d);
  m_splitter->setStretchFactor(0, 3);
  m_splitter->setStretchFactor(1, 2);
  auto* central = new QWidget;
  auto* columns = new QHBoxLayout;
  columns->setContentsMargins(0, 0, 0, 0);
  columns->addWidget(m_splitter, 1);
  columns->addWidget(m_guidancePanel);
  auto* rows = new QVBoxLayout(central);
  rows->setContentsMargins(0, 0, 0, 0);
  rows->addLayout(columns, 1);
  rows->addWidget(m_replayBar);
  setCentralWidget(central);
  m_keyImageFolder = QDir::homePath() + "/HipGuide/key-images";
  statusBar()->addPermanentWidget(m_statusPanel);
  m_view3d->addRenderer(m_scene->renderer());

  connect(m_pump, &FramePump::frameArrived, this, &MainWindow::onFrame);
  connect(m_guidance, &GuidanceController::guidedFrame, this, &MainWindow::onGuidedFrame);
  connect(m_guidance, &GuidanceController::anatomyReady, m_guidancePanel, &GuidancePanel::showAnatomy);
  connect(m_guidance, &GuidanceController::surfacesReady, this,
          [this](std::shared_ptr<const render::AnatomySurfaces> surfaces) {
            m_scene->setAnatomy(std::move(surfaces));
            m_view3d->render();
          });
  connect(m_guidance, &GuidanceController::anatomyFailed, this, [this](const QString& message) {
    statusBar()->showMessage(tr("Guidance without anatomy: %1").arg(message), 15000);
  });
  m_imageView->addOverlay([this](QPainter& painter, const core::Frame& frame) {
    const double pxPerMm = painter.transform().m11();
    const double mmPerPixel = pxPerMm > 0 ? 1.0 / pxPerMm : 0.1;
    const auto* replay = dynamic_cast<const session::ReplayDriver*>(m_pump->driver());
    const ReplayEstimates shown = replay ? m_replayBar->estimates() : ReplayEstimates::Rerun;
    if (shown != ReplayEstimates::Recorded && m_guided.frame && m_guided.frame->frameId == frame.frameId)
      procedure::paintGuidanceOverlay(painter, m_guided, mmPerPixel);
    if (shown != ReplayEstimates::Rerun)
      if (const auto recorded = replay->recordedEstimate(frame.frameId))
        paintRecordedEstimate(painter, *recorded, mmPerPixel);
  });
  connect(m_imageView, &ImageView::framePainted, this, [this](std::uint64_t, std::int64_t hostReceiveNs) {
    m_stats.framePainted(hostReceiveNs, core::steadyNowNs());
    // Right after a 2D paint the GUI thread has the most time before the next frame.
    render3dIfDue(k3dIntervalMs);
  });
  connect(m_statusTimer, &QTimer::timeout, this, &MainWindow::refreshStatus);
  // Fallback for frames the 2D view does not paint (hidden, or another mode's view).
  connect(m_render3dTimer, &QTimer::timeout, this, [this] { render3dIfDue(2 * k3dIntervalMs); });
  m_statusTimer->start(kStatusIntervalMs);
  m_render3dTimer->start(k3dIntervalMs);

  buildMenus();
  buildToolBar();
  m_training = new TrainingMode(*this);
  m_procedureDock = new ProcedureDock(*this);
  menuBar()->insertAction(menuBar()->actions().constLast(), m_procedureDock->toggleViewAction());
  restoreSettings();
}

MainWindow::~MainWindow() {
  m_guidance->stop();
  m_pump->setDriver(nullptr);
}

bool MainWindow::openSource(const QString& spec, double framesPerSecond) {
  try {
    const acquisition::SourceSpec parsed = acquisition::parseSourceSpec(spec.toStdString());
    session::SourceOptions options;
    options.framesPerSecond = framesPerSecond;
    m_guidance->stop();
    m_recording->stop();
    m_replayBar->setReplay(nullptr, {});
    m_pump->setDriver(session::openSource(parsed, options));
    const bool loadingAnatomy = m_guidance->startForSource(
        m_anatomyFolder, trackerConfigForSource(parsed, acquisition::sourceSettingsDir(), m_pump->driver()));
    m_guidancePanel->showAnatomy(loadingAnatomy ? tr("loading...")
                                                : tr("none (image only; open one with --anatomy)"));
  } catch (const std::exception& error) {
    const QString message = tr("Cannot open source: %1").arg(QString::fromStdString(error.what()));
    core::logger("app")->error("{}", message.toStdString());
    statusBar()->showMessage(message, 15000);
    return false;
  }
  m_sourceSpec = spec;
  m_stats.reset();
  attachReplayBar();
  setFrozen(false);
  if (m_modeBox) {
    const QSignalBlocker blocker(m_modeBox);
    m_modeBox->setCurrentText(mode());
  }
  setWindowTitle(tr("HipGuide · %1 · %2").arg(mode(), spec));
  refreshStatus();
  return true;
}

bool MainWindow::setSharing(bool on, int port) {
  QString error;
  if (!on)
    m_share->stop();
  else if (!m_share->active() && !m_share->start(port, QStringLiteral("127.0.0.1"), &error))
    statusBar()->showMessage(tr("Cannot share over OpenIGTLink: %1").arg(error), 15000);
  if (m_shareAction) {
    const QSignalBlocker blocker(m_shareAction);
    m_shareAction->setChecked(m_share->active());
  }
  return on == m_share->active();
}

DisplayStatsSummary MainWindow::statsSummary() {
  const acquisition::ProbeDriver* driver = m_pump->driver();
  const std::uint64_t lost = driver ? driver->counters().framesLostAtSource : 0;
  DisplayStatsSummary summary = m_stats.summary(m_pump->framesIn(), lost, core::steadyNowNs());
  summary.framesGuided = m_guidance->processedFrames();
  return summary;
}

void MainWindow::onFrame(const core::FramePtr& frame) {
  if (m_frozen || core::steadyNowNs() - m_lastGuidedNs < kGuidanceStaleNs)
    return;  // guidance drives the view
  m_latestFrame = frame;
  m_imageView->setFrame(frame);
}

void MainWindow::onGuidedFrame(const guidance::GuidedFrame& guided) {
  m_recording->recordGuidance(guided);
  m_share->publish(guided);
  m_lastGuidedNs = core::steadyNowNs();
  if (m_frozen) return;
  m_guided = guided;
  m_latestFrame = guided.frame;
  m_imageView->setFrame(guided.frame);
  m_guidancePanel->showGuidance(guided.guidance);
}

void MainWindow::render3dIfDue(int intervalMs) {
  if (m_since3dRender.isValid() && m_since3dRender.elapsed() < intervalMs) return;
  if (!m_latestFrame || m_latestFrame->frameId == m_rendered3dFrameId || !m_view3d->isVisible()) return;
  m_since3dRender.start();
  m_rendered3dFrameId = m_latestFrame->frameId;
  m_scene->showFrame(*m_latestFrame);
  if (m_guided.frame == m_latestFrame) m_scene->showGuidance(m_guided.guidance);
  m_view3d->render();
}

void MainWindow::refreshStatus() {
  const acquisition::ProbeDriver* driver = m_pump->driver();
  if (driver)
    m_statusPanel->showSource(QString::fromStdString(driver->description()), driver->state(),
                              QString::fromStdString(driver->lastError()));
  else
    m_statusPanel->showSource(tr("no source"), acquisition::DriverState::Disconnected, {});
  m_statusPanel->showStats(statsSummary());
  if (m_share->active()) {
    const QString state =
        driver ? QString::fromStdString(std::string(toString(driver->state()))) : tr("no source");
    m_share->publishStatus(tr("source %1: %2").arg(m_sourceSpec, state));
    statusBar()->showMessage(m_share->summary(), 2 * kStatusIntervalMs);
  }
  if (m_recordLabel) {
    const int seconds = static_cast<int>(m_recording->elapsedSeconds());
    m_recordLabel->setText(m_recording->recording() ? tr("<span style='color:#e33'>● REC</span> %1:%2")
                                                          .arg(seconds / 60, 2, 10, QChar('0'))
                                                          .arg(seconds % 60, 2, 10, QChar('0'))
                                                    : QString());
  }
}

QString MainWindow::mode() const {
  const auto* driver = m_pump->driver();
  if (dynamic_cast<const session::ReplayDriver*>(driver)) return QStringLiteral("Replay");
  if (m_sourceSpec.startsWith("sim") || m_sourceSpec == "test-pattern") return QStringLiteral("Training");
  return QStringLiteral("Live");
}

void MainWindow::attachReplayBar() {
  auto* replay = dynamic_cast<session::ReplayDriver*>(m_pump->driver());
  std::vector<TimelineMarker> markers;
  if (replay) {
    for (const auto& [frameIndex, event] : replay->timeline()) {
      const bool alert = event.kind == session::event_kind::kAlert &&
                         !event.payload.value("active", nlohmann::json::array()).empty();
      if (alert || event.kind == session::event_kind::kBookmark) markers.push_back({frameIndex, alert});
    }
  }
  m_replayBar->setReplay(replay, std::move(markers));
}

bool MainWindow::setRecording(bool on) {
  if (!on) {
    const QString path = m_recording->stop();
    if (!path.isEmpty()) statusBar()->showMessage(tr("Recording saved: %1").arg(path), 10000);
    return true;
  }
  QString error;
  if (!m_pump->driver() ||
      !m_recording->start(*m_pump->driver(), m_sourceSpec, m_guidance->trackerConfig(), &error)) {
    statusBar()->showMessage(tr("Cannot record: %1").arg(error.isEmpty() ? tr("no source") : error), 15000);
    return false;
  }
  return true;
}

bool MainWindow::recording() const { return m_recording->recording(); }

void MainWindow::setFrozen(bool frozen) {
  m_frozen = frozen;
  if (auto* freeze = dynamic_cast<acquisition::FreezeControl*>(m_pump->driver())) freeze->setFrozen(frozen);
  m_imageView->setToolTip(frozen ? tr("Frozen (F to unfreeze)") : QString());
}

QString MainWindow::captureKeyImage() {
  try {
    const QString path = saveKeyImage(m_imageView->grab().toImage(), m_guided.guidance, m_keyImageFolder);
    if (m_guided.frame)
      m_recording->recordBookmark(m_guided.frame->frameId, m_guided.frame->deviceTimestampNs,
                                  tr("key image"));
    statusBar()->showMessage(tr("Key image saved: %1").arg(path), 8000);
    return path;
  } catch (const std::exception& error) {
    statusBar()->showMessage(tr("Cannot save key image: %1").arg(error.what()), 15000);
    return {};
  }
}

void MainWindow::closeEvent(QCloseEvent* event) {
  saveSettings();
  m_recording->stop();
  m_guidance->stop();
  m_pump->setDriver(nullptr);
  event->accept();
}

void MainWindow::showEvent(QShowEvent* event) {
  QMainWindow::showEvent(event);
  // Once laid out: a splitter restored before it has a size may give its views their default
  // shares instead (it did, every time, in the AddressSanitizer build).
  if (m_splitRestored) return;
  m_splitRestored = true;
  m_splitter->restoreState(QSettings().value("mainWindow/splitter").toByteArray());
}

void MainWindow::restoreSettings() {
  if (!restoreGeometry(QSettings().value("mainWindow/geometry").toByteArray())) resize(1500, 900);
}

void MainWindow::saveSettings() const {
  QSettings settings;
  settings.setValue("mainWindow/geometry", saveGeometry());
  settings.setValue("mainWindow/splitter", m_splitter->saveState());
  settings.setValue("source/last", m_sourceSpec);
}

}  // namespace hipguide::app
