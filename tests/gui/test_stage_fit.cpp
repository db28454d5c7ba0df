// Issue 12 §1: every stage of the German (and Dutch) templates, with a workshop's worth of long
// German titles, notes, ideas, scores and teams, drawn with the app's real fonts at 1280x720 (and
// 1024x768): the room's window as the app draws it (App::frame in a hidden window, under Xvfb)
// and the presenter's view. Then every glyph drawn is read back from the draw lists
// (cut_text.hpp): none may be cut by the clip rectangle it was drawn in. Text too long for its
// place ends in "…" (ui::ellipsised, fitted_button) and is whole on hover.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "base/i18n.hpp"
#include "core/commands.hpp"
#include "core/model.hpp"
#include "core/session.hpp"
#include "core/timer.hpp"
#include "cut_text.hpp"
#include "documents/documents.hpp"
#include "headless.hpp"
#include "platform/window.hpp"
#include "storage/workshop_file.hpp"
#include "support/temp_dir.hpp"
#include "ui/app.hpp"
#include "ui/presenter_view.hpp"
#include "ui/theme.hpp"
#include "ui/workshop_controller.hpp"

using namespace pilotdeck;

namespace {

struct Content {
    const char* title;
    std::vector<std::pair<const char*, const char*>> people;  // name, department
    std::vector<const char*> ideas;
    std::vector<const char*> teams;
    const char* problem;
};

const Content kGerman{
    "KI-Werkstatt der Müller & Söhne Werkzeugmaschinenfabrik GmbH — Geschäftsbereich Instandhaltung",
    {{"Annegret Schwarzenberger-Hoffmann", "Qualitätssicherung und Reklamationsbearbeitung"},
     {"Bernd Kühnemund", "Vertriebsinnendienst"},
     {"Christiane Oberländer", "Personalentwicklung"},
     {"Dietmar Wüstenhöfer", "Finanzbuchhaltung"},
     {"Elisabeth Großkreutz", "Kundenservice"},
     {"Friedrich Bäumler", "Instandhaltungsplanung"},
     {"Gudrun Märklin", "Einkauf und Lieferantenmanagement"},
     {"Heinz-Jürgen Straßburger", "Geschäftsführung"},
     {"Ingrid Vöhringer", "Informationstechnik"},
     {"Jürgen Fleischhauer", "Arbeitssicherheit"}},
    {"Reklamationsschreiben automatisch vorsortieren und Antwortentwürfe vorschlagen",
     "Wartungsprotokolle der Instandhaltung zusammenfassen und Störungsursachen erkennen",
     "Eingangsrechnungen mit Bestellungen und Lieferscheinen abgleichen",
     "Stellenausschreibungen geschlechtergerecht formulieren",
     "Angebotsentwürfe aus früheren Angeboten erstellen",
     "Betriebsanweisungen verständlich zusammenfassen"},
    {"Reklamationsrakete", "Wartungsweise", "Rechnungsdetektive", "Textwerkstatt"},
    "Jeden Morgen sortieren zwei Kolleginnen über hundert Reklamationsschreiben von Hand, bevor "
    "die Sachbearbeitung überhaupt beginnen kann; dringende Fälle bleiben dabei bis zum Nachmittag liegen."};

const Content kDutch{
    "AI-werkplaats van Verzekeringsmaatschappij De Zuidwester — afdeling Schadebehandeling",
    {{"Annemarie van Oosterhout-Vermeulen", "Kwaliteitsbewaking en klachtenafhandeling"},
     {"Bram Jansen", "Verkoop binnendienst"},
     {"Chantal Bakker", "Personeelsontwikkeling"},
     {"Dirk-Jan Willemsen", "Financiële administratie"},
     {"Els Mulder", "Klantenservice"},
     {"Frank de Groot", "Onderhoudsplanning"},
     {"Gerda Smit", "Inkoop en leveranciersbeheer"},
     {"Hendrik van der Meulen", "Directie"},
     {"Ingrid Visser", "Informatietechnologie"},
     {"Joost Hendriksen", "Arbeidsveiligheid"}},
    {"Klachtenbrieven automatisch voorsorteren en conceptantwoorden voorstellen",
     "Onderhoudsrapporten samenvatten en storingsoorzaken herkennen",
     "Inkoopfacturen matchen met bestellingen en pakbonnen",
     "Vacatureteksten genderneutraal formuleren",
     "Offerteconcepten maken uit eerdere offertes",
     "Werkinstructies begrijpelijk samenvatten"},
    {"Klachtenkanon", "Onderhoudsorakel", "Factuurspeurders", "Tekstwerkplaats"},
    "Elke ochtend sorteren twee collega's meer dan honderd klachtenbrieven met de hand, voordat de "
    "behandeling kan beginnen; spoedgevallen blijven daardoor tot de middag liggen."};

// A template made into a workshop with people, ideas, scores, worries counted and (hackathons) teams.
core::Workshop realistic(const std::string& template_id, const Content& c) {
    const core::Template t = documents::load_template(std::string(PILOTDECK_TEMPLATES) + "/" + template_id + ".json");
    core::Workshop ws = core::workshop_from_template(t, c.title);
    ws.info.organisation = "Müller & Söhne GmbH";
    ws.info.facilitator = "Katharina Zimmermann-Lindqvist";
    ws.info.date = "2026-12-03";
    const bool hackathon = ws.mode == core::Mode::Hackathon;
    for (std::size_t i = 0; i < c.people.size(); ++i) {
        core::Role role = i == 7 ? core::Role::Decider : core::Role::User;
        if (hackathon && i >= 7) role = core::Role::Jury;
        ws.participants.push_back({"p" + std::to_string(i + 1), c.people[i].first, c.people[i].second, role});
    }
    for (std::size_t i = 0; i < c.ideas.size(); ++i) {
        core::Idea idea;
        idea.id = "i" + std::to_string(i + 1);
        idea.title = c.ideas[i];
        idea.problem = c.problem;
        idea.solution = c.problem;
        idea.department = c.people[i].second;
        idea.owner = "p" + std::to_string(i + 1);
        idea.success_criteria = c.problem;
        ws.ideas.push_back(idea);
    }
    for (std::size_t k = 0; k < ws.concerns.size(); ++k) ws.concerns[k].count = static_cast<int>(7 - k);
    ws.selection.min_raters = 3;
    for (std::size_t i = 0; i < ws.ideas.size(); ++i)
        for (std::size_t p = 0; p < ws.participants.size(); ++p) {
            if (hackathon && ws.participants[p].role != core::Role::Jury) continue;
            for (std::size_t k = 0; k < ws.criteria.size(); ++k) {
                const auto& cr = ws.criteria[k];
                const int span = cr.max - cr.min + 1;
                const int v = cr.min + static_cast<int>((i * 3 + p * 2 + k) % static_cast<std::size_t>(span));
                ws.scores.push_back({ws.ideas[i].id, ws.participants[p].id, cr.id, v});
            }
        }
    // Two ideas nobody has scored yet: the matrix lists them as not yet placed.
    for (const char* title : {"Wartungsberichte automatisch zusammenfassen und an den Schichtleiter senden",
                              "Lieferantenrechnungen mit Bestellungen abgleichen"}) {
        core::Idea idea;
        idea.id = "i" + std::to_string(ws.ideas.size() + 1);
        idea.title = title;
        idea.department = c.people[0].second;
        ws.ideas.push_back(idea);
    }
    // A pilot review: the first two ideas are pilots with a measure whose label is long in German
    // ("Minuten pro Routineantwort" ran off the panel's edge at 1024x768) and values on two dates.
    if (std::any_of(ws.stages.begin(), ws.stages.end(), [](const core::Stage& st) { return st.kind == core::StageKind::Review; }))
        for (std::size_t i = 0; i < 2; ++i) {
            core::Idea& idea = ws.ideas[i];
            idea.status = core::IdeaStatus::Pilot;
            idea.status_history = {{core::IdeaStatus::Pilot, "2026-11-19", std::string("Gewählt in „") + c.title + "“", ""}};
            idea.measures = {{"m1", i == 0 ? "Minuten pro Routineantwort bis zur Freigabe" : "Min./Antwort", "min", 6, 2.5, false,
                              {{"2026-12-01", 4}, {"2026-12-15", 3.25}}}};
        }
    if (hackathon) {
        for (std::size_t t2 = 0; t2 < c.teams.size(); ++t2) {
            core::Team team;
            team.id = "t" + std::to_string(t2 + 1);
            team.name = c.teams[t2];
            team.idea = ws.ideas[t2].id;
            team.members = {"p" + std::to_string(t2 + 1)};
            if (t2 + 5 <= 7) team.members.push_back("p" + std::to_string(t2 + 5));
            team.table = "Tisch " + std::to_string(t2 + 1);
            team.pitch_order = static_cast<int>(t2 + 1);
            ws.teams.push_back(team);
        }
        ws.audience_votes = {{"p1", "t2"}, {"p2", "t2"}, {"p3", "t1"}, {"p4", "t3"}};
        if (ws.judging.method == core::JudgingMethod::Pairwise)
            ws.comparisons = {{"p8", "t1", "t2", "2026-12-03T15:00:00Z"}, {"p9", "t3", "t4", "2026-12-03T15:01:00Z"},
                              {"p10", "t1", "t3", "2026-12-03T15:02:00Z"}};
    }
    return ws;
}

// A label whose own words end in "…" (a button that opens a dialog: "Festlegen…"), in a catalogue.
bool ends_in_dots_by_design(const std::string& text) {
    for (const char* lang : {"nl", "de"}) {
        std::ifstream po(std::string(PILOTDECK_PO_DIR) + "/" + lang + ".po");
        std::string line;
        while (std::getline(po, line))
            if ((line.rfind("msgstr \"", 0) == 0 || line.rfind("msgid \"", 0) == 0) &&
                line.find("\"" + text + "\"") != std::string::npos)
                return true;
    }
    return false;
}

// "Stage 3 "Ideen sammeln" (ideas) [window]: "text" cut at the right edge".
std::string describe(const std::string& where, const test::DrawnRun& r) {
    std::ostringstream out;
    out << where << " [" << r.window << "]: \"" << r.text << "\" cut (" << r.how << ") at x " << r.min.x << ".."
        << r.max.x << ", y " << r.min.y << ".." << r.max.y;
    return out.str();
}

// The cut texts of what was just drawn, named; the ellipsised texts are counted.
std::vector<std::string> cuts(const std::string& where, int* ellipsised = nullptr) {
    std::vector<std::string> out;
    for (const test::DrawnRun& r : test::drawn_runs()) {
        // A file path in a one-line text field scrolls inside it with the cursor, as in any editor.
        const bool path_field = r.text.find("/tmp/") != std::string::npos;
        if (r.cut && !path_field) out.push_back(describe(where, r));
        if (ellipsised && r.ellipsised()) ++*ellipsised;
    }
    return out;
}

std::string stage_name(const core::Workshop& ws, std::size_t i, int page) {
    std::string s = "stage " + std::to_string(i + 1) + " \"" + ws.stages[i].title + "\" (" +
                    std::string(core::to_string(ws.stages[i].kind)) + ")";
    if (page > 0) s += " page " + std::to_string(page);
    return s;
}

int pages_of(core::StageKind k) { return k == core::StageKind::Pitches || k == core::StageKind::Awards ? 9 : 1; }

// The room's window: the real App drawing each stage (and each page of the pitches and awards).
std::vector<std::string> room_cuts(const core::Workshop& ws, int width, int height, int* ellipsised) {
    test::TempDir dir;
    const std::string path = (dir.path() / "Werkstatt Instandhaltung 2026.pilotdeck").string();
    storage::WorkshopFile::create(path, ws).reset();
    std::string error;
    auto window = platform::Window::create({"pilotdeck fit", width, height, false, {}}, error);
    if (!window) FAIL("no window: " << error);
    std::vector<std::string> all;
    {
        ui::App app(*window, false, {});
        app.show(ui::open_workshop(path, true));
        for (std::size_t i = 0; i < ws.stages.size(); ++i) {
            app.go_to_stage(static_cast<int>(i));
            for (int page = 0; page < pages_of(ws.stages[i].kind); ++page) {
                if (page > 0) app.page_within_stage(1);
                for (int f = 0; f < 3; ++f) {
                    window->wait_events(0);
                    app.frame(width, height);
                }
                for (std::string& c : cuts("room view, " + stage_name(ws, i, page), ellipsised)) all.push_back(std::move(c));
            }
        }
    }
    return all;
}

// The presenter's view of each stage on a laptop screen of that size, as App::presenter_frame
// draws it (the style scaled to the body font), with a countdown.
std::vector<std::string> presenter_cuts(const core::Workshop& ws, int width, int height, int* ellipsised) {
    test::Headless h(ws);
    REQUIRE(h.room_fonts(height, ImVec2(static_cast<float>(width), static_cast<float>(height))));
    ImGuiStyle fresh;
    fresh.ScaleAllSizes(ui::body_font_px(height, 1.0f) / 13.0f);
    ImGui::GetStyle() = fresh;
    ui::apply_theme(h.ctx.palette);
    i18n::set_language(i18n::resolve_language(ws.info.language));
    core::Countdown timer;
    timer.set_duration(std::chrono::minutes(45));
    ui::PresenterInfo info;
    info.timer = &timer;
    std::vector<std::string> all;
    for (std::size_t i = 0; i < ws.stages.size(); ++i) {
        h.ctx.go_to_stage(static_cast<int>(i));
        if (ws.stages[i].kind == core::StageKind::Concerns) h.ctx.state.selected_concern = ws.concerns.front().id;
        for (int f = 0; f < 3; ++f) h.frame([&] { ui::draw_presenter_view(h.ctx, info); });
        const std::string where = "presenter view, " + stage_name(ws, i, 0);
        for (std::string& c : cuts(where, ellipsised)) all.push_back(std::move(c));
        // Each text ended with "…" shows whole on hover: a tooltip that starts with what is shown.
        std::vector<test::DrawnRun> shortened;
        for (const test::DrawnRun& r : test::drawn_runs())
            if (r.ellipsised() && r.seen) shortened.push_back(r);
        for (const test::DrawnRun& r : shortened) {
            if (ends_in_dots_by_design(r.text)) continue;
            ImGui::GetIO().MousePos = ImVec2((r.min.x + r.max.x) / 2, (r.min.y + r.max.y) / 2);
            for (int f = 0; f < 2; ++f) h.frame([&] { ui::draw_presenter_view(h.ctx, info); });
            std::string tip;
            for (const test::DrawnRun& t : test::drawn_runs())
                if (t.window.find("Tooltip") != std::string::npos) tip += t.text;
            std::string shown = r.text.substr(0, r.text.size() - 3);  // without the "…"
            auto squeeze = [](std::string t) {
                t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
                return t;
            };
            if (squeeze(tip).rfind(squeeze(shown), 0) != 0)
                all.push_back(where + " [" + r.window + "]: \"" + r.text + "\" ends in \u2026 but hovering it shows \"" +
                              tip + "\"");
        }
        ImGui::GetIO().MousePos = ImVec2(-1, -1);
    }
    i18n::set_language(i18n::Language::En);
    return all;
}

void report(const std::vector<std::string>& found) {
    for (const std::string& c : found) FAIL_CHECK(c);
    CHECK(found.empty());
}

}  // namespace

TEST_CASE("German templates at 1280x720: no text of any stage is cut, in the room's view") {
    for (const char* id : {"use-case-workshop-de", "hackathon-de"}) {
        INFO(id);
        int ellipsised = 0;
        report(room_cuts(realistic(id, kGerman), 1280, 720, &ellipsised));
        WARN(id << ": " << ellipsised << " texts ellipsised (whole on hover)");
    }
}

TEST_CASE("German templates at 1280x720: no text of any stage is cut, in the presenter's view") {
    for (const char* id : {"use-case-workshop-de", "hackathon-de"}) {
        INFO(id);
        report(presenter_cuts(realistic(id, kGerman), 1280, 720, nullptr));
    }
}

TEST_CASE("German templates at 1024x768 and Dutch at 1280x720: no text of any stage is cut") {
    for (const char* id : {"use-case-workshop-de", "hackathon-de", "pilot-review-de"}) {
        INFO(id << " at 1024x768");
        report(room_cuts(realistic(id, kGerman), 1024, 768, nullptr));
        report(presenter_cuts(realistic(id, kGerman), 1024, 768, nullptr));
    }
    for (const char* id : {"use-case-workshop-nl", "hackathon-nl", "pilot-review-nl"}) {
        INFO(id << " at 1280x720");
        report(room_cuts(realistic(id, kDutch), 1280, 720, nullptr));
        report(presenter_cuts(realistic(id, kDutch), 1280, 720, nullptr));
    }
}

TEST_CASE("a German workshop: a command the workshop refuses is told in German, where the facilitator reads it") {
    const core::Workshop ws = realistic("use-case-workshop-de", kGerman);
    test::Headless h(ws);
    REQUIRE(h.room_fonts(720, ImVec2(1280, 720)));
    i18n::set_language(i18n::resolve_language(ws.info.language));
    // Removing someone who has scored (and owns no idea) is refused (their scores would be lost).
    CHECK_FALSE(h.ctx.run(core::RemoveParticipant{"p8"}));
    CHECK(h.ctx.state.error == "diese Person hat schon Bewertungen abgegeben");
    // A score off the scale, with the criterion's own (German) name.
    CHECK_FALSE(h.ctx.run(core::SetScore{"i1", "p2", "time_saved", 9}));
    REQUIRE(ws.criteria[0].id == "time_saved");
    const std::string scale =
        " wird von " + std::to_string(ws.criteria[0].min) + " bis " + std::to_string(ws.criteria[0].max) + " bewertet";
    CHECK(h.ctx.state.error == ws.criteria[0].label + scale);
    // Drawn where the facilitator reads it (the presenter's view), whole.
    ui::PresenterInfo info;
    for (int f = 0; f < 2; ++f) h.frame([&] { ui::draw_presenter_view(h.ctx, info); });
    std::string drawn;
    for (const test::DrawnRun& r : test::drawn_runs()) drawn += r.text + "\n";
    INFO(drawn);
    CHECK(drawn.find(scale) != std::string::npos);
    CHECK(cuts("presenter view with the error").empty());
    i18n::set_language(i18n::Language::En);
    // In English the same refusal reads as before.
    CHECK_FALSE(h.ctx.run(core::RemoveParticipant{"p8"}));
    CHECK(h.ctx.state.error == "this participant has given scores");
}
