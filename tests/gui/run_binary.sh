#!/bin/bash
# Runs a test binary (a Catch2 executable that opens hidden windows) under with_xvfb.sh:
# run_binary.sh BINARY [ARGS...]
exec "$@"
