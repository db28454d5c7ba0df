// File > Export report…: the application layer's side of the ExportReport request.
#include <exception>
#include <filesystem>

#include "base/i18n.hpp"
#include "documents/documents.hpp"
#include "report/workshop_report.hpp"
#include "ui/workshop_controller.hpp"

namespace pilotdeck::ui {

Outcome WorkshopController::export_report() {
    const std::string file = path();
    if (!is_open() || file.empty()) return {{}, i18n::tr("There is no workshop file to make a report of.")};
    const std::filesystem::path p(file);
    const std::string out = (p.parent_path() / (p.stem().string() + "-report.pdf")).string();
    try {
        // Every edit is saved when made, so the file holds what the window shows.
        const core::ObligationCatalogue obligations = documents::load_obligations(report::shipped_obligations_path());
        report::WorkshopReportOptions options;
        options.obligations = &obligations;
        report::write_workshop_report(file, out, options);
    } catch (const std::exception& e) {
        return {{}, e.what()};
    }
    return {i18n::format(i18n::tr("Exported to {0}"), {out}), {}};
}

}  // namespace pilotdeck::ui
