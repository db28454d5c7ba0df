// GCC 12 sees a "potential null pointer dereference" inside CLI11's list splitting, inlined into
// the first option that takes several values (report's FILE...); the code is CLI11's, not ours.
#pragma GCC diagnostic ignored "-Wnull-dereference"
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
#include <vector>

#include "base/i18n.hpp"
#include "cli/language.hpp"
#include "cli/report_commands.hpp"
#include "cli/portfolio.hpp"
#include "cli/resources.hpp"
#include "core/carry_over.hpp"
#include "cli/results_command.hpp"
#include "cli/import_ideas.hpp"
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
        throw Failure(std::string(i18n::tr("standard output")) + ": " + std::strerror(errno));
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
    throw Failure(available.empty()
                      ? i18n::format(i18n::tr("no template with id \"{0}\" in {1} (the folder has no valid templates)"),
                                     {id, dir})
                      : i18n::format(i18n::tr("no template with id \"{0}\" in {1} (available: {2})"),
                                     {id, dir, available}));
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
    std::cerr << i18n::format(i18n::tr("Created {0} from template \"{1}\" ({2}, {3})."),
                              {a.file, t.id, counted(ws.stages.size(), i18n::ntr("{0} stage", "{0} stages", ws.stages.size())),
                               counted(ws.criteria.size(), i18n::ntr("{0} criterion", "{0} criteria", ws.criteria.size()))})
              << "\n";
    return kOk;
}

struct ImportArgs { std::string file, from; bool force = false; };
int cmd_import(const ImportArgs& a) {
    if (!a.force && std::filesystem::exists(a.file))
        throw Failure(a.file + ": " + i18n::tr("already exists (use --force to replace it)"));
    const core::Workshop ws = documents::load_workshop(a.from);
    WorkshopFile::create(a.file, ws, a.force);
    std::cerr << i18n::format(i18n::tr("Imported {0}, {1} and {2} into {3}."),
                              {counted(ws.ideas.size(), i18n::ntr("{0} idea", "{0} ideas", ws.ideas.size())),
                               counted(ws.participants.size(), i18n::ntr("{0} participant", "{0} participants", ws.participants.size())),
                               counted(ws.scores.size(), i18n::ntr("{0} score", "{0} scores", ws.scores.size())), a.file})
              << "\n";
    return kOk;
}

struct ExportArgs { std::string file, out; bool compact = false, csv = false; };
int cmd_export(const ExportArgs& a) {
    if (a.csv) {
        emit(a.out, ideas_csv(a.file));
        return kOk;
    }
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
    follow_workshop_language(ws.info.language);
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
    if (!std::filesystem::is_directory(dir)) throw Failure(dir + ": " + i18n::tr("no such folder"));
    const auto entries = documents::scan_templates(dir);
    if (entries.empty()) throw Failure(dir + ": " + i18n::tr("no templates (*.json) found"));
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
        std::cout << t.id << "\t" << t.language << "\t" << t.name << "\t"
                  << i18n::format(i18n::tr("({0}, {1} min, {2})"),
                                  {counted(t.stages.size(), i18n::ntr("{0} stage", "{0} stages", t.stages.size())),
                                   std::to_string(minutes),
                                   counted(t.criteria.size(), i18n::ntr("{0} criterion", "{0} criteria", t.criteria.size()))})
                  << "\t" << e.path << "\n";
    }
    std::cout.flush();
    return all_valid ? kOk : kFailed;
}

int cmd_check(const std::string& file) {
    const storage::CheckReport r = WorkshopFile::check(file);
    if (!r.ok) {
        std::string all;
        for (const auto& p : r.problems) all += (all.empty() ? "" : "; ") + p;
        throw Failure(file + ": " + i18n::format(i18n::tr("not sound: {0}"), {all}));
    }
    std::cout << file << ": "
              << i18n::format(i18n::tr("ok (pilotdeck workshop, schema {0}, integrity ok)"),
                              {std::to_string(r.schema_version)})
              << "\n";
    return kOk;
}

struct RestoreArgs { std::string file, from; bool list = false; };
int cmd_restore(const RestoreArgs& a) {
    if (a.list) {
        const auto backups = storage::list_backups(a.file, true);
        if (backups.empty()) {
            std::cerr << i18n::format(i18n::tr("No backups of {0} (looked in {1})."),
                                      {a.file, storage::backup_folder(a.file)})
                      << "\n";
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
    std::cerr << i18n::format(i18n::tr("Restored {0} from {1}."), {a.file, r.backup});
    if (!r.kept_as.empty()) std::cerr << " " << i18n::format(i18n::tr("The previous file is kept as {0}."), {r.kept_as});
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
    std::cerr << "pilotdeck: " << i18n::format(i18n::tr("this build has no {0} (it was configured without it)"), {what})
              << "\n";
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
    choose_language_early(argc, argv);
    CLI::App app{i18n::tr("pilotdeck — the facilitator's app for AI use-case workshops.\n"
                          "With no command (or `open FILE`) it starts the presenter window."),
                 "pilotdeck"};
    app.set_version_flag("--version", std::string("pilotdeck ") + PILOTDECK_VERSION);
    app.require_subcommand(0, 1);
    app.footer(i18n::tr("Exit status: 0 success, 2 wrong usage, 1 any other failure."));
    std::string lang;
    add_lang_option(&app, lang);

    std::string open_file;
    auto* open = app.add_subcommand("open", i18n::tr("Open a workshop file in the presenter window"));
    open->add_option("FILE", open_file, i18n::tr("Workshop file (.pilotdeck)"))->required();
    std::string screens;  // the presenter window's screens (ui::GuiOptions::screens)
    for (CLI::App* gui_app : {&app, open})
        gui_app->add_option("--screens", screens,
                            i18n::tr("Screens for the window: one, or the laptop's and the projector's as "
                                     "WxH+X+Y,WxH+X+Y (default: as connected; with two, the room's view goes full "
                                     "screen on the second)"));

    NewArgs new_args;
    auto* cnew = app.add_subcommand("new", i18n::tr("Create a workshop file from a template"));
    cnew->add_option("FILE", new_args.file, i18n::tr("The new workshop file"))->required();
    cnew->add_option("--template", new_args.template_id, i18n::tr("Template id (see `pilotdeck templates`)"));
    cnew->add_option("--from", new_args.from,
                     i18n::tr("Follow-up of this earlier workshop file: its participants, open ideas and pilots come "
                              "along (template default: pilot-review in its language)"));
    cnew->add_option("--title", new_args.title, i18n::tr("Workshop title (default: the template's name)"));
    cnew->add_option("--dir", new_args.dir, i18n::tr("Folder with templates (default: the shipped ones)"));

    ImportArgs import_args;
    auto* cimport = app.add_subcommand("import", i18n::tr("Create a workshop file from a workshop document (JSON)"));
    cimport->add_option("FILE", import_args.file, i18n::tr("The workshop file to create"))->required();
    cimport->add_option("--from", import_args.from, i18n::tr("Workshop document (JSON)"))->required();
    cimport->add_flag("--force", import_args.force, i18n::tr("Replace FILE if it exists"));

    ExportArgs export_args;
    auto* cexport = app.add_subcommand("export", i18n::tr("Write the whole workshop as a workshop document (JSON)"));
    cexport->add_option("FILE", export_args.file, i18n::tr("Workshop file"))->required();
    cexport->add_option("--out", export_args.out, i18n::tr("Output file (default: standard output)"));
    auto* compact_flag =
        cexport->add_flag("--compact", export_args.compact, i18n::tr("No indentation or spaces (for very large workshops)"));
    cexport->add_flag("--csv", export_args.csv,
                      i18n::tr("Every idea with its aggregates as CSV for spreadsheets (UTF-8 with BOM) instead of JSON"))
        ->excludes(compact_flag);

    std::vector<std::string> report_files;
    std::string report_out;
    bool report_portfolio = false;
    auto* creport = app.add_subcommand("report", i18n::tr("Write the report for decision makers (A4 PDF)"));
    creport->add_option("FILE", report_files, i18n::tr("Workshop file (with --portfolio: several, files or documents)"))->required();
    creport->add_option("--out", report_out, i18n::tr("PDF file to write"))->required();
    creport->add_flag("--portfolio", report_portfolio,
                      i18n::tr("The portfolio report of several workshops, for the steering group"));

    ShortlistArgs sl;
    auto* cshort = app.add_subcommand("shortlist", i18n::tr("Compute the pilot shortlist (JSON)"));
    cshort->add_option("FILE", sl.file, i18n::tr("Workshop file"))->required();
    cshort->add_option("--out", sl.out, i18n::tr("Output file (default: standard output)"));
    cshort->add_option("--max-risk", sl.max_risk, i18n::tr("Highest risk score a pilot may have"))->check(CLI::Range(-1e6, 1e6));
    cshort->add_option("--min-visibility", sl.min_visibility, i18n::tr("Lowest visibility score a pilot may have"))
        ->check(CLI::Range(-1e6, 1e6));
    cshort->add_option("--min-raters", sl.min_raters, i18n::tr("Fewest raters an idea needs"))->check(CLI::NonNegativeNumber);
    cshort->add_option("--size", sl.size, i18n::tr("Number of pilots"))->check(CLI::PositiveNumber);
    cshort->add_option("--max-per-department", sl.max_per_department, i18n::tr("Most pilots from one department"))
        ->check(CLI::PositiveNumber);

    PortfolioArgs portfolio_args;
    auto* cportfolio = add_portfolio_command(app, portfolio_args);
    ImportIdeasArgs import_ideas_args;
    auto* cimport_ideas = add_import_ideas_command(app, import_ideas_args);
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
    auto* ctemplates = app.add_subcommand("templates", i18n::tr("List and validate the workshop templates"));
    ctemplates->add_option("--dir", templates_dir, i18n::tr("Folder with templates (default: the shipped ones)"));

    std::string check_file;
    auto* ccheck = app.add_subcommand("check", i18n::tr("Verify a workshop file (identity, schema version, integrity)"));
    ccheck->add_option("FILE", check_file, i18n::tr("Workshop file"))->required();

    RestoreArgs restore_args;
    auto* crestore = app.add_subcommand("restore", i18n::tr("Restore a workshop file from its automatic backups"));
    crestore->add_option("FILE", restore_args.file, i18n::tr("Workshop file"))->required();
    auto* restore_list = crestore->add_flag("--list", restore_args.list,
                                            i18n::tr("List the backups, newest first: time, size, whether each is sound"));
    crestore->add_option("--from", restore_args.from, i18n::tr("Restore this backup (default: the newest sound one)"))
        ->excludes(restore_list);

    // Every stage kind (contracts 1, 2 and 6): for --stage of screenshot and serve.
    const std::vector<std::string> stage_kinds = {"intro", "concerns", "ideas", "scoring", "matrix", "shortlist",
                                                  "teams", "work", "pitches", "judging", "awards", "review"};
    std::string shot_file, shot_stage, shot_out, shot_size = "1920x1080";
    int shot_steps = 0;
    auto* cshot = app.add_subcommand("screenshot", i18n::tr("Render the presenter window for a stage into a PNG (needs X)"));
    cshot->add_option("FILE", shot_file, i18n::tr("Workshop file"))->required();
    cshot->add_option("--stage", shot_stage,
                      i18n::tr("intro, concerns, ideas, scoring, matrix, shortlist, teams, work, pitches, judging, awards "
                               "or review"))
        ->required()
        ->check(CLI::IsMember(stage_kinds));
    cshot->add_option("--out", shot_out, i18n::tr("PNG file to write"))->required();
    cshot->add_option("--size", shot_size, i18n::tr("Window size WxH (default 1920x1080)"));
    cshot->add_option("--steps", shot_steps,
                      i18n::tr("PageDown presses within the stage first: the pitches' phases, the awards' reveals"))
        ->check(CLI::Range(0, 1000));

    std::string serve_file, serve_bind, serve_stage;
    int serve_port = 8080;
    auto* cserve = app.add_subcommand("serve", i18n::tr("Run the phone voting server without the window"));
    cserve->add_option("FILE", serve_file, i18n::tr("Workshop file"))->required();
    cserve->add_option("--bind", serve_bind, i18n::tr("Address to listen on (default: this laptop's LAN address)"));
    cserve->add_option("--port", serve_port, i18n::tr("Port (default 8080)"))->check(CLI::Range(0, 65535));
    cserve->add_option("--stage", serve_stage, i18n::tr("Stage the phones follow (default: the workshop's current stage)"))
        ->check(CLI::IsMember(stage_kinds));

    for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) add_lang_option(command, lang);

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

    if (!apply_lang_option(lang)) return kUsage;
    if (*cnew && new_args.template_id.empty() && new_args.from.empty()) {
        std::cerr << "pilotdeck: " << i18n::tr("new: --template or --from is required (see `pilotdeck new --help`)")
                  << "\n";
        return kUsage;
    }

    int shot_w = 0, shot_h = 0;
    if (*cshot && !parse_size(shot_size, shot_w, shot_h)) {
        std::cerr << "pilotdeck: "
                  << i18n::format(i18n::tr("--size \"{0}\" is not a size like 1920x1080 (320x240 to 7680x4320)"),
                                  {shot_size})
                  << "\n";
        return kUsage;
    }

    if (*cnew) return guarded([&] { return cmd_new(new_args); });
    if (*cimport) return guarded([&] { return cmd_import(import_args); });
    if (*cexport) return guarded([&] { return cmd_export(export_args); });
    if (*creport && !report_portfolio && report_files.size() != 1) {
        std::cerr << "pilotdeck: " << i18n::tr("report takes one workshop file; several only with --portfolio") << "\n";
        return kUsage;
    }
    if (*creport)
        return guarded([&] {
            if (report_portfolio)
                write_portfolio_report(report_files, report_out);
            else
                write_report(report_files.front(), report_out);
            return kOk;
        });
    if (*cshort) return guarded([&] { return cmd_shortlist(sl); });
    if (*cportfolio) return guarded([&] { return cmd_portfolio(portfolio_args); });
    if (*cresults) return guarded([&] { return cmd_results(results_file, results_out); });
    if (*cimport_ideas) return guarded([&] { return cmd_import_ideas(import_ideas_args); });
    if (*crobust) return guarded([&] { return cmd_robustness(rb); });
    if (*ctemplates) return guarded([&] { return cmd_templates(templates_dir); });
    if (*ccheck) return guarded([&] { return cmd_check(check_file); });
    if (*crestore) return guarded([&] { return cmd_restore(restore_args); });
    if (*cserve) {
#ifdef PILOTDECK_HAS_SERVER
        return guarded([&] { return server::run_serve({serve_file, serve_bind, serve_port, serve_stage}); });
#else
        return not_built(i18n::tr("phone server"));
#endif
    }
    if (*cshot) {
#ifdef PILOTDECK_HAS_GUI
        return guarded([&] { return ui::take_screenshot({shot_file, shot_stage, shot_out, shot_w, shot_h, shot_steps}); });
#else
        return not_built(i18n::tr("GUI"));
#endif
    }
#ifdef PILOTDECK_HAS_GUI
    ui::GuiOptions gui;
    gui.file = *open ? open_file : std::string();
    gui.demo_document = demo_document_path();
    gui.templates_dir = default_templates_dir();
    gui.screens = screens;
    return guarded([&] { return ui::run_gui(gui); });
#else
    (void)open;
    return not_built(i18n::tr("GUI"));
#endif
}

}  // namespace pilotdeck::cli
