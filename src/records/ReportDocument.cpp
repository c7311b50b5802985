#include <hipguide/records/ReportDocument.h>

#include "ReportLayout.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>

#include <system_error>

namespace hipguide::records {
namespace {

constexpr int kResolutionDpi = 300;
constexpr double kMarginMm = 18.0;
constexpr double kMaxImageHeightFraction = 0.5;  ///< Of the text column height.

/// Thin rule and "footer text ... Page n of N" under the text column.
void drawFooter(QPainter& painter, const QFont& font, const QRectF& footerBox, const QString& text, int page,
                int pageCount) {
  painter.fillRect(QRectF(footerBox.topLeft(), QSizeF(footerBox.width(), 2)), QColor(160, 160, 160));
  painter.setFont(font);
  painter.setPen(QColor(90, 90, 90));
  painter.drawText(footerBox, Qt::AlignLeft | Qt::AlignBottom, text);
  painter.drawText(footerBox, Qt::AlignRight | Qt::AlignBottom,
                   QStringLiteral("Page %1 of %2").arg(page).arg(pageCount));
  painter.setPen(Qt::black);
}

}  // namespace

ReportDocument::ReportDocument(QString title) : m_title(std::move(title)) {}

void ReportDocument::addHeading(const QString& text) {
  m_blocks.push_back({Block::Kind::Heading, text, {}, {}, 1.0});
}

void ReportDocument::addParagraph(const QString& text) {
  m_blocks.push_back({Block::Kind::Paragraph, text, {}, {}, 1.0});
}

void ReportDocument::addTable(const std::vector<ReportRow>& rows) {
  m_blocks.push_back({Block::Kind::Table, {}, rows, {}, 1.0});
}

void ReportDocument::addImage(const QImage& image, const QString& caption, double widthFraction) {
  if (image.isNull()) throw ReportError("report image '" + caption.toStdString() + "' is empty");
  if (!(widthFraction > 0.0 && widthFraction <= 1.0))
    throw ReportError("report image width fraction " + std::to_string(widthFraction) + " is outside (0, 1]");
  m_blocks.push_back({Block::Kind::Image, caption, {}, image, widthFraction});
}

void ReportDocument::addPageBreak() { m_blocks.push_back({Block::Kind::PageBreak, {}, {}, {}, 1.0}); }

void ReportDocument::setFooterText(const QString& text) { m_footerText = text; }

int ReportDocument::writePdf(const std::filesystem::path& file) const {
  if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()) == nullptr)
    throw ReportError("writing '" + file.string() +
                      "' needs a QGuiApplication (call ensureGuiApplication())");
  std::error_code error;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), error);

  QPdfWriter writer(QString::fromStdString(file.string()));
  writer.setResolution(kResolutionDpi);
  writer.setTitle(m_title);
  writer.setCreator(QStringLiteral("HipGuide"));
  writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                   QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm),
                                   QPageLayout::Millimeter));
  QPainter painter;
  if (!painter.begin(&writer))
    throw ReportError("cannot write PDF '" + file.string() + "' (folder missing or not writable?)");

  const auto fonts = detail::ReportFonts::standard();
  const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
  const double footerHeightPx = QFontMetricsF(fonts.footer, &writer).lineSpacing() * 2;
  const double bodyHeightPx = page.height() - footerHeightPx;
  const auto fragments = detail::layoutBlocks(m_title, m_blocks, fonts, writer, page.width(),
                                              bodyHeightPx * kMaxImageHeightFraction);
  const auto placements = detail::paginate(fragments, bodyHeightPx);
  const int pageCount = placements.empty() ? 1 : placements.back().page + 1;

  // The painter's origin is the top left of the printable (margin-inset) area.
  const QRectF footerBox(0, bodyHeightPx, page.width(), footerHeightPx);
  int current = 0;
  for (std::size_t i = 0; i < fragments.size(); ++i) {
    while (current < placements[i].page) {
      drawFooter(painter, fonts.footer, footerBox, m_footerText, current + 1, pageCount);
      writer.newPage();
      ++current;
    }
    fragments[i].paint(painter, QPointF(0, placements[i].topPx));
  }
  drawFooter(painter, fonts.footer, footerBox, m_footerText, current + 1, pageCount);
  if (!painter.end()) throw ReportError("could not finish PDF '" + file.string() + "'");
  return pageCount;
}

}  // namespace hipguide::records
