#include "server/serve_child.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

extern char** environ;

namespace pilotdeck::test {

namespace {

// The rest of the first line that starts with `key` ("code: "), or "".
std::string line_value(const std::string& text, const std::string& key) {
    for (std::size_t at = 0; at < text.size(); at = text.find('\n', at) + 1) {
        if (text.compare(at, key.size(), key) == 0) {
            const std::size_t begin = at + key.size();
            return text.substr(begin, text.find('\n', begin) - begin);
        }
        if (text.find('\n', at) == std::string::npos) break;
    }
    return {};
}

}  // namespace

ServeChild::ServeChild(const std::string& exe, const std::string& file, const std::vector<std::string>& extra) {
    int fds[2];
    REQUIRE(pipe2(fds, O_CLOEXEC) == 0);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    std::vector<std::string> args = {exe, "serve", file, "--bind", "127.0.0.1", "--port", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int rc = posix_spawn(&pid, exe.c_str(), &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    ::close(fds[1]);
    out = fds[0];
    REQUIRE(rc == 0);
    std::string text;
    char buf[256];
    while (std::count(text.begin(), text.end(), '\n') < 3) {
        const ssize_t n = ::read(out, buf, sizeof buf);
        if (n <= 0) break;
        text.append(buf, static_cast<std::size_t>(n));
    }
    url = line_value(text, "url: ");
    code = line_value(text, "code: ");
    jury = line_value(text, "jury: ");
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

ServeChild::~ServeChild() {
    if (pid > 0) stop(SIGKILL);
    if (out >= 0) ::close(out);
}

}  // namespace pilotdeck::test
