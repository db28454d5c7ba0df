// The facilitator's hackathon controls (issue 10), drawn headless on real files with a real phone
// server: the jury's join code only where the room does not see it, the audience award held back
// while the audience vote is open, and File > Import ideas as one undo step.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "documents/documents.hpp"
#include "headless.hpp"
#include "server/phone_server.hpp"
#include "storage/workshop_file.hpp"
#include "support/temp_dir.hpp"
#include "ui/import_ideas_dialog.hpp"
#include "ui/panels.hpp"
#include "ui/presenter_view.hpp"
#include "ui/widgets.hpp"

using namespace pilotdeck;

namespace {

core::Workshop data(const char* name) { return documents::load_workshop(std::string(PILOTDECK_TEST_DATA) + "/" + name); }

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string spaced(const std::string& code) { return code.substr(0, 3) + " " + code.substr(3); }

}  // namespace

TEST_CASE("jury code: in the phones box only while the notes show, in the presenter's view, never in the room's") {
    test::TempDir dir;
    const std::string path = dir.file("h.pilotdeck");
    storage::WorkshopFile::create(path, data("hackathon-workshop.json")).reset();
    auto file = storage::WorkshopFile::open(path);
    test::Headless h(file->load(), file.get());
    server::PhoneServer phones;
    server::ServerOptions o;
    o.bind = "127.0.0.1";
    o.port = 0;
    phones.start(h.session, *file, o);
    const std::string jury = phones.jury_code();
    REQUIRE(jury.size() == 6);
    REQUIRE(jury != phones.join_code());
    const auto shows_jury = [&](const std::string& text) { return has(text, jury) || has(text, spaced(jury)); };

    h.ctx.state.notes_visible = true;  // one screen, notes on: the facilitator's laptop
    const std::string with_notes = h.text([&] { ui::draw_phones(h.ctx, phones); });
    CHECK(has(with_notes, spaced(phones.join_code())));
    CHECK(has(with_notes, "Jury code"));
    CHECK(shows_jury(with_notes));

    // N hides the notes; the room's window of two screens always draws with the notes hidden.
    h.ctx.state.notes_visible = false;
    const std::string room = h.text([&] { ui::draw_phones(h.ctx, phones); });
    CHECK(has(room, spaced(phones.join_code())));
    CHECK_FALSE(has(room, "Jury code"));
    CHECK_FALSE(shows_jury(room));
    for (int stage = 0; stage < static_cast<int>(h.session.workshop().stages.size()); ++stage) {
        h.ctx.go_to_stage(stage);
        CHECK_FALSE(shows_jury(h.text([&] {
            ui::draw_stage_panel(h.ctx, h.session.workshop().stages[static_cast<std::size_t>(stage)].kind);
            ui::draw_phones(h.ctx, phones);
        })));
    }

    // The presenter's view has it, notes shown or not.
    ui::PresenterInfo info;
    info.phones = &phones;
    CHECK(has(h.text([&] { ui::draw_presenter_view(h.ctx, info); }), "Jury code: " + spaced(jury)));
    h.ctx.state.notes_visible = true;
    CHECK(has(h.text([&] { ui::draw_presenter_view(h.ctx, info); }), "Jury code: " + spaced(jury)));

    // A new join code makes a new jury code too.
    phones.new_join_code();
    CHECK(phones.jury_code() != jury);
    CHECK(shows_jury(h.text([&] { ui::draw_phones(h.ctx, phones); })) == false);
    phones.stop();
}

TEST_CASE("awards: the audience award waits while the audience vote is open, then shows its result") {
    test::Headless h(data("hackathon-workshop.json"));
    h.fonts.body = h.fonts.large = h.fonts.huge = ImGui::GetIO().Fonts->Fonts[0];  // big_text measures with it
    const int awards = ui::stage_of_kind(h.session, core::StageKind::Awards);
    REQUIRE(awards >= 0);
    h.ctx.go_to_stage(awards);
    REQUIRE(ui::awards_page(h.ctx, 1));  // the first award of the template's order after "overall": the audience's
    h.ctx.state.audience_vote_open = true;
    const std::string open = h.text([&] { ui::draw_awards(h.ctx); });
    CHECK(has(open, "Audience favourite"));
    CHECK(has(open, "The audience vote is still open"));
    CHECK_FALSE(has(open, "Quote Quest"));  // two votes each for Quote Quest and Welcome Bot
    h.ctx.state.audience_vote_open = false;
    const std::string closed = h.text([&] { ui::draw_awards(h.ctx); });
    CHECK_FALSE(has(closed, "still open"));
    CHECK(has(closed, "A tie between 2 teams"));
    CHECK(has(closed, "Quote Quest"));
    CHECK(has(closed, "Welcome Bot"));
}

TEST_CASE("File > Import ideas: the other workshop's ideas in one undo step; a refusal changes nothing") {
    test::TempDir dir;
    const std::string path = dir.file("h.pilotdeck");
    storage::WorkshopFile::create(path, data("hackathon-workshop.json")).reset();
    const std::string other = std::string(PILOTDECK_TEST_DATA) + "/small-workshop.json";
    {
        auto file = storage::WorkshopFile::open(path);
        test::Headless h(file->load(), file.get());
        h.ctx.state.workshop_path = path;
        const std::size_t before = h.session.workshop().ideas.size();
        const std::string said = ui::ImportIdeasDialog::import(h.ctx, other, true);
        CHECK(has(said, "Imported 4 ideas from"));
        CHECK(h.session.current_stage() == ui::stage_of_kind(h.session, core::StageKind::Teams));
        CHECK(h.session.workshop().ideas.size() == before + 4);
        CHECK(h.session.undo_label() == "Import ideas");
        // Again: nothing new.
        CHECK(has(ui::ImportIdeasDialog::import(h.ctx, other), "(4 were already there)"));
        h.session.undo();
        CHECK(h.session.workshop().ideas.size() == before);
        h.session.redo();
        // Refused: the hackathon's own file, a file that is not there; nothing changed.
        const std::uint64_t revision = h.session.revision();
        CHECK_THROWS_WITH(ui::ImportIdeasDialog::import(h.ctx, path), Catch::Contains("own file"));
        CHECK_THROWS_AS(ui::ImportIdeasDialog::import(h.ctx, dir.file("missing.pilotdeck")), std::runtime_error);
        CHECK(h.session.revision() == revision);
    }
    // In the file, as the command line's import-ideas leaves it.
    CHECK(storage::WorkshopFile::open(path, storage::WorkshopFile::Mode::ReadOnly)->load().ideas.size() == 8);
}
