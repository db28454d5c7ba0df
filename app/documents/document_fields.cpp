#include "core/followup.hpp"
#include "base/i18n.hpp"
#include "documents/schema.hpp"
#include "documents/second_round.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <initializer_list>
#include <limits>

#include "documents/json_writer.hpp"

namespace pilotdeck::documents::schema {
namespace {

constexpr int kMaxMinutes = 600;
constexpr int kScaleLimit = 1000;      // criteria scales lie within -1000..1000
constexpr int kMaxRuleCount = 100000;  // min_raters, size, max_per_department

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Levenshtein distance, for "did you mean" hints on short field names.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

template <class T>
std::string one_of(std::initializer_list<T> values) {
    std::string out;
    std::size_t i = 0;
    for (const T& v : values) {
        if (i > 0 && i + 1 == values.size())
            out = i18n::format(i18n::tr("{0} or {1}"), {out, core::to_string(v)});
        else
            out += (i > 0 ? ", " : "") + std::string(core::to_string(v));
        ++i;
    }
    return out;
}

// Reads a string naming one of `values` (via core's from-string function).
template <class T, class Parse>
T read_enum(JsonReader& r, std::initializer_list<T> values, Parse parse) {
    const std::string_view s = r.string_view();
    if (const auto v = parse(s)) return *v;
    r.fail(i18n::format(i18n::tr("must be {0}, found {1}"), {one_of(values), quoted(s)}));
}

std::vector<std::string> read_strings(JsonReader& r) {
    std::vector<std::string> out;
    r.array([&](std::size_t) { out.push_back(r.string()); });
    return out;
}

bool is_letters_or_digits(std::string_view s, bool letters_only) {
    return std::all_of(s.begin(), s.end(), [&](char c) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        return letter || (!letters_only && c >= '0' && c <= '9');
    });
}

// BCP 47, loosely: a primary subtag of 2-3 letters, then subtags of 1-8 letters or digits.
bool is_language_tag(std::string_view tag) {
    std::size_t start = 0;
    for (bool first = true;; first = false) {
        const std::size_t dash = tag.find('-', start);
        const std::string_view part = tag.substr(start, dash == std::string_view::npos ? dash : dash - start);
        const bool ok = first ? part.size() >= 2 && part.size() <= 3 && is_letters_or_digits(part, true)
                              : !part.empty() && part.size() <= 8 && is_letters_or_digits(part, false);
        if (!ok) return false;
        if (dash == std::string_view::npos) return true;
        start = dash + 1;
    }
}

// A calendar date written YYYY-MM-DD: the core's rule, which also checks follow-up dates.
using core::is_real_date;

// A levels key: a whole number written plainly ("3", "-1"), within the scale limits.
int read_level_key(JsonReader& r, std::string_view key) {
    int value = 0;
    const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), value);
    if (ec != std::errc() || end != key.data() + key.size() || std::to_string(value) != key ||
        std::abs(value) > kScaleLimit)
        r.fail_at(r.key_offset(), r.path(), i18n::format(i18n::tr("levels key {0} is not a whole number like \"3\""), {quoted(key)}));
    return value;
}

constexpr Field kStageFields[] = {{"id"}, {"kind"}, {"title"}, {"minutes"}, {"goal"}, {"prompts"}};

core::Stage read_stage(JsonReader& r, IdIndex& ids) {
    core::Stage s;
    read_fields(r, kStageFields, [&](std::string_view key) {
        if (key == "id") s.id = ids.read(r);
        else if (key == "kind") s.kind = read_enum(r, {core::StageKind::Intro, core::StageKind::Concerns,
                                                       core::StageKind::Ideas, core::StageKind::Scoring,
                                                       core::StageKind::Matrix, core::StageKind::Shortlist,
                                                       core::StageKind::Teams, core::StageKind::Work,
                                                       core::StageKind::Pitches, core::StageKind::Judging,
                                                       core::StageKind::Awards, core::StageKind::Review},
                                                   core::stage_kind_from);
        else if (key == "title") s.title = r.string();
        else if (key == "minutes") s.minutes = static_cast<int>(r.integer(0, kMaxMinutes));
        else if (key == "goal") s.goal = r.string();
        else if (key == "prompts") s.prompts = read_strings(r);
    });
    return s;
}

constexpr Field kConcernFields[] = {{"id"}, {"label"}, {"response"}};
constexpr Field kConcernFieldsWithCount[] = {{"id"}, {"label"}, {"response"}, {"count", false}};

core::Concern read_concern(JsonReader& r, IdIndex& ids, bool with_count) {
    core::Concern c;
    const std::span<const Field> fields = with_count ? std::span<const Field>(kConcernFieldsWithCount)
                                                     : std::span<const Field>(kConcernFields);
    read_fields(r, fields, [&](std::string_view key) {
        if (key == "id") c.id = ids.read(r);
        else if (key == "label") c.label = r.string();
        else if (key == "response") c.response = r.string();
        else if (key == "count") c.count = static_cast<int>(r.integer(0, std::numeric_limits<int>::max()));
    });
    return c;
}

constexpr Field kCriterionFields[] = {{"id"},  {"label"}, {"axis"},  {"weight"},
                                      {"min"}, {"max"},   {"help"}, {"levels"}};

// A levels key, kept until min and max (which may come later in the object) are known.
struct LevelKey {
    int value = 0;
    std::size_t offset = 0;
    std::string text;
};

core::Criterion read_criterion(JsonReader& r, std::size_t min_levels, IdIndex& ids) {
    core::Criterion c;
    std::vector<LevelKey> level_keys;
    std::string levels_path;
    std::size_t levels_offset = 0;
    read_fields(r, kCriterionFields, [&](std::string_view key) {
        if (key == "id") c.id = ids.read(r);
        else if (key == "label") c.label = r.string();
        else if (key == "axis")
            c.axis = read_enum(r, {core::Axis::Benefit, core::Axis::Risk, core::Axis::Visibility}, core::axis_from);
        else if (key == "weight") {
            c.weight = r.number();
            if (!(c.weight > 0)) r.fail(i18n::format(i18n::tr("must be greater than 0, found {0}"), {format_double(c.weight)}));
        } else if (key == "min") c.min = static_cast<int>(r.integer(-kScaleLimit, kScaleLimit));
        else if (key == "max") c.max = static_cast<int>(r.integer(-kScaleLimit, kScaleLimit));
        else if (key == "help") c.help = r.string();
        else if (key == "levels") {
            levels_path = r.path();
            levels_offset = r.object([&](std::string_view level) {
                const int value = read_level_key(r, level);
                level_keys.push_back(LevelKey{value, r.key_offset(), std::string(level)});
                c.levels[value] = r.string();
            });
        }
    });
    if (c.min >= c.max)
        r.fail(i18n::format(i18n::tr("min must be less than max, found min {0} and max {1}"),
                            {std::to_string(c.min), std::to_string(c.max)}));
    for (const LevelKey& k : level_keys)
        if (k.value < c.min || k.value > c.max)
            r.fail_at(k.offset, levels_path,
                      i18n::format(i18n::tr("levels key {0} is outside {1}..{2}"),
                                   {quoted(k.text), std::to_string(c.min), std::to_string(c.max)}));
    if (c.levels.size() < min_levels)
        r.fail_at(levels_offset, levels_path,
                  i18n::format(i18n::tr("must describe at least {0} levels, found {1}"),
                               {std::to_string(min_levels), std::to_string(c.levels.size())}));
    return c;
}

// Reads a list that must not be empty; read_one(ids) reads one element.
template <class T, class ReadOne>
std::vector<T> read_list(JsonReader& r, const char* if_empty, ReadOne&& read_one) {
    std::vector<T> out;
    r.array([&](std::size_t) { out.push_back(read_one()); });
    if (out.empty()) r.fail(i18n::tr(if_empty));
    return out;
}

constexpr Field kSelectionFields[] = {
    {"max_risk"}, {"min_visibility"}, {"min_raters"}, {"size"}, {"max_per_department"}, {"gates", false}};

}  // namespace

void unknown_field(JsonReader& r, std::string_view key, std::span<const Field> fields) {
    std::string message = i18n::format(i18n::tr("unknown field {0}"), {quoted(key)});
    const auto closest = std::min_element(fields.begin(), fields.end(), [&](const Field& a, const Field& b) {
        return edit_distance(key, a.name) < edit_distance(key, b.name);
    });
    if (closest != fields.end() && edit_distance(key, closest->name) <= 2)
        message = i18n::format(i18n::tr("unknown field {0} (did you mean {1}?)"), {quoted(key), quoted(closest->name)});
    r.fail_at(r.key_offset(), r.path(), message);
}

std::string IdIndex::read(JsonReader& r) {
    std::string id = read_id(r);
    const auto [it, inserted] = index_.try_emplace(id, offsets_.size());
    if (!inserted)
        r.fail(i18n::format(i18n::tr("duplicate id {0} (first at line {1})"),
                            {quoted(id), std::to_string(r.line_of(offsets_[it->second]))}));
    offsets_.push_back(r.value_offset());
    return id;
}

std::ptrdiff_t IdIndex::find(std::string_view id) const {
    const auto it = index_.find(id);
    return it == index_.end() ? -1 : static_cast<std::ptrdiff_t>(it->second);
}

std::string read_id(JsonReader& r) {
    std::string id = r.string();
    if (!core::is_valid_id(id))
        r.fail(i18n::format(i18n::tr("an id must be 1 to 64 lower-case letters, digits, '-' or '_', found {0}"), {quoted(id)}));
    return id;
}

void read_format(JsonReader& r, std::string_view expected) {
    const std::string_view found = r.string_view();
    if (found != expected) r.fail(i18n::format(i18n::tr("must be {0}, found {1}"), {quoted(expected), quoted(found)}));
}

void read_version(JsonReader& r, std::int64_t newest) {
    const std::int64_t version =
        r.integer(std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max());
    const std::string n = std::to_string(newest);
    const std::string v = std::to_string(version);
    if (version > newest)
        r.fail(i18n::format(newest == 1   ? i18n::tr("made by a newer pilotdeck (version {0}); this one reads version 1")
                            : newest == 2 ? i18n::tr("made by a newer pilotdeck (version {0}); this one reads versions 1 and 2")
                                          : i18n::tr("made by a newer pilotdeck (version {0}); this one reads versions 1 to {1}"),
                            {v, n}));
    if (version < 1)
        r.fail(i18n::format(newest == 1   ? i18n::tr("must be 1, found {0}")
                            : newest == 2 ? i18n::tr("must be 1 or 2, found {0}")
                                          : i18n::tr("must be from 1 to {1}, found {0}"),
                            {v, n}));
}

std::string read_language(JsonReader& r) {
    std::string tag = r.string();
    if (!is_language_tag(tag)) r.fail(i18n::format(i18n::tr("must be a language tag such as \"en\" or \"nl-BE\", found {0}"), {quoted(tag)}));
    return tag;
}

std::string read_date(JsonReader& r) {
    std::string date = r.string();
    if (!date.empty() && !is_real_date(date))
        r.fail(i18n::format(i18n::tr("must be a real date written YYYY-MM-DD (or \"\"), found {0}"), {quoted(date)}));
    return date;
}

std::string read_template_id(JsonReader& r, bool allow_empty) {
    std::string id = r.string();
    if (!(allow_empty && id.empty()) && !core::is_valid_template_id(id))
        r.fail(i18n::format(i18n::tr("a template id must be lower-case letters, digits and '-', found {0}"), {quoted(id)}));
    return id;
}

std::vector<core::Stage> read_stages(JsonReader& r) {
    IdIndex ids;
    return read_list<core::Stage>(r, i18n::N_("must list at least one stage"), [&] { return read_stage(r, ids); });
}

std::vector<core::Concern> read_concerns(JsonReader& r, bool with_count) {
    IdIndex ids;
    std::vector<core::Concern> out;
    r.array([&](std::size_t) { out.push_back(read_concern(r, ids, with_count)); });
    return out;
}

std::vector<core::Criterion> read_criteria(JsonReader& r, std::size_t min_levels, IdIndex& ids) {
    return read_list<core::Criterion>(r, i18n::N_("must list at least one criterion"), [&] { return read_criterion(r, min_levels, ids); });
}

core::SelectionRules read_selection(JsonReader& r) {
    core::SelectionRules rules;
    read_fields(r, kSelectionFields, [&](std::string_view key) {
        if (key == "max_risk") rules.max_risk = r.number();
        else if (key == "min_visibility") rules.min_visibility = r.number();
        else if (key == "min_raters") rules.min_raters = static_cast<int>(r.integer(0, kMaxRuleCount));
        else if (key == "size") rules.size = static_cast<int>(r.integer(1, kMaxRuleCount));
        else if (key == "max_per_department") rules.max_per_department = static_cast<int>(r.integer(1, kMaxRuleCount));
        else if (key == "gates") second_round::read_gates(r, rules);
    });
    return rules;
}

void parse_document(std::string_view text, const std::string& name, std::string_view format,
                    const std::function<void(JsonReader&)>& read_body) {
    try {
        JsonReader r(text, name);
        read_body(r);
        r.finish();
    } catch (const DocumentError&) {
        // Look only at the top-level format and version; any other fault of this second pass
        // is ignored and the first fault stands.
        try {
            JsonReader header(text, name);
            header.object([&](std::string_view key) {
                if (key == "format") read_format(header, format);
                if (key == "version")  // workshop documents and templates: versions 1 and 2 (contracts, second round)
                    read_version(header, format == "pilotdeck-workshop" || format == "pilotdeck-template" ? 2 : 1);
            });
        } catch (const DocumentError& e) {
            if (e.path == "format" || e.path == "version") throw;
        }
        throw;
    }
}

}  // namespace pilotdeck::documents::schema
