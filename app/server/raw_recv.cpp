// The process's `recv`: see raw_guard.hpp. This file includes no socket header (a fortified
// <sys/socket.h> may define recv inline), only what the definition needs.
#include <sys/types.h>

#include <cstddef>

#include "server/raw_guard.hpp"

extern "C" {
// NOLINTNEXTLINE: the libc name on purpose.
ssize_t recv(int fd, void* buf, std::size_t len, int flags) { return pilotdeck::server::raw_guard::guarded_recv(fd, buf, len, flags); }
// Referenced by raw_guard.cpp so that the linker always takes this file from the archive.
extern const int pilotdeck_recv_interposer;
const int pilotdeck_recv_interposer = 1;
}
