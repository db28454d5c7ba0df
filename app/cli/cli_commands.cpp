#include "base/dates.hpp"
#include "cli/commands.hpp"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <optional>
#include <regex>
#include <string>

#include "cli/portfolio.hpp"
#include "cli/resources.hpp"
#include "core/carry_over.hpp"
#include "cli/results_command.hpp"
#include "core/robustness.hpp"
#include "core/selection.hpp"
#include "core/session.hpp"
#include "documents/documents.hpp"
#include "storage/backup.hpp"
#include "storage/workshop_file.hpp"
#include "version.hpp"

#ifdef PILOTDECK_HAS_GUI
#include "ui/gui.hpp"
#endif
#ifdef PILOTDECK_HAS_SERVER
#include "server/serve.hpp"
#endif

namespace pilotdeck::cli {

namespace {

using storage::WorkshopFile;

// A failure that is already phrased for the user (the file name included).
struct Failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

void write_stdout(const std::string& text) {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
        throw Failure(std::string("standard output: ") + std::strerror(errno));
}

// Writes to --out atomically, or to stdout when no --out was given.
void emit(const std::string& out, const std::string& text) {
    if (out.empty())
        write_stdout(text);
    else
        documents::write_file_atomic(out, text);
}

std::string today() { return base::today_iso(); }

core::Template find_template(const std::string& dir, const std::string& id) {
    std::string available;
    for (const auto& entry : documents::scan_templates(dir)) {
        if (entry.tmpl && entry.tmpl->id == id) return *entry.tmpl;
        if (!entry.tmpl && std::filesystem::path(entry.path).stem() == id) throw Failure(entry.error);
        if (entry.tmpl) available += (available.empty() ? "" : ", ") + entry.tmpl->id;
    }
    throw Failure("no template with id \"" + id + "\" in " + dir +
                  (available.empty() ? std::string(" (the folder has no valid templates)") : " (available: " + available + ")"));
}

// ---- subcommands -------------------------------------------------------------------------

struct NewArgs { std::string file, template_id, title, dir, from; };

// `new FILE --from EARLIER`: the follow-up meeting (contracts 12), by default from the
// pilot-review template in the earlier workshop's language.
int cmd_new_from(const NewArgs& a) {
    const core::Workshop earlier = WorkshopFile::open(a.from, WorkshopFile::Mode::ReadOnly)->load();
    std::string id = a.template_id;
    if (id.empty()) {
        const std::string lang = earlier.info.language.substr(0, earlier.info.language.find('-'));
        id = lang == "nl" || lang == "de" ? "pilot-review-" + lang : "pilot-review";
    }
    const core::Template t = find_template(a.dir.empty() ? default_templates_dir() : a.dir, id);
    const core::Workshop ws = core::carry_over(earlier, t, a.title, today());
    WorkshopFile::create(a.file, ws);
    std::size_t pilots = 0;
    for (const core::Idea& i : ws.ideas) pilots += i.status != core::IdeaStatus::Proposed;
    std::cerr << "Created " << a.file << " from template \"" << t.id << "\" with " << ws.participants.size()
              << " participants, " << pilots << " pilots to review and " << ws.ideas.size() - pilots
              << " open ideas from " << a.from << ".\n";
    return kOk;
}

int cmd_new(const NewArgs& a) {
    if (!a.from.empty()) return cmd_new_from(a);
    const core::Template t = find_template(a.dir.empty() ? default_templates_dir() : a.dir, a.template_id);
    core::Workshop ws = core::workshop_from_template(t, a.title);
    ws.info.date = today();
    WorkshopFile::create(a.file, ws);
    std::cerr << "Created " << a.file << " from template \"" << t.id << "\" (" << ws.stages.size() << " stages, "
              << ws.criteria.size() << " criteria).\n";
    return kOk;
}

struct ImportArgs { std::string file, from; bool force = false; };
int cmd_import(const ImportArgs& a) {
    if (!a.force && std::filesystem::exists(a.file))
        throw Failure(a.file + ": already exists (use --force to replace it)");
    const core::Workshop ws = documents::load_workshop(a.from);
    WorkshopFile::create(a.file, ws, a.force);
    std::cerr << "Imported " << ws.ideas.size() << " ideas, " << ws.participants.size() << " participants and "
              << ws.scores.size() << " scores into " << a.file << ".\n";
    return kOk;
}

struct ExportArgs { std::string file, out; bool compact = false; };
int cmd_export(const ExportArgs& a) {
    auto wf = WorkshopFile::open(a.file, WorkshopFile::Mode::ReadOnly);
    emit(a.out, documents::write_workshop(wf->load(), a.compact));
    return kOk;
}

struct ShortlistArgs {
    std::string file, out;
    std::optional<double> max_risk, min_visibility;
    std::optional<int> min_raters, size, max_per_department;
};
int cmd_shortlist(const ShortlistArgs& a) {
    auto wf = WorkshopFile::open(a.file, WorkshopFile::Mode::ReadOnly);
    const core::Workshop ws = wf->load_without_scores();
    const core::Aggregates agg = wf->load_aggregates();
    core::SelectionRules rules = ws.selection;
    if (a.max_risk) rules.max_risk = *a.max_risk;
    if (a.min_visibility) rules.min_visibility = *a.min_visibility;
    if (a.min_raters) rules.min_raters = *a.min_raters;
    if (a.size) rules.size = *a.size;
    if (a.max_per_department) rules.max_per_department = *a.max_per_department;
    const auto results = core::summarize(ws.ideas, ws.criteria, agg);
    const auto selection = core::select_pilots(ws.ideas, results, rules);
    const core::ObligationCatalogue obligations = documents::load_obligations(obligations_path());
    emit(a.out, documents::write_shortlist({ws, results, selection, rules, &obligations}));
    return kOk;
}

struct RobustnessArgs {
    std::string file, out;
    int samples = 10000;
    std::uint64_t seed = 1;
    double concentration = 50;
};
int cmd_robustness(const RobustnessArgs& a) {
    auto wf = WorkshopFile::open(a.file, WorkshopFile::Mode::ReadOnly);
    const core::Workshop ws = wf->load();
    core::RobustnessOptions options;
    options.samples = a.samples;
    options.seed = a.seed;
    options.concentration = a.concentration;
    const core::RobustnessResult result = core::robustness(ws, options);
    emit(a.out, documents::write_robustness(ws, result, options));
    return kOk;
}

int cmd_templates(const std::string& dir_arg) {
    const std::string dir = dir_arg.empty() ? default_templates_dir() : dir_arg;
    if (!std::filesystem::is_directory(dir)) throw Failure(dir + ": no such folder");
    const auto entries = documents::scan_templates(dir);
    if (entries.empty()) throw Failure(dir + ": no templates (*.json) found");
    bool all_valid = true;
    for (const auto& e : entries) {
        if (!e.tmpl) {
            all_valid = false;
            std::cerr << "pilotdeck: " << e.error << "\n";
            continue;
        }
        const core::Template& t = *e.tmpl;
        int minutes = 0;
        for (const auto& s : t.stages) minutes += s.minutes;
        std::cout << t.id << "\t" << t.language << "\t" << t.name << "\t(" << t.stages.size() << " stages, " << minutes
                  << " min, " << t.criteria.size() << " criteria)\t" << e.path << "\n";
    }
    std::cout.flush();
    return all_valid ? kOk : kFailed;
}

int cmd_check(const std::string& file) {
    const storage::CheckReport r = WorkshopFile::check(file);
    if (!r.ok) {
        std::string all;
        for (const auto& p : r.problems) all += (all.empty() ? "" : "; ") + p;
        throw Failure(file + ": not sound: " + all);
    }
    std::cout << file << ": ok (pilotdeck workshop, schema " << r.schema_version << ", integrity ok)\n";
    return kOk;
}

struct RestoreArgs { std::string file, from; bool list = false; };
int cmd_restore(const RestoreArgs& a) {
    if (a.list) {
        const auto backups = storage::list_backups(a.file, true);
        if (backups.empty()) {
            std::cerr << "No backups of " << a.file << " (looked in " << storage::backup_folder(a.file) << ").\n";
            return kOk;
        }
        std::string text;
        for (const auto& b : backups)
            text += b.when + "\t" + std::to_string(b.size) + " bytes\t" + (b.sound ? std::string("sound") : b.problem) +
                    "\t" + b.path + "\n";
        write_stdout(text);
        return kOk;
    }
    const storage::RestoreResult r = storage::restore_backup(a.file, a.from);
    std::cerr << "Restored " << a.file << " from " << r.backup << ".";
    if (!r.kept_as.empty()) std::cerr << " The previous file is kept as " << r.kept_as << ".";
    std::cerr << "\n";
    return kOk;
}

[[maybe_unused]] bool parse_size(const std::string& s, int& w, int& h) {
    static const std::regex re(R"(^([0-9]{2,5})x([0-9]{2,5})$)");
    std::smatch m;
    if (!std::regex_match(s, m, re)) return false;
    w = std::stoi(m[1]);
    h = std::stoi(m[2]);
    return w >= 320 && h >= 240 && w <= 7680 && h <= 4320;
}

[[maybe_unused]] int not_built(const char* what) {
    std::cerr << "pilotdeck: this build has no " << what << " (it was configured without it)\n";
    return kFailed;
}

// Runs a subcommand body, turning any failure into one "pilotdeck: ..." line and exit 1.
template <typename F>
int guarded(F&& body) {
    try {
        return body();
    } catch (const std::exception& e) {
        std::string msg = e.what();
        for (char& c : msg)
            if (c == '\n') c = ' ';
        std::cerr << "pilotdeck: " << msg << "\n";
        return kFailed;
    }
}

}  // namespace

int run(int argc, char** argv) {
    CLI::App app{"pilotdeck — the facilitator's app for AI use-case workshops.\n"
                 "With no command (or `open FILE`) it starts the presenter window.",
                 "pilotdeck"};
    app.set_version_flag("--version", std::string("pilotdeck ") + PILOTDECK_VERSION);
    app.require_subcommand(0, 1);
    app.footer("Exit status: 0 success, 2 wrong usage, 1 any other failure.");

    std::string open_file;
    auto* open = app.add_subcommand("open", "Open a workshop file in the presenter window");
    open->add_option("FILE", open_file, "Workshop file (.pilotdeck)")->required();

    NewArgs new_args;
    auto* cnew = app.add_subcommand("new", "Create a workshop file from a template");
    cnew->add_option("FILE", new_args.file, "The new workshop file")->required();
    cnew->add_option("--template", new_args.template_id, "Template id (see `pilotdeck templates`)");
    cnew->add_option("--from", new_args.from,
                     "Follow-up of this earlier workshop file: its participants, open ideas and pilots come along "
                     "(template default: pilot-review in its language)");
    cnew->add_option("--title", new_args.title, "Workshop title (default: the template's name)");
    cnew->add_option("--dir", new_args.dir, "Folder with templates (default: the shipped ones)");

    ImportArgs import_args;
    auto* cimport = app.add_subcommand("import", "Create a workshop file from a workshop document (JSON)");
    cimport->add_option("FILE", import_args.file, "The workshop file to create")->required();
    cimport->add_option("--from", import_args.from, "Workshop document (JSON)")->required();
    cimport->add_flag("--force", import_args.force, "Replace FILE if it exists");

    ExportArgs export_args;
    auto* cexport = app.add_subcommand("export", "Write the whole workshop as a workshop document (JSON)");
    cexport->add_option("FILE", export_args.file, "Workshop file")->required();
    cexport->add_option("--out", export_args.out, "Output file (default: standard output)");
    cexport->add_flag("--compact", export_args.compact, "No indentation or spaces (for very large workshops)");

    ShortlistArgs sl;
    auto* cshort = app.add_subcommand("shortlist", "Compute the pilot shortlist (JSON). Its AI Act and GDPR classes are a "
                                                  "first screening, not legal advice.");
    cshort->add_option("FILE", sl.file, "Workshop file")->required();
    cshort->add_option("--out", sl.out, "Output file (default: standard output)");
    cshort->add_option("--max-risk", sl.max_risk, "Highest risk score a pilot may have")->check(CLI::Range(-1e6, 1e6));
    cshort->add_option("--min-visibility", sl.min_visibility, "Lowest visibility score a pilot may have")
        ->check(CLI::Range(-1e6, 1e6));
    cshort->add_option("--min-raters", sl.min_raters, "Fewest raters an idea needs")->check(CLI::NonNegativeNumber);
    cshort->add_option("--size", sl.size, "Number of pilots")->check(CLI::PositiveNumber);
    cshort->add_option("--max-per-department", sl.max_per_department, "Most pilots from one department")
        ->check(CLI::PositiveNumber);

    PortfolioArgs portfolio_args;
    auto* cportfolio = add_portfolio_command(app, portfolio_args);
    std::string results_file, results_out;
    auto* cresults = app.add_subcommand("results", "Write a hackathon's results: ranking, awards, recusals (JSON)");
    cresults->add_option("FILE", results_file, "Workshop file or workshop document (JSON)")->required();
    cresults->add_option("--out", results_out, "Output file (default: standard output)");
    RobustnessArgs rb;
    auto* crobust = app.add_subcommand("robustness", "How often each idea is chosen under plausible weights and raters (JSON)");
    crobust->add_option("FILE", rb.file, "Workshop file")->required();
    crobust->add_option("--samples", rb.samples, "Number of samples (default 10000)")->check(CLI::Range(1, 10000000));
    crobust->add_option("--seed", rb.seed, "Seed of the random numbers (default 1)");
    crobust->add_option("--concentration", rb.concentration,
                        "How close sampled weights stay to the workshop's; higher is closer (default 50)")
        ->check(CLI::Range(1e-6, 1e9));
    crobust->add_option("--out", rb.out, "Output file (default: standard output)");

    std::string templates_dir;
    auto* ctemplates = app.add_subcommand("templates", "List and validate the workshop templates");
    ctemplates->add_option("--dir", templates_dir, "Folder with templates (default: the shipped ones)");

    std::string check_file;
    auto* ccheck = app.add_subcommand("check", "Verify a workshop file (identity, schema version, integrity)");
    ccheck->add_option("FILE", check_file, "Workshop file")->required();

    RestoreArgs restore_args;
    auto* crestore = app.add_subcommand("restore", "Restore a workshop file from its automatic backups");
    crestore->add_option("FILE", restore_args.file, "Workshop file")->required();
    auto* restore_list = crestore->add_flag("--list", restore_args.list,
                                            "List the backups, newest first: time, size, whether each is sound");
    crestore->add_option("--from", restore_args.from, "Restore this backup (default: the newest sound one)")
        ->excludes(restore_list);

    std::string shot_file, shot_stage, shot_out, shot_size = "1920x1080";
    auto* cshot = app.add_subcommand("screenshot", "Render the presenter window for a stage into a PNG (needs X)");
    cshot->add_option("FILE", shot_file, "Workshop file")->required();
    cshot->add_option("--stage", shot_stage, "intro, concerns, ideas, scoring, matrix, shortlist, teams, work, pitches, judging, awards or review")
        ->required()
        ->check(CLI::IsMember({"intro", "concerns", "ideas", "scoring", "matrix", "shortlist", "teams", "work", "pitches",
                               "judging", "awards", "review"}));
    cshot->add_option("--out", shot_out, "PNG file to write")->required();
    cshot->add_option("--size", shot_size, "Window size WxH (default 1920x1080)");

    std::string serve_file, serve_bind, serve_stage;
    int serve_port = 8080;
    auto* cserve = app.add_subcommand("serve", "Run the phone voting server without the window");
    cserve->add_option("FILE", serve_file, "Workshop file")->required();
    cserve->add_option("--bind", serve_bind, "Address to listen on (default: this laptop's LAN address)");
    cserve->add_option("--port", serve_port, "Port (default 8080)")->check(CLI::Range(0, 65535));
    cserve->add_option("--stage", serve_stage, "Stage the phones follow (default: the workshop's current stage)")
        ->check(CLI::IsMember({"intro", "concerns", "ideas", "scoring", "matrix", "shortlist"}));

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::string msg = e.what();
        for (char& c : msg)
            if (c == '\n') c = ' ';
        std::cerr << "pilotdeck: " << msg << " (see `pilotdeck --help`)\n";
        return kUsage;
    }

    if (*cnew && new_args.template_id.empty() && new_args.from.empty()) {
        std::cerr << "pilotdeck: new: --template or --from is required (see `pilotdeck new --help`)\n";
        return kUsage;
    }

    int shot_w = 0, shot_h = 0;
    if (*cshot && !parse_size(shot_size, shot_w, shot_h)) {
        std::cerr << "pilotdeck: --size \"" << shot_size << "\" is not a size like 1920x1080 (320x240 to 7680x4320)\n";
        return kUsage;
    }

    if (*cnew) return guarded([&] { return cmd_new(new_args); });
    if (*cimport) return guarded([&] { return cmd_import(import_args); });
    if (*cexport) return guarded([&] { return cmd_export(export_args); });
    if (*cshort) return guarded([&] { return cmd_shortlist(sl); });
    if (*cportfolio) return guarded([&] { return cmd_portfolio(portfolio_args); });
    if (*cresults) return guarded([&] { return cmd_results(results_file, results_out); });
    if (*crobust) return guarded([&] { return cmd_robustness(rb); });
    if (*ctemplates) return guarded([&] { return cmd_templates(templates_dir); });
    if (*ccheck) return guarded([&] { return cmd_check(check_file); });
    if (*crestore) return guarded([&] { return cmd_restore(restore_args); });
    if (*cserve) {
#ifdef PILOTDECK_HAS_SERVER
        return guarded([&] { return server::run_serve({serve_file, serve_bind, serve_port, serve_stage}); });
#else
        return not_built("phone server");
#endif
    }
    if (*cshot) {
#ifdef PILOTDECK_HAS_GUI
        return guarded([&] { return ui::take_screenshot({shot_file, shot_stage, shot_out, shot_w, shot_h}); });
#else
        return not_built("GUI");
#endif
    }
#ifdef PILOTDECK_HAS_GUI
    ui::GuiOptions gui;
    gui.file = *open ? open_file : std::string();
    gui.demo_document = demo_document_path();
    gui.templates_dir = default_templates_dir();
    return guarded([&] { return ui::run_gui(gui); });
#else
    (void)open;
    return not_built("GUI");
#endif
}

}  // namespace pilotdeck::cli
