// File-system steps of the workshop file's life: refusing paths that cannot be a workshop
// before SQLite sees them, and the temporary file that create() builds and renames into place.
#pragma once

#include <string>

namespace pilotdeck::storage::files {

// Throws StorageError when `path` is missing, a folder or unreadable.
void require_readable_file(const std::string& path);
// An empty file would look to SQLite like a new, empty database: callers refuse it first.
bool is_empty_file(const std::string& path);

// Whether new files can be made in the folder of `path`.
bool folder_writable(const std::string& path);

// A new empty file beside `target` (".NAME.tmp-XXXXXX"), removed with its SQLite side files by
// the destructor unless it was moved into place by commit().
class TempFile {
public:
    explicit TempFile(const std::string& target);
    ~TempFile();
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    const std::string& path() const { return path_; }
    // fsync the file, move it into place, fsync the folder. Without `replace`, an existing
    // target (even one made since the caller looked) is refused: "TARGET: already exists (use
    // --force to replace it)". With it, the target is replaced atomically; its stale SQLite side
    // files (-wal, -shm of a replaced database) are moved aside first, so that they can never be
    // replayed into the new file, and put back if the rename fails.
    void commit(bool replace);

private:
    void link_target();
    void replace_target();
    std::string target_, path_;
    bool committed_ = false;
};

}  // namespace pilotdeck::storage::files
