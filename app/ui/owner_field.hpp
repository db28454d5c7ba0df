// An idea's owner as a text field that completes from the participants, so the keyboard alone
// picks one (Dear ImGui 1.86's Tab stops only at text fields, never at a drop-down).
//
// Tab (or a click) puts the keyboard in it; typing shows the participants whose name holds the
// typed letters (those starting with them first); Up / Down move through them, Enter or Tab
// takes the highlighted one (Enter keeps the keyboard in the field, so Tab walks on from it).
// A name nobody has is offered as the list's last entry ("Add … as a participant"), taken the
// same way; left otherwise (a click elsewhere) it is refused and the owner stays. An emptied
// field left by Enter or Tab clears the owner. Esc leaves it unchanged.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"
#include "ui/ui_context.hpp"

struct ImGuiInputTextCallbackData;

namespace pilotdeck::ui {

// What the field asks for this frame.
struct OwnerChoice {
    enum class Kind { None, Pick, Clear, Add };
    Kind kind = Kind::None;
    std::string value;  // Pick: the participant's id; Add: the new participant's name
    bool held = false;  // not taken yet: what to take if something ends the typing (UiContext::hold_edit)
};

// The participants whose name holds `typed` (capitals and small letters alike): whole-name
// matches first, then those starting with it, then the others, each in the workshop's order.
std::vector<const core::Participant*> owner_matches(const std::vector<core::Participant>& people,
                                                    const std::string& typed);

class OwnerField {
public:
    // Draws the label, the field and, while it is typed in, the list of matches below it.
    // `owner`: the stored owner's id ("" for nobody).
    OwnerChoice draw(UiContext& ctx, const std::string& owner);

private:
    static int replace_text(ImGuiInputTextCallbackData* data);  // puts replacement_ into the field

    std::string text_;         // what the field shows or is typed
    std::string shown_owner_;  // the owner id text_ was taken from
    int highlight_ = -1;       // the highlighted entry of the list, -1 none
    bool was_active_ = false;  // the field had the keyboard last frame (the list is up)
    bool edited_ = false;      // typed in since it took the keyboard
    std::string replacement_;  // the name Enter took, for the field to show
    bool replace_pending_ = false;
};

}  // namespace pilotdeck::ui
