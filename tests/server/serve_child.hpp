// `pilotdeck serve FILE --bind 127.0.0.1 --port 0 [ARGS...]` as a child process, for the tests that
// stop it (SIGTERM) or kill it (SIGKILL) and start it again on the same file.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace pilotdeck::test {

struct ServeChild {
    pid_t pid = -1;
    int out = -1;
    std::string url, code, jury;  // the lines it printed ("" when it died first)

    // Starts `exe serve file --bind 127.0.0.1 --port 0 args...` and reads its "url:", "code:" and
    // "jury:" lines, until they are there or the child closed its stdout.
    ServeChild(const std::string& exe, const std::string& file, const std::vector<std::string>& args);
    int port() const;  // from the url; 0 when none
    ServeChild(const ServeChild&) = delete;
    ServeChild& operator=(const ServeChild&) = delete;
    // Sends `signal`, waits for the child and returns its wait status (a child already dead is reaped).
    int stop(int signal);
    // Waits for the child (killed by the test, or ending by itself) and returns its wait status.
    int wait_status();
    ~ServeChild();
};

}  // namespace pilotdeck::test
