// Reading documents from disk and writing them atomically.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "documents/documents.hpp"

namespace pilotdeck::documents {
namespace {

constexpr std::size_t kMiB = 1024 * 1024;
std::string limit_text() { return "a document may have at most " + std::to_string(kMaxDocumentBytes / kMiB) + " MiB"; }

std::string position_prefix(const std::string& file, int line, int column, const std::string& path) {
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + path + ": ";
}

std::string errno_text(int err) { return std::strerror(err); }

// Writes all of `content` to fd; false (with errno set) on failure.
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

// A temporary file beside the target, removed unless committed.
class TempFile {
public:
    explicit TempFile(const std::string& target) : path_(target + ".tmp-XXXXXX") {
        fd_ = ::mkstemp(path_.data());
        if (fd_ < 0) throw std::runtime_error(target + ": cannot create a file there (" + errno_text(errno) + ")");
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

void sync_folder(const std::string& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;  // the rename is done; a folder we cannot open cannot be synced either
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

DocumentError::DocumentError(std::string file_, int line_, int column_, std::string path_, const std::string& what)
    : std::runtime_error(position_prefix(file_, line_, column_, path_) + what),
      file(std::move(file_)),
      path(std::move(path_)),
      line(line_),
      column(column_) {}

DocumentError::DocumentError(const std::string& message) : std::runtime_error(message) {}

std::string read_file(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        throw DocumentError(path + (errno == ENOENT ? ": no such file" : ": cannot read (" + errno_text(errno) + ")"));
    if (S_ISDIR(st.st_mode)) throw DocumentError(path + ": is a folder, not a file");
    if (static_cast<std::uint64_t>(st.st_size) > kMaxDocumentBytes)
        throw DocumentError(path + ": is too large (" + std::to_string(st.st_size / kMiB) + " MiB); " + limit_text());
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw DocumentError(path + ": cannot read (" + errno_text(errno) + ")");
    // One byte more than the size, so that reaching the end of the file needs no growing (which
    // would copy the whole text); the file may still grow while we read it.
    std::string text(static_cast<std::size_t>(st.st_size) + 1, '\0');
    std::size_t done = 0;
    for (;;) {
        if (done == text.size()) text.resize(std::min(text.size() + 65536, kMaxDocumentBytes + 1));
        const ssize_t n = ::read(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            throw DocumentError(path + ": cannot read (" + errno_text(err) + ")");
        }
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
        if (done > kMaxDocumentBytes) {
            ::close(fd);
            throw DocumentError(path + ": is too large; " + limit_text());
        }
    }
    ::close(fd);
    text.resize(done);
    return text;
}

void write_file_atomic(const std::string& path, std::string_view content) {
    namespace fs = std::filesystem;
    const fs::path parent = fs::path(path).parent_path();
    const std::string folder = parent.empty() ? "." : parent.string();
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) throw std::runtime_error(path + ": folder \"" + folder + "\" does not exist");
    if (fs::is_directory(path, ec)) throw std::runtime_error(path + ": is a folder, not a file");

    TempFile temp(path);
    // mkstemp makes the file private (0600); a document is an ordinary file, or keeps the mode
    // of the file it replaces.
    struct stat st {};
    const mode_t mode = ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
    const auto fail = [&](const char* doing) {
        throw std::runtime_error(path + ": cannot " + doing + " (" + errno_text(errno) + ")");
    };
    if (::fchmod(temp.fd(), mode) != 0) fail("set the file's permissions");
    if (!write_all(temp.fd(), content)) fail("write");
    if (::fsync(temp.fd()) != 0) fail("write to disk");
    if (!temp.close()) fail("write");
    if (::rename(temp.path().c_str(), path.c_str()) != 0) fail("replace the file");
    temp.committed();
    sync_folder(folder);
}

}  // namespace pilotdeck::documents
