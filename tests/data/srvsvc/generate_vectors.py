#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the MS-SRVS test vectors of tst_srvsvccodec from an independent NDR implementation.

impacket (python3-impacket) marshals NetrSessionEnum / NetrSessionDel requests and replies;
this script stores each stub as <name>.bin and what it means in vectors.json. It is run once by
hand and its outputs are committed: the unit tests read the files and never run Python.

    /usr/bin/python3 tests/data/srvsvc/generate_vectors.py [OUTPUT_DIR]

It also writes the same stubs as the fuzzers' seed corpus, tests/fuzz/corpus/fuzz_<kind>/
(OUTPUT_DIR/corpus when OUTPUT_DIR is given).

Referent ids. impacket draws random referent ids; the NDR rules only require non-zero ones.
Most vectors get ids renumbered 0x00020000, 0x00020004, ... in marshalling order (what Windows
sends and what our encoder writes), so the test can compare our encoder byte for byte. The
"*_random_ids" vectors keep seeded random ids to show the decoder does not depend on them.

Padding. impacket fills alignment gaps with 0xaa/0xbf/... bytes instead of zeros; NDR leaves
their value unspecified, so the test ignores padding content (and only that).
"""

import json
import os
import random
import sys

from impacket.dcerpc.v5 import srvs
from impacket.dcerpc.v5.dtypes import NULL

MORE_DATA = 234
ACCESS_DENIED = 5
INVALID_LEVEL = 124
CLIENT_NAME_NOT_FOUND = 2312

INFO = {
    0: (srvs.SESSION_INFO_0, "sesi0_"),
    1: (srvs.SESSION_INFO_1, "sesi1_"),
    2: (srvs.SESSION_INFO_2, "sesi2_"),
    10: (srvs.SESSION_INFO_10, "sesi10_"),
    502: (srvs.SESSION_INFO_502, "sesi502_"),
}

# Which SESSION_INFO_x fields each level has (MS-SRVS 2.2.4.11-15), in wire order.
FIELDS = {
    0: ["cname"],
    1: ["cname", "username", "num_opens", "time", "idle_time", "user_flags"],
    2: ["cname", "username", "num_opens", "time", "idle_time", "user_flags", "cltype_name"],
    10: ["cname", "username", "time", "idle_time"],
    502: ["cname", "username", "num_opens", "time", "idle_time", "user_flags", "cltype_name",
          "transport"],
}
STRING_FIELDS = ("cname", "username", "cltype_name", "transport")

# Sessions as a server might report them: backslash-prefixed and bare client names,
# Spanish and German names, an empty user (anonymous), a character outside the BMP.
SESSIONS = [
    dict(cname="\\\\192.168.10.21", username="josé", num_opens=3, time=3600, idle_time=12,
         user_flags=0, cltype_name="Windows 10 Enterprise 19045", transport="\\Device\\NetbiosSmb"),
    dict(cname="\\\\JÜRGEN-NB", username="jürgen", num_opens=0, time=59, idle_time=59,
         user_flags=2, cltype_name="Samba 4.17.12-Debian",
         transport="\\Device\\NetBT_Tcpip_{4F6A7D1C-0B1E-4C55-9A3F-2B7C8D9E0F10}"),
    dict(cname="ws-müller", username="", num_opens=1, time=86400 * 40, idle_time=0,
         user_flags=1, cltype_name="", transport=""),
    dict(cname="\\\\::1", username="Administrator", num_opens=4294967295, time=4294967295,
         idle_time=4294967295, user_flags=3, cltype_name="Mac OS X 𝔘", transport="tcp"),
]


class Referents:
    """Hands out referent ids the way Windows numbers them."""

    def __init__(self):
        self.next = 0x00020000

    def set(self, pointer):
        pointer.fields["ReferentID"] = self.next
        self.next += 4


def set_string(struct, field, value, refs):
    if value is None:
        struct[field] = NULL
        return
    struct[field] = value + "\x00"
    if refs:
        refs.set(struct.fields[field])


def set_resume_handle(struct, resume, refs):
    """ResumeHandle is a [unique] pointer: NULL, or the value with the next referent id."""
    if resume is None:
        struct["ResumeHandle"] = NULL
        return
    struct["ResumeHandle"] = resume
    if refs:
        refs.set(struct.fields["ResumeHandle"])


def json_name(field):
    """A request field's name in vectors.json: the IDL's, with a lower-case first letter."""
    return field[0].lower() + field[1:]


def request_vector(q, refs, strings, **numbers):
    """How the requests other than Netr*Enum are laid out: their string arguments (a dict of
    field: value, in wire order), then their numbers. Returns the stub and what it means."""
    for field, value in strings.items():
        set_string(q, field, value, refs)
    for field, value in numbers.items():
        q[field] = value
    return q.getData(), {json_name(f): v for f, v in {**strings, **numbers}.items()}


def status_reply_vector(r, status):
    """A reply that is nothing but its status (NetrSessionDel, NetrFileClose)."""
    r["ErrorCode"] = status
    return r.getData(), dict(status=status)


def enum_request_vector(q, refs, strings, union, level, prefmax, resume):
    """How every Netr*Enum request is laid out: its string arguments (a dict of field: value,
    in wire order), then the level-switched container, empty as a caller sends it, the
    preferred maximum length and the resume handle. Returns the stub and what it means."""
    for field, value in strings.items():
        set_string(q, field, value, refs)
    q["InfoStruct"]["Level"] = level
    q["InfoStruct"][union]["tag"] = level
    arm = "Level%d" % level
    if refs:
        refs.set(q["InfoStruct"][union].fields[arm])
    q["InfoStruct"][union][arm]["EntriesRead"] = 0
    q["InfoStruct"][union][arm]["Buffer"] = NULL
    q["PreferedMaximumLength"] = prefmax
    set_resume_handle(q, resume, refs)
    expected = {json_name(field): value for field, value in strings.items()}
    expected.update(level=level, preferredMaximumLength=prefmax, resumeHandle=resume)
    return q.getData(), expected


def expected_session(level, s, null_fields=()):
    """What SrvsvcCodec must decode: fields the level lacks stay empty/zero, client names
    lose their leading backslashes, a null string pointer reads as an empty string."""
    fields = FIELDS[level]

    def text(name):
        if name not in fields or name in null_fields:
            return ""
        return s[name]

    def number(name):
        return s[name] if name in fields else 0

    # wireClientName: the name as sent, for re-encoding byte for byte.
    return dict(clientName=text("cname").lstrip("\\"), wireClientName=text("cname"),
                userName=text("username"),
                openCount=number("num_opens"), connectedSeconds=number("time"),
                idleSeconds=number("idle_time"), userFlags=number("user_flags"),
                clientType=text("cltype_name"), transport=text("transport"), level=level)


def enum_reply_vector(r, union, level, items, new_entry, total, resume, status, container, refs,
                      **entries):
    """How every Netr*Enum reply is laid out: the level-switched container (null, as servers
    answer an error), its entries made by new_entry(item), the total, the resume handle and the
    status. Referent ids follow marshalling order: all fixed parts (pointers) come first.
    Returns the stub and what it means: the fields every such reply has, and the decoded
    entries under the name given in entries (sessions=[...], files=[...])."""
    r["InfoStruct"]["Level"] = level
    r["InfoStruct"][union]["tag"] = level
    arm = "Level%d" % level
    if not container:
        r["InfoStruct"][union][arm] = NULL
    else:
        if refs:
            refs.set(r["InfoStruct"][union].fields[arm])
        c = r["InfoStruct"][union][arm]
        c["EntriesRead"] = len(items)
        if not items:
            c["Buffer"] = NULL
        else:
            if refs:
                refs.set(c.fields["Buffer"])
            for item in items:
                c["Buffer"].append(new_entry(item))
    r["TotalEntries"] = total
    set_resume_handle(r, resume, refs)
    r["ErrorCode"] = status
    return r.getData(), dict(level=level, status=status, totalEntries=total, resumeHandle=resume,
                             hasContainer=container, **entries)


def enum_reply(level, sessions, total, resume, status, container=True, null_fields=(),
               renumber=True):
    refs = Referents() if renumber else None
    cls, prefix = INFO[level]

    def new_entry(s):
        e = cls()
        for f in FIELDS[level]:
            if f in STRING_FIELDS:
                value = None if f in null_fields else s[f]
                set_string(e, prefix + f, value, refs)
            else:
                e[prefix + f] = s[f]
        return e

    return enum_reply_vector(
        srvs.NetrSessionEnumResponse(), "SessionInfo", level, sessions, new_entry, total, resume,
        status, container, refs,
        sessions=[expected_session(level, s, null_fields) for s in sessions])


def enum_request(level, server, client, user, prefmax, resume, renumber=True):
    return enum_request_vector(srvs.NetrSessionEnum(), Referents() if renumber else None,
                               dict(ServerName=server, ClientName=client, UserName=user),
                               "SessionInfo", level, prefmax, resume)


def del_request(server, client, user):
    return request_vector(srvs.NetrSessionDel(), Referents(),
                          dict(ServerName=server, ClientName=client, UserName=user))


def del_reply(status):
    return status_reply_vector(srvs.NetrSessionDelResponse(), status)


class VectorSet:
    """What a generator writes: each stub as <name>.bin in OUTPUT_DIR (default_out when none
    is given) and as a seed in its fuzz target's corpus, tests/fuzz/corpus/<target>/
    (OUTPUT_DIR/corpus when OUTPUT_DIR is given), and what the stubs mean in vectors.json."""

    def __init__(self, default_out, fuzz_target):
        here = os.path.dirname(os.path.abspath(__file__))
        self.out = sys.argv[1] if len(sys.argv) > 1 else default_out
        self.corpus = os.path.join(self.out, "corpus") if len(sys.argv) > 1 else \
            os.path.join(here, "..", "..", "fuzz", "corpus")
        self.fuzz_target = fuzz_target
        self.vectors = []
        os.makedirs(self.out, exist_ok=True)

    def add(self, name, kind, blob_expected, encoder_exact=True):
        blob, expected = blob_expected
        with open(os.path.join(self.out, name + ".bin"), "wb") as f:
            f.write(blob)
        seeds = os.path.join(self.corpus, self.fuzz_target(kind))
        os.makedirs(seeds, exist_ok=True)
        with open(os.path.join(seeds, name + ".bin"), "wb") as f:
            f.write(blob)
        # encoderExact: our encoder must reproduce the blob (padding content aside).
        self.vectors.append(dict(name=name, kind=kind, file=name + ".bin",
                                 encoderExact=encoder_exact, expected=expected))

    def write_index(self):
        with open(os.path.join(self.out, "vectors.json"), "w", encoding="utf-8") as f:
            json.dump(dict(generator="impacket " + impacket_version(), vectors=self.vectors), f,
                      ensure_ascii=False, indent=1)
            f.write("\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    random.seed(20240611)  # impacket's random referent ids, reproducible
    vectors = VectorSet(here, lambda kind: "fuzz_" + kind.replace("-", "_"))
    add = vectors.add

    for level in (0, 1, 2, 10, 502):
        add("enum_reply_level%d" % level, "enum-reply",
            enum_reply(level, SESSIONS, len(SESSIONS), None, 0))
        add("enum_request_level%d" % level, "enum-request",
            enum_request(level, "\\\\127.0.0.1", None, None, 0xFFFFFFFF, 0))

    add("enum_reply_level502_random_ids", "enum-reply",
        enum_reply(502, SESSIONS, len(SESSIONS), None, 0, renumber=False), encoder_exact=False)
    add("enum_reply_level1_single", "enum-reply", enum_reply(1, SESSIONS[1:2], 1, None, 0))
    # First page of a paged enumeration: 2 of 7 entries, resume handle for the next call.
    add("enum_reply_level1_more_data", "enum-reply",
        enum_reply(1, SESSIONS[:2], 7, 2, MORE_DATA))
    add("enum_reply_level10_last_page", "enum-reply",
        enum_reply(10, SESSIONS[2:], 2, 0, 0))
    # Errors: the server returns no container at all.
    add("enum_reply_level2_invalid_level", "enum-reply",
        enum_reply(2, [], 0, None, INVALID_LEVEL, container=False))
    add("enum_reply_level1_access_denied", "enum-reply",
        enum_reply(1, [], 0, 0, ACCESS_DENIED, container=False))
    add("enum_reply_level0_empty", "enum-reply", enum_reply(0, [], 0, None, 0))
    # Null string pointers inside entries (the IDL allows them); our encoder never writes them.
    add("enum_reply_level502_null_strings", "enum-reply",
        enum_reply(502, SESSIONS[:2], 2, None, 0, null_fields=("username", "cltype_name",
                                                               "transport")),
        encoder_exact=False)

    add("enum_request_level1_filters_resume", "enum-request",
        enum_request(1, "\\\\fs01.example.org", "\\\\192.168.10.21", "josé", 4096, 3))
    add("enum_request_level10_all_null", "enum-request",
        enum_request(10, None, None, None, 0xFFFFFFFF, None))
    add("enum_request_level502_random_ids", "enum-request",
        enum_request(502, "\\\\fs01", "\\\\JÜRGEN-NB", "jürgen", 65536, 0, renumber=False),
        encoder_exact=False)

    add("del_request_client_user", "del-request",
        del_request("\\\\127.0.0.1", "\\\\192.168.10.21", "josé"))
    add("del_request_client_only", "del-request", del_request("\\\\127.0.0.1", "\\\\JÜRGEN-NB", None))
    add("del_request_user_only", "del-request", del_request(None, None, "jürgen"))
    add("del_reply_success", "del-reply", del_reply(0))
    add("del_reply_access_denied", "del-reply", del_reply(ACCESS_DENIED))
    add("del_reply_client_not_found", "del-reply", del_reply(CLIENT_NAME_NOT_FOUND))

    vectors.write_index()


def impacket_version():
    try:
        from impacket import version
        return version.version
    except Exception:  # only informative
        return "?"


if __name__ == "__main__":
    main()
