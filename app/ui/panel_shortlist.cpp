// Shortlist: the selection rules as controls (applied as one undoable edit per gesture, the
// list previewed live while dragging), pins with a reason, the chosen pilots with their "why",
// every other idea with the rule that kept it out, and Export (JSON + matrix PNG). While a blind
// phone round is open it shows the banner only, like the scoring and matrix panels: the pilots,
// their numbers and the reasons would give the scores away.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <string>

#include "base/i18n.hpp"
#include "core/selection.hpp"
#include "documents/documents.hpp"
#include "platform/paths.hpp"
#include "ui/shortlist_export.hpp"
#include "ui/panel_screening.hpp"
#include "ui/panel_set.hpp"
#include "ui/panels.hpp"
#include "ui/screening_text.hpp"
#include "ui/pilot_measures.hpp"
#include "ui/score_display.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {
namespace {

using core::SelectionRules;


std::string default_export_path(const UiContext& ctx) {
    namespace fs = std::filesystem;
    // Beside the workshop file; for a workshop held only in memory, the user's documents.
    const fs::path dir = ctx.state.workshop_path.empty() ? fs::path(platform::documents_dir())
                                                         : fs::path(ctx.state.workshop_path).parent_path();
    return (dir / (title_slug(ctx.session.workshop().info.title) + "-shortlist.json")).string();
}

double tenth(double v) { return std::round(v * 10.0) / 10.0; }

// The rules' controls. Returns true when the draft changed this frame.
bool rule_controls(const UiContext& ctx, SelectionRules& r) {
    bool changed = false;
    const float w = -em(0.5f);  // the column's width, less a gap
    const auto& criteria = ctx.session.workshop().criteria;
    const AxisRange risk = axis_range(criteria, core::Axis::Risk);
    const AxisRange vis = axis_range(criteria, core::Axis::Visibility);

    if (!ImGui::BeginTable("rules", 5, ImGuiTableFlags_SizingStretchSame)) return false;
    const char* const heads[] = {i18n::tr("Max risk"), i18n::tr("Min visibility"), i18n::tr("Min raters"), i18n::tr("Pilots"),
                                 i18n::tr("Per department")};
    for (const char* h : heads) ImGui::TableSetupColumn(h);
    // The headings wrap in their columns ("Min. Sichtbarkeit" was cut to "Min. Sichtbark…" at 1024x768).
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < 5; ++c) {
        ImGui::TableSetColumnIndex(c);
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(heads[c]);
        ImGui::PopTextWrapPos();
    }
    ImGui::TableNextRow();

    // Limits on scores: sliders over the axis' scale in steps of 0.1. The value is shown as people
    // read numbers in the language (2,5 in German and Dutch): a format without a conversion is
    // shown as it is, and typing a number into the slider (Ctrl+click) is off, as it would read
    // "2,5" as 2.
    auto limit_field = [&](int column, const char* id, double& value, const AxisRange& range) {
        ImGui::TableSetColumnIndex(column);
        float v = static_cast<float>(value);
        ImGui::SetNextItemWidth(w);
        const std::string shown = i18n::number(tenth(v), 1);
        if (ImGui::SliderFloat(id, &v, static_cast<float>(range.lo), static_cast<float>(range.hi), shown.c_str(),
                               ImGuiSliderFlags_NoInput)) {
            value = tenth(v);
            changed = true;
        }
    };
    limit_field(0, "##max_risk", r.max_risk, risk);
    limit_field(1, "##min_visibility", r.min_visibility, vis);
    auto int_field = [&](int column, const char* id, int& value, int lowest) {
        ImGui::TableSetColumnIndex(column);
        ImGui::SetNextItemWidth(w);
        if (ImGui::InputInt(id, &value, 1, 1)) {
            value = std::max(value, lowest);
            changed = true;
        }
    };
    int_field(2, "##min_raters", r.min_raters, 0);
    int_field(3, "##size", r.size, 1);
    int_field(4, "##max_per_department", r.max_per_department, 1);
    ImGui::EndTable();
    return changed;
}

void pin_popup(UiContext& ctx) {
    ShortlistState& state = ctx.panels().shortlist.state;
    if (!ImGui::BeginPopup("pin")) return;
    ctx.state.text_dialog_open = true;  // the reason is typed here: letters are text
    const core::Idea* idea = ctx.session.find_idea(state.pin_idea);
    if (!idea) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::PushTextWrapPos(em(28));
    ImGui::TextWrapped("%s", i18n::format(i18n::tr("Pin \u201C{0}\u201D"), {idea->title}).c_str());
    ImGui::PopTextWrapPos();
    ImGui::RadioButton(i18n::tr("Include: always a pilot"), &state.pin_choice, 0);
    ImGui::RadioButton(i18n::tr("Exclude: never a pilot"), &state.pin_choice, 1);
    ImGui::TextUnformatted(i18n::tr("Reason (shown in the shortlist)"));
    ImGui::SetNextItemWidth(em(28));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter = ImGui::InputText("##reason", &state.pin_reason, ImGuiInputTextFlags_EnterReturnsTrue);
    const bool has_reason = state.pin_reason.find_first_not_of(" \t") != std::string::npos;
    if (!has_reason) muted(ctx, i18n::tr("Say why, so the room can follow the decision."));
    ImGui::BeginDisabled(!has_reason);
    if (ImGui::Button(i18n::trc("button", "Pin")) || (enter && has_reason)) {
        core::Idea changed = *idea;
        changed.decision = core::Decision{state.pin_choice == 0 ? core::Pin::Include : core::Pin::Exclude,
                                          state.pin_reason};
        const std::string label = i18n::format(state.pin_choice == 0 ? i18n::tr("Pin \u201C{0}\u201D as a pilot")
                                                                     : i18n::tr("Pin \u201C{0}\u201D out of the pilots"),
                                               {idea->title});
        ctx.run(core::Batch{{core::PutIdea{changed, std::nullopt}}, label});
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(i18n::tr("Cancel"))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// The width pin_controls takes on one line.
float pin_controls_width(const core::Idea& idea) {
    const ImGuiStyle& st = ImGui::GetStyle();
    if (!idea.decision) return button_width(i18n::tr("Pin\u2026"));
    const bool include = idea.decision->pin == core::Pin::Include;
    return ImGui::CalcTextSize(include ? i18n::tr("Pinned: include") : i18n::tr("Pinned: exclude")).x + st.ItemSpacing.x +
           ImGui::CalcTextSize(i18n::tr("Unpin")).x + 2 * st.FramePadding.x;
}

// "Pin…" or "Unpin" for one idea; the pinned state is also written as text.
void pin_controls(UiContext& ctx, const core::Idea& idea) {
    ShortlistState& state = ctx.panels().shortlist.state;
    ImGui::PushID(idea.id.c_str());
    if (idea.decision) {
        const bool include = idea.decision->pin == core::Pin::Include;
        ImGui::TextUnformatted(include ? i18n::tr("Pinned: include") : i18n::tr("Pinned: exclude"));
        if (ImGui::IsItemHovered() && !idea.decision->reason.empty())
            ImGui::SetTooltip("%s", idea.decision->reason.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(i18n::tr("Unpin"))) {
            core::Idea changed = idea;
            changed.decision.reset();
            ctx.run(core::Batch{{core::PutIdea{changed, std::nullopt}}, i18n::format(i18n::tr("Unpin \u201C{0}\u201D"), {idea.title})});
        }
    } else if (fitted_button(i18n::tr("Pin\u2026")) || (state.pin_key && idea.id == ctx.state.selected_idea)) {
        state.pin_key = false;
        state.pin_idea = idea.id;
        state.pin_choice = 0;
        state.pin_reason.clear();
        ImGui::OpenPopup("pin");
    }
    pin_popup(ctx);
    ImGui::PopID();
}

// What a pilot still lacks: an owner, a success criterion, a number to measure it by ("" when none).
std::string pilot_gaps(const UiContext& ctx, const core::Idea& idea) {
    std::string gaps;
    auto add = [&gaps](const char* gap) { gaps += (gaps.empty() ? "" : "; ") + std::string(gap); };
    if (idea.owner.empty() || !ctx.session.find_participant(idea.owner)) add(i18n::tr("no owner yet"));
    const std::string& success = idea.success_criteria;
    if (success.find_first_not_of(" \t\r\n") == std::string::npos)
        add(i18n::tr("no success criterion yet"));
    else if (std::none_of(success.begin(), success.end(), [](char c) { return c >= '0' && c <= '9'; }))
        add(i18n::tr("the success criterion has no number to measure it by"));
    if (gaps.empty()) return gaps;
    gaps[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(gaps[0])));
    return i18n::format(i18n::tr("{0} (ideas stage)"), {gaps});
}

// The idea's AI Act class (a marker and the word) and DPIA tag, and the button to its questionnaire.
void screening_line(UiContext& ctx, const core::Idea& idea) {
    const core::AiActClass c = core::classify_ai_act(idea.assessment);
    std::string line = class_marker(c);
    if (const std::string dpia = dpia_tag(core::classify_dpia(idea.assessment)); !dpia.empty()) line += "  \u00B7  " + dpia;
    ImGui::PushStyleColor(ImGuiCol_Text, vec4(c == core::AiActClass::Prohibited ? ctx.palette.danger : ctx.palette.text));
    ImGui::TextWrapped("%s", line.c_str());
    ImGui::PopStyleColor();
    same_line_if_fits(em(1) + button_width(i18n::tr("Screening")));
    screening_button(ctx, idea.id, true);
}

// One pilot as a card: rank and title, the numbers, the quadrant, and the "why".
void pilot_card(UiContext& ctx, const core::Pick& p, const core::IdeaResult& r, const core::Idea& idea) {
    ImGui::BeginGroup();
    heading(ctx, std::to_string(p.rank) + "  " + idea.title);
    if (ImGui::IsItemClicked()) ctx.select_idea(idea.id);
    ImGui::Indent(em(1.5f));
    if (!idea.department.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.text_muted));
        ImGui::TextUnformatted(idea.department.c_str());
        ImGui::PopStyleColor();
        ImGui::SameLine(0, em(1.5f));
    }
    axis_scores_line(ctx, r);
    // Beside the scores when it fits, else on a line of its own (German labels run long).
    const float right = ImGui::GetWindowContentRegionMax().x + ImGui::GetWindowPos().x;
    if (ImGui::GetItemRectMax().x + em(1.5f) + pin_controls_width(idea) <= right) ImGui::SameLine(0, em(1.5f));
    pin_controls(ctx, idea);
    screening_line(ctx, idea);
    ctx.panels().robustness.verdict(ctx, idea.id);  // contracts 8
    ImGui::TextWrapped("%s", p.why.c_str());
    // A pilot needs someone to carry it and a way to tell whether it worked.
    const std::string gaps = pilot_gaps(ctx, idea);
    if (!gaps.empty()) ImGui::TextWrapped("\u25B2 %s", gaps.c_str());
    measure_flag(ctx, idea);  // contracts 12: a pilot without a measure is flagged
    ImGui::Unindent(em(1.5f));
    ImGui::EndGroup();
}

void pilots_list(UiContext& ctx, const core::Selection& sel) {
    const auto& ideas = ctx.session.workshop().ideas;
    const auto& results = ctx.session.results();
    heading(ctx, sel.pilots.empty() ? i18n::tr("No pilots with these rules") : i18n::tr("Pilots"));
    if (sel.pilots.empty()) {
        muted(ctx, i18n::tr("Loosen a rule above, or pin an idea to include it."));
        return;
    }
    for (const core::Pick& p : sel.pilots) {
        const core::IdeaResult& r = results[p.result];
        pilot_card(ctx, p, r, ideas[r.idea]);
        ImGui::Spacing();
    }
}

void rejected_table(UiContext& ctx, const core::Selection& sel) {
    if (sel.not_selected.empty()) return;
    const auto& ideas = ctx.session.workshop().ideas;
    const auto& results = ctx.session.results();
    heading(ctx, i18n::tr("Not selected"));
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("rejected", 3, flags)) return;
    ImGui::TableSetupColumn(i18n::tr("Idea"), ImGuiTableColumnFlags_WidthStretch, 2.f);
    ImGui::TableSetupColumn(i18n::tr("Why not"), ImGuiTableColumnFlags_WidthStretch, 3.f);
    ImGui::TableSetupColumn(i18n::trc("column", "Pin"), ImGuiTableColumnFlags_WidthFixed, em(11));
    ImGui::TableHeadersRow();
    for (const core::Rejection& rj : sel.not_selected) {
        const core::Idea& idea = ideas[results[rj.result].idea];
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextWrapped("%s", idea.title.c_str());
        if (ImGui::IsItemClicked()) ctx.select_idea(idea.id);
        screening_line(ctx, idea);
        ImGui::TableSetColumnIndex(1);
        ImGui::TextWrapped("%s", rj.reason.c_str());
        ImGui::TableSetColumnIndex(2);
        pin_controls(ctx, idea);
    }
    ImGui::EndTable();
}

void export_section(UiContext& ctx) {
    ShortlistState& state = ctx.panels().shortlist.state;
    const core::Session& s = ctx.session;
    const std::string key = ctx.state.workshop_path + "\n" + s.workshop().info.title;
    if (state.export_for != key || state.export_path.empty()) {
        state.export_for = key;
        state.export_path = default_export_path(ctx);
        state.export_result.clear();
    }
    // "Exported to …" holds only while the workshop is as it was exported.
    if (s.revision() != state.exported_at) state.export_result.clear();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(i18n::tr("Export to"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::max(em(12), ImGui::GetContentRegionAvail().x - button_width(i18n::tr("Export")) - ImGui::GetStyle().ItemSpacing.x));
    ImGui::InputText("##export_path", &state.export_path);
    ImGui::SameLine();
    // The application layer writes the files after the frame (shortlist_export.hpp: carry_out).
    if (fitted_button(i18n::tr("Export")) || state.export_key) {
        state.export_key = false;
        ctx.request(ExportShortlist{state.export_path});
    }
    if (!state.export_result.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(("✓ " + state.export_result).c_str());
        ImGui::PopTextWrapPos();
    }
}

void apply_rules(UiContext& ctx) {
    ShortlistState& state = ctx.panels().shortlist.state;
    ctx.release_edit("selection rules");
    if (!state.editing) return;
    state.editing = false;
    if (state.draft != ctx.session.workshop().selection) ctx.run(core::SetSelection{state.draft});
}

}  // namespace

void draw_shortlist(UiContext& ctx) {
    ShortlistState& state = ctx.panels().shortlist.state;
    if (draw_screening_if_open(ctx)) return;  // F7: the selected idea's questionnaire
    if (blind_round_banner(ctx)) {  // phones are scoring: no values in the room until the round closes
        state.editing = false;
        return;
    }
    const SelectionRules& saved = ctx.session.workshop().selection;
    if (!state.editing) state.draft = saved;
    // By keyboard: P pins the selected idea (the popup asks the reason), E exports. Not while a
    // field is typed in or a dialog is open.
    const ImGuiIO& io = ImGui::GetIO();
    const bool keys = !ImGui::IsAnyItemActive() && !ctx.text_input_active() && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) &&
                      !io.KeyCtrl && !io.KeyAlt && !io.KeySuper;
    state.pin_key = keys && ImGui::IsKeyPressed(GLFW_KEY_P, false);
    state.export_key = keys && ImGui::IsKeyPressed(GLFW_KEY_E, false);

    // The pilots come first, whatever the zoom and the window: the rules that chose them and
    // the ideas kept out follow below, in the same scrolled list.
    const core::Selection preview =
        state.editing ? ctx.session.selection_with(state.draft) : core::Selection{};
    // The export row stays in view below the lists (one more line once something was exported),
    // unless the window is so small or the zoom so large that it would take the pilots' room.
    const float export_h = ImGui::GetFrameHeightWithSpacing() * (state.export_result.empty() ? 1.3f : 2.6f);
    const bool export_below = export_h * 4 <= ImGui::GetContentRegionAvail().y;
    ImGui::BeginChild("lists", ImVec2(0, export_below ? -export_h : 0), false);
    pilots_list(ctx, state.editing ? preview : ctx.session.selection());
    ImGui::Spacing();
    ctx.panels().robustness.draw(ctx);  // contracts 8, in the background
    ImGui::Spacing();
    heading(ctx, i18n::tr("Selection rules"));
    if (rule_controls(ctx, state.draft)) {
        state.editing = true;
        ctx.hold_edit("selection rules", [&ctx] { apply_rules(ctx); });  // a stage change or quit applies them
    }
    // One edit per gesture: applied when the slider is let go or the field is left.
    if (state.editing && !ImGui::IsAnyItemActive()) apply_rules(ctx);
    const core::Selection after =
        state.editing ? ctx.session.selection_with(state.draft) : core::Selection{};
    ImGui::Spacing();
    rejected_table(ctx, state.editing ? after : ctx.session.selection());
    if (!export_below) {
        ImGui::Separator();
        export_section(ctx);
    }
    ImGui::EndChild();
    if (!export_below) return;
    ImGui::Separator();
    export_section(ctx);
}

}  // namespace pilotdeck::ui
