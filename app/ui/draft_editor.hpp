// "Edit a copy, save when typing pauses, one undo step per field session": the one way a panel
// edits a stored record (the workshop details, an idea's details) through text fields.
//
// The panel keeps a DraftEditor<Record>. Every frame it calls refresh() with the stored record,
// draws its fields with field() inside PushID(generation()), and then finish() with how to commit
// the draft. The draft is committed when a field is left (Enter, focus elsewhere, Esc) or when
// typing pauses; until then UiContext holds the edit (whatever ends the typing commits it). The
// saves of one field from the moment it takes the focus until it lets go carry one coalescing
// key (save_key()), so they are one undo step.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include <imgui.h>

#include "ui/ui_context.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

// The field sessions of one draft (not the draft itself): focus counts, the coalescing key and
// the typing pause.
class FieldSessions {
public:
    // A text field editing `value`. `record` names the record in the undo key (with the field id
    // and the focus count), `what` names the field in the undo label ("department").
    void field(const char* label, const char* id, std::string& value, int lines, const std::string& record,
               const char* what = "");
    // An edit that is a step of its own (a pick from a list): committed now, not coalesced.
    void picked(const char* what);
    // After the fields: commits now (a field finished or typing paused), or asks UiContext to
    // hold the edit under `hold_key` until something ends the typing.
    void finish(UiContext& ctx, const std::string& hold_key, const std::function<void()>& commit);
    // The draft was committed (or dropped): the next save starts a new step.
    void committed();

    const std::string& save_key() const { return save_key_; }
    const std::string& save_what() const { return save_what_; }
    // Pushed as an ImGui id around the fields; bumps when the draft is replaced from the session
    // (Dear ImGui 1.86 keeps a field's own undo stack otherwise: see widgets.hpp).
    int generation() const { return generation_; }

protected:
    void replaced() { ++generation_; }

private:
    TypingPause pause_;
    int generation_ = 0;
    std::map<std::string, int> focus_serial_;  // field id -> the count when it last took the focus
    int focus_count_ = 0;
    std::string save_key_;   // coalescing key of the edit waiting to be saved
    std::string save_what_;  // what that edit changes, for the undo label
    bool changed_ = false, done_ = false;  // this frame
};

template <class Record>
class DraftEditor : public FieldSessions {
public:
    // Takes `stored` as the draft when `other` (another record is shown now) or when the session
    // changed since the draft was taken and no field is being typed in.
    void refresh(const Record& stored, std::uint64_t revision, bool other = false) {
        if (!other && (revision == seen_ || ImGui::IsAnyItemActive())) return;
        draft_ = stored;
        seen_ = revision;
        replaced();
    }
    // The draft went into the session at `revision` (it is the stored record now).
    void saved(std::uint64_t revision) { seen_ = revision; }
    Record& draft() { return draft_; }
    const Record& draft() const { return draft_; }

private:
    Record draft_{};
    std::uint64_t seen_ = ~std::uint64_t{0};
};

}  // namespace pilotdeck::ui
