#pragma once
/// Optional driver capabilities, each a small interface a driver may also implement.
/// Ask with `dynamic_cast<DepthControl*>(driver)`. All setters are thread-safe and take
/// effect from the next frame.

namespace hipguide::acquisition {

/// Imaging depth in mm.
class DepthControl {
 public:
  virtual ~DepthControl() = default;
  virtual void setDepthMm(double depthMm) = 0;
  virtual double depthMm() const = 0;
};

/// Overall gain in dB.
class GainControl {
 public:
  virtual ~GainControl() = default;
  virtual void setGainDb(double gainDb) = 0;
  virtual double gainDb() const = 0;
};

/// Freeze: the source keeps running but repeats its last image.
class FreezeControl {
 public:
  virtual ~FreezeControl() = default;
  virtual void setFrozen(bool frozen) = 0;
  virtual bool frozen() const = 0;
};

}  // namespace hipguide::acquisition
