// Writing files so that a crash or a full disk never leaves half a file behind.
#pragma once

#include <string>
#include <string_view>

namespace pilotdeck::base {

// The folder a path is in ("." for a bare file name).
std::string folder_of(const std::string& path);

// Writes all of `content` to fd, retrying after EINTR; false (errno set) on failure.
bool write_all(int fd, std::string_view content);

// fsync of a file or a folder; false (errno set) when it cannot be opened or synced.
bool sync_path(const std::string& path, bool folder);

// Writes `content` to `path` atomically: a temporary file in the same folder, fsync, rename,
// fsync of the folder. A new file is 0644; a replaced one keeps its permissions. Throws
// std::runtime_error "PATH: reason" (a missing folder, a folder in the way, a full disk) and
// leaves nothing behind.
void write_file_atomic(const std::string& path, std::string_view content);

}  // namespace pilotdeck::base
