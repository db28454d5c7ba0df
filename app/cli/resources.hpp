// Where pilotdeck finds its shipped files (templates, demo workshop) and the user's folders.
#pragma once

#include <string>

namespace pilotdeck::cli {

// The folder with the shipped templates: $PILOTDECK_TEMPLATES, else <prefix>/share/pilotdeck/
// workshop_templates next to the installed binary, else the source tree's workshop_templates.
std::string default_templates_dir();
// assets/demo-workshop.json, found the same way ($PILOTDECK_ASSETS overrides the folder).
std::string demo_document_path();
// assets/ai-act-obligations.json (contracts 7): the obligations and their dates, shipped as data.
std::string obligations_path();

}  // namespace pilotdeck::cli
