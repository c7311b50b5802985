#include <hipguide/acquisition/SimulatedProbeDriver.h>
#include <hipguide/app/FramePump.h>
#include <hipguide/app/GuidanceController.h>
#include <hipguide/core/Logging.h>
#include <hipguide/render/AnatomySurfaces.h>

#include <QMetaObject>

#include <chrono>

namespace hipguide::app {

GuidanceController::GuidanceController(FramePump& pump, QObject* parent) : QObject(parent), m_pump(pump) {
  qRegisterMetaType<guidance::GuidedFrame>("hipguide::guidance::GuidedFrame");
}

GuidanceController::~GuidanceController() { stop(); }

void GuidanceController::stop() {
  if (m_anatomyLoader.joinable()) {
    m_anatomyLoader.request_stop();
    m_anatomyLoader.join();
  }
  if (m_pipeline) m_pipeline->stop();
  m_pipeline.reset();
  m_latest = {};
  m_deliveredSequence = 0;
  m_anatomy.reset();
}

void GuidanceController::setTarget(const guidance::GuidanceTarget& target) {
  if (!m_pipeline || !m_anatomy) return;
  m_pipeline->setEngine(guidance::GuidanceEngine(m_anatomy, target));
}

bool GuidanceController::startForSource(const QString& anatomyFolder,
                                        const tracking::TrackerConfig& trackerConfig) {
  stop();
  m_trackerConfig = trackerConfig;
  m_anatomyDescription = QStringLiteral("no anatomy");
  guidance::GuidanceEngine imageOnly(std::nullopt, std::nullopt);
  m_pipeline = std::make_unique<guidance::GuidancePipeline>(
      m_pump.slot(), trackerConfig, std::move(imageOnly), [this](const guidance::GuidedFrame&) {
        if (!m_wakePending.exchange(true))
          QMetaObject::invokeMethod(this, &GuidanceController::deliver, Qt::QueuedConnection);
      });
  m_pipeline->start();
  acquisition::ProbeDriver* driver = m_pump.driver();
  if (!dynamic_cast<acquisition::SimulatedProbeDriver*>(driver) && anatomyFolder.isEmpty()) return false;
  m_anatomyLoader = std::jthread(
      [this, driver, anatomyFolder](std::stop_token stop) { loadAnatomy(stop, driver, anatomyFolder); });
  return true;
}

void GuidanceController::loadAnatomy(std::stop_token stop, acquisition::ProbeDriver* driver, QString folder) {
  try {
    std::optional<anatomy::Anatomy> loaded;
    QString description;
    if (auto* simulated = dynamic_cast<acquisition::SimulatedProbeDriver*>(driver)) {
      // The simulator builds its phantom on its own thread when it starts.
      while (!simulated->phantom() && !stop.stop_requested())
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      if (stop.stop_requested()) return;
      loaded = anatomy::Anatomy::fromPhantom(*simulated->phantom());
      description = QStringLiteral("hip phantom");
    } else {
      loaded = anatomy::Anatomy::load(folder.toStdString());
      description = folder;
    }
    loaded->prepareDistanceFields();
    std::optional<guidance::GuidanceTarget> target = guidance::defaultTarget(*loaded);
    if (stop.stop_requested()) return;
    const anatomy::Anatomy shared = *loaded;  // copies share the data and the distance fields
    m_pipeline->setEngine(guidance::GuidanceEngine(std::move(loaded), target));
    QMetaObject::invokeMethod(this, [this, description, shared] {
      m_anatomyDescription = description;
      m_anatomy = shared;
      emit anatomyReady(description);
    });
    std::shared_ptr<const render::AnatomySurfaces> surfaces = render::AnatomySurfaces::build(shared);
    if (stop.stop_requested()) return;
    QMetaObject::invokeMethod(this, [this, surfaces] { emit surfacesReady(surfaces); });
  } catch (const std::exception& error) {
    core::logger("app")->error("anatomy for guidance: {}", error.what());
    const QString message = QString::fromStdString(error.what());
    QMetaObject::invokeMethod(this, [this, message] { emit anatomyFailed(message); });
  }
}

QString GuidanceController::anatomyDescription() const { return m_anatomyDescription; }

std::uint64_t GuidanceController::processedFrames() const {
  return m_pipeline ? m_pipeline->processedFrames() : 0;
}

void GuidanceController::deliver() {
  m_wakePending = false;
  if (!m_pipeline) return;
  const auto entry = m_pipeline->results().latest();
  if (!entry || entry->sequence == m_deliveredSequence) return;
  m_deliveredSequence = entry->sequence;
  m_latest = entry->value;
  emit guidedFrame(m_latest);
}

}  // namespace hipguide::app
