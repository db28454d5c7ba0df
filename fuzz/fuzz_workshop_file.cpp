// Any bytes as a workshop file: opened and loaded, or refused with a StorageError; the bytes on
// disk never change either way.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "storage/workshop_file.hpp"

namespace {
std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace pilotdeck;
    static const std::string path = "/tmp/pilotdeck-fuzz-" + std::to_string(getpid()) + ".pilotdeck";
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << bytes;
    }
    try {
        auto wf = storage::WorkshopFile::open(path, storage::WorkshopFile::Mode::ReadOnly);
        (void)wf->load();
        (void)wf->load_aggregates();
    } catch (const storage::StorageError&) {
    }
    if (slurp(path) != bytes) std::abort();  // a refused or read file stays byte-identical
    unlink(path.c_str());
    unlink((path + "-wal").c_str());
    unlink((path + "-shm").c_str());
    return 0;
}
