#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The lab's "hung server": accepts TCP connections on a loopback port and never answers.

It also holds a second loopback port bound but not listening, so connecting there is refused
and no other program can take that port while the lab runs (a race-free "closed port").
Writes "HUNG_PORT CLOSED_PORT" to --ports-file once both are ready.
"""

import argparse
import os
import selectors
import socket
import sys
import time

# Bounded: a client that opens connections in a loop must not exhaust our descriptors.
MAX_HELD = 512


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ports-file", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--max-seconds", type=float, default=24 * 3600,
                        help="exit by itself after this long")
    args = parser.parse_args()

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind((args.host, 0))
    listener.listen(128)
    closed = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    closed.bind((args.host, 0))

    tmp = args.ports_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(f"{listener.getsockname()[1]} {closed.getsockname()[1]}\n")
    os.replace(tmp, args.ports_file)

    # SIGTERM keeps its default action: the kernel closes every socket when we die.
    held = []
    sel = selectors.DefaultSelector()
    sel.register(listener, selectors.EVENT_READ, None)
    deadline = time.monotonic() + args.max_seconds
    while time.monotonic() < deadline:
        for key, _ in sel.select(timeout=1.0):
            if key.data is None:
                conn, _ = listener.accept()
                held.append(conn)
                sel.register(conn, selectors.EVENT_READ, "conn")
                if len(held) > MAX_HELD:
                    old = held.pop(0)
                    sel.unregister(old)
                    old.close()
            else:
                # Read and drop whatever the client sends; close when it hangs up.
                conn = key.fileobj
                try:
                    data = conn.recv(65536)
                except OSError:
                    data = b""
                if not data:
                    sel.unregister(conn)
                    held.remove(conn)
                    conn.close()
    for conn in held:
        conn.close()
    listener.close()
    closed.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
