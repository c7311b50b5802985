#include <hipguide/app/ProcedurePanel.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hipguide::app {
namespace {

constexpr int kThumbnailWidthPx = 240;

QString q(const std::string& text) { return QString::fromStdString(text); }

/// A 0-10 pain score box whose lowest value (-1) reads "not entered".
QSpinBox* painBox(const QString& name) {
  auto* box = new QSpinBox;
  box->setObjectName(name);
  box->setRange(-1, 10);
  box->setSpecialValueText(QObject::tr("not entered"));
  box->setValue(-1);
  return box;
}

std::optional<int> painValue(const QSpinBox* box) {
  return box->value() < 0 ? std::nullopt : std::optional<int>(box->value());
}

QPushButton* button(const QString& text, const QString& name) {
  auto* result = new QPushButton(text);
  result->setObjectName(name);
  return result;
}

}  // namespace

ProcedurePanel::ProcedurePanel(procedure::DrugCatalog catalog, QWidget* parent)
    : QWidget(parent), m_catalog(std::move(catalog)) {
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(buildPatientBox());
  layout->addWidget(buildChecklistBox());
  layout->addWidget(buildInjectateBox());
  layout->addWidget(buildDuringBox());
  layout->addWidget(buildAfterBox());
  auto* buttons = new QHBoxLayout;
  QPushButton* save = button(tr("Save"), "procedureSave");
  QPushButton* report = button(tr("Report..."), "procedureReport");
  QPushButton* fresh = button(tr("New"), "procedureNew");
  buttons->addWidget(save);
  buttons->addWidget(report);
  buttons->addWidget(fresh);
  layout->addLayout(buttons);
  m_message = new QLabel;
  m_message->setObjectName("procedureMessage");
  m_message->setWordWrap(true);
  layout->addWidget(m_message);
  layout->addStretch(1);
  connect(save, &QPushButton::clicked, this, &ProcedurePanel::saveRequested);
  connect(report, &QPushButton::clicked, this, &ProcedurePanel::reportRequested);
  connect(fresh, &QPushButton::clicked, this, &ProcedurePanel::newRequested);
}

QWidget* ProcedurePanel::buildPatientBox() {
  auto* box = new QGroupBox(tr("Patient and procedure"));
  auto* form = new QFormLayout(box);
  m_patient = new QLineEdit;
  m_patient->setObjectName("procedurePatient");
  m_patient->setMaxLength(64);
  m_operator = new QLineEdit;
  m_operator->setObjectName("procedureOperator");
  m_type = new QComboBox;
  m_type->setObjectName("procedureType");
  for (const auto& info : procedure::procedureTypes()) m_type->addItem(q(info.title), q(info.id));
  m_side = new QComboBox;
  m_side->setObjectName("procedureSide");
  m_side->addItems({"right", "left"});
  form->addRow(tr("Patient ID"), m_patient);
  form->addRow(tr("Operator"), m_operator);
  form->addRow(tr("Procedure"), m_type);
  form->addRow(tr("Side"), m_side);
  connect(m_type, &QComboBox::currentIndexChanged, this, &ProcedurePanel::typeChanged);
  return box;
}

QWidget* ProcedurePanel::buildChecklistBox() {
  auto* box = new QGroupBox(tr("Before the needle: checklist"));
  auto* column = new QVBoxLayout(box);
  for (const auto& info : procedure::checklistItems()) {
    auto* check = new QCheckBox(q(info.label));
    check->setObjectName(q("check-" + info.id));
    m_checks[info.item] = check;
    column->addWidget(check);
    connect(check, &QCheckBox::toggled, this, &ProcedurePanel::refreshSummary);
  }
  return box;
}

QWidget* ProcedurePanel::buildInjectateBox() {
  auto* box = new QGroupBox(tr("Injectate and needle"));
  auto* form = new QFormLayout(box);
  m_drug = new QComboBox;
  m_drug->setObjectName("procedureDrug");
  for (const auto& drug : m_catalog.drugs()) m_drug->addItem(q(drug.name));
  m_dose = new QDoubleSpinBox;
  m_dose->setRange(0, 1000);
  m_dose->setDecimals(1);
  m_volume = new QDoubleSpinBox;
  m_volume->setRange(0.1, 20);
  m_volume->setDecimals(1);
  m_volume->setSuffix(" mL");
  const auto pickDrug = [this] {
    if (const procedure::Drug* drug = m_catalog.find(m_drug->currentText().toStdString())) {
      m_dose->setSuffix(q(" " + drug->doseUnit));
      m_dose->setValue(drug->usualDose);
      m_volume->setValue(drug->usualVolumeMl);
    }
  };
  connect(m_drug, &QComboBox::currentIndexChanged, this, pickDrug);
  pickDrug();
  auto* amounts = new QHBoxLayout;
  amounts->addWidget(m_dose);
  amounts->addWidget(m_volume);
  QPushButton* add = button(tr("Add"), "procedureAddDrug");
  amounts->addWidget(add);
  m_injectateList = new QListWidget;
  m_injectateList->setObjectName("procedureInjectate");
  m_injectateList->setMaximumHeight(60);
  QPushButton* remove = button(tr("Remove selected"), "procedureRemoveDrug");
  m_gauge = new QSpinBox;
  m_gauge->setRange(18, 27);
  m_gauge->setSuffix(" G");
  m_needleLength = new QDoubleSpinBox;
  m_needleLength->setRange(25, 200);
  m_needleLength->setDecimals(0);
  m_needleLength->setSuffix(" mm");
  auto* needle = new QHBoxLayout;
  needle->addWidget(m_gauge);
  needle->addWidget(m_needleLength);
  m_painBefore = painBox("procedurePainBefore");
  form->addRow(tr("Drug"), m_drug);
  form->addRow(tr("Dose, volume"), amounts);
  form->addRow(m_injectateList);
  form->addRow(remove);
  form->addRow(tr("Needle"), needle);
  form->addRow(tr("Pain before (0-10)"), m_painBefore);
  connect(add, &QPushButton::clicked, this, &ProcedurePanel::addInjectate);
  connect(remove, &QPushButton::clicked, this, [this] {
    const int row = m_injectateList->currentRow();
    if (row < 0 || row >= static_cast<int>(m_injectate.size())) return;
    m_injectate.erase(m_injectate.begin() + row);
    refreshInjectateList();
  });
  return box;
}

QWidget* ProcedurePanel::buildDuringBox() {
  auto* box = new QGroupBox(tr("During"));
  auto* column = new QVBoxLayout(box);
  m_live = new QLabel(tr("Tip to target: no needle"));
  m_live->setObjectName("procedureLive");
  auto* buttons = new QHBoxLayout;
  QPushButton* capture = button(tr("Key image (S)"), "procedureCapture");
  m_inject = button(tr("Mark injection"), "procedureInject");
  buttons->addWidget(capture);
  buttons->addWidget(m_inject);
  m_summary = new QLabel;
  m_summary->setObjectName("procedureSummary");
  m_summary->setWordWrap(true);
  column->addWidget(m_live);
  column->addLayout(buttons);
  column->addWidget(m_summary);
  m_thumbnail = new QLabel;
  m_thumbnail->setObjectName("procedureThumbnail");
  column->addWidget(m_thumbnail);
  connect(capture, &QPushButton::clicked, this, &ProcedurePanel::captureRequested);
  connect(m_inject, &QPushButton::clicked, this, &ProcedurePanel::injectionRequested);
  return box;
}

QWidget* ProcedurePanel::buildAfterBox() {
  auto* box = new QGroupBox(tr("After"));
  auto* form = new QFormLayout(box);
  m_painAfter = painBox("procedurePainAfter");
  m_painLater = painBox("procedurePainLater");
  m_laterDays = new QDoubleSpinBox;
  m_laterDays->setRange(0, 365);
  m_laterDays->setDecimals(0);
  m_laterDays->setSuffix(tr(" days after"));
  m_relief = new QLabel;
  m_relief->setObjectName("procedureRelief");
  form->addRow(tr("Pain immediately after"), m_painAfter);
  auto* later = new QHBoxLayout;
  later->addWidget(m_painLater);
  later->addWidget(m_laterDays);
  form->addRow(tr("Pain later"), later);
  form->addRow(tr("Relief"), m_relief);
  auto* checks = new QVBoxLayout;
  for (const auto& info : procedure::complicationList()) {
    auto* check = new QCheckBox(q(info.label));
    check->setObjectName(q("complication-" + info.id));
    m_complications[info.complication] = check;
    checks->addWidget(check);
  }
  m_otherComplication = new QLineEdit;
  m_otherComplication->setPlaceholderText(tr("describe 'Other'"));
  form->addRow(tr("Complications"), checks);
  form->addRow(QString(), m_otherComplication);
  for (QSpinBox* box : {m_painBefore, m_painAfter, m_painLater})
    connect(box, &QSpinBox::valueChanged, this, &ProcedurePanel::refreshSummary);
  return box;
}

void ProcedurePanel::addInjectate() {
  procedure::InjectateComponent component;
  if (const procedure::Drug* drug = m_catalog.find(m_drug->currentText().toStdString()))
    component = procedure::usualComponent(*drug);
  component.dose = m_dose->value();
  component.volumeMl = m_volume->value();
  m_injectate.push_back(component);
  refreshInjectateList();
}

void ProcedurePanel::refreshInjectateList() {
  m_injectateList->clear();
  for (const auto& component : m_injectate) m_injectateList->addItem(q(procedure::describe(component)));
  refreshSummary();
}

void ProcedurePanel::display(const procedure::Procedure& record) {
  m_shown = record;
  m_patient->setText(q(record.patientId));
  m_operator->setText(q(record.operatorName));
  const QSignalBlocker blocker(m_type);
  m_type->setCurrentIndex(m_type->findData(q(procedure::procedureTypeInfo(record.type).id)));
  m_side->setCurrentText(q(std::string(procedure::toString(record.side))));
  for (auto& [item, check] : m_checks) check->setChecked(record.checklist.isTicked(item));
  m_injectate = record.injectate;
  m_gauge->setValue(record.needle.gauge);
  m_needleLength->setValue(record.needle.lengthMm);
  m_painBefore->setValue(record.pain.before.value_or(-1));
  m_painAfter->setValue(record.pain.immediatelyAfter.value_or(-1));
  m_painLater->setValue(record.pain.later.value_or(-1));
  m_laterDays->setValue(record.pain.laterAfterDays.value_or(0));
  for (auto& [complication, check] : m_complications)
    check->setChecked(std::find(record.complications.noted.begin(), record.complications.noted.end(),
                                complication) != record.complications.noted.end());
  m_otherComplication->setText(q(record.complications.otherText));
  const QPixmap thumbnail = record.keyImages.empty()
                                ? QPixmap()
                                : QPixmap::fromImage(record.keyImages.back().image.scaledToWidth(
                                      kThumbnailWidthPx, Qt::SmoothTransformation));
  m_thumbnail->setPixmap(thumbnail);
  m_thumbnail->setMinimumHeight(thumbnail.height());
  refreshInjectateList();
}

void ProcedurePanel::applyTo(procedure::Procedure& record) const {
  record.patientId = m_patient->text().trimmed().toStdString();
  record.operatorName = m_operator->text().trimmed().toStdString();
  record.type = procedure::procedureTypeFromId(m_type->currentData().toString().toStdString());
  record.side = procedure::sideFromString(m_side->currentText().toStdString());
  for (const auto& [item, check] : m_checks) record.checklist.tick(item, check->isChecked());
  record.injectate = m_injectate;
  record.needle.gauge = m_gauge->value();
  record.needle.lengthMm = m_needleLength->value();
  record.pain = {painValue(m_painBefore), painValue(m_painAfter), painValue(m_painLater),
                 m_painLater->value() < 0 ? std::nullopt : std::optional<double>(m_laterDays->value())};
  record.complications.noted.clear();
  for (const auto& [complication, check] : m_complications)
    if (check->isChecked()) record.complications.noted.push_back(complication);
  record.complications.otherText = m_otherComplication->text().trimmed().toStdString();
}

void ProcedurePanel::showLive(const QString& text) { m_live->setText(text); }

void ProcedurePanel::showMessage(const QString& text, bool error) {
  m_message->setStyleSheet(error ? "color: #d33;" : QString());
  m_message->setText(text);
}

void ProcedurePanel::refreshSummary() {
  procedure::Procedure current = m_shown;
  applyTo(current);
  m_inject->setEnabled(current.checklist.complete() && !current.injectate.empty());
  QString summary = tr("%n key image(s)", "", static_cast<int>(current.keyImages.size()));
  if (current.injectedAt)
    summary += tr("; injected %1 UTC").arg(current.injectedAt->toUTC().toString("HH:mm:ss"));
  if (current.tipToTargetAtInjectionMm)
    summary += tr(", tip %1 mm from target").arg(*current.tipToTargetAtInjectionMm, 0, 'f', 1);
  if (!current.checklist.complete()) summary += tr("; tick the checklist to inject");
  m_summary->setText(summary);
  const auto relief = procedure::reliefPercent(current.pain.before, current.pain.immediatelyAfter);
  const auto positive = procedure::positiveDiagnosticResponse(current.pain);
  if (!procedure::isDiagnostic(current.injectate))
    m_relief->setText(tr("no local anaesthetic: not diagnostic"));
  else if (!relief)
    m_relief->setText(tr("enter the scores before and after"));
  else
    m_relief->setText(
        tr("%1 % immediately: %2").arg(*relief, 0, 'f', 0).arg(*positive ? tr("positive") : tr("negative")));
}

}  // namespace hipguide::app
