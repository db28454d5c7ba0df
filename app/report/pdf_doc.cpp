#include "report/pdf_doc.hpp"

#include <cairo-pdf.h>

#include <stdexcept>

#include "base/i18n.hpp"

namespace pilotdeck::report {

namespace {

constexpr const char* kFamily = "DejaVu Sans";

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    auto* out = static_cast<std::string*>(closure);
    out->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// Length of the UTF-8 sequence that starts with byte c (1 for stray continuation bytes).
std::size_t utf8_length(unsigned char c) {
    if (c >= 0xF0) return 4;
    if (c >= 0xE0) return 3;
    if (c >= 0xC0) return 2;
    return 1;
}

}  // namespace

PdfDoc::PdfDoc(std::string title, std::string footer) : footer_text_(std::move(footer)) {
    surface_ = cairo_pdf_surface_create_for_stream(append_bytes, &bytes_, kPageWidth, kPageHeight);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(cairo_status_to_string(cairo_surface_status(surface_)));
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "pilotdeck");
    cr_ = cairo_create(surface_);
}

PdfDoc::~PdfDoc() {
    if (cr_) cairo_destroy(cr_);
    if (surface_) cairo_surface_destroy(surface_);
}

void PdfDoc::use(const Font& f) {
    cairo_select_font_face(cr_, kFamily, CAIRO_FONT_SLANT_NORMAL,
                           f.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr_, f.size);
    cairo_set_source_rgb(cr_, f.color.r, f.color.g, f.color.b);
}

double PdfDoc::text_width(std::string_view text, const Font& f) {
    use(f);
    const std::string s(text);
    cairo_text_extents_t ext{};
    cairo_text_extents(cr_, s.c_str(), &ext);
    return ext.x_advance;
}

std::vector<std::string> PdfDoc::wrap(std::string_view text, const Font& f, double max_width) {
    std::vector<std::string> lines;
    use(f);
    cairo_text_extents_t ext{};
    auto width_of = [&](const std::string& s) {
        cairo_text_extents(cr_, s.c_str(), &ext);
        return ext.x_advance;
    };
    std::size_t start = 0;
    while (start <= text.size()) {  // one explicit line ('\n') at a time
        const std::size_t nl = text.find('\n', start);
        const std::string_view part = text.substr(start, nl == std::string_view::npos ? text.npos : nl - start);
        std::string line;
        std::size_t i = 0;
        while (i < part.size()) {
            while (i < part.size() && part[i] == ' ') ++i;
            if (i >= part.size()) break;
            std::size_t j = part.find(' ', i);
            if (j == std::string_view::npos) j = part.size();
            std::string word(part.substr(i, j - i));
            i = j;
            const std::string candidate = line.empty() ? word : line + " " + word;
            if (width_of(candidate) <= max_width) {
                line = candidate;
                continue;
            }
            if (!line.empty()) lines.push_back(line);
            line.clear();
            // A word wider than the line: break it between characters, never inside one.
            while (width_of(word) > max_width) {
                std::size_t cut = 0, k = 0;
                while (k < word.size()) {
                    const std::size_t next = k + utf8_length(static_cast<unsigned char>(word[k]));
                    if (width_of(word.substr(0, next)) > max_width) break;
                    cut = k = next;
                }
                if (cut == 0) cut = utf8_length(static_cast<unsigned char>(word[0]));
                lines.push_back(word.substr(0, cut));
                word.erase(0, cut);
            }
            line = word;
        }
        lines.push_back(line);
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return lines;
}

void PdfDoc::ensure(double height) {
    if (y + height > bottom()) new_page();
}

void PdfDoc::footer() {
    const std::string text = i18n::format(i18n::tr("{0} — page {1}"), {footer_text_, std::to_string(page_)});
    const Font f = fonts::kSmall;
    const double baseline = kPageHeight - kMargin / 2;
    const double w = text_width(text, f);
    if (w <= width()) {
        text_at(right() - w, baseline, text, f);
    } else {
        const auto lines = wrap(text, f, width());
        text_at(left(), baseline, lines.back(), f);
    }
}

void PdfDoc::new_page() {
    footer();
    cairo_show_page(cr_);
    ++page_;
    y = kMargin;
}

void PdfDoc::paragraph(std::string_view text, const Font& f, double indent, int keep_lines) {
    const auto lines = wrap(text, f, width() - indent);
    const double lh = line_height(f);
    const auto keep = static_cast<double>(std::min<std::size_t>(lines.size(), static_cast<std::size_t>(keep_lines)));
    ensure(lh * keep);
    for (const auto& line : lines) {
        ensure(lh);
        text_at(left() + indent, y + f.size, line, f);
        y += lh;
    }
}

void PdfDoc::heading(std::string_view text, const Font& f) {
    ensure(line_height(f) * 2 + line_height(fonts::kBody) * 3);  // never alone at the bottom
    space(f.size * 0.4);
    paragraph(text, f, 0, 3);
    space(f.size * 0.25);
}

void PdfDoc::field(std::string_view label, std::string_view value, double indent) {
    const std::string head = std::string(label) + ": ";
    const double label_w = text_width(head, fonts::kLabel);
    const double lh = line_height(fonts::kBody);
    const double avail = width() - indent - label_w;
    if (avail < width() * 0.35) {  // a long label: value on its own lines
        paragraph(head, fonts::kLabel, indent);
        paragraph(value, fonts::kBody, indent + 12);
        return;
    }
    const auto lines = wrap(value, fonts::kBody, avail);
    ensure(lh * static_cast<double>(std::min<std::size_t>(lines.size(), 2)));
    text_at(left() + indent, y + fonts::kBody.size, head, fonts::kLabel);
    for (const auto& line : lines) {
        ensure(lh);
        text_at(left() + indent + label_w, y + fonts::kBody.size, line, fonts::kBody);
        y += lh;
    }
}

void PdfDoc::text_at(double x, double baseline, std::string_view text, const Font& f) {
    use(f);
    const std::string s(text);
    cairo_move_to(cr_, x, baseline);
    cairo_show_text(cr_, s.c_str());
}

void PdfDoc::rule() {
    ensure(6);
    cairo_set_source_rgb(cr_, colors::kLine.r, colors::kLine.g, colors::kLine.b);
    cairo_set_line_width(cr_, 0.6);
    cairo_move_to(cr_, left(), y + 3);
    cairo_line_to(cr_, right(), y + 3);
    cairo_stroke(cr_);
    y += 6;
}

std::string PdfDoc::finish() {
    if (!finished_) {
        footer();
        cairo_show_page(cr_);
        cairo_destroy(cr_);
        cr_ = nullptr;
        cairo_surface_finish(surface_);
        const cairo_status_t st = cairo_surface_status(surface_);
        cairo_surface_destroy(surface_);
        surface_ = nullptr;
        finished_ = true;
        if (st != CAIRO_STATUS_SUCCESS) throw std::runtime_error(cairo_status_to_string(st));
    }
    return std::move(bytes_);
}

}  // namespace pilotdeck::report
