// Start-up timing of the presenter window, for the `first_frame` benchmark and for anyone who
// wants to know where the first 300 ms go. Off unless the environment has
// PILOTDECK_TRACE_STARTUP=1; then, once the first frame has been swapped, one line goes to stderr:
//
//   startup: first frame 231 ms (process 12 ms, window 98 ms, workshop 21 ms, fonts 17 ms, ...)
//
// "first frame" is from the process start (the kernel's start time of the process, 10 ms
// resolution) to the return of the first buffer swap. Each part in brackets is the wall time
// of one step; steps on the loader thread overlap the window's and are marked "(parallel)".
// "process" is the start until main() (exec, dynamic linking, static initialisers).
#pragma once

namespace pilotdeck::platform::startup {

// True when PILOTDECK_TRACE_STARTUP is set to something other than "" or "0".
bool enabled();

// Milliseconds since the process started (CLOCK_BOOTTIME against /proc/self/stat).
double ms_since_process_start();

// Notes the time main() is entered (done by a static initialiser of this library).
void mark_main();

// Times a step from construction to destruction (any thread). Nothing happens when disabled.
class Step {
public:
    explicit Step(const char* name, bool parallel = false);
    ~Step();
    Step(const Step&) = delete;
    Step& operator=(const Step&) = delete;

private:
    const char* name_;
    bool parallel_;
    double start_ = -1;
};

// Adds a step measured elsewhere.
void add_step(const char* name, double ms, bool parallel = false);

// Call after the first swap of the window's first frame: prints the line (once, when enabled).
void first_frame_swapped();

}  // namespace pilotdeck::platform::startup
