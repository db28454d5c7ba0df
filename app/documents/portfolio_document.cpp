#include "documents/portfolio_document.hpp"

#include "documents/json_writer.hpp"

namespace pilotdeck::documents {
namespace {

void number_or_null(JsonWriter& w, std::string_view key, const std::optional<double>& v) {
    w.key(key);
    if (v)
        w.value(*v);
    else
        w.null();
}

}  // namespace

std::string write_portfolio(const core::Portfolio& p) {
    using Layout = JsonWriter::Layout;
    JsonWriter w(4096 + p.ideas.size() * 240 + p.pilots.size() * 400);
    w.begin_object().field("format", "pilotdeck-portfolio").field("version", 1);
    w.key("workshops").begin_array();
    for (const core::PortfolioWorkshop& ws : p.workshops)
        w.begin_object(Layout::Inline)
            .field("title", ws.title)
            .field("date", ws.date)
            .field("participants", static_cast<std::int64_t>(ws.participants))
            .field("ideas", static_cast<std::int64_t>(ws.ideas))
            .field("pilots", static_cast<std::int64_t>(ws.pilots))
            .end_object();
    w.end_array();
    w.key("worries").begin_array();
    for (const core::WorryTrend& t : p.worries) {
        w.begin_object().field("concern", t.concern).field("label", t.label).key("trend").begin_array();
        for (const core::TrendPoint& point : t.trend) {
            w.begin_object(Layout::Inline).field("date", point.date);
            number_or_null(w, "share", point.share);
            w.end_object();
        }
        w.end_array().end_object();
    }
    w.end_array();
    w.key("ideas").begin_array();
    for (const core::PortfolioIdea& i : p.ideas) {
        w.begin_object(Layout::Inline).field("workshop", static_cast<std::int64_t>(i.workshop)).field("idea", i.idea);
        w.field("title", i.title).field("department", i.department).field("status", core::to_string(i.status));
        number_or_null(w, "benefit", i.benefit);
        number_or_null(w, "risk", i.risk);
        number_or_null(w, "visibility", i.visibility);
        w.field("ai_act", i.ai_act).end_object();
    }
    w.end_array();
    w.key("pilots").begin_array();
    for (const core::PortfolioPilot& pilot : p.pilots) {
        w.begin_object().field("workshop", static_cast<std::int64_t>(pilot.workshop)).field("idea", pilot.idea);
        w.field("title", pilot.title).field("status", core::to_string(pilot.status)).key("measures").begin_array();
        for (const core::PortfolioMeasure& m : pilot.measures) {
            w.begin_object(Layout::Inline).field("id", m.id).field("label", m.label);
            w.field("baseline", m.baseline).field("target", m.target);
            number_or_null(w, "latest", m.latest);
            number_or_null(w, "progress", m.progress);
            w.end_object();
        }
        w.end_array().end_object();
    }
    w.end_array().end_object();
    return w.finish();
}

}  // namespace pilotdeck::documents
