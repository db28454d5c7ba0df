// The phone panels' fixture: a workshop file in a temporary folder, a headless view of it and
// the phone server running on loopback (any free port) on the same session and file.
#pragma once

#include <memory>
#include <string>

#include "headless.hpp"
#include "server/phone_server.hpp"
#include "storage/workshop_file.hpp"
#include "support/temp_dir.hpp"

namespace pilotdeck::test {

struct PhonesOnFile {
    TempDir dir;
    std::string path = dir.file("w.pilotdeck");
    std::unique_ptr<storage::WorkshopFile> file;
    Headless h;
    server::PhoneServer phones;  // stops first (declared last)

    explicit PhonesOnFile(const core::Workshop& ws) : file(created(path, ws)), h(file->load(), file.get()) {
        server::ServerOptions o;
        o.bind = "127.0.0.1";
        o.port = 0;
        phones.start(h.session, *file, o);
    }

private:
    static std::unique_ptr<storage::WorkshopFile> created(const std::string& path, const core::Workshop& ws) {
        storage::WorkshopFile::create(path, ws).reset();
        return storage::WorkshopFile::open(path);
    }
};

}  // namespace pilotdeck::test
