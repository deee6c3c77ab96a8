#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A load generator that ignores SIGTERM, like sc-loadgen busy logging 1,000 sessions off.

Runs the real load generator ($SC_REAL_LOADGEN) as its child with the same arguments, but
feeding its standard input from a pipe instead of --no-stdin: the sessions stay open until
this process is killed (SIGKILL closes the pipe), then the child logs them off and ends by
itself. lab.sh only knows this process's pid, as it only knows sc-loadgen's.
"""
import os
import signal
import subprocess
import sys

signal.signal(signal.SIGTERM, signal.SIG_IGN)
real = os.environ['SC_REAL_LOADGEN']
args = [a for a in sys.argv[1:] if a != '--no-stdin']
# The child gets SIGTERM's default back (sc-loadgen sets its own handler anyway).
child = subprocess.Popen([real, *args], stdin=subprocess.PIPE,
                         preexec_fn=lambda: signal.signal(signal.SIGTERM, signal.SIG_DFL))
print(f'child {child.pid}', file=sys.stderr, flush=True)
while True:
    signal.pause()
