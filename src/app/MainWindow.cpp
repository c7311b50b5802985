#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkRenderer.h>

#include <hipguide/acquisition/SourceSpec.h>
#include <hipguide/app/FramePump.h>
#include <hipguide/app/ImageView.h>
#include <hipguide/app/MainWindow.h>
#include <hipguide/app/StatusPanel.h>
#include <hipguide/app/VtkHostWidget.h>
#include <hipguide/core/Logging.h>
#include <hipguide/core/SteadyClock.h>
#include <hipguide/render/Scene.h>
#include <hipguide/session/SourceTable.h>

#include <QCloseEvent>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>

#include <stdexcept>

namespace hipguide::app {
namespace {
constexpr int kStatusIntervalMs = 500;
constexpr int k3dIntervalMs = 66;  ///< The 3D view follows at ~15 Hz; the 2D view at full rate.
}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_pump(new FramePump(this)),
      m_imageView(new ImageView),
      m_view3d(new VtkHostWidget),
      m_splitter(new QSplitter(Qt::Horizontal)),
      m_statusPanel(new StatusPanel),
      m_statusTimer(new QTimer(this)),
      m_render3dTimer(new QTimer(this)),
      m_scene(std::make_unique<render::Scene>()) {
  setWindowTitle(tr("HipGuide"));
  m_imageView->setObjectName("imageView");
  m_view3d->setObjectName("view3d");
  m_splitter->addWidget(m_imageView);
  m_splitter->addWidget(m_view3d);
  m_splitter->setStretchFactor(0, 3);
  m_splitter->setStretchFactor(1, 2);
  setCentralWidget(m_splitter);
  statusBar()->addPermanentWidget(m_statusPanel);
  m_view3d->addRenderer(m_scene->renderer());

  connect(m_pump, &FramePump::frameArrived, this, &MainWindow::onFrame);
  connect(m_imageView, &ImageView::framePainted, this,
          [this](std::uint64_t, std::int64_t hostReceiveNs) { m_stats.framePainted(hostReceiveNs, core::steadyNowNs()); });
  connect(m_statusTimer, &QTimer::timeout, this, &MainWindow::refreshStatus);
  connect(m_render3dTimer, &QTimer::timeout, this, &MainWindow::render3d);
  m_statusTimer->start(kStatusIntervalMs);
  m_render3dTimer->start(k3dIntervalMs);

  buildMenus();
  restoreSettings();
}

MainWindow::~MainWindow() { m_pump->setDriver(nullptr); }

bool MainWindow::openSource(const QString& spec, double framesPerSecond) {
  try {
    const acquisition::SourceSpec parsed = acquisition::parseSourceSpec(spec.toStdString());
    session::SourceOptions options;
    options.framesPerSecond = framesPerSecond;
    m_pump->setDriver(session::openSource(parsed, options));
  } catch (const std::exception& error) {
    const QString message = tr("Cannot open source: %1").arg(QString::fromStdString(error.what()));
    core::logger("app")->error("{}", message.toStdString());
    statusBar()->showMessage(message, 15000);
    return false;
  }
  m_sourceSpec = spec;
  m_stats.reset();
  refreshStatus();
  return true;
}

DisplayStatsSummary MainWindow::statsSummary() {
  const acquisition::ProbeDriver* driver = m_pump->driver();
  const std::uint64_t lost = driver ? driver->counters().framesLostAtSource : 0;
  return m_stats.summary(m_pump->framesIn(), lost, core::steadyNowNs());
}

void MainWindow::onFrame(const core::FramePtr& frame) {
  m_latestFrame = frame;
  m_imageView->setFrame(frame);
}

void MainWindow::render3d() {
  if (!m_latestFrame || m_latestFrame->frameId == m_rendered3dFrameId || !m_view3d->isVisible()) return;
  m_rendered3dFrameId = m_latestFrame->frameId;
  m_scene->showFrame(*m_latestFrame);
  m_view3d->update();
}

void MainWindow::refreshStatus() {
  const acquisition::ProbeDriver* driver = m_pump->driver();
  if (driver)
    m_statusPanel->showSource(QString::fromStdString(driver->description()), driver->state(),
                              QString::fromStdString(driver->lastError()));
  else
    m_statusPanel->showSource(tr("no source"), acquisition::DriverState::Disconnected, {});
  m_statusPanel->showStats(statsSummary());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  saveSettings();
  m_pump->setDriver(nullptr);
  event->accept();
}

void MainWindow::restoreSettings() {
  QSettings settings;
  if (!restoreGeometry(settings.value("mainWindow/geometry").toByteArray())) resize(1500, 900);
  m_splitter->restoreState(settings.value("mainWindow/splitter").toByteArray());
}

void MainWindow::saveSettings() const {
  QSettings settings;
  settings.setValue("mainWindow/geometry", saveGeometry());
  settings.setValue("mainWindow/splitter", m_splitter->saveState());
  settings.setValue("source/last", m_sourceSpec);
}

}  // namespace hipguide::app
