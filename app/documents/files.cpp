// Reading documents from disk and writing them atomically.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "base/i18n.hpp"
#include "documents/documents.hpp"

namespace pilotdeck::documents {
namespace {

constexpr std::size_t kMiB = 1024 * 1024;
std::string limit_text() { return i18n::format(i18n::tr("a document may have at most {0} MiB"), {std::to_string(kMaxDocumentBytes / kMiB)}); }

std::string position_prefix(const std::string& file, int line, int column, const std::string& path) {
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + path + ": ";
}

std::string cannot_read(int err) { return i18n::format(i18n::tr("cannot read ({0})"), {std::strerror(err)}); }

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
        throw DocumentError(path + ": " + (errno == ENOENT ? std::string(i18n::tr("no such file")) : cannot_read(errno)));
    if (S_ISDIR(st.st_mode)) throw DocumentError(path + ": " + i18n::tr("is a folder, not a file"));
    if (static_cast<std::uint64_t>(st.st_size) > kMaxDocumentBytes)
        throw DocumentError(path + ": " + i18n::format(i18n::tr("is too large ({0} MiB); {1}"), {std::to_string(static_cast<std::uint64_t>(st.st_size) / kMiB), limit_text()}));
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw DocumentError(path + ": " + cannot_read(errno));
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
            throw DocumentError(path + ": " + cannot_read(err));
        }
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
        if (done > kMaxDocumentBytes) {
            ::close(fd);
            throw DocumentError(path + ": " + i18n::format(i18n::tr("is too large; {0}"), {limit_text()}));
        }
    }
    ::close(fd);
    text.resize(done);
    return text;
}

}  // namespace pilotdeck::documents
