#include <catch2/catch.hpp>

#include <string>

#include "doc_test_support.hpp"
#include "documents/json_reader.hpp"

using pilotdeck::documents::JsonReader;
using pilotdeck::test::error_of;

namespace {

// Reads any JSON document whole; the error text, or "(no error)".
std::string syntax_error_of(const std::string& text) {
    return error_of([&] {
        JsonReader r(text, "t.json");
        r.skip();
        r.finish();
    });
}

std::string nested_arrays(int depth) {
    const auto n = static_cast<std::size_t>(depth);
    return std::string(n, '[') + std::string(n, ']');
}

}  // namespace

TEST_CASE("reader: a well-formed document reads without error", "[reader]") {
    CHECK(syntax_error_of(R"({"a": [1, -2.5e3, true, false, null, "x", {}], "b": {"c": []}})") == "(no error)");
    CHECK(syntax_error_of(" \n\t{}\r\n ") == "(no error)");
}

TEST_CASE("reader: syntax errors give line, column and path", "[reader]") {
    CHECK(syntax_error_of(R"({"a": 1 "b": 2})") ==
          "t.json:1:9: (document): expected ',' or '}' after an object member, found a string");
    CHECK(syntax_error_of("{\n  \"a\": [1, 2,]\n}") == "t.json:2:14: a[2]: expected a value, found ']'");
    CHECK(syntax_error_of("{\n  \"a\": [1 2]\n}") ==
          "t.json:2:11: a: expected ',' or ']' after an array element, found a number");
    CHECK(syntax_error_of(R"({"a" 1})") == "t.json:1:6: a: expected ':' after the field name, found a number");
    CHECK(syntax_error_of(R"({a: 1})") == "t.json:1:2: (document): expected a field name in double quotes, found 'a'");
    CHECK(syntax_error_of(R"({"a": tru})") == "t.json:1:7: a: expected a value, found 't'");
    CHECK(syntax_error_of(R"({"a": "never closed})") == "t.json:1:7: a: this string is never closed");
    CHECK(syntax_error_of("") == "t.json:1:1: (document): expected a value, found the end of the document");
    CHECK(syntax_error_of(R"({"a": {"b": [0, {"c": 01}]}})") ==
          "t.json:1:23: a.b[1].c: invalid number: a number must not start with 0");
    CHECK(syntax_error_of(R"([1.])") == "t.json:1:2: [0]: invalid number: expected a digit after '.'");
    CHECK(syntax_error_of(R"([-])") == "t.json:1:2: [0]: invalid number: expected a digit");
    CHECK(syntax_error_of(R"([1e+])") == "t.json:1:2: [0]: invalid number: expected a digit in the exponent");
}

TEST_CASE("reader: keys that are not plain names are quoted in the path", "[reader]") {
    CHECK(syntax_error_of(R"({"levels": {"7": x}})") == "t.json:1:18: levels[\"7\"]: expected a value, found 'x'");
}

TEST_CASE("reader: the column counts characters, not bytes", "[reader]") {
    // "é" is two bytes; the 'x' is the 9th character but the 10th byte.
    CHECK(syntax_error_of("{\"\xC3\xA9\": 1 x}") ==
          "t.json:1:9: (document): expected ',' or '}' after an object member, found 'x'");
}

TEST_CASE("reader: nesting of 64 levels is fine, 65 is refused", "[reader]") {
    CHECK(syntax_error_of(nested_arrays(64)) == "(no error)");
    CHECK(syntax_error_of(nested_arrays(65)) ==
          "t.json:1:65: " + std::string("[0]") + [] {
              std::string p;
              for (int i = 1; i < 64; ++i) p += "[0]";
              return p;
          }() + ": nesting is deeper than 64 levels");
}

TEST_CASE("reader: invalid UTF-8 is refused inside and outside strings", "[reader]") {
    CHECK(syntax_error_of("{\"a\": \"x\xC3(y\"}") == "t.json:1:9: a: invalid UTF-8 in a string (byte 0xC3)");
    CHECK(syntax_error_of("{\"a\": \"\xC0\xAF\"}") == "t.json:1:8: a: invalid UTF-8 in a string (byte 0xC0)");  // overlong
    CHECK(syntax_error_of("{\"a\": \"\xED\xA0\x80\"}") == "t.json:1:8: a: invalid UTF-8 in a string (byte 0xED)");  // surrogate
    CHECK(syntax_error_of("{\"a\": \"\xF5\x80\x80\x80\"}") == "t.json:1:8: a: invalid UTF-8 in a string (byte 0xF5)");
    CHECK(syntax_error_of("{\"a\": \"\xE2\x82\"}") == "t.json:1:8: a: invalid UTF-8 in a string (byte 0xE2)");  // cut short
    CHECK(syntax_error_of("{\"a\": \xFF}") == "t.json:1:7: a: expected a value, found invalid UTF-8 (byte 0xFF)");
    CHECK(syntax_error_of("{\"a\": \"\xE2\x82\xAC \xF0\x9F\x98\x80\"}") == "(no error)");  // € and an emoji
}

TEST_CASE("reader: escapes are decoded and bad ones refused", "[reader]") {
    JsonReader r(R"(["a\"b\\c\/\n\t\u00e9\uD83D\uDE00"])", "t.json");
    std::string value;
    r.array([&](std::size_t) { value = r.string(); });
    CHECK(value == "a\"b\\c/\n\t\xC3\xA9\xF0\x9F\x98\x80");

    CHECK(syntax_error_of(R"(["\x"])") == "t.json:1:3: [0]: invalid escape \\x in a string");
    CHECK(syntax_error_of(R"(["ab\uD800"])") == "t.json:1:5: [0]: lone surrogate \\uD800 in a string");
    CHECK(syntax_error_of(R"(["\uDC00"])") == "t.json:1:3: [0]: lone surrogate \\uDC00 in a string");
    CHECK(syntax_error_of(R"(["\uD800\u0041"])") == "t.json:1:3: [0]: lone surrogate \\uD800 in a string");
    CHECK(syntax_error_of(R"(["\u12G4"])") == "t.json:1:7: [0]: invalid \\u escape: expected 4 hexadecimal digits");
}

TEST_CASE("reader: control characters must be escaped in strings", "[reader]") {
    CHECK(syntax_error_of("[\"a\tb\"]") == "t.json:1:4: [0]: control character U+0009 in a string (write it as an escape)");
    CHECK(syntax_error_of("[\"a\nb\"]") == "t.json:1:4: [0]: control character U+000A in a string (write it as an escape)");
}

TEST_CASE("reader: trailing text after the document is refused", "[reader]") {
    CHECK(syntax_error_of("{} x") == "t.json:1:4: (document): unexpected text after the end of the document: 'x'");
    CHECK(syntax_error_of("{}\n{}") == "t.json:2:1: (document): unexpected text after the end of the document: an object");
}

TEST_CASE("reader: a byte-order mark is skipped and not counted in columns", "[reader]") {
    CHECK(syntax_error_of("\xEF\xBB\xBF{\"a\": 1}") == "(no error)");
    CHECK(syntax_error_of("\xEF\xBB\xBF{\"a\": x}") == "t.json:1:7: a: expected a value, found 'x'");
}

TEST_CASE("reader: duplicate keys are refused, also when escaped or in big objects", "[reader]") {
    CHECK(syntax_error_of(R"({"a": 1, "a": 2})") == "t.json:1:10: (document): duplicate field \"a\"");
    CHECK(syntax_error_of(R"({"a": 1, "\u0061": 2})") == "t.json:1:10: (document): duplicate field \"a\"");
    std::string big = "{";
    for (int i = 0; i < 40; ++i) big += "\"k" + std::to_string(i) + "\": 0, ";
    CHECK(syntax_error_of(big + "\"z\": 1}") == "(no error)");
    CHECK(syntax_error_of(big + "\"k17\": 1}") == "t.json:1:" + std::to_string(big.size() + 1) +
                                                       ": (document): duplicate field \"k17\"");
    // The same key in sibling objects is not a duplicate.
    CHECK(syntax_error_of(R"([{"a": 1}, {"a": 2}])") == "(no error)");
}

TEST_CASE("reader: typed reads say what they expected and what they found", "[reader]") {
    const auto read_as = [](const std::string& value, auto read) {
        return error_of([&] {
            const std::string text = "{\"v\": " + value + "}";
            JsonReader r(text, "t.json");
            r.object([&](std::string_view) { read(r); });
            r.finish();
        });
    };
    const auto as_string = [](JsonReader& r) { r.string(); };
    const auto as_integer = [](JsonReader& r) { r.integer(1, 5); };
    const auto as_number = [](JsonReader& r) { r.number(); };
    const auto as_boolean = [](JsonReader& r) { r.boolean(); };
    const auto as_object = [](JsonReader& r) { r.object([](std::string_view) {}); };
    const auto as_array = [](JsonReader& r) { r.array([](std::size_t) {}); };

    CHECK(read_as("4", as_string) == "t.json:1:7: v: expected a string, found a number");
    CHECK(read_as("\"4\"", as_integer) == "t.json:1:7: v: expected a whole number, found a string");
    CHECK(read_as("3.5", as_integer) == "t.json:1:7: v: expected a whole number, found 3.5");
    CHECK(read_as("3.0", as_integer) == "t.json:1:7: v: expected a whole number, found 3.0");
    CHECK(read_as("6", as_integer) == "t.json:1:7: v: must be a whole number from 1 to 5, found 6");
    CHECK(read_as("99999999999999999999", as_integer) ==
          "t.json:1:7: v: must be a whole number from 1 to 5, found 99999999999999999999");
    CHECK(read_as("null", as_number) == "t.json:1:7: v: expected a number, found null");
    CHECK(read_as("1e400", as_number) == "t.json:1:7: v: number 1e400 is out of range");
    CHECK(read_as("-1e400", as_number) == "t.json:1:7: v: number -1e400 is out of range");
    CHECK(read_as("1", as_boolean) == "t.json:1:7: v: expected true or false, found a number");
    CHECK(read_as("[]", as_object) == "t.json:1:7: v: expected an object, found an array");
    CHECK(read_as("{}", as_array) == "t.json:1:7: v: expected an array, found an object");
    CHECK(read_as("true", as_boolean) == "(no error)");
    CHECK(read_as("5", as_integer) == "(no error)");

    JsonReader big("[99999999999999999999]", "t.json");
    CHECK(error_of([&] { big.array([&](std::size_t) { big.integer(INT64_MIN, INT64_MAX); }); }) ==
          "t.json:1:2: [0]: number 99999999999999999999 is out of range");
}

TEST_CASE("reader: values the callback leaves unread are skipped", "[reader]") {
    JsonReader r(R"({"skip": {"deep": [1, {"x": "y"}]}, "keep": 7})", "t.json");
    std::int64_t kept = 0;
    r.object([&](std::string_view key) {
        if (key == "keep") kept = r.integer(0, 10);
    });
    r.finish();
    CHECK(kept == 7);
}

TEST_CASE("reader: fail() points at the value just read, fail_at anywhere", "[reader]") {
    JsonReader r("{\n  \"list\": [\n    {\"w\": -1}\n  ]\n}", "t.json");
    const std::string error = error_of([&] {
        r.object([&](std::string_view) {
            r.array([&](std::size_t) {
                r.object([&](std::string_view) {
                    if (r.number() <= 0) r.fail("must be greater than 0");
                });
            });
        });
    });
    CHECK(error == "t.json:3:11: list[0].w: must be greater than 0");

    JsonReader missing("{\n  \"o\": {\"a\": 1}\n}", "t.json");
    CHECK(error_of([&] {
              missing.object([&](std::string_view) {
                  missing.object([](std::string_view) {});
                  missing.fail("missing field \"b\"");  // after the object: at its start
              });
          }) == "t.json:2:8: o: missing field \"b\"");
}
