// `pilotdeck serve FILE --bind 127.0.0.1 --port 0 --stage STAGE` as a child process, for the
// tests that stop it (SIGTERM) or kill it (SIGKILL) and start it again on the same file.
#pragma once

#include <sys/types.h>

#include <string>

namespace pilotdeck::test {

struct ServeChild {
    pid_t pid = -1;
    int out = -1;
    int port = 0;
    std::string code, jury;  // the join code and the jury's code it printed

    // Starts `exe serve file ...` and reads its "url:", "code:" and "jury:" lines.
    ServeChild(const std::string& exe, const std::string& file, const std::string& stage);
    ServeChild(const ServeChild&) = delete;
    ServeChild& operator=(const ServeChild&) = delete;
    // Sends `signal`, waits for the child and returns its wait status (a child already dead is reaped).
    int stop(int signal);
    ~ServeChild();
};

}  // namespace pilotdeck::test
