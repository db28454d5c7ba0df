// Commits scores one per transaction through the storage layer and reports each on stdout only
// after its commit returned: "k\n". The crash test kills it at a random moment.
#include <cstdio>
#include <string>

#include "reliability_fixture.hpp"
#include "storage/workshop_file.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: crash_writer FILE COUNT\n");
        return 2;
    }
    try {
        auto wf = pilotdeck::storage::WorkshopFile::open(argv[1]);
        const int count = std::stoi(argv[2]);
        for (int k = 0; k < count; ++k) {
            wf->apply(pilotdeck::test::nth_score(k));
            std::printf("%d\n", k);
            std::fflush(stdout);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "crash_writer: %s\n", e.what());
        return 1;
    }
    return 0;
}
