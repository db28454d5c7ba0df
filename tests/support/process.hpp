// Runs a program as a user would and captures its exit status, stdout and stderr.
#pragma once

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

}  // namespace pilotdeck::test
