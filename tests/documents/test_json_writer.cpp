#include <catch2/catch.hpp>

#include <string>

#include "documents/json_reader.hpp"
#include "documents/json_writer.hpp"

using pilotdeck::documents::format_double;
using pilotdeck::documents::JsonReader;
using pilotdeck::documents::JsonWriter;

TEST_CASE("writer: 2-space lines, inline rows, empty containers", "[writer]") {
    JsonWriter w;
    w.begin_object().field("a", 1).key("list").begin_array();
    w.begin_object(JsonWriter::Layout::Inline).field("x", "y").field("n", 2).key("in").begin_array().value(1).value(2).end_array().end_object();
    w.end_array().key("empty").begin_array().end_array().key("none").begin_object().end_object().key("z").null().end_object();
    CHECK(w.finish() ==
          "{\n"
          "  \"a\": 1,\n"
          "  \"list\": [\n"
          "    {\"x\": \"y\", \"n\": 2, \"in\": [1, 2]}\n"
          "  ],\n"
          "  \"empty\": [],\n"
          "  \"none\": {},\n"
          "  \"z\": null\n"
          "}\n");
}

TEST_CASE("writer: strings keep UTF-8 and escape only quotes, backslashes and control characters", "[writer]") {
    JsonWriter w;
    w.begin_array().value("caf\xC3\xA9 \xE2\x80\x94 \"q\" \\ \n\t\r\x01 /").end_array();
    CHECK(w.finish() == "[\n  \"caf\xC3\xA9 \xE2\x80\x94 \\\"q\\\" \\\\ \\n\\t\\r\\u0001 /\"\n]\n");
}

TEST_CASE("writer: bytes that are not UTF-8 become U+FFFD so the output always reads back", "[writer]") {
    JsonWriter w;
    w.begin_array().value("a\xFF" "b\xC3").end_array();
    const std::string text = w.finish();
    CHECK(text == "[\n  \"a\xEF\xBF\xBD" "b\xEF\xBF\xBD\"\n]\n");
    JsonReader r(text, "t.json");
    CHECK_NOTHROW(r.skip());
}

TEST_CASE("writer: doubles in their shortest round-trip form", "[writer]") {
    CHECK(format_double(2.0) == "2");
    CHECK(format_double(1.5) == "1.5");
    CHECK(format_double(4.17) == "4.17");
    CHECK(format_double(0.1 + 0.2) == "0.30000000000000004");
    CHECK(format_double(-0.25) == "-0.25");
    CHECK_THROWS(format_double(1.0 / 0.0));
    for (const double d : {2.0, 4.17, 0.1 + 0.2, 1e300, 1e-300, 123456.789}) {
        const std::string text = format_double(d);
        JsonReader r(text, "t.json");
        CHECK(r.number() == d);
    }
}

TEST_CASE("writer: unbalanced use is a programming error", "[writer]") {
    JsonWriter open;
    open.begin_object();
    CHECK_THROWS_AS(open.finish(), std::logic_error);
    JsonWriter closed;
    CHECK_THROWS_AS(closed.end_array(), std::logic_error);
}
