#pragma once
/// The training mode's keyboard controls: actions, default keys, rebinding through QSettings.

#include <QKeySequence>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace hipguide::training {
class TraineeControls;
}

namespace hipguide::app {

/// One thing the trainee can do with a key press (each press is one step).
enum class TrainingAction {
  SlideProbeBack,
  SlideProbeForward,
  SlideProbeLeft,
  SlideProbeRight,
  TiltProbeUp,
  TiltProbeDown,
  RotateProbeLeft,
  RotateProbeRight,
  Advance,
  Withdraw,
  Steeper,
  Shallower,
  YawLeft,
  YawRight,
  EntryBack,
  EntryForward
};

/// An action's settings name ("advance"), its label and its default key.
struct TrainingActionInfo {
  TrainingAction action;
  QString name;
  QString label;
  QKeySequence defaultKey;
};

/// Every action, in the order the rebinding dialog lists them (docs/user-guide.md has the table).
const std::vector<TrainingActionInfo>& trainingActions();

/// Key bindings, read from and written to QSettings ("training/keys/<name>"). GUI thread.
class TrainingKeys {
 public:
  /// The defaults overridden by the saved settings.
  static TrainingKeys load();
  void save() const;
  QKeySequence key(TrainingAction action) const;
  void setKey(TrainingAction action, const QKeySequence& key);
  /// The action bound to a key press (key plus modifiers), if any.
  std::optional<TrainingAction> actionFor(int keyWithModifiers) const;

 private:
  std::map<TrainingAction, QKeySequence> m_keys;
};

/// Applies one step of an action: 1 mm slides, entry moves and insertion steps; 1° tilts,
/// angle and yaw steps; 2° rotation steps.
void applyTrainingAction(training::TraineeControls& controls, TrainingAction action);

}  // namespace hipguide::app
