// The report's two pictures, drawn as vector graphics at the cursor of a PdfDoc.
#pragma once

#include <cstddef>
#include <vector>

#include "report/pdf_doc.hpp"
#include "report/report.hpp"

namespace pilotdeck::report {

// The worries and how many people shared each, as horizontal bars.
void draw_worries_chart(PdfDoc& doc, const std::vector<core::Concern>& concerns);

// Benefit (up) against risk (right) with the quadrants of contracts.md section 4; every scored
// idea is a dot, pilots filled; `numbers[r]` is the number printed for results[r] (its place in
// the ranking), shown next to the dot while the ideas are few enough to read.
// `side` is the plot's edge in points; the whole picture with its legend is side + 60 high.
inline double matrix_height(double side) { return side + 60; }
void draw_matrix(PdfDoc& doc, const ReportInput& in, const std::vector<int>& numbers, double side);

}  // namespace pilotdeck::report
