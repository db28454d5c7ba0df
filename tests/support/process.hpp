// Runs a program as a user would and captures its exit status, stdout and stderr.
#pragma once

#include <spawn.h>
#include <sys/types.h>

#include <string>
#include <vector>

namespace pilotdeck::test {

struct RunResult {
    int status = -1;  // exit status, or 128+signal
    std::string out, err;
};

// Runs argv[0] with the arguments; stdin is /dev/null. Environment: the current one plus `env`
// ("NAME=value" entries).
RunResult run_program(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});

// Starts args[0] (a path) with the arguments, the file actions `actions` (the child's descriptors)
// and this process's environment, without waiting; the child's pid, or -1 when it did not start.
pid_t spawn_program(const std::vector<std::string>& args, const posix_spawn_file_actions_t& actions);

}  // namespace pilotdeck::test
