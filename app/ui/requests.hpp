// What a view asks of the application layer instead of doing it itself: a view draws and emits
// commands (to the core, through UiContext::run) and requests (to the application layer,
// through UiContext::request). The application layer takes them after the frame
// (App::handle_requests) and hands them to the WorkshopController; what came of them shows in
// the status line or the error banner.
#pragma once

#include <string>
#include <variant>

namespace pilotdeck::ui {

// The phones' blind round: closed (the scores revealed) or reopened (the phones box).
struct SetPhoneRound {
    bool open = false;
};

// File > Export report…: the report for decision makers (PDF) next to the workshop file.
struct ExportReport {};

// The shortlist stage's Export: the shortlist document written to `json_path` and the matrix
// image beside it (shortlist_export.hpp); the panel shows "Exported to …" when it is done.
struct ExportShortlist {
    std::string json_path;
};

using Request = std::variant<SetPhoneRound, ExportReport, ExportShortlist>;

}  // namespace pilotdeck::ui
