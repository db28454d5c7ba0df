// The presenter action table (app/ui/actions.hpp): the README's keys table is the table's, and
// no key is bound to two actions.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <string>
#include <tuple>

#include "ui/actions.hpp"
#include "ui/app.hpp"

using namespace pilotdeck;

namespace {

// The table under the README's "### Keys" heading: its lines starting with '|'.
std::string readme_keys_table() {
    std::ifstream in(PILOTDECK_README);
    REQUIRE(in);
    std::string line, table;
    bool in_section = false;
    while (std::getline(in, line)) {
        if (line.rfind("### Keys", 0) == 0) {
            in_section = true;
            continue;
        }
        if (!in_section) continue;
        if (line.rfind("|", 0) == 0)
            table += line + "\n";
        else if (!table.empty())
            break;
    }
    return table;
}

}  // namespace

TEST_CASE("the README's keys table is the action table's") {
    const std::string expected = ui::keys_markdown(ui::App::actions());
    const std::string readme = readme_keys_table();
    if (readme != expected) {
        std::ofstream("keys-table.md") << expected;  // Catch wraps long lines: the exact table to paste
        FAIL("README.md's keys table differs from the action table (written to keys-table.md in the "
             "working folder):\n" << expected);
    }
}

TEST_CASE("no key is bound to two actions, every action has words and a way to run it") {
    std::set<std::tuple<int, bool, int>> seen;
    for (const ui::Action& a : ui::App::actions()) {
        INFO(a.id);
        CHECK(std::string(a.what).size() > 3);
        CHECK((!ui::keys_text(a).empty() || a.menu != nullptr));
        if (!a.run) CHECK(a.keys_text != nullptr);  // a panel's keys: named for the help
        for (const ui::Chord& c : a.chords)
            for (int shift = 0; shift <= 1; ++shift)
                if (c.shift < 0 || c.shift == shift) CHECK(seen.insert({c.key, c.ctrl, shift}).second);
    }
}
