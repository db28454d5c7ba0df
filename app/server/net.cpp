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

struct Ipv4 {
    std::string address;
    bool loopback = false;
    bool preferred = false;  // running, and not a container or VM bridge
};

bool virtual_interface(const std::string& name) {
    for (const char* prefix : {"docker", "veth", "virbr", "br-", "vmnet", "vboxnet", "lxc", "lxd", "cni", "flannel"})
        if (name.rfind(prefix, 0) == 0) return true;
    return false;
}

std::vector<Ipv4> ipv4_up() {
    std::vector<Ipv4> out;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return out;
    for (ifaddrs* i = list; i; i = i->ifa_next) {
        if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET) continue;
        if (!(i->ifa_flags & IFF_UP)) continue;
        char text[INET_ADDRSTRLEN] = {};
        const auto* sin = reinterpret_cast<const sockaddr_in*>(i->ifa_addr);
        if (!inet_ntop(AF_INET, &sin->sin_addr, text, sizeof text)) continue;
        const bool loopback = (i->ifa_flags & IFF_LOOPBACK) != 0;
        const bool preferred = (i->ifa_flags & IFF_RUNNING) && !virtual_interface(i->ifa_name ? i->ifa_name : "");
        out.push_back({text, loopback, preferred});
    }
    freeifaddrs(list);
    return out;
}

}  // namespace

std::string lan_address() {
    const auto all = ipv4_up();
    // The first that is up and not loopback, preferring a running, non-virtual interface (a
    // laptop with Docker has docker0 up as well as its Wi-Fi).
    for (const auto& a : all)
        if (!a.loopback && a.preferred && a.address.rfind("127.", 0) != 0) return a.address;
    for (const auto& a : all)
        if (!a.loopback && a.address.rfind("127.", 0) != 0) return a.address;
    return {};
}

std::vector<std::string> local_addresses() {
    std::vector<std::string> out;
    for (const auto& a : ipv4_up()) out.push_back(a.address);
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
