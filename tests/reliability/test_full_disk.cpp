// A full disk (RLIMIT_FSIZE): the write fails with a clear error, nothing is reported as saved
// that was not, and the file reopens sound with everything that was saved.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "reliability_fixture.hpp"
#include "storage/workshop_file.hpp"
#include "support/temp_dir.hpp"

using namespace pilotdeck;

TEST_CASE("a full disk fails the edit cleanly and loses nothing saved", "[reliability][disk]") {
    test::TempDir dir;
    const std::string file = dir.file("full.pilotdeck");
    storage::WorkshopFile::create(file, test::reliability_workshop());
    struct stat st{};
    REQUIRE(stat(file.c_str(), &st) == 0);

    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        signal(SIGXFSZ, SIG_IGN);  // a failed write returns EFBIG instead of killing the process
        rlimit lim{};
        lim.rlim_cur = lim.rlim_max = static_cast<rlim_t>(st.st_size) + 256 * 1024;
        setrlimit(RLIMIT_FSIZE, &lim);
        std::string report;
        int saved = 0;
        try {
            auto wf = storage::WorkshopFile::open(file);
            const std::string text(8000, 'x');
            for (; saved < 10000; ++saved) {
                core::Idea idea;
                idea.id = "big" + std::to_string(saved);
                idea.title = "Big idea " + std::to_string(saved);
                idea.problem = text;
                wf->apply(core::PutIdea{idea, std::nullopt});
            }
            report = "no error";
        } catch (const std::exception& e) {
            report = e.what();
        }
        report = std::to_string(saved) + "\n" + report;
        (void)!write(fds[1], report.data(), report.size());
        _exit(0);
    }
    close(fds[1]);
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));

    const int saved = std::stoi(out.substr(0, out.find('\n')));
    const std::string error = out.substr(out.find('\n') + 1);
    INFO("error: " << error);
    CHECK(saved > 0);
    CHECK(saved < 10000);
    CHECK(error.find(file) != std::string::npos);  // one clear line naming the file
    CHECK(error.find('\n') == std::string::npos);

    REQUIRE(storage::WorkshopFile::check(file).ok);
    const core::Workshop ws = storage::WorkshopFile::open(file)->load();
    int big = 0;
    for (const auto& i : ws.ideas) big += i.id.rfind("big", 0) == 0;
    CHECK(big == saved);  // every acknowledged idea is there, the failed one is not
}
