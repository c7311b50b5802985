#include <hipguide/acquisition/DisplayRange.h>
#include <hipguide/acquisition/IgtlClientSettings.h>
#include <hipguide/acquisition/Scenario.h>
#include <hipguide/acquisition/SourceSpec.h>
#include <hipguide/acquisition/VideoGrabberSettings.h>
#include <hipguide/app/DepthTickCalibrator.h>
#include <hipguide/app/SourceDialog.h>
#include <hipguide/session/SourceTable.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <functional>
#include <tuple>

namespace hipguide::app {
namespace {

using Kind = acquisition::SourceSpec::Kind;

QString text(const std::string& value) { return QString::fromStdString(value); }

QSpinBox* spinBox(int minimum, int maximum, const QString& suffix = {}) {
  auto* box = new QSpinBox;
  box->setRange(minimum, maximum);
  box->setSuffix(suffix);
  return box;
}

QDoubleSpinBox* doubleBox(double minimum, double maximum, int decimals, const QString& suffix) {
  auto* box = new QDoubleSpinBox;
  box->setRange(minimum, maximum);
  box->setDecimals(decimals);
  box->setSuffix(suffix);
  return box;
}

/// The scanner's dynamic range setting; 0 reads "not known" (the tracker assumes 60 dB).
QSpinBox* displayRangeBox(const QString& objectName) {
  auto* box = spinBox(0, static_cast<int>(acquisition::kMaxDisplayRangeDb), " dB");
  box->setObjectName(objectName);
  box->setSpecialValueText(QObject::tr("not known (60 dB assumed)"));
  box->setToolTip(
      QObject::tr("The dynamic range set on the scanner (often labelled DR or Dyn). The tracker "
                  "places the needle's tip at half its echo on that grey scale."));
  return box;
}

/// A line edit with a "Browse..." button that fills it from a file or folder chooser.
QWidget* withBrowse(QLineEdit* edit, const std::function<QString()>& choose) {
  auto* row = new QWidget;
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(edit);
  auto* browse = new QPushButton(QObject::tr("Browse..."));
  QObject::connect(browse, &QPushButton::clicked, edit, [edit, choose] {
    if (const QString chosen = choose(); !chosen.isEmpty()) edit->setText(chosen);
  });
  layout->addWidget(browse);
  return row;
}

}  // namespace

QString chooseRecordingPath(QWidget* parent) {
  const QString path = QFileDialog::getOpenFileName(
      parent, QObject::tr("Open a recording"), {},
      QObject::tr(
          "Recordings (*.mha *.mhd *.nrrd *.dcm *.mp4 *.avi *.mov *.mkv recording.json);;All files (*)"));
  const QFileInfo chosen(path);
  return chosen.fileName() == "recording.json" ? chosen.absolutePath() : path;
}

SourceDialog::SourceDialog(const QString& currentSpec, std::filesystem::path settingsDir, QWidget* parent)
    : QDialog(parent), m_settingsDir(std::move(settingsDir)) {
  setWindowTitle(tr("Choose the source"));
  auto* layout = new QVBoxLayout(this);
  auto* kindRow = new QFormLayout;
  m_kind = new QComboBox;
  m_kind->setObjectName("sourceKind");
  m_pages = new QStackedWidget;
  for (const session::SourceKindInfo& info : session::sourceKinds()) {
    m_kind->addItem(text(info.description), static_cast<int>(info.kind));
    switch (info.kind) {
      case Kind::Simulator: m_pages->addWidget(buildSimulatorPage()); break;
      case Kind::TestPattern:
        m_pages->addWidget(new QLabel(tr("A synthetic moving pattern (no anatomy).")));
        break;
      case Kind::Recording: m_pages->addWidget(buildRecordingPage()); break;
      case Kind::OpenIGTLink: m_pages->addWidget(buildIgtlPage()); break;
      case Kind::Video: m_pages->addWidget(buildVideoPage()); break;
    }
  }
  kindRow->addRow(tr("Source"), m_kind);
  layout->addLayout(kindRow);
  layout->addWidget(m_pages);
  connect(m_kind, &QComboBox::currentIndexChanged, m_pages, &QStackedWidget::setCurrentIndex);
  m_error = new QLabel;
  m_error->setObjectName("sourceError");
  m_error->setWordWrap(true);
  m_error->setStyleSheet("color: #d33;");
  layout->addWidget(m_error);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
  connect(buttons, &QDialogButtonBox::accepted, this, &SourceDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  showSpec(currentSpec);
}

QWidget* SourceDialog::buildSimulatorPage() {
  auto* page = new QWidget;
  auto* form = new QFormLayout(page);
  m_scenario = new QComboBox;
  m_scenario->setObjectName("scenario");
  m_scenario->addItem(tr("hand-driven (no script)"), QString());
  for (const std::string& name : acquisition::scenarioNames()) m_scenario->addItem(text(name), text(name));
  form->addRow(tr("Scenario"), m_scenario);
  return page;
}

QWidget* SourceDialog::buildRecordingPage() {
  auto* page = new QWidget;
  auto* form = new QFormLayout(page);
  m_recordingPath = new QLineEdit;
  m_recordingPath->setObjectName("recordingPath");
  m_recordingPath->setPlaceholderText(
      tr(".hgrec folder, PLUS .igs.mha/.igs.nrrd, DICOM cine, video, folder of images"));
  form->addRow(tr("Recording"), withBrowse(m_recordingPath, [this] { return chooseRecordingPath(this); }));
  return page;
}

QWidget* SourceDialog::buildIgtlPage() {
  auto* page = new QWidget;
  auto* form = new QFormLayout(page);
  m_igtlHost = new QLineEdit("localhost");
  m_igtlHost->setObjectName("igtlHost");
  m_igtlPort = spinBox(1, 65535);
  m_igtlPort->setObjectName("igtlPort");
  m_igtlPort->setValue(18944);
  m_igtlImageDevice = new QLineEdit;
  m_igtlImageDevice->setPlaceholderText(tr("first IMAGE device seen"));
  m_igtlImageDevice->setObjectName("igtlImageDevice");
  m_igtlProbeTransform = new QLineEdit;
  m_igtlProbeTransform->setPlaceholderText(tr("first TRANSFORM or POSITION seen (e.g. ProbeToReference)"));
  m_igtlStallS = doubleBox(0.1, 60, 1, " s");
  m_igtlMaxBodyMiB = spinBox(1, 1024, " MiB");
  form->addRow(tr("Host"), m_igtlHost);
  form->addRow(tr("Port"), m_igtlPort);
  form->addRow(tr("Image device"), m_igtlImageDevice);
  form->addRow(tr("Probe transform"), m_igtlProbeTransform);
  form->addRow(tr("Stalled after no image for"), m_igtlStallS);
  form->addRow(tr("Largest message accepted"), m_igtlMaxBodyMiB);
  m_igtlDisplayRange = displayRangeBox("igtlDisplayRange");
  form->addRow(tr("Scanner's dynamic range"), m_igtlDisplayRange);
  connect(m_igtlHost, &QLineEdit::editingFinished, this, &SourceDialog::loadIgtlSettings);
  connect(m_igtlPort, &QSpinBox::editingFinished, this, &SourceDialog::loadIgtlSettings);
  return page;
}

QWidget* SourceDialog::buildVideoPage() {
  auto* page = new QWidget;
  auto* form = new QFormLayout(page);
  m_videoDevice = new QLineEdit("/dev/video0");
  m_videoDevice->setObjectName("videoDevice");
  form->addRow(tr("Device or video file"), withBrowse(m_videoDevice, [this] {
                 return QFileDialog::getOpenFileName(this, tr("Open a video file"), {},
                                                     tr("Videos (*.mp4 *.avi *.mkv *.mov);;All files (*)"));
               }));
  auto* crop = new QWidget;
  auto* cropRow = new QHBoxLayout(crop);
  cropRow->setContentsMargins(0, 0, 0, 0);
  m_cropX = spinBox(0, 8192);
  m_cropY = spinBox(0, 8192);
  m_cropWidth = spinBox(0, 8192);
  m_cropHeight = spinBox(0, 8192);
  for (auto [label, name, box] : {std::tuple{"x", "cropX", m_cropX},
                                  {"y", "cropY", m_cropY},
                                  {"w", "cropWidth", m_cropWidth},
                                  {"h", "cropHeight", m_cropHeight}}) {
    box->setObjectName(name);
    cropRow->addWidget(new QLabel(label));
    cropRow->addWidget(box);
  }
  form->addRow(tr("Ultrasound image in the screen (0 × 0 = all)"), crop);
  m_mmPerPixel = doubleBox(0, 10, 4, " mm/px");
  m_mmPerPixel->setObjectName("mmPerPixel");
  m_mmPerPixel->setSpecialValueText(tr("not calibrated"));
  auto* calibrate = new QPushButton(tr("Calibrate from depth ticks..."));
  connect(calibrate, &QPushButton::clicked, this, &SourceDialog::calibrateFromFrame);
  auto* calibration = new QWidget;
  auto* calibrationRow = new QHBoxLayout(calibration);
  calibrationRow->setContentsMargins(0, 0, 0, 0);
  calibrationRow->addWidget(m_mmPerPixel);
  calibrationRow->addWidget(calibrate);
  form->addRow(tr("Pixel size"), calibration);
  m_frozenFrames = spinBox(2, 1000, tr(" identical frames"));
  form->addRow(tr("Frozen video after"), m_frozenFrames);
  m_videoFps = doubleBox(0, 240, 1, " fps");
  m_videoFps->setSpecialValueText(tr("device or file default"));
  form->addRow(tr("Frame rate"), m_videoFps);
  m_videoDisplayRange = displayRangeBox("videoDisplayRange");
  form->addRow(tr("Scanner's dynamic range"), m_videoDisplayRange);
  connect(m_videoDevice, &QLineEdit::editingFinished, this, &SourceDialog::loadVideoSettings);
  return page;
}

void SourceDialog::showSpec(const QString& spec) {
  acquisition::SourceSpec parsed;
  try {
    parsed = acquisition::parseSourceSpec(spec.toStdString());
  } catch (const std::invalid_argument&) {
    parsed = acquisition::parseSourceSpec("sim");
  }
  m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(parsed.kind)));
  m_pages->setCurrentIndex(m_kind->currentIndex());
  m_scenario->setCurrentIndex(std::max(0, m_scenario->findData(text(parsed.scenario))));
  if (parsed.kind == Kind::Recording) m_recordingPath->setText(text(parsed.path));
  if (parsed.kind == Kind::OpenIGTLink) {
    m_igtlHost->setText(text(parsed.host));
    m_igtlPort->setValue(parsed.port);
  }
  if (parsed.kind == Kind::Video) m_videoDevice->setText(text(parsed.path));
  loadIgtlSettings();
  loadVideoSettings();
}

void SourceDialog::loadIgtlSettings() {
  const QString spec = QStringLiteral("igtl://%1:%2").arg(m_igtlHost->text()).arg(m_igtlPort->value());
  try {
    const auto settings =
        acquisition::loadIgtlClientSettings(acquisition::parseSourceSpec(spec.toStdString()), m_settingsDir);
    m_igtlImageDevice->setText(text(settings.imageDevice));
    m_igtlProbeTransform->setText(text(settings.probeTransform));
    m_igtlStallS->setValue(settings.stallAfterSeconds);
    m_igtlMaxBodyMiB->setValue(static_cast<int>(settings.maxBodyBytes >> 20));
    m_igtlDisplayRange->setValue(static_cast<int>(settings.displayRangeDb));
    m_error->clear();
  } catch (const std::exception& error) {
    m_error->setText(text(error.what()));
  }
}

void SourceDialog::loadVideoSettings() {
  try {
    const auto settings = acquisition::loadVideoGrabberSettings(
        acquisition::parseSourceSpec("video:" + m_videoDevice->text().toStdString()), m_settingsDir);
    m_cropX->setValue(settings.crop.x);
    m_cropY->setValue(settings.crop.y);
    m_cropWidth->setValue(settings.crop.width);
    m_cropHeight->setValue(settings.crop.height);
    m_mmPerPixel->setValue(settings.mmPerPixel);
    m_frozenFrames->setValue(settings.frozenAfterFrames);
    m_videoFps->setValue(settings.framesPerSecond);
    m_videoDisplayRange->setValue(static_cast<int>(settings.displayRangeDb));
    m_error->clear();
  } catch (const std::exception& error) {
    m_error->setText(text(error.what()));
  }
}

void SourceDialog::calibrateFromFrame() {
  const QImage frame = grabOneVideoFrame(m_videoDevice->text());
  if (frame.isNull()) {
    m_error->setText(
        tr("No frame arrived from %1; check the device or file, then try again.").arg(m_videoDevice->text()));
    return;
  }
  DepthTickCalibrator calibrator(frame, this);
  if (calibrator.exec() == QDialog::Accepted && calibrator.mmPerPixel())
    m_mmPerPixel->setValue(*calibrator.mmPerPixel());
}

QString SourceDialog::specFromPage() const {
  switch (static_cast<Kind>(m_kind->currentData().toInt())) {
    case Kind::Simulator: {
      const QString scenario = m_scenario->currentData().toString();
      return scenario.isEmpty() ? QStringLiteral("sim") : "sim:" + scenario;
    }
    case Kind::TestPattern: return QStringLiteral("test-pattern");
    case Kind::Recording: return m_recordingPath->text().trimmed();
    case Kind::OpenIGTLink: {
      const QString spec =
          QStringLiteral("igtl://%1:%2").arg(m_igtlHost->text().trimmed()).arg(m_igtlPort->value());
      auto settings = acquisition::igtlClientSettingsFor(acquisition::parseSourceSpec(spec.toStdString()));
      settings.imageDevice = m_igtlImageDevice->text().trimmed().toStdString();
      settings.probeTransform = m_igtlProbeTransform->text().trimmed().toStdString();
      settings.stallAfterSeconds = m_igtlStallS->value();
      settings.maxBodyBytes = static_cast<std::uint64_t>(m_igtlMaxBodyMiB->value()) << 20;
      settings.displayRangeDb = m_igtlDisplayRange->value();
      acquisition::validate(settings);
      acquisition::saveIgtlClientSettings(settings, m_settingsDir);
      return spec;
    }
    case Kind::Video: {
      const QString spec = "video:" + m_videoDevice->text().trimmed();
      auto settings = acquisition::loadVideoGrabberSettings(acquisition::parseSourceSpec(spec.toStdString()),
                                                            m_settingsDir);
      settings.crop = {m_cropX->value(), m_cropY->value(), m_cropWidth->value(), m_cropHeight->value()};
      settings.mmPerPixel = m_mmPerPixel->value();
      settings.frozenAfterFrames = m_frozenFrames->value();
      settings.framesPerSecond = m_videoFps->value();
      settings.displayRangeDb = m_videoDisplayRange->value();
      acquisition::validate(settings);
      acquisition::saveVideoGrabberSettings(settings, m_settingsDir);
      return spec;
    }
  }
  return {};
}

void SourceDialog::accept() {
  try {
    const QString spec = specFromPage();
    acquisition::parseSourceSpec(spec.toStdString());
    m_spec = spec;
  } catch (const std::exception& error) {
    m_error->setText(text(error.what()));
    return;
  }
  QDialog::accept();
}

}  // namespace hipguide::app
