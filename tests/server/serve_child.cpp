#include "server/serve_child.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include <catch2/catch.hpp>

#include "support/process.hpp"

namespace pilotdeck::test {

ServeChild::ServeChild(const std::string& file, const std::vector<std::string>& extra) {
    int fds[2];
    REQUIRE(pipe2(fds, O_CLOEXEC) == 0);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    std::vector<std::string> args = {PILOTDECK_SERVE_EXE, "serve", file, "--bind", "127.0.0.1", "--port", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    pid = spawn_program(args, fa);
    posix_spawn_file_actions_destroy(&fa);
    ::close(fds[1]);
    out = fds[0];
    REQUIRE(pid > 0);
    // The three lines, read until they are there or the child closed its stdout (it died).
    std::string text;
    char buf[256];
    while (std::count(text.begin(), text.end(), '\n') < 3) {
        const ssize_t n = ::read(out, buf, sizeof buf);
        if (n <= 0) break;
        text.append(buf, static_cast<std::size_t>(n));
    }
    const auto u = text.find("url: "), c = text.find("code: "), j = text.find("jury: ");
    if (u != std::string::npos) url = text.substr(u + 5, text.find('\n', u) - u - 5);
    if (c != std::string::npos) code = text.substr(c + 6, text.find('\n', c) - c - 6);
    if (j != std::string::npos) jury = text.substr(j + 6, text.find('\n', j) - j - 6);
}

ServeChild::~ServeChild() {
    if (pid > 0) stop(SIGKILL);
    if (out >= 0) ::close(out);
}

int ServeChild::port() const {
    const auto colon = url.rfind(':');
    return colon == std::string::npos ? 0 : std::atoi(url.c_str() + colon + 1);
}

int ServeChild::wait_status() {
    int st = 0;
    waitpid(pid, &st, 0);
    pid = -1;
    return st;
}

int ServeChild::stop(int signal) {
    kill(pid, signal);
    return wait_status();
}

}  // namespace pilotdeck::test
