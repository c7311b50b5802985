#include "Command.h"
#include "Commands.h"

namespace hipguide::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"sources", "list the kinds of source --source accepts", "hipguide-cli sources\n", runSources},
      {"info", "frame count, size, spacing, duration, rate, fields and transforms of a recording",
       "hipguide-cli info PATH [--header]\n"
       "  PATH: PLUS .igs.mha/.igs.mhd/.igs.nrrd, a scanner's DICOM cine, a video file, a folder of\n"
       "  images or a native .hgrec folder.\n"
       "  --header lists header fields.\n"
       "  Exit code 1 with the reason when the file cannot be read.\n",
       runInfo},
      {"convert", "convert between native recordings, .igs.mha and .igs.nrrd, pixel for pixel",
       "hipguide-cli convert IN OUT [--compress]\n"
       "  IN may also be a scanner's DICOM cine, a video file or a folder of images (made into a PLUS\n"
       "  file 3D Slicer opens).\n"
       "  OUT ending in .mha or .nrrd is a PLUS sequence (--compress: zlib/gz), anything else a native\n"
       "  .hgrec folder. Events go to OUT.events.jsonl beside a PLUS file.\n",
       runConvert},
      {"record", "record any source to a native recording for N seconds",
       "hipguide-cli record --source SPEC --seconds N --out PATH.hgrec [--fps F] [--compress]\n"
       "  SPEC as for `hipguide-cli sources`. Prints frames written and dropped.\n",
       runRecord},
      {"export-video", "encode a recording to MP4 (H.264 through FFmpeg), optionally with overlays",
       "hipguide-cli export-video IN OUT.mp4 [--overlays]\n"
       "  --overlays draws the recorded tracker estimates. Falls back to mp4v with a note when H.264\n"
       "  is unavailable.\n",
       runExportVideo},
      {"bench-record", "benchmark recording: 640x480 frames at 60 fps, dropped frames and memory growth",
       "hipguide-cli bench-record [--seconds S] [--fps F] [--speedup K] [--out DIR.hgrec] [--compress]\n"
       "  Feeds S seconds (default 600) of synthetic 640x480 frames at F fps (default 60), K times faster\n"
       "  than real time (default 1), through a Recorder; prints drops and RSS growth (VmRSS).\n",
       runBenchRecord},
      {"bench-seek", "benchmark seeking: random frames of long compressed, raw and native recordings",
       "hipguide-cli bench-seek [--seconds S] [--fps F] [--width W] [--height H] [--seeks N]\n"
       "                        [--spacing-mib M] [--formats LIST] [--dir DIR]\n"
       "  Writes S seconds (default 1200) of synthetic WxH (default 640x480) frames at F fps (default 25)\n"
       "  in each format of LIST (default mha-zlib,nrrd-gz,mha-raw,hgrec; one file at a time in DIR,\n"
       "  default the temp folder, deleted after), builds the seek index of the compressed ones (spacing\n"
       "  M MiB, default the reader's) and prints median/p95/max of N (default 200) random seeks.\n",
       runBenchSeek},
      {"probe-source", "check a live source: frames, rate, size, spacing, latency, drops, transforms",
       "hipguide-cli probe-source SPEC [--seconds N]\n"
       "  Opens SPEC (igtl://HOST:PORT, video:/dev/videoN, video:FILE, test-pattern, ...) for N seconds\n"
       "  (default 5) and prints what arrived. Exit code 1 when no frame arrived.\n",
       runProbeSource},
      {"serve", "stream a source and its tracked needle to OpenIGTLink clients (3D Slicer)",
       "hipguide-cli serve --source SPEC [--port N] [--bind ADDRESS] [--seconds S] [--no-tracking]\n"
       "  Listens on ADDRESS:N (default 127.0.0.1:18944; port 0 = any free port, printed on stdout) and\n"
       "  sends IMAGE 'Image', TRANSFORM 'NeedleTip', POINT 'PredictedPath' and STRING 'HipGuideStatus'\n"
       "  (header version 1) to every client. Runs S seconds, or until Ctrl-C when S is 0 (default).\n",
       runServe},
      {"simulate", "render a simulated scenario to a PLUS sequence and a ground-truth CSV",
       "hipguide-cli simulate [--scenario NAME] [--frames N] [--seed S] [--fps F] [--out FILE.igs.mha]\n"
       "                      [--truth FILE.csv] [--probe curvilinear|linear] [--depth MM]\n"
       "                      [--png FILE.png [--png-frame K] [--compare REAL.igs.mha [--compare-frame K]]]\n"
       "  NAME: anterior-hip (default), steep, obese, effusion, out-of-plane, probe-motion, vessel-risk,\n"
       "  trochanteric-bursa, no-needle. Truth CSV header:\n"
       "  frame,timestamp_s,needle_visible,tip_x_mm,tip_y_mm,angle_deg,visible_length_mm (image mm).\n"
       "  --png writes frame K (default the last), beside a real PLUS frame with --compare.\n",
       runSimulate},
      {"track", "find the needle in every frame of a recording and write a CSV",
       "hipguide-cli track --in FILE --out FILE.csv [--spacing MM] [--display-range DB] [--recorded]\n"
       "                   [--quiet]\n"
       "  FILE: PLUS .igs.mha/.igs.mhd/.igs.nrrd, a scanner's DICOM cine, a video file (.mp4, .avi,\n"
       "  ...), a folder of images (.png, .jpg, ...; natural name order) or a native recording.\n"
       "  --recorded exports the estimates recorded during the session instead of re-running the\n"
       "  tracker. --spacing sets the pixel size\n"
       "  (mm, both axes) of a recording without a calibration (PLUS files often say 1). --display-range\n"
       "  is the scanner's dynamic range setting (default 60 dB): the tip is placed at half its echo.\n"
       "  The CSV header is\n"
       "  frame,timestamp_s,detected,tip_x_mm,tip_y_mm,angle_deg,confidence (image mm, angle in [0, 180)).\n",
       runTrack},
      {"eval", "compare a track CSV with ground truth (tip, angle, detection, false positives)",
       "hipguide-cli eval --track T.csv --truth G.csv [--json OUT.json] [--plot OUT.png]\n"
       "  Tip and angle errors (median, p95) over frames with the needle visible and detected; detection\n"
       "  rate over visible frames; false-positive rate over frames without a visible needle.\n"
       "  --plot draws the tip error over time on the stretches where the truth has the needle visible,\n"
       "  with the missed frames and the false positives marked.\n",
       runEval},
      {"bench", "time the needle tracker per frame and per stage, single-threaded",
       "hipguide-cli bench [--in FILE | --scenario NAME] [--frames N] [--passes N]\n"
       "  Loads the frames of FILE into memory, or renders those of a simulator scenario (default\n"
       "  anterior-hip, seed 1, 640x480), runs one warm-up pass and N timed passes (default 3) of a\n"
       "  fresh tracker, and prints median, p95 and max milliseconds per frame for each stage and in\n"
       "  total. --frames: only the first N frames (default all).\n",
       runBench},
      {"phantom", "write the parametric hip phantom (labels, table, landmarks, surfaces)",
       "hipguide-cli phantom --out DIR [--side right|left] [--habitus slim|average|obese] [--effusion]\n"
       "                     [--seed N] [--voxel MM]\n"
       "  Writes DIR/labels.nii.gz (LPS, 0.5 mm), labels.json, landmarks.json, surfaces/<name>.vtp|.stl\n",
       runPhantom},
      {"anatomy-import", "import a patient label map (NIfTI/NRRD) as an anatomy folder",
       "hipguide-cli anatomy-import --in FILE --mapping totalsegmentator|MAP.json --out DIR\n"
       "  FILE: .nii, .nii.gz, .nrrd, .nhdr, .mha, .mhd label map. MAP.json: {\"labels\": {\"88\": "
       "\"femur\", ...}}\n"
       "  naming labels of the built-in table (docs/label-table.md). Writes the same files as `phantom`.\n",
       runAnatomyImport},
      {"train", "run a scored training attempt with the autopilot or a tracked needle and probe",
       "hipguide-cli train --scenario NAME --autopilot [--trainee NAME] [--db FILE] [--json OUT.json]\n"
       "                   [--report OUT.pdf] [--seed S] [--fps F] [--target STRUCTURE]\n"
       "                   [--record DIR.hgrec | --no-record]\n"
       "hipguide-cli train --scenario NAME --tracker igtl://HOST:PORT [--seconds N] [--wait S]\n"
       "                   [--needle-device NeedleToReference] [--probe-device ProbeToReference]\n"
       "                   [--phantom-device PhantomToReference] [--registration PHANTOM.txt]\n"
       "                   [--needle-axis -z] [--stale-ms 250] [the options above]\n"
       "  --tracker: OpenIGTLink TRANSFORM/POSITION poses (PLUS, Slicer) drive the simulated needle and\n"
       "  probe in real time for N seconds (default: the exercise's time limit); the needle tip is the\n"
       "  needle frame's origin, --needle-axis runs from it back along the shaft (PLUS StylusTip: -z).\n"
       "  --autopilot follows the planned path (vessel-risk strays toward the vessels); prints the scores\n"
       "  and the verdict, stores them in the database, writes JSON and a PDF report. The attempt is\n"
       "  recorded (default training-recordings/NAME-TIME.hgrec beside --db). Scores: "
       "docs/training-scores.md\n",
       runTrain},
      {"trainees", "training history: trainees, attempts, progress chart, CSV export",
       "hipguide-cli trainees --db FILE [--trainee NAME [--chart OUT.png]] [--csv OUT.csv]\n"
       "  Lists trainees (or one trainee's attempts), writes the progress chart and exports the\n"
       "  attempts with every score as CSV (one row per attempt).\n",
       runTrainees},
      {"procedure", "a complete injection on the simulated probe, stored with report and DICOM",
       "hipguide-cli procedure --type intra-articular|trochanteric-bursa|iliopsoas --autopilot --db FILE\n"
       "                       [--report OUT.pdf] [--dicom DIR] [--record DIR.hgrec] [--seed N]\n"
       "                       [--patient ID] [--operator NAME]\n"
       "  Ticks the checklist, plans the usual injectate, inserts the needle to the type's target\n"
       "  (training autopilot), captures key images at injection, enters example pain scores and stores\n"
       "  the procedure (docs/procedure-record.md). --record also records the session (slower).\n",
       runProcedure},
      {"procedures", "list the procedures stored in a database", "hipguide-cli procedures --db FILE\n",
       runProcedures},
      {"report", "write the PDF report (and DICOM key images) of a stored procedure",
       "hipguide-cli report --db FILE --procedure ID --out FILE.pdf [--dicom DIR]\n", runReport},
  };
  return table;
}

}  // namespace hipguide::cli
