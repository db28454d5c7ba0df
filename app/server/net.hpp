// Network helpers of the phone server: addresses and secure random values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pilotdeck::server {

// The first IPv4 address of an interface that is up and not loopback; empty when there is none.
std::string lan_address();
// Every IPv4 address of the interfaces that are up (loopback included).
std::vector<std::string> local_addresses();
// Bytes from getrandom(2); throws std::runtime_error when the kernel cannot supply them.
void secure_random(void* buffer, std::size_t size);
// A uniformly random 6-digit code, "000000".."999999".
std::string random_join_code();
// 128 random bits as 32 lower-case hex digits.
std::string random_token();

}  // namespace pilotdeck::server
