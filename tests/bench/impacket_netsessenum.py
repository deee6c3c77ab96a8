#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""One NetrSessionEnum with impacket, as a Python admin script would do it: connect to
\\PIPE\\srvsvc over SMB (ncacn_np) on a given port, bind, enumerate all sessions at one
level, print how many came back. The peer the benchmarks compare sessionctl with.

    impacket_netsessenum.py --port P --user U --password-file F [--host 127.0.0.1]
                            [--level 1] [--domain D]
"""

import argparse
import ipaddress
import sys

from impacket.dcerpc.v5 import srvs, transport
from impacket.dcerpc.v5.dtypes import NULL


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password-file", required=True)
    parser.add_argument("--domain", default="")
    parser.add_argument("--level", type=int, default=1, choices=[0, 1, 2, 10, 502])
    args = parser.parse_args()
    # The benchmarks only ever talk to the lab on this machine.
    if not ipaddress.ip_address(args.host).is_loopback:
        sys.exit("impacket_netsessenum.py: only loopback targets are allowed")
    with open(args.password_file, encoding="utf-8") as f:
        password = f.readline().rstrip("\r\n")

    rpc = transport.SMBTransport(args.host, dstport=args.port, filename=r"\srvsvc",
                                 username=args.user, password=password, domain=args.domain)
    dce = rpc.get_dce_rpc()
    dce.connect()
    try:
        dce.bind(srvs.MSRPC_UUID_SRVS)
        reply = srvs.hNetrSessionEnum(dce, NULL, NULL, args.level)
        container = reply["InfoStruct"]["SessionInfo"]["Level%d" % args.level]
        print("%d sessions (TotalEntries %d)" % (container["EntriesRead"], reply["TotalEntries"]))
    finally:
        dce.disconnect()


if __name__ == "__main__":
    main()
