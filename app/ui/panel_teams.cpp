// The teams stage (contracts 6): every team with its table, its challenge and its members and
// their departments (teams across departments are the point); and the work stage: the teams at
// their tables while the build sprint's countdown runs above.
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include <imgui.h>

#include "base/i18n.hpp"
#include "ui/panel_set.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {
namespace {

// The texts of these panels, in one place (translated when drawn).
namespace text {
const char* kNoTeams() { return i18n::tr("No teams yet. Each team needs a name, a table, members from more than one department and one "
                       "challenge (an idea): register them in the workshop document or from the phones."); }
const char* kOneDepartment() { return i18n::tr("one department"); }
std::string teams(std::size_t n) { return counted(n, i18n::ntr("{0} team", "{0} teams", plural_n(n))); }
std::string departments(std::size_t n) { return counted(n, i18n::ntr("{0} department", "{0} departments", plural_n(n))); }
std::string table(const std::string& t) {
    return t.empty() ? std::string(i18n::tr("no table")) : i18n::format(i18n::tr("table {0}"), {t});
}
const char* kWorkHint() { return i18n::tr("Build sprint: the countdown above runs for the whole sprint. Teams at their tables:"); }
const char* kRegister() { return i18n::tr("Register a team"); }
const char* kName() { return i18n::tr("Team name"); }
const char* kTable() { return i18n::tr("Table"); }
const char* kChallenge() { return i18n::tr("Challenge (an idea without a team)"); }
const char* kPick() { return i18n::tr("Pick an idea"); }
const char* kMembers() { return i18n::tr("Members (people not yet in a team; the jury is not listed)"); }
const char* kSave() { return i18n::tr("Register team"); }
const char* kNoFreeIdeas() { return i18n::tr("Every idea has a team: add the challenge on the ideas stage first."); }
}  // namespace text

std::string next_team_id(const core::Workshop& ws) {
    long long best = 0;
    for (const core::Team& t : ws.teams)
        if (t.id.size() > 1 && t.id[0] == 't' && t.id.size() < 18 &&
            t.id.find_first_not_of("0123456789", 1) == std::string::npos)
            best = std::max(best, std::stoll(t.id.substr(1)));
    return "t" + std::to_string(best + 1);
}

void draw_registration(UiContext& ctx) {
    TeamDraft& d = ctx.panels().team;
    if (d.session != &ctx.session) d = TeamDraft{&ctx.session, {}, {}, {}, {}};
    const core::Workshop& ws = ctx.session.workshop();
    std::set<std::string> taken_ideas, taken_people;
    int last_order = 0;
    for (const core::Team& t : ws.teams) {
        taken_ideas.insert(t.idea);
        taken_people.insert(t.members.begin(), t.members.end());
        last_order = std::max(last_order, t.pitch_order);
    }
    edit_field(text::kName(), "##team_name", d.name);
    edit_field(text::kTable(), "##team_table", d.table);
    const core::Idea* picked = nullptr;
    for (const core::Idea& i : ws.ideas)
        if (i.id == d.idea) picked = &i;
    ImGui::TextUnformatted(text::kChallenge());
    if (ImGui::BeginCombo("##team_idea", picked ? picked->title.c_str() : text::kPick())) {
        for (const core::Idea& i : ws.ideas)
            if (!taken_ideas.count(i.id) && ImGui::Selectable(i.title.c_str(), i.id == d.idea)) d.idea = i.id;
        ImGui::EndCombo();
    }
    if (taken_ideas.size() >= ws.ideas.size()) muted(ctx, text::kNoFreeIdeas());
    ImGui::TextUnformatted(text::kMembers());
    for (const core::Participant& p : ws.participants) {
        if (taken_people.count(p.id) || p.role == core::Role::Jury) continue;  // the jury judges, never joins
        bool on = d.members.count(p.id) > 0;
        const std::string label = p.name + (p.department.empty() ? "" : " (" + p.department + ")") + "##m" + p.id;
        if (ImGui::Checkbox(label.c_str(), &on)) {
            if (on) d.members.insert(p.id);
            else d.members.erase(p.id);
        }
    }
    const bool ready = !d.name.empty() && !d.idea.empty() && !taken_ideas.count(d.idea);
    if (!ready) ImGui::BeginDisabled();
    if (ImGui::Button(text::kSave())) {
        core::Team t{next_team_id(ws), d.name, d.idea, {}, d.table, last_order + 1};
        for (const core::Participant& p : ws.participants)  // in participant order
            if (d.members.count(p.id)) t.members.push_back(p.id);
        if (ctx.run(core::PutTeam{t, std::nullopt})) d = TeamDraft{&ctx.session, {}, {}, {}, {}};
    }
    if (!ready) ImGui::EndDisabled();
}

struct TeamView {
    const core::Team* team;
    const core::Idea* idea;
    std::vector<const core::Participant*> members;
    std::set<std::string> departments;
};

std::vector<TeamView> team_views(const core::Workshop& ws) {
    std::unordered_map<std::string_view, const core::Participant*> people;
    for (const core::Participant& p : ws.participants) people.emplace(p.id, &p);
    std::unordered_map<std::string_view, const core::Idea*> ideas;
    for (const core::Idea& i : ws.ideas) ideas.emplace(i.id, &i);
    std::vector<TeamView> out;
    for (const core::Team& t : ws.teams) {
        TeamView v{&t, nullptr, {}, {}};
        if (const auto it = ideas.find(t.idea); it != ideas.end()) v.idea = it->second;
        for (const std::string& m : t.members)
            if (const auto it = people.find(m); it != people.end()) {
                v.members.push_back(it->second);
                if (!it->second->department.empty()) v.departments.insert(it->second->department);
            }
        out.push_back(std::move(v));
    }
    return out;
}

}  // namespace

void draw_teams(UiContext& ctx) {
    const core::Workshop& ws = ctx.session.workshop();
    heading(ctx, text::teams(ws.teams.size()));
    if (ImGui::CollapsingHeader(text::kRegister(), ws.teams.empty() ? ImGuiTreeNodeFlags_DefaultOpen : 0))
        draw_registration(ctx);
    if (ws.teams.empty()) {
        muted(ctx, text::kNoTeams());
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("##teams", 4, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(i18n::tr("Team"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn(i18n::tr("Challenge"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn(i18n::tr("Members"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn(i18n::tr("Mix"), ImGuiTableColumnFlags_WidthFixed, em(9));
    ImGui::TableHeadersRow();
    std::optional<bool> large;  // decided in the first row, for all: one size for every team's name
    for (const TeamView& v : team_views(ws)) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        // The names in the large font when the longest word of each fits the column (a German
        // compound is never broken mid-word), else all in the body font.
        if (!large) {
            const float width = ImGui::GetContentRegionAvail().x;
            large = std::all_of(ws.teams.begin(), ws.teams.end(), [&](const core::Team& t) {
                return longest_word_fits(ctx.fonts.large, t.name, width);
            });
        }
        if (*large) ImGui::PushFont(ctx.fonts.large);
        ImGui::TextWrapped("%s", v.team->name.c_str());
        if (*large) ImGui::PopFont();
        muted(ctx, text::table(v.team->table));
        ImGui::TableSetColumnIndex(1);
        if (v.idea) {
            ImGui::TextWrapped("%s", v.idea->title.c_str());
            if (!v.idea->department.empty()) muted(ctx, v.idea->department);
        }
        ImGui::TableSetColumnIndex(2);
        for (const core::Participant* p : v.members) {
            // A long name or department (German ones run long) goes to the next line, else "…".
            const float avail = ImGui::GetContentRegionAvail().x;  // the column's width
            fitted_text(p->name);
            if (!p->department.empty()) {
                const float both = ImGui::CalcTextSize(p->name.c_str()).x + ImGui::GetStyle().ItemSpacing.x +
                                   ImGui::CalcTextSize(p->department.c_str()).x;
                if (both <= avail) ImGui::SameLine();
                ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.text_muted));
                fitted_text(p->department);
                ImGui::PopStyleColor();
            }
        }
        ImGui::TableSetColumnIndex(3);
        if (v.departments.size() > 1)
            ImGui::TextColored(vec4(ctx.palette.success), "%s", text::departments(v.departments.size()).c_str());
        else
            ImGui::TextColored(vec4(ctx.palette.warning), "%s", text::kOneDepartment());
    }
    ImGui::EndTable();
}

void draw_work(UiContext& ctx) {
    const core::Workshop& ws = ctx.session.workshop();
    if (ws.teams.empty()) {
        muted(ctx, text::kNoTeams());
        return;
    }
    muted(ctx, text::kWorkHint());
    const float tile_w = em(16), gap = em(0.8f);
    const int per_row = std::max(1, static_cast<int>((ImGui::GetContentRegionAvail().x + gap) / (tile_w + gap)));
    int i = 0;
    for (const TeamView& v : team_views(ws)) {
        if (i % per_row != 0) ImGui::SameLine(0, gap);
        ImGui::BeginGroup();
        const ImVec2 p0 = ImGui::GetCursorScreenPos();
        const ImVec2 size(tile_w, em(5.5f));
        ImGui::GetWindowDrawList()->AddRectFilled(p0, ImVec2(p0.x + size.x, p0.y + size.y), u32(ctx.palette.surface), em(0.4f));
        const float pad = em(0.6f);
        ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, p0.y + em(0.4f)));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + size.x - 2 * pad);
        const float x = ImGui::GetCursorPosX();
        ImGui::PushFont(ctx.fonts.large);
        ImGui::TextUnformatted(v.team->table.empty() ? "\u2014" : v.team->table.c_str());
        ImGui::PopFont();
        ImGui::SetCursorPosX(x);
        ImGui::TextUnformatted(v.team->name.c_str());
        if (v.idea) {
            ImGui::SetCursorPosX(x);
            ImGui::TextColored(vec4(ctx.palette.text_muted), "%s", v.idea->title.c_str());
        }
        ImGui::PopTextWrapPos();
        ImGui::SetCursorScreenPos(p0);
        ImGui::Dummy(size);
        ImGui::EndGroup();
        ++i;
    }
}

}  // namespace pilotdeck::ui
