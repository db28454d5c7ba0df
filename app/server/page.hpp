// The phone page, embedded in the binary: served from memory, nothing from the file system.
#pragma once

#include <string>
#include <string_view>

#include "base/i18n.hpp"

namespace pilotdeck::server {

std::string_view page_html();    // GET /
std::string_view page_script();  // GET /app.js
std::string_view page_style();   // GET /app.css
std::string_view page_hackathon_script();
// GET /text.js (page_text.cpp): the page's words in `lang`, as `window.pilotdeckText = {...};`.
std::string page_text_script(i18n::Language lang);  // GET /hackathon.js (page_hackathon.cpp): teams, judging, audience vote

}  // namespace pilotdeck::server
