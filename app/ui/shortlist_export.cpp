#include "ui/shortlist_export.hpp"

#include <exception>
#include <filesystem>

#include "base/i18n.hpp"
#include "documents/documents.hpp"
#include "ui/export_png.hpp"
#include "ui/panel_set.hpp"
#include "ui/panel_start.hpp"

namespace pilotdeck::ui {

std::string title_slug(const std::string& title) {
    const std::string slug = slugify(title);  // the same names as new workshop files get
    return slug.empty() ? "workshop" : slug;
}

ExportResult export_shortlist(const UiContext& ctx, const std::string& json_path) {
    ExportResult out;
    const core::Session& s = ctx.session;
    const core::Workshop& ws = s.workshop();
    try {
        documents::write_file_atomic(json_path,
                                     documents::write_shortlist({ws, s.results(), s.selection(), ws.selection}));
        out.json_written = true;
    } catch (const std::exception& e) {
        out.error = e.what();
        return out;
    }
    namespace fs = std::filesystem;
    out.png_path = (fs::path(json_path).parent_path() / (title_slug(ws.info.title) + "-matrix.png")).string();
    out.png_written = export_matrix_png(ctx, out.png_path, 1920, 1080, out.error);
    return out;
}

void carry_out(UiContext& ctx, const ExportShortlist& request) {
    ShortlistState& state = ctx.panels().shortlist.state;
    const ExportResult r = export_shortlist(ctx, request.json_path);
    state.export_result.clear();
    state.exported_at = ctx.session.revision();
    if (r.json_written && r.png_written) {
        state.export_result = i18n::format(i18n::tr("Exported to {0} and {1}"), {request.json_path, r.png_path});
        ctx.state.status = i18n::tr("Shortlist exported");
    } else if (r.json_written) {
        state.export_result = i18n::format(i18n::tr("Exported to {0}"), {request.json_path});
        ctx.state.error = i18n::format(i18n::tr("The shortlist was exported, the matrix image was not: {0}"), {r.error});
    } else {
        ctx.state.error = i18n::format(i18n::tr("Export failed: {0}"), {r.error});
    }
}

}  // namespace pilotdeck::ui
