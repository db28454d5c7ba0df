#include "storage/file_ops.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>
#include <vector>

#include "base/i18n.hpp"
#include "base/files.hpp"
#include "storage/workshop_file.hpp"

namespace fs = std::filesystem;

namespace pilotdeck::storage::files {
namespace {

[[noreturn]] void fail_errno(const std::string& name, const std::string& what) {
    throw StorageError(name + ": " + what + ": " + std::strerror(errno));
}

void fsync_path(const std::string& path, bool folder, const std::string& name) {
    if (!base::sync_path(path, folder)) fail_errno(name, "cannot sync " + path);
}

using base::folder_of;

constexpr const char* kSideFiles[] = {"-wal", "-shm", "-journal"};

}  // namespace

void require_readable_file(const std::string& path) {
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (!fs::exists(st)) throw StorageError(path + ": " + i18n::tr("no such file"));
    if (fs::is_directory(st)) throw StorageError(path + ": " + i18n::tr("is a folder, not a workshop file"));
    if (::access(path.c_str(), R_OK) != 0) fail_errno(path, i18n::tr("cannot read"));
}

bool is_empty_file(const std::string& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0;
}

bool folder_writable(const std::string& path) { return ::access(folder_of(path).c_str(), W_OK | X_OK) == 0; }

TempFile::TempFile(const std::string& target) : target_(target) {
    fs::path t(target);
    fs::path tmpl = t.parent_path() / ("." + t.filename().string() + ".tmp-XXXXXX");
    std::string name = tmpl.string();
    int fd = ::mkstemp(name.data());
    if (fd < 0) fail_errno(target, "cannot create a temporary file in " + folder_of(target));
    // mkstemp makes the file private (0600); a workshop file gets the usual 0644, or keeps the
    // permissions of the file it replaces.
    struct stat old {};
    ::fchmod(fd, ::stat(target.c_str(), &old) == 0 ? (old.st_mode & 07777) : 0644);
    ::close(fd);
    path_ = name;
}

TempFile::~TempFile() {
    if (committed_) return;
    ::unlink(path_.c_str());
    for (const char* suffix : kSideFiles) ::unlink((path_ + suffix).c_str());
}

void TempFile::commit(bool replace) {
    fsync_path(path_, false, target_);
    if (replace)
        replace_target();
    else
        link_target();
    committed_ = true;
    fsync_path(folder_of(target_), true, target_);
}

// link() fails when the target exists, atomically; where the file system has no hard links
// (FAT on a USB stick), the existence check and rename leave a tiny window.
void TempFile::link_target() {
    if (::link(path_.c_str(), target_.c_str()) == 0) {
        ::unlink(path_.c_str());
        return;
    }
    if (errno == EEXIST || fs::exists(fs::symlink_status(target_)))
        throw StorageError(target_ + ": " + i18n::tr("already exists (use --force to replace it)"));
    if (::rename(path_.c_str(), target_.c_str()) != 0) fail_errno(target_, "cannot move the new file into place");
}

void TempFile::replace_target() {
    std::vector<std::pair<std::string, std::string>> moved;  // side file -> where it was put aside
    for (const char* suffix : kSideFiles) {
        std::string side = target_ + suffix, aside = path_ + suffix + "-old";
        if (::rename(side.c_str(), aside.c_str()) == 0) moved.emplace_back(side, aside);
    }
    if (::rename(path_.c_str(), target_.c_str()) != 0) {
        int saved = errno;
        for (const auto& [side, aside] : moved) ::rename(aside.c_str(), side.c_str());
        errno = saved;
        fail_errno(target_, "cannot move the new file into place");
    }
    for (const auto& [side, aside] : moved) ::unlink(aside.c_str());
}

}  // namespace pilotdeck::storage::files
