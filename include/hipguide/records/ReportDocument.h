#pragma once
/// A simple A4 report (title, headings, paragraphs, key-value tables, images with captions)
/// written as PDF through QPdfWriter. Shared by procedure reports and training reports.

#include <QImage>
#include <QString>

#include <filesystem>
#include <stdexcept>
#include <utility>
#include <vector>

namespace hipguide::records {

/// Why a report could not be written; the message names the file.
class ReportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One row of a key-value table: a label ("Needle") and its value ("22G, 90 mm").
using ReportRow = std::pair<QString, QString>;

/// A document built block by block and then written as an A4 portrait PDF with 18 mm margins.
/// Blocks flow top to bottom; a page break comes automatically when a block does not fit
/// (paragraphs and tables break between lines and rows, a heading is never left alone at the
/// bottom of a page, an image moves whole to the next page). Every page has a footer with the
/// footer text and "Page n of N". Text is real PDF text (searchable, pdftotext reads it).
///
/// Plain value type; build it on any thread, but writePdf() paints, so it needs a
/// QGuiApplication (see ensureGuiApplication()) and must run on the thread that owns it.
class ReportDocument {
 public:
  /// `title` is printed large at the top of page 1 and stored as the PDF's title.
  explicit ReportDocument(QString title);

  /// A section heading (bold, larger).
  void addHeading(const QString& text);
  /// A paragraph of wrapped text; '\n' starts a new line within it.
  void addParagraph(const QString& text);
  /// A two-column table: labels in bold on the left (about a third of the width), values wrapped.
  void addTable(const std::vector<ReportRow>& rows);
  /// An image scaled to at most `widthFraction` (0-1] of the text width and about half the page
  /// height, keeping its aspect ratio, centred, with an italic caption below. Throws ReportError
  /// for a null image or a fraction outside (0, 1].
  void addImage(const QImage& image, const QString& caption, double widthFraction = 1.0);
  /// Starts the next block on a new page.
  void addPageBreak();
  /// Text on the left of every page's footer (e.g. "HipGuide procedure report, 2026-11-28").
  void setFooterText(const QString& text);

  /// Writes the PDF, replacing `file` (parent folders are created). Returns the page count.
  /// Throws ReportError when the file cannot be written.
  int writePdf(const std::filesystem::path& file) const;

  /// One stored block; public so that the layout code (src/records) can read it.
  struct Block {
    enum class Kind { Heading, Paragraph, Table, Image, PageBreak };
    Kind kind = Kind::Paragraph;
    QString text;                 ///< Heading or paragraph text, image caption.
    std::vector<ReportRow> rows;  ///< Table rows.
    QImage image;                 ///< Image blocks only.
    double widthFraction = 1.0;   ///< Image blocks only.
  };

 private:
  QString m_title;
  QString m_footerText;
  std::vector<Block> m_blocks;
};

}  // namespace hipguide::records
