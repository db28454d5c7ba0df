#include "cli/import_ideas.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

#include "base/i18n.hpp"
#include "cli/language.hpp"
#include "core/idea_import.hpp"
#include "core/session.hpp"
#include "portfolio/idea_source.hpp"
#include "storage/workshop_file.hpp"

namespace pilotdeck::cli {

CLI::App* add_import_ideas_command(CLI::App& app, ImportIdeasArgs& args) {
    auto* c = app.add_subcommand("import-ideas", i18n::tr("Add the ideas of another workshop to a hackathon (for team forming)"));
    c->add_option("FILE", args.file, i18n::tr("Hackathon workshop file"))->required();
    c->add_option("--from", args.from, i18n::tr("The other workshop: a workshop file or workshop document"))->required();
    return c;
}

int cmd_import_ideas(const ImportIdeasArgs& args) {
    // The other workshop first: a bad one is reported before the hackathon's file is opened for editing.
    const core::Workshop source = portfolio::read_idea_source(args.file, args.from);
    // Decided on a read-only look, so that a refusal leaves the file byte-identical; then one
    // edit (one transaction) on the file opened for editing. The GUI's File > Import ideas does the same.
    core::IdeaImport import;
    {
        const core::Workshop target = storage::WorkshopFile::open(args.file, storage::WorkshopFile::Mode::ReadOnly)->load();
        follow_workshop_language(target.info.language);
        import = portfolio::plan_idea_import(args.file, target, source);
    }
    if (!import.ideas.empty()) {
        auto wf = storage::WorkshopFile::open(args.file, storage::WorkshopFile::Mode::ReadWrite);
        core::Session session(wf->load(), 0, wf.get());
        session.execute(core::import_command(import));
    }
    std::cout << i18n::format(i18n::ntr("Imported {0} idea from {1} into {2}", "Imported {0} ideas from {1} into {2}",
                                        static_cast<unsigned long>(import.ideas.size())),
                              {std::to_string(import.ideas.size()), args.from, args.file});
    if (import.skipped > 0)
        std::cout << i18n::format(i18n::ntr(" ({0} was already there)", " ({0} were already there)",
                                            static_cast<unsigned long>(import.skipped)),
                                  {std::to_string(import.skipped)});
    std::cout << ".\n";
    return 0;
}

}  // namespace pilotdeck::cli
