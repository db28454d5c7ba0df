// 50 times: a process commits scores one per transaction and is killed with SIGKILL at a random
// moment; the file must then pass integrity_check and hold every score reported as committed.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <set>

#include "reliability_fixture.hpp"
#include "storage/workshop_file.hpp"
#include "support/temp_dir.hpp"

using namespace pilotdeck;

namespace {

// Starts the writer, reads its acknowledgements until `deadline`, kills it, drains the pipe.
std::set<int> run_and_kill(const std::string& file, std::chrono::milliseconds deadline) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        execl(CRASH_WRITER, CRASH_WRITER, file.c_str(), "1500", static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    std::string buffer;
    auto read_some = [&](int timeout_ms) {
        pollfd p{fds[0], POLLIN, 0};
        if (poll(&p, 1, timeout_ms) <= 0) return false;
        char chunk[4096];
        const ssize_t n = read(fds[0], chunk, sizeof chunk);
        if (n <= 0) return false;
        buffer.append(chunk, static_cast<std::size_t>(n));
        return true;
    };
    const auto end = std::chrono::steady_clock::now() + deadline;
    while (std::chrono::steady_clock::now() < end) read_some(1);
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    while (read_some(0)) {
    }
    close(fds[0]);
    std::set<int> acknowledged;
    std::size_t start = 0;
    for (std::size_t nl; (nl = buffer.find('\n', start)) != std::string::npos; start = nl + 1)
        acknowledged.insert(std::stoi(buffer.substr(start, nl - start)));
    return acknowledged;
}

}  // namespace

TEST_CASE("SIGKILL at a random moment loses no committed score", "[reliability][crash]") {
    std::mt19937 rng(20261126);
    std::uniform_int_distribution<int> delay_ms(0, 120);
    int total_acknowledged = 0, kills_mid_run = 0;
    for (int round = 0; round < 50; ++round) {
        test::TempDir dir;
        const std::string file = dir.file("crash.pilotdeck");
        storage::WorkshopFile::create(file, test::reliability_workshop());
        const std::set<int> acknowledged = run_and_kill(file, std::chrono::milliseconds(delay_ms(rng)));
        total_acknowledged += static_cast<int>(acknowledged.size());
        if (acknowledged.size() < 1500) ++kills_mid_run;

        const storage::CheckReport report = storage::WorkshopFile::check(file);
        INFO("round " << round << ": " << (report.problems.empty() ? "" : report.problems.front()));
        REQUIRE(report.ok);
        auto wf = storage::WorkshopFile::open(file);
        const core::Workshop ws = wf->load();
        std::set<std::string> stored;
        for (const auto& s : ws.scores) stored.insert(s.idea + "/" + s.rater + "/" + s.criterion + "=" + std::to_string(s.value));
        for (int k : acknowledged) {
            const core::SetScore s = test::nth_score(k);
            INFO("round " << round << ", acknowledged score " << k);
            CHECK(stored.count(s.idea + "/" + s.rater + "/" + s.criterion + "=" + std::to_string(*s.value)) == 1);
        }
        // Nothing appears that was never written: at most one commit beyond the last acknowledged.
        CHECK(ws.scores.size() <= acknowledged.size() + 1);
    }
    WARN("acknowledged scores over 50 kills: " << total_acknowledged << "; kills in the middle of writing: " << kills_mid_run);
    CHECK(kills_mid_run >= 25);  // the test really interrupts the writer
}
