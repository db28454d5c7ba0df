#include "ui/workshop_controller.hpp"

#include <GLFW/glfw3.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include "base/i18n.hpp"
#include "core/carry_over.hpp"

namespace pilotdeck::ui {

OpenWorkshop open_workshop(const std::string& path, bool read_only) {
    using storage::WorkshopFile;
    OpenWorkshop w;
    w.file = WorkshopFile::open(path, read_only ? WorkshopFile::Mode::ReadOnly : WorkshopFile::Mode::ReadWrite);
    w.session = std::make_unique<core::Session>(w.file->load(), w.file->current_stage(),
                                                read_only ? nullptr : w.file.get());
    if (!read_only) {
        w.backups = std::make_unique<storage::Backups>(path);
        w.file->fold_log_in_background();  // neither a frame nor the phones' votes wait for a checkpoint
    }
    return w;
}

WorkshopController::~WorkshopController() { stop_phones(); }

void WorkshopController::show(OpenWorkshop w) {
    if (is_open() && before_close) before_close();  // the workshop being closed keeps what was typed
    stop_phones();  // the server serves the session about to go away
    if (workshop_.backups) workshop_.backups->backup_if_changed();  // the workshop being closed
    workshop_ = std::move(w);
    timers_.clear();
    sync_timers();
    if (after_show) after_show();
}

std::string WorkshopController::open(const std::string& path) {
    try {
        show(open_workshop(path, false));
        return {};
    } catch (const std::exception& e) {
        return e.what();
    }
}

std::string WorkshopController::create(const std::string& path, const core::Workshop& ws) {
    try {
        std::filesystem::create_directories(std::filesystem::path(path).parent_path());
        storage::WorkshopFile::create(path, ws).reset();
    } catch (const std::exception& e) {
        return e.what();
    }
    return open(path);
}

std::string WorkshopController::create_follow_up(const std::string& path, const std::string& earlier_path,
                                                 const core::Template& t, const core::WorkshopInfo& info) {
    core::Workshop ws;
    try {
        const core::Workshop earlier =
            storage::WorkshopFile::open(earlier_path, storage::WorkshopFile::Mode::ReadOnly)->load();
        ws = core::carry_over(earlier, t, info.title, info.date);
    } catch (const std::exception& e) {
        return e.what();
    }
    if (!info.organisation.empty()) ws.info.organisation = info.organisation;
    if (!info.facilitator.empty()) ws.info.facilitator = info.facilitator;
    return create(path, ws);
}

void WorkshopController::close() {
    if (is_open() && before_close) before_close();
    stop_phones();
    if (workshop_.backups) workshop_.backups->backup_if_changed();
}

std::string WorkshopController::path() const { return workshop_.file ? workshop_.file->path() : std::string(); }

void WorkshopController::sync_timers() {
    if (!is_open()) return;
    const auto& stages = workshop_.session->workshop().stages;
    if (timers_.size() == stages.size()) return;
    timers_.clear();
    for (const auto& st : stages) {
        timers_.emplace_back();
        timers_.back().set_duration(std::chrono::minutes(st.minutes));
    }
}

core::Countdown* WorkshopController::current_timer() {
    return const_cast<core::Countdown*>(static_cast<const WorkshopController&>(*this).current_timer());
}

const core::Countdown* WorkshopController::current_timer() const {
    if (!is_open()) return nullptr;
    const int i = workshop_.session->current_stage();
    if (i < 0 || i >= static_cast<int>(timers_.size())) return nullptr;
    return &timers_[static_cast<std::size_t>(i)];
}

Outcome WorkshopController::tend_backups() {
    if (!workshop_.backups) return {};
    const bool first = !workshop_.backups_started;
    workshop_.backups_started = true;
    const storage::BackupResult r = first ? workshop_.backups->on_open() : workshop_.backups->maybe_backup();
    if (r.failed()) return {i18n::format(i18n::tr("Backup failed: {0}"), {r.error}), {}};
    return {};
}

namespace {

// PILOTDECK_PHONE_BIND / PILOTDECK_PHONE_PORT (tests, or a room with several networks).
// Returns an error line for a port that is not a number from 1 to 65535.
std::string phone_options_from_env(server::ServerOptions& o) {
    if (const char* bind = std::getenv("PILOTDECK_PHONE_BIND"); bind && *bind) o.bind = bind;
    if (const char* port = std::getenv("PILOTDECK_PHONE_PORT"); port && *port) {
        const std::string text = port;
        int value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || end != text.data() + text.size() || value < 1 || value > 65535)
            return i18n::format(i18n::tr("Phones: PILOTDECK_PHONE_PORT is not a port number: {0}"), {text});
        o.port = value;
    }
    return {};
}

}  // namespace

Outcome WorkshopController::toggle_phones() {
    if (phones_on()) {
        stop_phones();
        return {i18n::tr("Phones off"), {}};
    }
    return start_phones();
}

Outcome WorkshopController::start_phones() {
    if (!is_open()) return {};
    // Read-only workshops (screenshots) have no backups and no store: nothing to vote into.
    if (!editable()) return {i18n::tr("Phones: this workshop is open read-only"), {}};
    server::ServerOptions o;
    if (const std::string err = phone_options_from_env(o); !err.empty()) {
        std::cerr << "pilotdeck: " << err << std::endl;
        return {{}, err};
    }
    o.wake = [] { glfwPostEmptyEvent(); };
    try {
        auto phones = std::make_unique<server::PhoneServer>();
        phones->start(*workshop_.session, *workshop_.file, o);  // tokens kept in the file: phones stay who they were
        phones_ = std::move(phones);
    } catch (const std::exception& e) {
        phones_.reset();
        std::cerr << "pilotdeck: phones: " << e.what() << std::endl;  // for scripts, like the url line
        return {{}, i18n::format(i18n::tr("Phones: {0}"), {e.what()})};
    }
    phones_stage_.reset();
    sync_phones();
    // One line for scripts and tests (like `pilotdeck serve`): the code is otherwise only on screen.
    std::cout << "phones: url: " << phones_->url() << " code: " << phones_->join_code() << std::endl;
    std::cout << "phones: jury: " << phones_->jury_code() << std::endl;  // hackathons: the jury's own code
    return {i18n::format(i18n::tr("Phones on: {0}"), {phones_->url()}), {}};
}

void WorkshopController::stop_phones() {
    if (phones_) phones_->stop();
    phones_.reset();
    phones_stage_.reset();
}

bool WorkshopController::sync_phones() {
    if (!is_open() || !phones_on()) return false;
    const auto& stages = workshop_.session->workshop().stages;
    const int cur = workshop_.session->current_stage();
    if (cur >= 0 && cur < static_cast<int>(stages.size())) {
        const core::StageKind kind = stages[static_cast<std::size_t>(cur)].kind;
        if (phones_stage_ != kind) {
            phones_->set_stage(kind);
            phones_stage_ = kind;
        }
    }
    return phones_->round_open();
}

void WorkshopController::pump_phones() {
    if (phones_on()) phones_->pump();  // queued joins and votes, on this thread
}

Outcome WorkshopController::set_phone_round(bool open) {
    if (!phones_on()) return {};
    if (open) {
        phones_->open_round();
        return {i18n::tr("Phone round reopened"), {}};
    }
    phones_->close_round();
    return {i18n::tr("Phone round closed: scores revealed"), {}};
}

Outcome WorkshopController::new_join_code() {
    if (!phones_on()) return {};
    return {i18n::format(i18n::tr("New join code: {0}"), {phones_->new_join_code()}), {}};
}

std::string WorkshopController::jury_code() const { return phones_on() ? phones_->jury_code() : std::string(); }

// The file keeps whether it is closed (core::SetAudienceVoteOpen): turning the phones off and on,
// or reopening the workshop, leaves it closed.
bool WorkshopController::audience_vote_open() const { return phones_on() && phones_->audience_vote_open(); }

Outcome WorkshopController::close_audience_vote() {
    if (!audience_vote_open()) return {};
    phones_->close_audience_vote();  // one undo step in the file; from now on every vote gets 409
    return {i18n::tr("Audience vote closed: the awards can reveal the audience award"), {}};
}

}  // namespace pilotdeck::ui
