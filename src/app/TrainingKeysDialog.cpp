#include <hipguide/app/TrainingKeysDialog.h>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeySequenceEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hipguide::app {

TrainingKeysDialog::TrainingKeysDialog(QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("Training keys"));
  const TrainingKeys current = TrainingKeys::load();
  auto* form = new QFormLayout;
  for (const TrainingActionInfo& info : trainingActions()) {
    auto* edit = new QKeySequenceEdit(current.key(info.action));
    edit->setObjectName("key-" + info.name);
    form->addRow(info.label, edit);
    m_edits.push_back(edit);
  }
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                       QDialogButtonBox::RestoreDefaults);
  connect(buttons, &QDialogButtonBox::accepted, this, [this] {
    keys().save();
    accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
    for (std::size_t index = 0; index < m_edits.size(); ++index)
      m_edits[index]->setKeySequence(trainingActions()[index].defaultKey);
  });
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(buttons);
}

TrainingKeys TrainingKeysDialog::keys() const {
  TrainingKeys keys = TrainingKeys::load();
  for (std::size_t index = 0; index < m_edits.size(); ++index)
    keys.setKey(trainingActions()[index].action, m_edits[index]->keySequence());
  return keys;
}

}  // namespace hipguide::app
