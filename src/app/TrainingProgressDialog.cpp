#include <hipguide/app/TrainingProgressDialog.h>

#include <hipguide/training/AttemptCharts.h>
#include <hipguide/training/TrainingHistory.h>

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace hipguide::app {

TrainingProgressDialog::TrainingProgressDialog(const QString& databaseFile, const QString& trainee,
                                               QWidget* parent)
    : QDialog(parent), m_databaseFile(databaseFile), m_trainee(trainee) {
  setWindowTitle(tr("Progress of %1").arg(trainee));
  auto* chart = new QLabel;
  chart->setObjectName("progressChart");
  auto* summary = new QLabel;
  try {
    const training::TrainingHistory history =
        training::TrainingHistory::open(databaseFile.toStdString(), records::OpenMode::ExistingOnly);
    const std::vector<training::AttemptRecord> attempts = history.attempts(trainee.toStdString());
    const auto passed = std::count_if(attempts.begin(), attempts.end(),
                                      [](const training::AttemptRecord& record) { return record.passed; });
    summary->setText(
        tr("%1 attempts, %2 passed. Database: %3").arg(attempts.size()).arg(passed).arg(databaseFile));
    chart->setPixmap(QPixmap::fromImage(
        records::renderTimeChart(training::progressChart(attempts, trainee.toStdString()), QSize(900, 380))));
  } catch (const std::exception& error) {
    summary->setText(tr("Cannot read the training history: %1").arg(QString::fromUtf8(error.what())));
  }
  auto* csv = new QPushButton(tr("Export CSV..."));
  connect(csv, &QPushButton::clicked, this, [this] {
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Export attempts"), "training.csv", "CSV (*.csv)");
    if (file.isEmpty()) return;
    try {
      training::TrainingHistory::open(m_databaseFile.toStdString(), records::OpenMode::ExistingOnly)
          .exportCsv(file.toStdString(), m_trainee.toStdString());
    } catch (const std::exception& error) {
      QMessageBox::warning(this, tr("Export attempts"), QString::fromUtf8(error.what()));
    }
  });
  auto* close = new QPushButton(tr("Close"));
  connect(close, &QPushButton::clicked, this, &QDialog::accept);
  auto* buttons = new QHBoxLayout;
  buttons->addStretch();
  buttons->addWidget(csv);
  buttons->addWidget(close);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(summary);
  layout->addWidget(chart, 1);
  layout->addLayout(buttons);
}

}  // namespace hipguide::app
