#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Stands in for sessionconsole-rpcworker and answers the first request badly, as
# $SC_FAKE_RPCWORKER_MODE says (tst_sambarpctransport). The frame format is in
# models/core/rpcworkerprotocol.h: 32-bit little-endian payload size, then the payload.
# Not a launcher: the transport then starts each worker directly, as it does this one.
[[ ${1:-} == --launcher ]] && exit 1
head -c 4 <&3 >/dev/null # the start of the request: it has arrived
case ${SC_FAKE_RPCWORKER_MODE:-} in
oversize) printf '\377\377\377\377' >&3 ;;                 # 4 GiB announced
zero) printf '\0\0\0\0' >&3 ;;                             # an empty frame
truncated) printf '\020\0\0\0\201\001' >&3; exit 0 ;;      # 16 bytes announced, 2 sent
headeronly) printf '\020\0' >&3; exit 0 ;;                 # half a header
wrongtype) printf '\002\0\0\0\202\001' >&3 ;;              # a call's reply to a connect
badflag) printf '\002\0\0\0\201\007' >&3 ;;                # "ok" is neither 0 nor 1
trailing) printf '\003\0\0\0\203\001\001' >&3 ;;           # a byte too many (and wrong type)
longstring) printf '\016\0\0\0\201\001\001\001\001\377\377\377\377AB\0\0\0' >&3 ;; # huge string size
exit) exit 0 ;;                                            # ends without a word
esac
# Stay alive: the transport must give up by itself, and kill and reap us.
exec sleep 60
