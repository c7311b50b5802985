#include <hipguide/app/TrainingPanel.h>

#include <hipguide/training/Exercise.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace hipguide::app {

TrainingPanel::TrainingPanel(QWidget* parent)
    : QWidget(parent),
      m_exercises(new QComboBox),
      m_brief(new QLabel),
      m_trainee(new QLineEdit(QSettings().value("training/trainee", tr("trainee")).toString())),
      m_drive(new QComboBox),
      m_tracker(new QLineEdit(QSettings().value("training/tracker", "localhost:18944").toString())),
      m_hints(new QCheckBox(tr("Coaching hints"))),
      m_start(new QPushButton(tr("Start attempt"))),
      m_autopilot(new QPushButton(tr("Autopilot"))),
      m_finish(new QPushButton(tr("Finish"))),
      m_status(new QLabel),
      m_live(new QLabel),
      m_hintText(new QLabel) {
  setObjectName("trainingPanel");
  m_exercises->setObjectName("exerciseBox");
  m_trainee->setObjectName("traineeEdit");
  m_drive->setObjectName("driveBox");
  m_tracker->setObjectName("trackerEdit");
  m_drive->addItem(tr("Hands (keys and mouse)"));
  m_drive->addItem(tr("OpenIGTLink tracker"));
  m_drive->setToolTip(
      tr("Who moves the simulated probe and needle: you with keys and mouse, or a tracked "
         "probe and needle (PLUS, 3D Slicer) sending ProbeToReference and NeedleToReference"));
  m_tracker->setToolTip(tr("host:port of the OpenIGTLink server sending the tracked transforms"));
  m_hints->setObjectName("hintsBox");
  m_start->setObjectName("startButton");
  m_autopilot->setObjectName("autopilotButton");
  m_finish->setObjectName("finishButton");
  m_live->setObjectName("liveScores");
  m_status->setObjectName("trainingStatus");
  m_hintText->setObjectName("hintLabel");
  for (const training::Exercise& exercise : training::exercises())
    m_exercises->addItem(
        QStringLiteral("%1  (%2/5)").arg(QString::fromStdString(exercise.title)).arg(exercise.difficulty),
        QString::fromStdString(exercise.scenario));
  m_hints->setChecked(true);
  m_brief->setWordWrap(true);
  m_live->setWordWrap(true);
  m_live->setTextFormat(Qt::RichText);
  m_hintText->setWordWrap(true);
  m_hintText->setStyleSheet("QLabel { color: #b35c00; font-weight: bold; }");
  m_status->setWordWrap(true);
  auto* form = new QFormLayout;
  form->addRow(tr("Exercise"), m_exercises);
  form->addRow(tr("Trainee"), m_trainee);
  form->addRow(tr("Drive"), m_drive);
  form->addRow(tr("Tracker"), m_tracker);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(m_start);
  buttons->addWidget(m_autopilot);
  buttons->addWidget(m_finish);
  auto* extra = new QHBoxLayout;
  auto* keys = new QPushButton(tr("Keys..."));
  auto* progress = new QPushButton(tr("Progress..."));
  keys->setObjectName("keysButton");
  progress->setObjectName("progressButton");
  extra->addWidget(m_hints);
  extra->addStretch();
  extra->addWidget(keys);
  extra->addWidget(progress);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(m_brief);
  layout->addLayout(buttons);
  layout->addLayout(extra);
  layout->addWidget(m_status);
  layout->addWidget(m_live);
  layout->addWidget(m_hintText);
  layout->addStretch();
  setMinimumWidth(320);
  setMaximumWidth(380);
  connect(m_exercises, &QComboBox::currentIndexChanged, this, &TrainingPanel::showBrief);
  connect(m_start, &QPushButton::clicked, this, [this] { emit startRequested(scenario(), false); });
  connect(m_autopilot, &QPushButton::clicked, this, [this] { emit startRequested(scenario(), true); });
  connect(m_finish, &QPushButton::clicked, this, &TrainingPanel::finishRequested);
  connect(keys, &QPushButton::clicked, this, &TrainingPanel::keysRequested);
  connect(progress, &QPushButton::clicked, this, &TrainingPanel::progressRequested);
  connect(m_trainee, &QLineEdit::editingFinished, this,
          [this] { QSettings().setValue("training/trainee", m_trainee->text()); });
  connect(m_drive, &QComboBox::currentIndexChanged, this,
          [this] { m_tracker->setEnabled(m_drive->isEnabled() && m_drive->currentIndex() == 1); });
  connect(m_tracker, &QLineEdit::editingFinished, this,
          [this] { QSettings().setValue("training/tracker", m_tracker->text().trimmed()); });
  showBrief();
  setRunning(false);
}

QString TrainingPanel::scenario() const { return m_exercises->currentData().toString(); }

void TrainingPanel::setScenario(const QString& scenario) {
  const int index = m_exercises->findData(scenario);
  if (index >= 0) m_exercises->setCurrentIndex(index);
}

QString TrainingPanel::trainee() const { return m_trainee->text().trimmed(); }
bool TrainingPanel::hintsEnabled() const { return m_hints->isChecked(); }

QString TrainingPanel::trackerAddress() const {
  return m_drive->currentIndex() == 1 ? m_tracker->text().trimmed() : QString();
}

void TrainingPanel::setTrackerAddress(const QString& address) {
  if (!address.isEmpty()) m_tracker->setText(address);
  m_drive->setCurrentIndex(address.isEmpty() ? 0 : 1);
}

void TrainingPanel::setRunning(bool running) {
  m_start->setEnabled(!running);
  m_autopilot->setEnabled(!running);
  m_exercises->setEnabled(!running);
  m_drive->setEnabled(!running);
  m_tracker->setEnabled(!running && m_drive->currentIndex() == 1);
  m_finish->setEnabled(running);
}

void TrainingPanel::showStatus(const QString& text) { m_status->setText(text); }
void TrainingPanel::showLive(const QString& html) { m_live->setText(html); }
void TrainingPanel::showHints(const QStringList& hints) { m_hintText->setText(hints.join("\n")); }

void TrainingPanel::showBrief() {
  const training::Exercise& exercise = training::exerciseFor(scenario().toStdString());
  m_brief->setText(tr("<b>Goal:</b> %1 within %2 mm, %3 s limit.<br>%4")
                       .arg(QString::fromStdString(exercise.targetStructure))
                       .arg(exercise.toleranceMm, 0, 'f', 1)
                       .arg(exercise.criteria.maxElapsedS, 0, 'f', 0)
                       .arg(QString::fromStdString(exercise.brief)));
}

}  // namespace hipguide::app
