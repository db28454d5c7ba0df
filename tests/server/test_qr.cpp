#include <catch2/catch.hpp>

#include <set>

#include "server/net.hpp"
#include "server/qr.hpp"

using namespace pilotdeck::server;

namespace {

// The 7x7 finder pattern: dark ring, light ring, dark 3x3 core.
bool finder_at(const QrMatrix& m, int x0, int y0) {
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool core = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (m.at(x0 + x, y0 + y) != (ring || core)) return false;
        }
    return true;
}

}  // namespace

TEST_CASE("the QR matrix of the phone address has the QR structure", "[server]") {
    const QrMatrix m = qr_matrix("http://192.168.178.20:8080/");
    REQUIRE(m.size >= 21);
    CHECK((m.size - 17) % 4 == 0);  // versions are 21, 25, 29... modules wide
    REQUIRE(m.dark.size() == static_cast<std::size_t>(m.size * m.size));
    CHECK(finder_at(m, 0, 0));
    CHECK(finder_at(m, m.size - 7, 0));
    CHECK(finder_at(m, 0, m.size - 7));
    CHECK_FALSE(finder_at(m, m.size - 7, m.size - 7));
    // Timing pattern between the top finders: alternating, dark on even columns.
    for (int x = 8; x < m.size - 8; ++x) CHECK(m.at(x, 6) == (x % 2 == 0));
    // Deterministic, and a longer text needs at least as many modules.
    CHECK(qr_matrix("http://192.168.178.20:8080/").dark == m.dark);
    CHECK(qr_matrix("http://192.168.178.20:8080/#123456" + std::string(60, 'x')).size > m.size);
    CHECK_THROWS(qr_matrix(std::string(5000, 'x')));
}

TEST_CASE("join codes and tokens come from a secure source and have their shape", "[server]") {
    std::set<std::string> codes, tokens;
    for (int i = 0; i < 200; ++i) {
        const std::string c = random_join_code();
        REQUIRE(c.size() == 6);
        REQUIRE(c.find_first_not_of("0123456789") == std::string::npos);
        codes.insert(c);
        const std::string t = random_token();
        REQUIRE(t.size() == 32);
        REQUIRE(t.find_first_not_of("0123456789abcdef") == std::string::npos);
        tokens.insert(t);
    }
    CHECK(codes.size() > 150);  // 200 draws from 10^6: a handful of repeats at most
    CHECK(tokens.size() == 200);
}

TEST_CASE("the LAN address is never a loopback address", "[server]") {
    const std::string a = lan_address();
    CHECK(a.rfind("127.", 0) != 0);
    CHECK(a != "0.0.0.0");
}
