// The base library on a real file system: atomic writes, UTF-8 lengths, dates, user folders.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>

#include "base/dates.hpp"
#include "base/files.hpp"
#include "base/text.hpp"
#include "base/user_dirs.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace pilotdeck;

namespace {

std::size_t entries(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

// Sets an environment variable for the scope of one test, then puts the old value back.
class EnvVar {
public:
    EnvVar(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old, had_ = true;
        if (value) ::setenv(name, value, 1);
        else ::unsetenv(name);
    }
    ~EnvVar() {
        if (had_) ::setenv(name_, old_.c_str(), 1);
        else ::unsetenv(name_);
    }
    EnvVar(const EnvVar&) = delete;
    EnvVar& operator=(const EnvVar&) = delete;

private:
    const char* name_;
    std::string old_;
    bool had_ = false;
};

}  // namespace

TEST_CASE("write_file_atomic writes a new file with mode 0644 and nothing else") {
    test::TempDir dir;
    const std::string path = dir.file("out.json");
    base::write_file_atomic(path, "{\"a\": 1}\n");
    CHECK(test::read_all(path) == "{\"a\": 1}\n");
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0644);
    CHECK(entries(dir.path()) == 1);
}

TEST_CASE("write_file_atomic replaces a file and keeps its permissions") {
    test::TempDir dir;
    const std::string path = dir.file("out.txt");
    test::write_all(path, "old");
    REQUIRE(::chmod(path.c_str(), 0600) == 0);
    base::write_file_atomic(path, "new content");
    CHECK(test::read_all(path) == "new content");
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(entries(dir.path()) == 1);
}

TEST_CASE("write_file_atomic refuses a missing folder and a folder in the way, leaving nothing") {
    test::TempDir dir;
    const std::string missing = dir.file("no/such/out.txt");
    CHECK_THROWS_WITH(base::write_file_atomic(missing, "x"), Catch::Contains("does not exist"));
    fs::create_directory(dir.path() / "sub");
    CHECK_THROWS_WITH(base::write_file_atomic(dir.file("sub"), "x"), Catch::Contains("is a folder"));
    CHECK(entries(dir.path()) == 1);  // only "sub"
    CHECK(entries(dir.path() / "sub") == 0);
}

TEST_CASE("folder_of") {
    CHECK(base::folder_of("a.txt") == ".");
    CHECK(base::folder_of("/tmp/a.txt") == "/tmp");
    CHECK(base::folder_of("x/y/z.json") == "x/y");
}

TEST_CASE("utf8_length counts characters, not bytes") {
    CHECK(base::utf8_length("") == 0);
    CHECK(base::utf8_length("Inkoop") == 6);
    CHECK(base::utf8_length("Überprüfung") == 11);
    CHECK(base::utf8_length("\xF0\x9F\x98\x80") == 1);  // one emoji, four bytes
}

TEST_CASE("fold_case lowers ASCII and the Latin-1 capitals of Dutch and German names") {
    CHECK(base::fold_case("Inkoop") == "inkoop");
    CHECK(base::fold_case("ÄRGER über Öl") == "ärger über öl");
    CHECK(base::fold_case("ÉLODIE Ÿ") == "élodie Ÿ");  // Ÿ is not Latin-1's: unchanged
    CHECK(base::fold_case("2 \u00D7 3") == "2 \u00D7 3");  // the multiplication sign stays
    CHECK(base::fold_case("\xC3") == "\xC3");  // a cut sequence: unchanged, no read past the end
}

TEST_CASE("today_iso is a date and compact_stamp a sortable time") {
    CHECK(std::regex_match(base::today_iso(), std::regex(R"(\d{4}-\d{2}-\d{2})")));
    const EnvVar tz("TZ", "UTC");
    ::tzset();
    CHECK(base::compact_stamp(0) == "19700101-000000");
    CHECK(base::compact_stamp(1764583200) == "20251201-100000");
}

TEST_CASE("user folders follow XDG, and ignore relative XDG values") {
    const EnvVar home("HOME", "/home/anna");
    {
        const EnvVar data("XDG_DATA_HOME", "/srv/data");
        const EnvVar config("XDG_CONFIG_HOME", nullptr);
        CHECK(base::data_dir() == "/srv/data/pilotdeck");
        CHECK(base::data_home() == "/srv/data");
        CHECK(base::config_dir() == "/home/anna/.config/pilotdeck");
    }
    {
        const EnvVar data("XDG_DATA_HOME", "relative/path");
        const EnvVar config("XDG_CONFIG_HOME", "/etc/xdg-user");
        CHECK(base::data_dir() == "/home/anna/.local/share/pilotdeck");
        CHECK(base::config_dir() == "/etc/xdg-user/pilotdeck");
    }
}
