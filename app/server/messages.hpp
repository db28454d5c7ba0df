// The phone server's error texts in the phone's language (contracts 10): an error reply keeps
// its English message id and arguments, and the HTTP layer puts it into words when it sends it,
// in the language the page itself uses — the workshop's, or the phone's Accept-Language when the
// facilitator allows it. The session's thread tells which (it knows the workshop).
#pragma once

#include <string>
#include <vector>

#include "base/i18n.hpp"
#include "server/job.hpp"

namespace pilotdeck::server {

// The workshop's language and whether phones may ask for their own (set by the session's thread).
void set_phone_languages(i18n::Language workshop, bool from_phone);
// Only whether phones may ask for their own (the facilitator's setting changed).
void set_phone_language_from_phone(bool from_phone);
// The language of a phone that sent `accept_language` (null: none known).
i18n::Language phone_language(const char* accept_language);

// The reply with its error in `lang` (the reply itself when it has no message id or in English).
Reply in_language(const Reply& r, i18n::Language lang);
// `pattern` with its {0}, {1}, {2} filled in.
std::string error_text(const char* pattern, const std::vector<std::string>& args);
// {"error": text} as JSON.
std::string error_body(const std::string& text);

}  // namespace pilotdeck::server
