// The open workshop, apart from any window: its file, session, backups, countdowns and phone
// server. The application layer owns one; the start-up path (gui.cpp) loads through it; every
// view (the projected window, later a presenter window beside it) draws the same session with
// a UiContext of its own. Views never create files, export or open rounds: they emit a
// ui::Request (requests.hpp) and the application layer hands it to the controller.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/session.hpp"
#include "core/timer.hpp"
#include "server/phone_server.hpp"
#include "storage/backup.hpp"
#include "storage/workshop_file.hpp"

namespace pilotdeck::ui {

// A workshop file with its session. For screenshots the file is read-only and the session
// has no store.
struct OpenWorkshop {
    std::unique_ptr<storage::WorkshopFile> file;
    std::unique_ptr<core::Session> session;
    // Rolling backups of a file opened for editing (null for read-only): the first when the
    // window is up (when changed since the newest backup), then every 30 minutes of editing.
    std::unique_ptr<storage::Backups> backups;
    bool backups_started = false;
};

// Opens `path`; throws storage::StorageError (one line naming the file) when it cannot.
OpenWorkshop open_workshop(const std::string& path, bool read_only);

// What an operation has to say: a status line, or an error for the banner (both may be empty).
struct Outcome {
    std::string status;
    std::string error;
};

class WorkshopController {
public:
    WorkshopController() = default;
    WorkshopController(const WorkshopController&) = delete;
    WorkshopController& operator=(const WorkshopController&) = delete;
    ~WorkshopController();

    // Called before the open workshop goes (another shown, or close()): the views commit what
    // is being typed and let go of the session.
    std::function<void()> before_close;
    // Called after a workshop is shown: the views make their state for it.
    std::function<void()> after_show;

    // Shows this workshop (replaces the current one: before_close, the phones stop, a backup).
    void show(OpenWorkshop w);
    // Opens a file for editing and shows it; the error line (naming the file) on failure, when
    // the open workshop stays.
    std::string open(const std::string& path);
    // Creates the file (and its folder) from `ws`, then opens it; the error line on failure.
    std::string create(const std::string& path, const core::Workshop& ws);
    // A follow-up meeting (contracts 12, as `pilotdeck new FILE --from EARLIER`): reads the earlier
    // workshop file read-only, carries its participants, open ideas and pilots over into `t`'s
    // stages (core::carry_over) with `info`'s title and date (its organisation and facilitator when
    // given), creates the file and opens it; "" or why not (the earlier file untouched).
    std::string create_follow_up(const std::string& path, const std::string& earlier_path, const core::Template& t,
                                 const core::WorkshopInfo& info);
    // The end (quit): before_close, the phones stop, a last backup when changed.
    void close();

    bool is_open() const { return workshop_.session != nullptr; }
    core::Session& session() { return *workshop_.session; }
    const core::Session& session() const { return *workshop_.session; }
    // The file's path ("" when none).
    std::string path() const;
    // Opened for editing (read-only screenshots are not: no backups, no phones).
    bool editable() const { return workshop_.backups != nullptr; }

    // One countdown per stage (made when the stages change); the current stage's, or null.
    void sync_timers();
    core::Countdown* current_timer();
    const core::Countdown* current_timer() const;
    const std::vector<core::Countdown>& timers() const { return timers_; }

    // Backups never stand in the way of an edit: a failure is only reported.
    Outcome tend_backups();

    // The phone server (F4, View > Phones): only for a workshop opened for editing.
    bool phones_on() const { return phones_ && phones_->running(); }
    const server::PhoneServer* phones() const { return phones_on() ? phones_.get() : nullptr; }
    Outcome toggle_phones();
    Outcome start_phones();
    void stop_phones();
    // The phones follow the stage; returns whether the blind round is open.
    bool sync_phones();
    void pump_phones();
    Outcome set_phone_round(bool open);
    // A new join code (the old one was spent by guessing; phones that joined stay).
    Outcome new_join_code();
    // contracts 6: the jury's join code ("" when the phones are off): for the facilitator only.
    std::string jury_code() const;
    // The hackathon's audience vote: open while the phones run until closed here (the awards
    // then reveal the audience award). False when the phones are off.
    bool audience_vote_open() const;
    Outcome close_audience_vote();
    // The report for decision makers (contracts 11) as STEM-report.pdf next to the workshop file,
    // in the current language: "Exported to PATH", or the error (report_export.cpp).
    Outcome export_report();

private:
    OpenWorkshop workshop_;
    std::vector<core::Countdown> timers_;
    // Declared after the workshop: destroyed (stopped) before the session it serves.
    std::unique_ptr<server::PhoneServer> phones_;
    std::optional<core::StageKind> phones_stage_;  // last stage kind given to set_stage()
};

}  // namespace pilotdeck::ui
