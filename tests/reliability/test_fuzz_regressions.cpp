// Every input the fuzzers ever crashed on (fuzz/regressions/TARGET/*) is replayed here: each must
// be refused with a clear error or accepted, never crash.
#include <catch2/catch.hpp>

#include <filesystem>

#include "documents/documents.hpp"
#include "storage/workshop_file.hpp"
#include "support/temp_dir.hpp"

using namespace pilotdeck;
namespace fs = std::filesystem;

namespace {
std::vector<fs::path> inputs(const std::string& target) {
    std::vector<fs::path> out;
    const fs::path dir = fs::path(FUZZ_REGRESSIONS) / target;
    if (fs::is_directory(dir))
        for (const auto& e : fs::directory_iterator(dir))
            if (e.is_regular_file()) out.push_back(e.path());
    return out;
}
}  // namespace

TEST_CASE("fuzz regressions: templates and workshop documents", "[reliability][fuzz]") {
    for (const auto& path : inputs("template")) {
        const std::string bytes = test::read_all(path.string());
        CHECK_NOTHROW([&] {
            try { documents::parse_template(bytes, path.filename().string()); } catch (const documents::DocumentError&) {}
        }());
    }
    for (const auto& path : inputs("workshop_document")) {
        const std::string bytes = test::read_all(path.string());
        CHECK_NOTHROW([&] {
            try {
                const auto ws = documents::parse_workshop(bytes, path.filename().string());
                CHECK(documents::write_workshop(documents::parse_workshop(documents::write_workshop(ws), "again")) ==
                      documents::write_workshop(ws));
            } catch (const documents::DocumentError&) {}
        }());
    }
}

TEST_CASE("fuzz regressions: workshop files", "[reliability][fuzz]") {
    test::TempDir dir;
    for (const auto& path : inputs("workshop_file")) {
        const std::string file = dir.file("input.pilotdeck");
        const std::string bytes = test::read_all(path.string());
        test::write_all(file, bytes);
        try {
            auto wf = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly);
            (void)wf->load();
        } catch (const storage::StorageError&) {
        }
        CHECK(test::read_all(file) == bytes);
        fs::remove(file);
    }
}
