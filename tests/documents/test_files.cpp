#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "doc_test_support.hpp"
#include "documents/documents.hpp"
#include "support/temp_dir.hpp"

namespace docs = pilotdeck::documents;
namespace fs = std::filesystem;
using pilotdeck::test::error_of;
using pilotdeck::test::read_all;
using pilotdeck::test::TempDir;
using pilotdeck::test::write_all;

namespace {

// A file of `size` bytes that takes no disk space.
void make_sparse(const std::string& path, off_t size) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(::ftruncate(fd, size) == 0);
    ::close(fd);
}

std::size_t file_count(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("files: read_file reads bytes as they are", "[files]") {
    TempDir dir;
    const std::string content = std::string("\xEF\xBB\xBF{}\0x", 6);
    write_all(dir.file("a.json"), content);
    CHECK(docs::read_file(dir.file("a.json")) == content);
}

TEST_CASE("files: a missing file, a folder, and a file over 256 MiB are refused", "[files]") {
    TempDir dir;
    const std::string missing = dir.file("nope.json");
    CHECK(error_of([&] { docs::read_file(missing); }) == missing + ": no such file");
    CHECK(error_of([&] { docs::load_workshop(missing); }) == missing + ": no such file");
    CHECK(error_of([&] { docs::read_file(dir.path().string()); }) == dir.path().string() + ": is a folder, not a file");

    const std::string big = dir.file("big.json");
    make_sparse(big, 600LL * 1024 * 1024);
    CHECK(error_of([&] { docs::load_workshop(big); }) == big + ": is too large (600 MiB); a document may have at most 256 MiB");
    make_sparse(big, static_cast<off_t>(docs::kMaxDocumentBytes) + 1);
    CHECK(error_of([&] { docs::load_template(big); }) == big + ": is too large (256 MiB); a document may have at most 256 MiB");
}

TEST_CASE("files: write_file_atomic writes, replaces and leaves no temporary file", "[files]") {
    TempDir dir;
    const std::string path = dir.file("out.json");
    docs::write_file_atomic(path, "first\n");
    CHECK(read_all(path) == "first\n");
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0644);

    ::chmod(path.c_str(), 0600);
    docs::write_file_atomic(path, "second\n");
    CHECK(read_all(path) == "second\n");
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);  // the replaced file's mode is kept
    CHECK(file_count(dir.path()) == 1);
}

TEST_CASE("files: write_file_atomic into a missing folder fails and writes nothing", "[files]") {
    TempDir dir;
    const std::string path = dir.file("out/x.json");
    CHECK(error_of([&] { docs::write_file_atomic(path, "{}"); }) ==
          path + ": folder \"" + dir.file("out") + "\" does not exist");
    CHECK(file_count(dir.path()) == 0);
}

TEST_CASE("files: write_file_atomic onto a folder fails and leaves no temporary file", "[files]") {
    TempDir dir;
    fs::create_directory(dir.file("taken"));
    CHECK(error_of([&] { docs::write_file_atomic(dir.file("taken"), "{}"); }) == dir.file("taken") + ": is a folder, not a file");
    CHECK(file_count(dir.path()) == 1);
}

TEST_CASE("files: write_file_atomic that cannot create its temporary file fails with one clear line", "[files]") {
    TempDir dir;
    // The name fits the file system's limit of 255 bytes, but the temporary name beside it does not.
    const std::string path = dir.file(std::string(250, 'x'));
    const std::string error = error_of([&] { docs::write_file_atomic(path, "{}"); });
    CHECK(error == path + ": cannot create a file there (File name too long)");
    CHECK(file_count(dir.path()) == 0);
}
