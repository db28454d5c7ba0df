#include "cli/results_command.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "core/hackathon.hpp"
#include "documents/documents.hpp"
#include "documents/results_document.hpp"
#include "cli/language.hpp"
#include "storage/workshop_file.hpp"

namespace pilotdeck::cli {
namespace {

// A workshop file is an SQLite database; anything else is read as a workshop document.
bool is_sqlite_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    return in.gcount() == static_cast<std::streamsize>(sizeof header) && std::memcmp(header, "SQLite format 3", 16) == 0;
}

}  // namespace

int cmd_results(const std::string& file, const std::string& out) {
    const core::Workshop ws = is_sqlite_file(file)
                                  ? storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly)->load()
                                  : documents::load_workshop(file);
    if (ws.teams.empty()) throw std::runtime_error(file + ": has no teams, so there are no hackathon results");
    follow_workshop_language(ws.info.language);  // contracts 10: the "why" sentences in the workshop's language
    const std::string text = documents::write_results(ws, core::hackathon_results(ws));
    if (!out.empty()) {
        documents::write_file_atomic(out, text);
    } else if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
        throw std::runtime_error(std::string("standard output: ") + std::strerror(errno));
    }
    return 0;
}

}  // namespace pilotdeck::cli
