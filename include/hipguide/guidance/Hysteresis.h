#pragma once
/// A threshold that switches on below one value and off only above another.

namespace hipguide::guidance {

/// Raised when the value falls below `raiseBelow`, cleared when it rises above
/// `raiseBelow + hysteresis`, so a value hovering at the threshold does not flicker.
class HysteresisFlag {
 public:
  /// Feeds one value; returns whether the flag is raised afterwards.
  bool update(double value, double raiseBelow, double hysteresis) {
    if (!m_raised && value < raiseBelow)
      m_raised = true;
    else if (m_raised && value > raiseBelow + hysteresis)
      m_raised = false;
    return m_raised;
  }
  /// Forces the flag off (e.g. when the quantity is no longer measured).
  void clear() { m_raised = false; }
  bool raised() const { return m_raised; }

 private:
  bool m_raised = false;
};

}  // namespace hipguide::guidance
