#include "base/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace pilotdeck::base {
namespace {

// A temporary file beside the target, removed unless committed.
class TempFile {
public:
    explicit TempFile(const std::string& target) : path_(target + ".tmp-XXXXXX") {
        fd_ = ::mkstemp(path_.data());
        if (fd_ < 0) throw std::runtime_error(target + ": cannot create a file there (" + std::strerror(errno) + ")");
    }
    ~TempFile() {
        if (fd_ >= 0) ::close(fd_);
        if (!committed_) ::unlink(path_.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    int fd() const { return fd_; }
    const std::string& path() const { return path_; }
    bool close() {
        const int fd = fd_;
        fd_ = -1;
        return ::close(fd) == 0;
    }
    void committed() { committed_ = true; }

private:
    std::string path_;
    int fd_ = -1;
    bool committed_ = false;
};

}  // namespace

std::string folder_of(const std::string& path) {
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

bool write_all(int fd, std::string_view content) {
    while (!content.empty()) {
        const ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        content.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

bool sync_path(const std::string& path, bool folder) {
    const int fd = ::open(path.c_str(), (folder ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) return false;
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    errno = err;
    return rc == 0;
}

void write_file_atomic(const std::string& path, std::string_view content) {
    namespace fs = std::filesystem;
    const std::string folder = folder_of(path);
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) throw std::runtime_error(path + ": folder \"" + folder + "\" does not exist");
    if (fs::is_directory(path, ec)) throw std::runtime_error(path + ": is a folder, not a file");

    TempFile temp(path);
    // mkstemp makes the file private (0600); a document is an ordinary file, or keeps the mode
    // of the file it replaces.
    struct stat st {};
    const mode_t mode = ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
    const auto fail = [&](const char* doing) {
        throw std::runtime_error(path + ": cannot " + doing + " (" + std::strerror(errno) + ")");
    };
    if (::fchmod(temp.fd(), mode) != 0) fail("set the file's permissions");
    if (!write_all(temp.fd(), content)) fail("write");
    if (::fsync(temp.fd()) != 0) fail("write to disk");
    if (!temp.close()) fail("write");
    if (::rename(temp.path().c_str(), path.c_str()) != 0) fail("replace the file");
    temp.committed();
    sync_path(folder, true);  // the rename is done; a folder that cannot be synced changes nothing
}

}  // namespace pilotdeck::base
