#include <hipguide/app/TrainingMode.h>

#include <hipguide/acquisition/IgtlTrackerClient.h>
#include <hipguide/acquisition/SimulatedProbeDriver.h>
#include <hipguide/acquisition/UltrasoundSimulator.h>
#include <hipguide/app/FramePump.h>
#include <hipguide/app/ImageView.h>
#include <hipguide/app/MainWindow.h>
#include <hipguide/app/RecordingController.h>
#include <hipguide/app/TrainingDebrief.h>
#include <hipguide/app/TrainingKeysDialog.h>
#include <hipguide/app/TrainingPanel.h>
#include <hipguide/app/TrainingProgressDialog.h>
#include <hipguide/core/SteadyClock.h>
#include <hipguide/render/AnatomySurfaces.h>
#include <hipguide/training/TrainingHistory.h>

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QKeyEvent>
#include <QSettings>
#include <QTimer>
#include <QWheelEvent>

#include <cmath>
#include <functional>

namespace hipguide::app {
namespace {

constexpr int kTickMs = 50;              ///< 20 Hz, the simulated probe's frame rate.
constexpr double kDragMmPerPixel = 0.1;  ///< Mouse drag on the image slides the probe.

QString millimetres(double valueMm) {
  return std::isfinite(valueMm) ? QStringLiteral("%1 mm").arg(valueMm, 0, 'f', 1) : QStringLiteral("–");
}

}  // namespace

TrainingMode::TrainingMode(MainWindow& window)
    : QObject(&window),
      m_window(window),
      m_panel(new TrainingPanel),
      m_dock(new QDockWidget(QObject::tr("Training"), &window)),
      m_timer(new QTimer(this)),
      m_keys(TrainingKeys::load()),
      m_databaseFile(
          QSettings().value("training/database", QDir::homePath() + "/HipGuide/hipguide.db").toString()) {
  m_dock->setObjectName("trainingDock");
  m_dock->setWidget(m_panel);
  m_dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
  window.addDockWidget(Qt::RightDockWidgetArea, m_dock);
  m_dock->hide();
  connect(m_timer, &QTimer::timeout, this, &TrainingMode::tick);
  connect(m_panel, &TrainingPanel::startRequested, this, &TrainingMode::startAttempt);
  connect(m_panel, &TrainingPanel::finishRequested, this, &TrainingMode::finishAttempt);
  connect(m_panel, &TrainingPanel::keysRequested, this, [this] {
    TrainingKeysDialog dialog(&m_window);
    if (dialog.exec() == QDialog::Accepted) m_keys = TrainingKeys::load();
  });
  connect(m_panel, &TrainingPanel::progressRequested, this, &TrainingMode::showProgress);
}

TrainingMode::~TrainingMode() {
  qApp->removeEventFilter(this);
  if (m_builder.joinable()) m_builder.join();  // before the members it delivers to go away
}

void TrainingMode::showPanel() { m_dock->show(); }

TrainingDebrief* TrainingMode::debrief() const { return m_debrief.data(); }

QString TrainingMode::databaseFile() const { return m_databaseFile; }

void TrainingMode::setDatabaseFile(const QString& file) {
  m_databaseFile = file;
  QSettings().setValue("training/database", file);
}

acquisition::SimulatedProbeDriver* TrainingMode::driver() const {
  return dynamic_cast<acquisition::SimulatedProbeDriver*>(m_window.framePump()->driver());
}

bool TrainingMode::startAttempt(const QString& scenario, bool autopilot) {
  if (m_running) return false;
  showPanel();
  m_panel->setScenario(scenario);
  m_autopilot = autopilot;
  if (!openTracker()) return false;
  if (!m_window.openSource("sim:" + scenario)) {
    m_tracker.reset();
    m_panel->showStatus(tr("Cannot open the simulated probe for '%1'.").arg(scenario));
    return false;
  }
  m_running = true;
  m_world.reset();
  m_surfaces.reset();
  m_panel->setRunning(true);
  m_panel->showStatus(tr("Building the phantom for '%1'...").arg(scenario));
  const int generation = ++m_generation;  // results of an earlier attempt's builder are ignored
  m_builder = std::jthread([this, name = scenario.toStdString(), seed = m_seed, generation] {
    const auto deliver = [this, generation](std::function<void()> work) {
      QMetaObject::invokeMethod(
          this,
          [this, generation, work = std::move(work)] {
            if (generation == m_generation) work();
          },
          Qt::QueuedConnection);
    };
    try {
      auto world = training::buildTrainingWorld(name, seed);
      deliver([this, world] { onWorldReady(world); });
      auto surfaces = render::AnatomySurfaces::build(world->anatomy);  // for the debrief's 3D view
      deliver([this, surfaces] {
        m_surfaces = surfaces;
        if (m_debrief) m_debrief->setAnatomy(surfaces);
      });
    } catch (const std::exception& error) {
      const QString message = QString::fromUtf8(error.what());
      deliver([this, message] {
        m_running = false;
        m_panel->setRunning(false);
        m_panel->showStatus(tr("Cannot build the exercise: %1").arg(message));
      });
    }
  });
  return true;
}

void TrainingMode::onWorldReady(std::shared_ptr<const training::TrainingWorld> world) {
  if (!m_running) return;  // finished (cancelled) while building
  m_world = std::move(world);
  const training::Exercise exercise = training::exerciseOf(*m_world);
  const acquisition::ScenarioSetup& setup = m_world->scenario.setup();
  m_controls.emplace(m_world->scenario.plan(), m_world->volume);
  if (m_tracker)
    m_tracked.emplace(m_world->scenario.plan(), m_world->volume, m_tracker->settings(), m_trackedSettings);
  m_tracer.emplace(m_world->anatomy, m_world->scenarioName, m_world->targetStructure, m_world->targetMm,
                   exercise.toleranceMm, setup.probe, setup.imaging);
  const double marginMm =
      std::isfinite(exercise.criteria.minClearanceMm) ? exercise.criteria.minClearanceMm : 3.0;
  m_coach.emplace(m_world->anatomy, marginMm);
  m_simulator = std::make_unique<acquisition::UltrasoundSimulator>(
      m_world->volume, acquisition::acousticMapFrom(m_world->anatomy.table()),
      acquisition::SimulatorOptions{.seed = m_world->seed});
  m_window.recordingController()->setFolder(QDir::homePath() + "/HipGuide/training-recordings");
  m_window.setRecording(true);
  m_panel->showStatus(m_autopilot ? tr("Autopilot attempt running.")
                      : m_tracked ? tr("Attempt running: the tracker moves the probe and needle.")
                                  : tr("Attempt running: keys and mouse move the probe and needle."));
  qApp->installEventFilter(this);
  m_clock.start();
  m_timer->start(kTickMs);
  emit attemptStarted();
}

void TrainingMode::tick() {
  const double timeS = m_speed * m_clock.elapsed() / 1000.0;
  const acquisition::ScenarioState state = m_autopilot ? m_world->scenario.at(timeS)
                                           : m_tracked ? trackedState(timeS)
                                                       : m_controls->state(timeS);
  if (auto* simulated = driver()) {
    simulated->setProbePose(state.probeToReference);
    simulated->setNeedle(state.needle);
  }
  acquisition::SimulatorInput input;
  input.probe = m_world->scenario.setup().probe;
  input.imaging = m_world->scenario.setup().imaging;
  input.probeToReference = state.probeToReference;
  input.needle = state.needle;
  const training::AttemptSample& sample = m_tracer->add(timeS, state, m_simulator->truth(input));
  showLive(sample);
  const double limitS = training::exerciseOf(*m_world).criteria.maxElapsedS;
  if ((m_autopilot && timeS >= m_world->scenario.durationS()) || timeS >= limitS) finishAttempt();
}

bool TrainingMode::openTracker() {
  m_tracked.reset();
  m_tracker.reset();
  m_trackerMessage.clear();
  const QString address = m_panel->trackerAddress();
  if (m_autopilot || address.isEmpty()) return true;
  try {
    acquisition::IgtlTrackerSettings settings = acquisition::igtlTrackerSettingsFor(address.toStdString());
    settings.connectTimeoutSeconds = 1.0;  // the GUI thread waits this long at most when finishing
    m_trackedSettings = training::TrackedDriveSettings{};
    const QString registration = QSettings().value("training/trackerRegistration").toString();
    if (!registration.isEmpty())
      m_trackedSettings.phantomToReference = training::loadRegistrationFile(registration.toStdString());
    m_tracker = std::make_unique<acquisition::IgtlTrackerClient>(settings);
    QSettings().setValue("training/tracker", address);
  } catch (const std::exception& error) {
    m_panel->showStatus(tr("Cannot use the tracker: %1").arg(QString::fromUtf8(error.what())));
    return false;
  }
  return true;
}

acquisition::ScenarioState TrainingMode::trackedState(double timeS) {
  const training::TrackedFrame frame = m_tracked->update(m_tracker->snapshot(), core::steadyNowNs(), timeS);
  const QString message =
      tr("Tracker %1 — %2: %3")
          .arg(m_panel->trackerAddress(), QString::fromUtf8(training::toString(frame.status).data()),
               QString::fromStdString(frame.message));
  if (message != m_trackerMessage) m_panel->showStatus(message);
  m_trackerMessage = message;
  return frame.state;
}

QString TrainingMode::driverName() const {
  return m_autopilot ? QStringLiteral("autopilot")
         : m_tracked ? QStringLiteral("tracker")
                     : QStringLiteral("manual");
}

void TrainingMode::showLive(const training::AttemptSample& sample) {
  const training::AttemptTrace& trace = m_tracer->trace();
  const training::AttemptScores scores = training::computeScores(trace);
  m_panel->showLive(tr("<table>"
                       "<tr><td>Time</td><td><b>%1 s</b></td></tr>"
                       "<tr><td>Tip to target</td><td><b>%2</b></td></tr>"
                       "<tr><td>Nearest vessel</td><td><b>%3</b></td></tr>"
                       "<tr><td>Nearest nerve</td><td><b>%4</b></td></tr>"
                       "<tr><td>Tip in image</td><td><b>%5</b></td></tr>"
                       "<tr><td>Punctures / redirections</td><td><b>%6 / %7</b></td></tr>"
                       "<tr><td>Tissue damage</td><td><b>%8 mm²</b></td></tr></table>")
                        .arg(sample.timeS, 0, 'f', 1)
                        .arg(sample.inserted ? millimetres(sample.tipToTargetMm) : tr("needle out"))
                        .arg(millimetres(trace.nearestMm(sample, false)))
                        .arg(millimetres(trace.nearestMm(sample, true)))
                        .arg(sample.tipInImage ? tr("yes") : tr("no"))
                        .arg(scores.punctures)
                        .arg(scores.redirections)
                        .arg(scores.tissueDamageMm2, 0, 'f', 0));
  QStringList hints;
  if (m_panel->hintsEnabled())
    for (const training::CoachingHint& hint : m_coach->hints(trace, sample))
      hints << QString::fromStdString(hint.text);
  m_panel->showHints(hints);
}

void TrainingMode::finishAttempt() {
  if (!m_running) return;
  m_running = false;
  m_timer->stop();
  qApp->removeEventFilter(this);
  m_panel->setRunning(false);
  if (!m_tracer || !m_world) {
    m_tracked.reset();
    m_tracker.reset();
    m_panel->showStatus(tr("Attempt cancelled."));
    return;
  }
  const QString recording = m_window.recordingController()->path();
  m_window.setRecording(false);
  m_last = training::finishAttempt(training::exerciseOf(*m_world), m_world->seed, driverName().toStdString(),
                                   m_tracer->take(), recording.toStdString());
  m_tracer.reset();
  m_tracked.reset();
  m_tracker.reset();
  const QString trainee = m_panel->trainee().isEmpty() ? tr("trainee") : m_panel->trainee();
  try {
    training::TrainingHistory history = training::TrainingHistory::open(databaseFile().toStdString());
    history.addAttempt(trainee.toStdString(), *m_last);
    m_panel->showStatus(
        tr("%1 — stored for %2.").arg(m_last->verdict.passed ? tr("PASSED") : tr("FAILED"), trainee));
  } catch (const std::exception& error) {
    m_panel->showStatus(tr("Not stored in the database: %1").arg(QString::fromUtf8(error.what())));
  }
  openDebrief();
  emit attemptFinished();
}

void TrainingMode::openDebrief() {
  if (m_debrief) m_debrief->close();
  m_debrief = new TrainingDebrief(*m_last, m_panel->trainee(), m_surfaces, &m_window);
  m_debrief->setAttribute(Qt::WA_DeleteOnClose);
  connect(m_debrief, &TrainingDebrief::replayRequested, &m_window,
          [this](const QString& recording) { m_window.openSource(recording); });
  m_debrief->show();
}

void TrainingMode::showProgress() {
  TrainingProgressDialog dialog(databaseFile(), m_panel->trainee(), &m_window);
  dialog.exec();
}

bool TrainingMode::eventFilter(QObject* watched, QEvent* event) {
  if (!m_running || !m_controls || m_autopilot || m_tracked || QApplication::activeWindow() != &m_window)
    return false;
  if (event->type() == QEvent::KeyPress) {
    const auto* key = static_cast<QKeyEvent*>(event);
    const std::optional<TrainingAction> action = m_keys.actionFor(key->keyCombination().toCombined());
    if (!action) return false;
    applyTrainingAction(*m_controls, *action);
    return true;
  }
  if (watched != m_window.imageView()) return false;
  if (event->type() == QEvent::Wheel) {
    const auto* wheel = static_cast<QWheelEvent*>(event);
    const double notches = wheel->angleDelta().y() / 120.0;
    if (wheel->modifiers() & Qt::ShiftModifier)
      m_controls->steer(notches, 0.0);
    else
      m_controls->advance(notches);
    return true;
  }
  if (event->type() == QEvent::MouseButtonPress) {
    m_dragStart = static_cast<QMouseEvent*>(event)->position().toPoint();
    return false;
  }
  if (event->type() == QEvent::MouseMove) {
    const auto* mouse = static_cast<QMouseEvent*>(event);
    if (!(mouse->buttons() & Qt::LeftButton)) return false;
    const QPoint delta = mouse->position().toPoint() - m_dragStart;
    m_dragStart = mouse->position().toPoint();
    m_controls->slideProbe(delta.x() * kDragMmPerPixel, delta.y() * kDragMmPerPixel);
    return true;
  }
  return false;
}

}  // namespace hipguide::app
