#include <hipguide/app/TrainingKeys.h>

#include <hipguide/training/TraineeControls.h>

#include <QSettings>

namespace hipguide::app {

const std::vector<TrainingActionInfo>& trainingActions() {
  using A = TrainingAction;
  static const std::vector<TrainingActionInfo> table = {
      {A::SlideProbeBack, "slide-probe-back", QObject::tr("Slide probe along its array, back"),
       QKeySequence(Qt::Key_A)},
      {A::SlideProbeForward, "slide-probe-forward", QObject::tr("Slide probe along its array, forward"),
       QKeySequence(Qt::Key_D)},
      {A::SlideProbeLeft, "slide-probe-left", QObject::tr("Slide probe across the plane, one side"),
       QKeySequence(Qt::Key_W)},
      {A::SlideProbeRight, "slide-probe-right", QObject::tr("Slide probe across the plane, other side"),
       QKeySequence(Qt::Key_X)},
      {A::TiltProbeUp, "tilt-probe-up", QObject::tr("Tilt (rock) probe, one side"), QKeySequence(Qt::Key_Q)},
      {A::TiltProbeDown, "tilt-probe-down", QObject::tr("Tilt (rock) probe, other side"),
       QKeySequence(Qt::Key_E)},
      {A::RotateProbeLeft, "rotate-probe-left", QObject::tr("Rotate probe anticlockwise"),
       QKeySequence(Qt::Key_Z)},
      {A::RotateProbeRight, "rotate-probe-right", QObject::tr("Rotate probe clockwise"),
       QKeySequence(Qt::Key_C)},
      {A::Advance, "advance", QObject::tr("Advance needle 1 mm"), QKeySequence(Qt::Key_Up)},
      {A::Withdraw, "withdraw", QObject::tr("Withdraw needle 1 mm"), QKeySequence(Qt::Key_Down)},
      {A::Steeper, "steeper", QObject::tr("Needle steeper (redirect)"), QKeySequence(Qt::Key_PageUp)},
      {A::Shallower, "shallower", QObject::tr("Needle shallower (redirect)"), QKeySequence(Qt::Key_PageDown)},
      {A::YawLeft, "yaw-left", QObject::tr("Needle out of plane, one side"), QKeySequence(Qt::Key_Home)},
      {A::YawRight, "yaw-right", QObject::tr("Needle out of plane, other side"), QKeySequence(Qt::Key_End)},
      {A::EntryBack, "entry-back", QObject::tr("Move entry point back (needle out)"),
       QKeySequence(Qt::Key_Comma)},
      {A::EntryForward, "entry-forward", QObject::tr("Move entry point forward (needle out)"),
       QKeySequence(Qt::Key_Period)},
  };
  return table;
}

TrainingKeys TrainingKeys::load() {
  TrainingKeys keys;
  QSettings settings;
  for (const TrainingActionInfo& info : trainingActions()) {
    const QString saved = settings.value("training/keys/" + info.name).toString();
    keys.m_keys[info.action] = saved.isEmpty() ? info.defaultKey : QKeySequence(saved);
  }
  return keys;
}

void TrainingKeys::save() const {
  QSettings settings;
  for (const TrainingActionInfo& info : trainingActions())
    settings.setValue("training/keys/" + info.name, key(info.action).toString());
}

QKeySequence TrainingKeys::key(TrainingAction action) const {
  const auto found = m_keys.find(action);
  return found == m_keys.end() ? QKeySequence() : found->second;
}

void TrainingKeys::setKey(TrainingAction action, const QKeySequence& key) { m_keys[action] = key; }

std::optional<TrainingAction> TrainingKeys::actionFor(int keyWithModifiers) const {
  const QKeySequence pressed(keyWithModifiers);
  for (const auto& [action, key] : m_keys)
    if (!key.isEmpty() && key.matches(pressed) == QKeySequence::ExactMatch) return action;
  return std::nullopt;
}

void applyTrainingAction(training::TraineeControls& controls, TrainingAction action) {
  switch (action) {
    case TrainingAction::SlideProbeBack: controls.slideProbe(-1.0, 0.0); break;
    case TrainingAction::SlideProbeForward: controls.slideProbe(1.0, 0.0); break;
    case TrainingAction::SlideProbeLeft: controls.slideProbe(0.0, -1.0); break;
    case TrainingAction::SlideProbeRight: controls.slideProbe(0.0, 1.0); break;
    case TrainingAction::TiltProbeUp: controls.tiltProbe(1.0); break;
    case TrainingAction::TiltProbeDown: controls.tiltProbe(-1.0); break;
    case TrainingAction::RotateProbeLeft: controls.rotateProbe(2.0); break;
    case TrainingAction::RotateProbeRight: controls.rotateProbe(-2.0); break;
    case TrainingAction::Advance: controls.advance(1.0); break;
    case TrainingAction::Withdraw: controls.withdraw(1.0); break;
    case TrainingAction::Steeper: controls.steer(1.0, 0.0); break;
    case TrainingAction::Shallower: controls.steer(-1.0, 0.0); break;
    case TrainingAction::YawLeft: controls.steer(0.0, -1.0); break;
    case TrainingAction::YawRight: controls.steer(0.0, 1.0); break;
    case TrainingAction::EntryBack: controls.moveEntry(-1.0, 0.0); break;
    case TrainingAction::EntryForward: controls.moveEntry(1.0, 0.0); break;
  }
}

}  // namespace hipguide::app
