#include "server/serve.hpp"

#include <csignal>
#include <cstdio>
#include <exception>
#include <iostream>
#include <pthread.h>

#include "core/model.hpp"
#include "server/phone_server.hpp"
#include "storage/backup.hpp"

namespace pilotdeck::server {

namespace {

int fail(const std::string& message, int status) {
    std::cerr << "pilotdeck: " << message << std::endl;
    return status;
}

}  // namespace

namespace {
void report_backup(const storage::BackupResult& r) {
    if (r.failed()) std::cerr << "pilotdeck: " << r.error << std::endl;
}
}  // namespace

int run_serve(const ServeOptions& o) {
    ServerOptions opts;
    opts.bind = o.bind;
    opts.port = o.port;
    if (!o.stage.empty()) {
        auto kind = core::stage_kind_from(o.stage);
        if (!kind)
            return fail("unknown stage \"" + o.stage +
                            "\" (intro, concerns, ideas, scoring, matrix, shortlist, teams, work, pitches, judging, awards, review)",
                        2);
        opts.stage = *kind;
    }
    if (o.port < 0 || o.port > 65535) return fail("port " + std::to_string(o.port) + " is out of range (0..65535)", 2);

    // SIGINT and SIGTERM are blocked in every thread (the server's threads inherit the mask)
    // and taken here with sigwait.
    sigset_t stop_signals, previous;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, &previous);

    int status = 0;
    {
        PhoneServer server;
        try {
            server.start(o.file, opts);
        } catch (const std::exception& e) {
            pthread_sigmask(SIG_SETMASK, &previous, nullptr);
            return fail(e.what(), 1);
        }
        if (o.bind.empty() && server.loopback_only())
            std::cerr << "pilotdeck: note: no network address found; phones cannot reach "
                      << server.address() << ", only this computer can" << std::endl;
        std::cout << "url: " << server.url() << "\n"
                  << "code: " << server.join_code() << "\n"
                  << "jury: " << server.jury_code() << std::endl;  // contracts 6: the jury's own code
        std::fflush(stdout);
        // Rolling backups as in the GUI: now when the file changed since its newest backup, every
        // 30 minutes of serving, and when stopping. A failed backup is reported, never fatal.
        storage::Backups backups(o.file);
        report_backup(backups.on_open());
        // Every second: a join code spent by guessing (100 wrong codes a minute) is replaced and
        // the new one printed as another "code:" line; every minute: the backup.
        const timespec check_every{1, 0};
        for (int tick = 1;; ++tick) {
            const int sig = sigtimedwait(&stop_signals, nullptr, &check_every);
            if (sig == SIGINT || sig == SIGTERM) break;
            if (server.join_code_spent()) {
                std::cout << "code: " << server.new_join_code() << "\njury: " << server.jury_code() << std::endl;
                std::cerr << "pilotdeck: many wrong join codes were tried; the join code is now new" << std::endl;
            }
            if (tick % 60 == 0) report_backup(backups.maybe_backup());
        }
        server.stop();
        report_backup(backups.backup_if_changed());
    }
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return status;
}

}  // namespace pilotdeck::server
