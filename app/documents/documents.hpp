// The JSON documents of contracts.md: templates (2), workshop (3), shortlist (4).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <optional>
#include <vector>

#include "base/files.hpp"
#include "core/model.hpp"
#include "core/selection.hpp"

namespace pilotdeck::documents {

// what() is one line: "FILE:LINE:COLUMN: PATH: what is wrong", e.g.
// "ws.json:12:17: criteria[2].weight: must be greater than 0".
// For errors without a position (file missing, too large): "FILE: what is wrong".
class DocumentError : public std::runtime_error {
public:
    DocumentError(std::string file, int line, int column, std::string path, const std::string& what);
    explicit DocumentError(const std::string& message);
    std::string file, path;
    int line = 0, column = 0;
};

// 256 MiB (the bound). A 10,000 ideas x 50 raters x 9 criteria workshop is ~325 MB in the
// readable layout but ~250 MiB compact (`pilotdeck export --compact`), which import accepts.
inline constexpr std::size_t kMaxDocumentBytes = 256u * 1024u * 1024u;
inline constexpr int kMaxDepth = 64;

// Reads a whole file (refuses more than kMaxDocumentBytes before reading). Throws DocumentError.
std::string read_file(const std::string& path);

// Parsing validates everything contracts.md demands and throws DocumentError at the first fault.
// `name` is the file name used in error messages.
core::Template parse_template(std::string_view text, const std::string& name);
core::Template load_template(const std::string& path);
core::Workshop parse_workshop(std::string_view text, const std::string& name);
core::Workshop load_workshop(const std::string& path);

// Canonical output (keys in the contract's order, 2-space indent, UTF-8, trailing newline):
// export -> import -> export gives the same bytes.
// compact: the same document without indentation or spaces (a 4.5-million-score workshop then
// stays below the 256 MiB that import accepts).
std::string write_workshop(const core::Workshop& ws, bool compact = false);

struct ShortlistInput {
    const core::Workshop& workshop;  // info, ideas, participants and criteria are used; scores need not be loaded
    const std::vector<core::IdeaResult>& results;
    const core::Selection& selection;
    const core::SelectionRules& rules;
};
std::string write_shortlist(const ShortlistInput& in);

// Templates found in a folder, sorted by file name; each parsed, errors kept per file.
struct TemplateEntry {
    std::string path;
    std::optional<core::Template> tmpl;
    std::string error;  // DocumentError::what() when invalid
};
std::vector<TemplateEntry> scan_templates(const std::string& dir);

// Writes `content` to `path` atomically (the base library's): temporary file in the same folder,
// fsync, rename, fsync of the folder. Throws std::runtime_error "PATH: reason", leaves nothing.
using base::write_file_atomic;

}  // namespace pilotdeck::documents
