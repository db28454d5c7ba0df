#include "server/net.hpp"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdexcept>
#include <sys/random.h>

namespace pilotdeck::server {

namespace {

std::vector<std::pair<std::string, bool>> ipv4_up() {  // (address, loopback)
    std::vector<std::pair<std::string, bool>> out;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return out;
    for (ifaddrs* i = list; i; i = i->ifa_next) {
        if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET) continue;
        if (!(i->ifa_flags & IFF_UP)) continue;
        char text[INET_ADDRSTRLEN] = {};
        const auto* sin = reinterpret_cast<const sockaddr_in*>(i->ifa_addr);
        if (!inet_ntop(AF_INET, &sin->sin_addr, text, sizeof text)) continue;
        out.emplace_back(text, (i->ifa_flags & IFF_LOOPBACK) != 0);
    }
    freeifaddrs(list);
    return out;
}

}  // namespace

std::string lan_address() {
    for (const auto& [addr, loopback] : ipv4_up())
        if (!loopback && addr.rfind("127.", 0) != 0) return addr;
    return {};
}

std::vector<std::string> local_addresses() {
    std::vector<std::string> out;
    for (const auto& a : ipv4_up()) out.push_back(a.first);
    return out;
}

void secure_random(void* buffer, std::size_t size) {
    auto* p = static_cast<unsigned char*>(buffer);
    while (size > 0) {
        const ssize_t n = getrandom(p, size, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw std::runtime_error(std::string("no secure random numbers: ") + std::strerror(errno));
        }
        p += n;
        size -= static_cast<std::size_t>(n);
    }
}

std::string random_join_code() {
    // Rejection sampling: 4294000000 is the largest multiple of 10^6 below 2^32.
    std::uint32_t v = 0;
    do {
        secure_random(&v, sizeof v);
    } while (v >= 4294000000u);
    std::string code = std::to_string(v % 1000000u);
    return std::string(6 - code.size(), '0') + code;
}

std::string random_token() {
    unsigned char bytes[16];
    secure_random(bytes, sizeof bytes);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(32);
    for (unsigned char b : bytes) {
        out.push_back(kHex[b >> 4]);
        out.push_back(kHex[b & 15]);
    }
    return out;
}

}  // namespace pilotdeck::server
