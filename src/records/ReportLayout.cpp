#include "ReportLayout.h"

#include <QFontMetricsF>
#include <QTextLayout>

#include <algorithm>
#include <memory>

namespace hipguide::records::detail {
namespace {

constexpr double kPointsPerInch = 72.0;

/// Device pixels for a length in points on `device`.
double pointsToPx(double points, const QPaintDevice& device) {
  return points * device.logicalDpiY() / kPointsPerInch;
}

/// Splits `text` into lines no wider than `widthPx`; '\n' forces a line break, an empty line stays.
std::vector<QString> wrapLines(const QString& text, const QFont& font, double widthPx, QPaintDevice& device) {
  std::vector<QString> lines;
  for (const QString& part : text.split(QLatin1Char('\n'))) {
    if (part.trimmed().isEmpty()) {
      lines.emplace_back();
      continue;
    }
    QTextLayout layout(part, font, &device);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
      line.setLineWidth(widthPx);
      lines.push_back(part.mid(line.textStart(), line.textLength()).trimmed());
    }
    layout.endLayout();
  }
  return lines;
}

/// Paints `lines` one under the other from `topLeft`.
void drawLines(QPainter& painter, const QFont& font, const std::vector<QString>& lines, QPointF topLeft) {
  painter.setFont(font);
  const QFontMetricsF metrics(font, painter.device());
  double y = topLeft.y() + metrics.ascent();
  for (const QString& line : lines) {
    painter.drawText(QPointF(topLeft.x(), y), line);
    y += metrics.lineSpacing();
  }
}

/// One fragment per line, so that long paragraphs break across pages.
void addTextLines(std::vector<Fragment>& out, const QString& text, const QFont& font, double widthPx,
                  QPaintDevice& device, double spaceAfterPx) {
  const double lineHeight = QFontMetricsF(font, &device).lineSpacing();
  for (const QString& line : wrapLines(text, font, widthPx, device)) {
    out.push_back({lineHeight, 0, false, false, [font, line](QPainter& painter, QPointF topLeft) {
                     drawLines(painter, font, {line}, topLeft);
                   }});
  }
  if (!out.empty()) out.back().spaceAfterPx = spaceAfterPx;
}

void addTable(std::vector<Fragment>& out, const std::vector<ReportRow>& rows, const ReportFonts& fonts,
              QPaintDevice& device, double widthPx) {
  const double padPx = pointsToPx(2.5, device);
  const double keyWidthPx = widthPx * 0.34;
  const double valueWidthPx = widthPx - keyWidthPx - 3 * padPx;
  const double lineHeight = QFontMetricsF(fonts.body, &device).lineSpacing();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto keyLines = wrapLines(rows[i].first, fonts.bold, keyWidthPx - padPx, device);
    auto valueLines = wrapLines(rows[i].second, fonts.body, valueWidthPx, device);
    const double heightPx =
        static_cast<double>(std::max(keyLines.size(), valueLines.size())) * lineHeight + 2 * padPx;
    const bool shaded = i % 2 == 0;
    out.push_back({heightPx, 0, false, false,
                   [=, keyLines = std::move(keyLines), valueLines = std::move(valueLines)](QPainter& painter,
                                                                                           QPointF topLeft) {
                     if (shaded)
                       painter.fillRect(QRectF(topLeft, QSizeF(widthPx, heightPx)), QColor(238, 241, 245));
                     drawLines(painter, fonts.bold, keyLines, topLeft + QPointF(padPx, padPx));
                     drawLines(painter, fonts.body, valueLines,
                               topLeft + QPointF(keyWidthPx + 2 * padPx, padPx));
                   }});
  }
  if (!out.empty()) out.back().spaceAfterPx = pointsToPx(8, device);
}

void addImage(std::vector<Fragment>& out, const ReportDocument::Block& block, const ReportFonts& fonts,
              QPaintDevice& device, double widthPx, double maxImageHeightPx) {
  const QSizeF box(widthPx * block.widthFraction, maxImageHeightPx);
  const QSizeF imageSize = QSizeF(block.image.size()).scaled(box, Qt::KeepAspectRatio);
  const auto captionLines =
      wrapLines(block.text, fonts.caption, std::max(imageSize.width(), widthPx * 0.5), device);
  const double captionGapPx = pointsToPx(3, device);
  const double captionHeightPx =
      static_cast<double>(captionLines.size()) * QFontMetricsF(fonts.caption, &device).lineSpacing();
  const QImage image = block.image;
  out.push_back({imageSize.height() + captionGapPx + captionHeightPx, pointsToPx(10, device), false, false,
                 [=](QPainter& painter, QPointF topLeft) {
                   const QPointF imageTopLeft(topLeft.x() + (widthPx - imageSize.width()) / 2, topLeft.y());
                   painter.drawImage(QRectF(imageTopLeft, imageSize), image);
                   drawLines(painter, fonts.caption, captionLines,
                             QPointF(std::min(imageTopLeft.x(), topLeft.x() + widthPx * 0.25),
                                     topLeft.y() + imageSize.height() + captionGapPx));
                 }});
}

}  // namespace

ReportFonts ReportFonts::standard() {
  ReportFonts fonts;
  const QString family = QStringLiteral("DejaVu Sans");
  fonts.title = QFont(family, 17, QFont::Bold);
  fonts.heading = QFont(family, 12.5, QFont::Bold);
  fonts.body = QFont(family, 9.5);
  fonts.bold = QFont(family, 9.5, QFont::Bold);
  fonts.caption = QFont(family, 8.5);
  fonts.caption.setItalic(true);
  fonts.footer = QFont(family, 7.5);
  return fonts;
}

std::vector<Fragment> layoutBlocks(const QString& title, const std::vector<ReportDocument::Block>& blocks,
                                   const ReportFonts& fonts, QPaintDevice& device, double widthPx,
                                   double maxImageHeightPx) {
  std::vector<Fragment> out;
  addTextLines(out, title, fonts.title, widthPx, device, pointsToPx(4, device));
  const double rulePx = pointsToPx(1.2, device);
  out.push_back({rulePx, pointsToPx(12, device), false, false, [=](QPainter& painter, QPointF topLeft) {
                   painter.fillRect(QRectF(topLeft, QSizeF(widthPx, rulePx)), QColor(40, 80, 140));
                 }});
  bool breakNext = false;
  for (const auto& block : blocks) {
    const std::size_t first = out.size();
    switch (block.kind) {
      case ReportDocument::Block::Kind::Heading:
        addTextLines(out, block.text, fonts.heading, widthPx, device, pointsToPx(5, device));
        for (std::size_t i = first; i < out.size(); ++i) out[i].keepWithNext = true;
        if (first > 0 && !breakNext)
          out[first - 1].spaceAfterPx = std::max(out[first - 1].spaceAfterPx, pointsToPx(8, device));
        break;
      case ReportDocument::Block::Kind::Paragraph:
        addTextLines(out, block.text, fonts.body, widthPx, device, pointsToPx(7, device));
        break;
      case ReportDocument::Block::Kind::Table: addTable(out, block.rows, fonts, device, widthPx); break;
      case ReportDocument::Block::Kind::Image:
        addImage(out, block, fonts, device, widthPx, maxImageHeightPx);
        break;
      case ReportDocument::Block::Kind::PageBreak: breakNext = true; continue;
    }
    if (out.size() > first && breakNext) {
      out[first].pageBreakBefore = true;
      breakNext = false;
    }
  }
  return out;
}

std::vector<Placement> paginate(const std::vector<Fragment>& fragments, double pageHeightPx) {
  std::vector<Placement> placements(fragments.size());
  int page = 0;
  double y = 0;
  for (std::size_t i = 0; i < fragments.size(); ++i) {
    // A heading needs room for itself and the first fragment after it.
    double needed = fragments[i].heightPx;
    for (std::size_t j = i; j + 1 < fragments.size() && fragments[j].keepWithNext; ++j)
      needed += fragments[j].spaceAfterPx + fragments[j + 1].heightPx;
    const bool full = y > 0 && y + std::min(needed, pageHeightPx) > pageHeightPx;
    if ((fragments[i].pageBreakBefore && y > 0) || full) {
      ++page;
      y = 0;
    }
    placements[i] = {page, y};
    y += fragments[i].heightPx + fragments[i].spaceAfterPx;
  }
  return placements;
}

}  // namespace hipguide::records::detail
