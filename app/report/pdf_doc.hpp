// A small flowing-text layout on cairo's PDF surface: A4 pages, a cursor, word-wrapped
// paragraphs and page breaks. Fonts: DejaVu Sans through cairo's FreeType/fontconfig backend
// (cairo embeds the subsets it uses).
#pragma once

#include <cairo.h>

#include <string>
#include <string_view>
#include <vector>

namespace pilotdeck::report {

struct Rgb {
    double r = 0, g = 0, b = 0;
};

namespace colors {
inline constexpr Rgb kText{0.13, 0.13, 0.15};
inline constexpr Rgb kMuted{0.40, 0.42, 0.46};
inline constexpr Rgb kAccent{0.10, 0.36, 0.66};
inline constexpr Rgb kLine{0.78, 0.80, 0.83};
}  // namespace colors

struct Font {
    double size = 10;
    bool bold = false;
    Rgb color = colors::kText;
};

namespace fonts {
inline constexpr Font kBody{10, false, colors::kText};
inline constexpr Font kSmall{8.5, false, colors::kMuted};
inline constexpr Font kLabel{10, true, colors::kText};
inline constexpr Font kH1{20, true, colors::kText};
inline constexpr Font kH2{14, true, colors::kAccent};
inline constexpr Font kH3{11.5, true, colors::kText};
}  // namespace fonts

// A4 in PostScript points (210 x 297 mm).
inline constexpr double kPageWidth = 595.2756;
inline constexpr double kPageHeight = 841.8898;
inline constexpr double kMargin = 56.0;  // about 2 cm

class PdfDoc {
public:
    // Draws into a PDF kept in memory (bytes()).
    PdfDoc(std::string title, std::string footer);
    ~PdfDoc();
    PdfDoc(const PdfDoc&) = delete;
    PdfDoc& operator=(const PdfDoc&) = delete;

    cairo_t* cr() { return cr_; }
    double left() const { return kMargin; }
    double right() const { return kPageWidth - kMargin; }
    double width() const { return right() - left(); }
    double bottom() const { return kPageHeight - kMargin; }
    double y = kMargin;  // the top of the next line

    void use(const Font& f);
    double text_width(std::string_view text, const Font& f);
    // Word wrap at `max_width`; a word wider than a line is broken between characters.
    std::vector<std::string> wrap(std::string_view text, const Font& f, double max_width);
    double line_height(const Font& f) const { return f.size * 1.35; }

    // Starts a new page unless `height` still fits above the bottom margin.
    void ensure(double height);
    void new_page();
    void space(double height) { y += height; }

    // Text at the cursor, wrapped, moving the cursor down; keeps up to `keep_lines` lines together.
    void paragraph(std::string_view text, const Font& f, double indent = 0, int keep_lines = 2);
    void heading(std::string_view text, const Font& f);
    // "Label: value" with the label in bold and the value wrapped after it.
    void field(std::string_view label, std::string_view value, double indent = 0);
    // One line of text at (x, baseline) without moving the cursor.
    void text_at(double x, double baseline, std::string_view text, const Font& f);
    void rule();

    int page() const { return page_; }
    std::string finish();  // ends the document and returns the PDF bytes

private:
    void footer();
    std::string bytes_;
    std::string footer_text_;
    cairo_surface_t* surface_ = nullptr;
    cairo_t* cr_ = nullptr;
    int page_ = 1;
    bool finished_ = false;
};

}  // namespace pilotdeck::report
