#pragma once
/// Private to records: turns ReportDocument blocks into measured, paintable fragments and
/// places them on pages.

#include <hipguide/records/ReportDocument.h>

#include <QFont>
#include <QPaintDevice>
#include <QPainter>
#include <QPointF>

#include <functional>
#include <vector>

namespace hipguide::records::detail {

/// The smallest unit a page break may not split: a title, a heading, one line of a paragraph,
/// one table row, an image with its caption. Sizes are in the paint device's pixels.
struct Fragment {
  double heightPx = 0;
  double spaceAfterPx = 0;       ///< Gap before the next fragment on the same page.
  bool keepWithNext = false;     ///< Headings: move to the next page rather than end a page.
  bool pageBreakBefore = false;  ///< Starts a new page (explicit page break).
  std::function<void(QPainter&, QPointF topLeft)> paint;  ///< Draws at the given top left.
};

/// Where a fragment goes: page index (0-based) and top y in device pixels.
struct Placement {
  int page = 0;
  double topPx = 0;
};

/// The fonts of a report, sized in points (so they scale with the device's resolution).
struct ReportFonts {
  QFont title, heading, body, bold, caption, footer;
  static ReportFonts standard();
};

/// Measures the title and blocks on `device` for a text column `widthPx` wide; images are
/// limited to `maxImageHeightPx`.
std::vector<Fragment> layoutBlocks(const QString& title, const std::vector<ReportDocument::Block>& blocks,
                                   const ReportFonts& fonts, QPaintDevice& device, double widthPx,
                                   double maxImageHeightPx);

/// Places fragments on pages of `pageHeightPx` usable height, in order.
std::vector<Placement> paginate(const std::vector<Fragment>& fragments, double pageHeightPx);

}  // namespace hipguide::records::detail
