// first_frame: starts the real `pilotdeck open FILE` under the current DISPLAY several times with
// PILOTDECK_TRACE_STARTUP=1, reads its "startup: first frame N ms (...)" line from stderr, and
// stops it. Reports the median of N (process start to the first swapped frame, measured inside
// the app), the median wall time from spawning to the line (measured here), and the median of
// each step of the breakdown. One start is made first and not counted (it warms the page cache
// and Mesa's shader cache, as any start after the first on a laptop would find them).
// Settings and backups go to a folder of the bench's own; the binary is PILOTDECK_BIN or the
// pilotdeck built beside the bench.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "bench_util.hpp"

extern char** environ;

namespace pilotdeck::bench {

namespace {

constexpr int kTimeoutMs = 20000;

struct Start {
    double first_frame_ms = 0;  // inside the app
    double spawn_to_line_ms = 0;  // here
    std::map<std::string, double> steps;
};

double now_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::optional<Start> parse(const std::string& line) {
    static const std::regex head(R"(startup: first frame (\d+) ms \((.*)\))");
    static const std::regex step(R"(([a-z][a-z ]*?) ([0-9.]+) ms)");
    std::smatch m;
    if (!std::regex_search(line, m, head)) return std::nullopt;
    Start s;
    s.first_frame_ms = std::stod(m[1].str());
    const std::string parts = m[2].str();
    for (auto it = std::sregex_iterator(parts.begin(), parts.end(), step); it != std::sregex_iterator(); ++it)
        s.steps[(*it)[1].str()] += std::stod((*it)[2].str());
    return s;
}

// One start; nullopt (with a note on stderr) when no line came.
std::optional<Start> start_once(const std::string& bin, const std::string& file, const std::vector<std::string>& env) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return std::nullopt;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], STDERR_FILENO);
    posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    std::vector<std::string> args{bin, "open", file};
    std::vector<char*> argv, envp;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_copy = env;
    for (auto& e : env_copy) envp.push_back(e.data());
    envp.push_back(nullptr);
    pid_t pid = 0;
    const double t0 = now_ms();
    const int rc = posix_spawn(&pid, bin.c_str(), &fa, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        std::cerr << "pilotdeck-bench: first_frame: cannot start " << bin << ": " << std::strerror(rc) << "\n";
        return std::nullopt;
    }
    std::string text;
    std::optional<Start> result;
    while (!result) {
        pollfd p{fds[0], POLLIN, 0};
        const int left = kTimeoutMs - static_cast<int>(now_ms() - t0);
        if (left <= 0 || poll(&p, 1, left) <= 0) break;
        char buf[4096];
        const ssize_t n = read(fds[0], buf, sizeof buf);
        if (n <= 0) break;
        text.append(buf, static_cast<std::size_t>(n));
        for (std::size_t nl; !result && (nl = text.find('\n')) != std::string::npos; text.erase(0, nl + 1))
            if (auto s = parse(text.substr(0, nl))) {
                s->spawn_to_line_ms = now_ms() - t0;
                result = s;
            }
    }
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    close(fds[0]);
    if (!result) std::cerr << "pilotdeck-bench: first_frame: no start-up line from " << bin << " " << text << "\n";
    return result;
}

}  // namespace

void report_first_frame(const std::string& file, const std::string& dir, int runs) {
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) {
        std::cerr << "pilotdeck-bench: first_frame skipped: DISPLAY is not set\n";
        return;
    }
    std::string bin;
    if (const char* b = std::getenv("PILOTDECK_BIN"); b && *b) bin = b;
#ifdef PILOTDECK_BENCH_BINARY
    if (bin.empty()) bin = PILOTDECK_BENCH_BINARY;
#endif
    if (bin.empty()) {
        std::cerr << "pilotdeck-bench: first_frame skipped: set PILOTDECK_BIN to the pilotdeck binary\n";
        return;
    }
    const std::string home = dir + "/first_frame_home";
    std::filesystem::create_directories(home);
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) {
        const std::string kv = *e;
        if (kv.rfind("XDG_CONFIG_HOME=", 0) == 0 || kv.rfind("XDG_DATA_HOME=", 0) == 0 ||
            kv.rfind("PILOTDECK_TRACE_STARTUP=", 0) == 0)
            continue;
        env.push_back(kv);
    }
    env.push_back("XDG_CONFIG_HOME=" + home + "/config");
    env.push_back("XDG_DATA_HOME=" + home + "/data");
    env.push_back("PILOTDECK_TRACE_STARTUP=1");

    if (!start_once(bin, file, env)) return;  // the warm-up start
    std::vector<double> in_app, outside;
    std::map<std::string, std::vector<double>> steps;
    for (int i = 0; i < runs; ++i) {
        const auto s = start_once(bin, file, env);
        if (!s) return;
        in_app.push_back(s->first_frame_ms);
        outside.push_back(s->spawn_to_line_ms);
        for (const auto& [name, ms] : s->steps) steps[name].push_back(ms);
    }
    const Stats a = summarize(in_app);
    nlohmann::ordered_json j;
    j["name"] = "first_frame";
    j["median_ms"] = round3(a.median);
    j["p95_ms"] = round3(a.p95);
    j["runs"] = a.runs;
    j["spawn_to_line_median_ms"] = round3(summarize(outside).median);
    nlohmann::ordered_json parts;
    for (const auto& [name, v] : steps) parts[name] = round3(summarize(v).median);
    j["steps_median_ms"] = parts;
    std::cout << j.dump() << std::endl;
}

}  // namespace pilotdeck::bench
