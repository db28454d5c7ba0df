// Every request's header block checked raw, also the later requests of a kept-alive connection.
//
// The front (front.hpp) checks the first header block of a connection before libmicrohttpd sees
// it; libmicrohttpd then reads the connection itself. To check the requests after the first,
// the server defines `recv` (raw_recv.cpp): libmicrohttpd's calls to recv(2) resolve to it (a
// symbol of the executable comes before libc's), and for a socket watched here it
//  - lets a header block through only once it is whole and sound (check_raw_head; until then
//    the read says "nothing yet", so libmicrohttpd never parses a part of it),
//  - then lets through exactly that request's body (its Content-Length) and no byte of the next
//    request, which is checked the same way when it comes;
//  - refuses a bad block as the front does: one answer with the app's security headers and
//    "Connection: close" written here, the rest read and dropped, and an end of stream for
//    libmicrohttpd, which closes the connection without writing anything of its own.
// A `Transfer-Encoding` (chunked) gets 411 here: its end cannot be known without decoding it.
// Sockets not watched (ours, SQLite's, the GUI's) go straight to libc.
#pragma once

#include <sys/types.h>

#include <cstddef>

#include "server/front.hpp"

namespace pilotdeck::server::raw_guard {

void watch(int fd, const FrontLimits& limits);  // before the socket is handed to libmicrohttpd
void unwatch(int fd);                           // before libmicrohttpd closes it
// Whether libmicrohttpd's recv really is ours (false if the executable does not export it).
bool interposed();
// The checking read; raw_recv.cpp's `recv` calls it for every socket.
ssize_t guarded_recv(int fd, void* buf, std::size_t len, int flags);

}  // namespace pilotdeck::server::raw_guard
