#pragma once
/// The dialog that chooses and configures the source: simulator, test pattern, recording,
/// OpenIGTLink server or frame grabber, with each live source's settings kept per source.

#include <QDialog>
#include <QString>

#include <filesystem>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace hipguide::app {

/// Asks for a recording file (PLUS, DICOM, video, or the recording.json inside a HipGuide
/// recording, which stands for its folder); returns the path to open, or empty when cancelled.
QString chooseRecordingPath(QWidget* parent);

/// Modal dialog; on accept, the OpenIGTLink or frame-grabber settings shown are validated and
/// saved to `settingsDir` (acquisition::sourceSettingsDir() by default) and spec() names the
/// source to open. Invalid entries keep the dialog open with the reason shown. GUI thread only.
class SourceDialog : public QDialog {
  Q_OBJECT
 public:
  SourceDialog(const QString& currentSpec, std::filesystem::path settingsDir, QWidget* parent = nullptr);

  /// The spec to open (valid after accept).
  QString spec() const { return m_spec; }

  void accept() override;

 private:
  QWidget* buildSimulatorPage();
  QWidget* buildRecordingPage();
  QWidget* buildIgtlPage();
  QWidget* buildVideoPage();
  void showSpec(const QString& spec);
  void loadIgtlSettings();
  void loadVideoSettings();
  void calibrateFromFrame();
  /// The spec of the page shown; saves its settings. Throws std::invalid_argument when invalid.
  QString specFromPage() const;

  std::filesystem::path m_settingsDir;
  QString m_spec;
  QComboBox* m_kind = nullptr;
  QStackedWidget* m_pages = nullptr;
  QLabel* m_error = nullptr;
  QComboBox* m_scenario = nullptr;
  QLineEdit* m_recordingPath = nullptr;
  QLineEdit* m_igtlHost = nullptr;
  QSpinBox* m_igtlPort = nullptr;
  QLineEdit* m_igtlImageDevice = nullptr;
  QLineEdit* m_igtlProbeTransform = nullptr;
  QDoubleSpinBox* m_igtlStallS = nullptr;
  QSpinBox* m_igtlMaxBodyMiB = nullptr;
  QSpinBox* m_igtlDisplayRange = nullptr;
  QLineEdit* m_videoDevice = nullptr;
  QSpinBox* m_cropX = nullptr;
  QSpinBox* m_cropY = nullptr;
  QSpinBox* m_cropWidth = nullptr;
  QSpinBox* m_cropHeight = nullptr;
  QDoubleSpinBox* m_mmPerPixel = nullptr;
  QSpinBox* m_frozenFrames = nullptr;
  QDoubleSpinBox* m_videoFps = nullptr;
  QSpinBox* m_videoDisplayRange = nullptr;
};

}  // namespace hipguide::app
