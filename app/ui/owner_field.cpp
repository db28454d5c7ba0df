#include "ui/owner_field.hpp"

#include <algorithm>
#include <array>
#include <cfloat>

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "base/i18n.hpp"
#include "base/text.hpp"
#include "core/text.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

namespace {

constexpr std::size_t kMaxShown = 8;  // matches listed at once (more letters narrow them)

using base::fold_case;

bool pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false); }

// One entry of the list: a participant, or (null) the typed name to add.
struct Entry {
    const core::Participant* person = nullptr;
};

std::vector<Entry> entries_for(const std::vector<core::Participant>& people, const std::string& text) {
    std::vector<Entry> out;
    const std::string typed = core::trim(text);
    bool exact = false;
    for (const core::Participant* p : owner_matches(people, typed)) {
        if (out.size() == kMaxShown) break;
        exact |= fold_case(p->name) == fold_case(typed);
        out.push_back({p});
    }
    if (!typed.empty() && !exact) out.push_back({nullptr});
    return out;
}

// Entry `i` of the list taken: a participant picked (nothing when it is the owner already), or
// the typed name to add.
OwnerChoice take_entry(const std::vector<Entry>& entries, int i, const std::string& typed, const std::string& owner) {
    const core::Participant* p = entries[static_cast<std::size_t>(i)].person;
    if (!p) return OwnerChoice{OwnerChoice::Kind::Add, typed, false};
    if (p->id == owner) return OwnerChoice{};
    return OwnerChoice{OwnerChoice::Kind::Pick, p->id, false};
}

}  // namespace

int OwnerField::replace_text(ImGuiInputTextCallbackData* data) {
    auto* self = static_cast<OwnerField*>(data->UserData);
    if (!self->replace_pending_) return 0;
    self->replace_pending_ = false;
    data->DeleteChars(0, data->BufTextLen);
    data->InsertChars(0, self->replacement_.c_str());
    return 0;
}

std::vector<const core::Participant*> owner_matches(const std::vector<core::Participant>& people,
                                                    const std::string& typed) {
    const std::string t = fold_case(core::trim(typed));
    std::vector<std::pair<int, const core::Participant*>> ranked;
    for (const auto& p : people) {
        const std::string name = fold_case(p.name);
        const std::size_t at = name.find(t);
        if (at == std::string::npos) continue;
        ranked.emplace_back(name == t ? 0 : at == 0 ? 1 : 2, &p);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const core::Participant*> out;
    for (const auto& r : ranked) out.push_back(r.second);
    return out;
}

OwnerChoice OwnerField::draw(UiContext& ctx, const std::string& owner) {
    const auto& people = ctx.session.workshop().participants;
    const core::Participant* stored = ctx.session.find_participant(owner);
    if (!was_active_) {  // not typed in: the field shows the stored owner
        text_ = stored ? stored->name : std::string();
        shown_owner_ = owner;
        highlight_ = -1;
        edited_ = false;
    }
    // The keys that end typing, seen before the field lets go of the keyboard on them.
    ImGuiIO& io = ImGui::GetIO();
    const bool enter = was_active_ && (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter));
    const bool tab = was_active_ && pressed(ImGuiKey_Tab);
    const bool esc = was_active_ && pressed(ImGuiKey_Escape);
    std::vector<Entry> entries = entries_for(people, text_);
    const int n = static_cast<int>(entries.size());
    if (was_active_ && n > 0) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) highlight_ = (highlight_ + 1) % n;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) highlight_ = highlight_ <= 0 ? n - 1 : highlight_ - 1;
    }
    // Enter takes the highlighted entry (or clears the owner of an emptied field) and keeps the
    // keyboard in the field, now showing the owner's name, so Tab walks on from here: the field
    // does not see this Enter (it would let go of the keyboard).
    OwnerChoice by_enter;
    if (enter) {
        const std::string typed = core::trim(text_);
        if (highlight_ >= 0 && highlight_ < n) {
            by_enter = take_entry(entries, highlight_, typed, owner);
            const core::Participant* p = entries[static_cast<std::size_t>(highlight_)].person;
            replacement_ = p ? p->name : typed;
            replace_pending_ = true;
        } else if (typed.empty() && edited_ && !owner.empty()) {
            by_enter.kind = OwnerChoice::Kind::Clear;
        }
    }
    // (Enter reaches a field as its keys and as the keyboard navigation's "input": both held
    // back for this frame: down, not pressed now, not repeating.)
    std::array<float*, 3> enter_timers{nullptr, nullptr, &io.NavInputsDownDuration[ImGuiNavInput_Input]};
    if (io.KeyMap[ImGuiKey_Enter] >= 0) enter_timers[0] = &io.KeysDownDuration[io.KeyMap[ImGuiKey_Enter]];
    if (io.KeyMap[ImGuiKey_KeyPadEnter] >= 0) enter_timers[1] = &io.KeysDownDuration[io.KeyMap[ImGuiKey_KeyPadEnter]];
    std::array<float, 3> held{};
    for (std::size_t k = 0; k < enter_timers.size(); ++k)
        if (enter && enter_timers[k]) {
            held[k] = *enter_timers[k];
            *enter_timers[k] = io.KeyRepeatDelay * 0.5f;
        }

    ImGui::TextUnformatted(i18n::tr("Owner"));
    ImGui::SetNextItemWidth(-1);
    const std::string hint = ellipsised(i18n::tr("nobody yet \u2014 type a name"),
                                        ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().FramePadding.x);
    const bool changed = ImGui::InputTextWithHint("##owner", hint.c_str(), &text_, ImGuiInputTextFlags_CallbackAlways,
                                                  &OwnerField::replace_text, this);
    for (std::size_t k = 0; k < enter_timers.size(); ++k)
        if (enter && enter_timers[k]) *enter_timers[k] = held[k];
    replace_pending_ = false;
    if (enter) {  // taken: a fresh start from the name shown
        edited_ = false;
        highlight_ = -1;
        entries = entries_for(people, text_);
    } else if (changed) {
        edited_ = true;
        entries = entries_for(people, text_);
        highlight_ = core::trim(text_).empty() || entries.empty() ? -1 : 0;
    }
    const bool active = ImGui::IsItemActive();
    // Up / Down move through the list, not the keyboard focus to the next field.
    if (active) GImGui->ActiveIdUsingNavDirMask |= (1u << ImGuiDir_Up) | (1u << ImGuiDir_Down);
    const ImVec2 field_min = ImGui::GetItemRectMin(), field_max = ImGui::GetItemRectMax();
    highlight_ = std::min(highlight_, static_cast<int>(entries.size()) - 1);

    // While typed in (and the frame after, so a click on the list counts): the matches below
    // the field, over whatever is there.
    int clicked = -1;
    if (active || was_active_) {
        const float w = field_max.x - field_min.x;
        ImGui::SetNextWindowPos(ImVec2(field_min.x, field_max.y));
        ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, FLT_MAX));
        ImGui::Begin("##owner_matches", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav |
                         ImGuiWindowFlags_AlwaysAutoResize);
        ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
        ImGui::PushTextWrapPos(0.0f);
        for (int i = 0; i < static_cast<int>(entries.size()); ++i) {
            const core::Participant* p = entries[static_cast<std::size_t>(i)].person;
            const std::string label =
                p ? p->name + (p->department.empty() ? "" : " (" + p->department + ")") + "##" + p->id
                  : i18n::format(i18n::tr("+ Add {0} as a participant"), {quoted_title(core::trim(text_))}) + "##add";
            if (ImGui::Selectable(label.c_str(), i == highlight_, ImGuiSelectableFlags_SelectOnClick)) clicked = i;
        }
        if (entries.empty())
            muted(ctx, i18n::tr("Nobody yet: type a name, Enter adds them as a participant."));
        else
            muted(ctx, i18n::tr("Up / Down pick, Enter or Tab takes it, Esc leaves the owner as it was."));
        ImGui::PopTextWrapPos();
        ImGui::End();
    }
    const bool left = was_active_ && !active;
    was_active_ = active;

    OwnerChoice choice = by_enter;
    const std::string typed = core::trim(text_);
    const auto take = [&](int i) { return take_entry(entries, i, typed, owner); };
    // The typed text as it stands: a participant's whole name, or emptied.
    const core::Participant* exact = nullptr;
    for (const auto& p : people)
        if (fold_case(p.name) == fold_case(typed)) exact = &p;
    if (clicked >= 0) {
        choice = take(clicked);
        was_active_ = false;
        if (active) ImGui::ClearActiveID();
    } else if (left && !esc) {
        if (tab && highlight_ >= 0) {
            choice = take(highlight_);
        } else if (!edited_) {
        } else if (typed.empty()) {
            if (!owner.empty()) choice.kind = OwnerChoice::Kind::Clear;
        } else if (exact) {
            if (exact->id != owner) choice = {OwnerChoice::Kind::Pick, exact->id, false};
        } else {  // an unknown name, not taken as one to add: refused, the owner stays
            ctx.state.status = i18n::format(
                i18n::tr("{0} is not a participant: the owner stays {1}. Type the name and press Enter to add them."),
                {quoted_title(typed), stored ? stored->name : std::string(i18n::tr("nobody yet"))});
        }
    } else if (active && edited_) {
        // Typed, not yet taken: whatever ends the typing (a stage change, quit) takes a whole
        // name or an emptied field.
        if (typed.empty() && !owner.empty()) choice = {OwnerChoice::Kind::Clear, {}, true};
        if (exact && exact->id != owner) choice = {OwnerChoice::Kind::Pick, exact->id, true};
    }
    return choice;
}

}  // namespace pilotdeck::ui
