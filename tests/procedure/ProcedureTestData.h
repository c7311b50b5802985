#pragma once
/// A complete example procedure record for the procedure tests.

#include <hipguide/procedure/Procedure.h>

#include <QPainter>

namespace hipguide::procedure::test {

/// A key image with recognisable content (a green square on black).
inline KeyImage exampleKeyImage(bool atInjection) {
  KeyImage key;
  key.image = QImage(64, 48, QImage::Format_RGB32);
  key.image.fill(Qt::black);
  QPainter(&key.image).fillRect(20, 10, 16, 16, Qt::green);
  key.capturedAt = QDateTime(QDate(2026, 11, 28), QTime(10, 42, 13), Qt::UTC);
  key.frameId = atInjection ? 120 : 60;
  key.pixelSpacingMm = 0.2;
  key.atInjection = atInjection;
  key.tipToTargetMm = atInjection ? 1.24 : 18.5;
  key.nearestVesselMm = 9.75;
  if (atInjection) key.nearestNerveMm = 12.5;
  key.caption = atInjection ? "At injection" : "Advancing";
  return key;
}

/// Every field filled, valid, with the injection marked.
inline Procedure exampleProcedure() {
  Procedure p = newProcedure(ProcedureType::Iliopsoas, Side::Left, "PAT-4711", "Dr. Example");
  p.startedAt = QDateTime(QDate(2026, 11, 28), QTime(10, 40, 0), Qt::UTC);
  p.checklist = Checklist::allTicked();
  p.injectate = usualInjectate(DrugCatalog::defaults(), 4.0);
  p.pain = {8, 2, 5, 14.0};
  p.injectedAt = QDateTime(QDate(2026, 11, 28), QTime(10, 42, 13, 250), Qt::UTC);
  p.tipToTargetAtInjectionMm = 1.26;
  p.minVesselClearanceMm = 6.5;
  p.minNerveClearanceMm = 8.3;
  p.keyImages = {exampleKeyImage(false), exampleKeyImage(true)};
  p.complications = {{Complication::Bruising, Complication::Other}, "dizziness on standing"};
  p.recording = "/tmp/session.hgrec";
  return p;
}

}  // namespace hipguide::procedure::test
