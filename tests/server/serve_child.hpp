// `pilotdeck serve FILE --bind 127.0.0.1 --port 0 [EXTRA...]` as a child process of a test (the
// real binary, or the stand-in serve_main.cpp when the CLI is not built): its stdout is read
// through a pipe until the "url:", "code:" and "jury:" lines are there (or the child died).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace pilotdeck::test {

class ServeChild {
public:
    ServeChild(const std::string& file, const std::vector<std::string>& extra);
    ~ServeChild();
    ServeChild(const ServeChild&) = delete;
    ServeChild& operator=(const ServeChild&) = delete;

    // The port of the url line (0 when there was none).
    int port() const;
    // Waits for the child to end; its wait status.
    int wait_status();
    // Sends `signal`, then waits; the wait status.
    int stop(int signal);

    pid_t pid = -1;
    int out = -1;  // the rest of the child's stdout (a new "code:" line comes here)
    std::string url, code, jury;  // jury: the jury's own code (contracts 6)
};

}  // namespace pilotdeck::test
