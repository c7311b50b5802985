#pragma once
/// The hip injections the workstation documents, and what each one aims at and watches.

#include <string>
#include <string_view>
#include <vector>

namespace hipguide::procedure {

/// The three procedure types.
enum class ProcedureType { IntraArticular, TrochantericBursa, Iliopsoas };

/// A needle as the physician chooses it. Length in mm.
struct NeedleSpec {
  int gauge = 22;               ///< 18-27 G.
  double lengthMm = 90.0;       ///< 25-200 mm (3.5 in = 90 mm).
  std::string kind = "spinal";  ///< Free text: "spinal", "hypodermic", ...
};

/// Everything fixed about a procedure type. Plain data from one table (ProcedureType.cpp).
struct ProcedureTypeInfo {
  ProcedureType type;
  std::string id;            ///< Command-line and database name: "intra-articular", ...
  std::string title;         ///< "Intra-articular hip injection (anterior approach)".
  std::string targetLabel;   ///< Anatomy label of the target ("anterior_recess", ...).
  std::string approach;      ///< Probe and needle approach, one sentence.
  NeedleSpec usualNeedle;    ///< The usual needle (CLINICAL.md).
  double usualVolumeMl = 0;  ///< Usual total injected volume.
  /// Critical structures (anatomy label names) whose clearance raises alerts; never empty.
  std::vector<std::string> criticalStructures;
  std::string scenario;          ///< Simulator scenario the autopilot runs for this type.
  std::string defaultAftercare;  ///< Default aftercare sheet (editable per procedure).
};

/// All types in menu order.
const std::vector<ProcedureTypeInfo>& procedureTypes();
/// The description of a type.
const ProcedureTypeInfo& procedureTypeInfo(ProcedureType type);
/// The type of an id ("intra-articular", "trochanteric-bursa", "iliopsoas"); throws
/// std::invalid_argument listing the known ids for anything else.
ProcedureType procedureTypeFromId(std::string_view id);

/// Body side of the injection.
enum class Side { Left, Right };
std::string_view toString(Side side);
/// "left" or "right"; throws std::invalid_argument naming the value otherwise.
Side sideFromString(std::string_view text);

}  // namespace hipguide::procedure
