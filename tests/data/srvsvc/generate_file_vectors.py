#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the open-file and share test vectors of tst_srvsvcfilecodec with impacket.

The sibling of generate_vectors.py (same conventions: referent ids renumbered the way Windows
numbers them unless a vector's name ends in _random_ids, padding content ignored by the test):
NetrFileEnum (levels 2 and 3), NetrFileGetInfo, NetrFileClose and NetrShareEnum (level 2)
requests and replies go to files/<name>.bin, what they mean to files/vectors.json, and the
stubs to the fuzzers' seed corpus tests/fuzz/corpus/<target>/ (see FUZZ_TARGET).

    /usr/bin/python3 tests/data/srvsvc/generate_file_vectors.py [OUTPUT_DIR]
"""

import os
import random
import sys

from impacket.dcerpc.v5 import srvs
from impacket.dcerpc.v5.dtypes import NULL

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_vectors import (  # noqa: E402
    Referents, VectorSet, enum_reply_vector, enum_request_vector, request_vector, set_string,
    status_reply_vector)

MORE_DATA = 234
ACCESS_DENIED = 5
FILE_NOT_FOUND = 2
INVALID_LEVEL = 124

# Open files as Samba reports them: "C:" + the share's directory + "\" + the name, ids built
# as (pid << 16) | file id, permissions READ/WRITE only; plus what Windows can send (CREATE,
# a character outside the BMP, the largest id).
FILES = [
    dict(id=0x1A2B0001, permissions=1, num_locks=0,
         path="C:\\srv\\lab\\Abierto ñ\\Presupuesto año 2027.xlsx", username="josé"),
    dict(id=0x1A2B0002, permissions=3, num_locks=2,
         path="C:\\srv\\lab\\Abierto ñ\\Übersicht Größe.docx", username="jürgen"),
    dict(id=0x00070005, permissions=2, num_locks=1,
         path="C:\\srv\\lab\\Abierto ñ\\straße plan.txt", username="alice"),
    dict(id=0xFFFFFFFF, permissions=7, num_locks=4294967295,
         path="D:\\Daten\\Notizen 𝔘.md", username="DOMAIN\\Administrator"),
]


def expected_file(level, f, null_fields=()):
    def text(name):
        if level != 3 or name in null_fields:
            return ""
        return f[name]

    return dict(id=f["id"], permissions=f["permissions"] if level == 3 else 0,
                lockCount=f["num_locks"] if level == 3 else 0,
                path=text("path"), userName=text("username"), level=level)


def fill_file(level, entry, f, refs, null_fields=()):
    prefix = "fi%d_" % level
    entry[prefix + "id"] = f["id"]
    if level == 3:
        entry["fi3_permissions"] = f["permissions"]
        entry["fi3_num_locks"] = f["num_locks"]
        set_string(entry, "fi3_path_name", None if "path" in null_fields else f["path"], refs)
        set_string(entry, "fi3_username",
                   None if "username" in null_fields else f["username"], refs)


def file_enum_reply(level, files, total, resume, status, container=True, null_fields=(),
                    renumber=True):
    refs = Referents() if renumber else None
    cls = srvs.FILE_INFO_3 if level == 3 else srvs.FILE_INFO_2

    def new_entry(f):
        e = cls()
        fill_file(level, e, f, refs, null_fields)
        return e

    return enum_reply_vector(
        srvs.NetrFileEnumResponse(), "FileInfo", level, files, new_entry, total, resume, status,
        container, refs, files=[expected_file(level, f, null_fields) for f in files])


def file_enum_request(level, server, path, user, prefmax, resume, renumber=True):
    return enum_request_vector(srvs.NetrFileEnum(), Referents() if renumber else None,
                               dict(ServerName=server, BasePath=path, UserName=user),
                               "FileInfo", level, prefmax, resume)


def file_getinfo_request(server, file_id, level):
    return request_vector(srvs.NetrFileGetInfo(), Referents(), dict(ServerName=server),
                          FileId=file_id, Level=level)


def file_getinfo_reply(level, f, status):
    refs = Referents()
    r = srvs.NetrFileGetInfoResponse()
    r["InfoStruct"]["tag"] = level
    arm = "FileInfo%d" % level
    if f is None:
        r["InfoStruct"][arm] = NULL
    else:
        refs.set(r["InfoStruct"].fields[arm])
        fill_file(level, r["InfoStruct"][arm], f, refs)
    r["ErrorCode"] = status
    return r.getData(), dict(level=level, status=status,
                             file=None if f is None else expected_file(level, f))


def file_close_request(server, file_id):
    return request_vector(srvs.NetrFileClose(), Referents(), dict(ServerName=server),
                          FileId=file_id)


def file_close_reply(status):
    return status_reply_vector(srvs.NetrFileCloseResponse(), status)


# Shares as Samba reports them at level 2: "C:" + the directory, IPC$ without a path.
SHARES = [
    dict(netname="lab", type=0, remark="Lab share", path="C:\\srv\\lab", current_uses=3),
    dict(netname="Datos año", type=0, remark="", path="C:\\srv\\datos año", current_uses=0),
    dict(netname="IPC$", type=0x80000003, remark="IPC Service (Samba 4.17.12-Debian)",
         path="C:\\tmp", current_uses=1),
]


def share_enum_request(server, prefmax, resume):
    return enum_request_vector(srvs.NetrShareEnum(), Referents(), dict(ServerName=server),
                               "ShareInfo", 2, prefmax, resume)


def share_enum_reply(shares, total, resume, status, container=True):
    refs = Referents()

    def new_entry(s):
        e = srvs.SHARE_INFO_2()
        set_string(e, "shi2_netname", s["netname"], refs)
        e["shi2_type"] = s["type"]
        set_string(e, "shi2_remark", s["remark"], refs)
        e["shi2_permissions"] = 0
        e["shi2_max_uses"] = 0xFFFFFFFF
        e["shi2_current_uses"] = s["current_uses"]
        set_string(e, "shi2_path", s["path"], refs)
        set_string(e, "shi2_passwd", None, refs)
        return e

    return enum_reply_vector(
        srvs.NetrShareEnumResponse(), "ShareInfo", 2, shares, new_entry, total, resume, status,
        container, refs,
        shares=[dict(name=s["netname"], type=s["type"], remark=s["remark"], path=s["path"],
                     currentUses=s["current_uses"]) for s in shares])


# The fuzz target whose seeds a vector joins. The request decoders and the close reply (a
# single status) share one target, fuzz_file_requests, to keep the CI fuzz run short.
FUZZ_TARGET = {
    "file-enum-reply": "fuzz_file_enum_reply",
    "file-getinfo-reply": "fuzz_file_getinfo_reply",
    "share-enum-reply": "fuzz_share_enum_reply",
}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    random.seed(20261202)
    vectors = VectorSet(os.path.join(here, "files"),
                        lambda kind: FUZZ_TARGET.get(kind, "fuzz_file_requests"))
    add = vectors.add

    for level in (2, 3):
        add("file_enum_reply_level%d" % level, "file-enum-reply",
            file_enum_reply(level, FILES, len(FILES), None, 0))
        add("file_enum_request_level%d" % level, "file-enum-request",
            file_enum_request(level, "\\\\127.0.0.1", None, None, 65536, 0))
        # A paged answer as Windows gives it: the first 2 of 5, then the rest.
        add("file_enum_reply_level%d_more_data" % level, "file-enum-reply",
            file_enum_reply(level, FILES[:2], 5, 2, MORE_DATA))
        add("file_enum_reply_level%d_last_page" % level, "file-enum-reply",
            file_enum_reply(level, FILES[2:], 3, 0, 0))
        add("file_enum_reply_level%d_empty" % level, "file-enum-reply",
            file_enum_reply(level, [], 0, None, 0))
        add("file_enum_reply_level%d_access_denied" % level, "file-enum-reply",
            file_enum_reply(level, [], 0, 0, ACCESS_DENIED, container=False))
    # Samba's answer to level 2.
    add("file_enum_reply_level2_invalid_level", "file-enum-reply",
        file_enum_reply(2, [], 0, None, INVALID_LEVEL, container=False))
    add("file_enum_reply_level3_single", "file-enum-reply",
        file_enum_reply(3, FILES[1:2], 1, None, 0))
    # Null path and user pointers (the IDL allows them); our encoder never writes them.
    add("file_enum_reply_level3_null_path", "file-enum-reply",
        file_enum_reply(3, FILES[:2], 2, None, 0, null_fields=("path",)), encoder_exact=False)
    add("file_enum_reply_level3_null_path_user", "file-enum-reply",
        file_enum_reply(3, FILES[2:3], 1, None, 0, null_fields=("path", "username")),
        encoder_exact=False)
    add("file_enum_reply_level3_random_ids", "file-enum-reply",
        file_enum_reply(3, FILES, len(FILES), 4, 0, renumber=False), encoder_exact=False)

    add("file_enum_request_level3_filters_resume", "file-enum-request",
        file_enum_request(3, "\\\\fs01.example.org", "C:\\srv\\lab\\Abierto ñ", "josé", 4096, 5))
    add("file_enum_request_level2_all_null", "file-enum-request",
        file_enum_request(2, None, None, None, 0xFFFFFFFF, None))
    add("file_enum_request_level3_random_ids", "file-enum-request",
        file_enum_request(3, "\\\\fs01", None, "jürgen", 65536, 0, renumber=False),
        encoder_exact=False)

    add("file_getinfo_request_level3", "file-getinfo-request",
        file_getinfo_request("\\\\127.0.0.1", FILES[0]["id"], 3))
    add("file_getinfo_request_level2_null_server", "file-getinfo-request",
        file_getinfo_request(None, 7, 2))
    add("file_getinfo_reply_level3", "file-getinfo-reply", file_getinfo_reply(3, FILES[1], 0))
    add("file_getinfo_reply_level2", "file-getinfo-reply", file_getinfo_reply(2, FILES[3], 0))
    add("file_getinfo_reply_file_not_found", "file-getinfo-reply",
        file_getinfo_reply(3, None, FILE_NOT_FOUND))

    add("file_close_request", "file-close-request",
        file_close_request("\\\\127.0.0.1", FILES[2]["id"]))
    add("file_close_request_null_server", "file-close-request", file_close_request(None, 1))
    add("file_close_reply_success", "file-close-reply", file_close_reply(0))
    add("file_close_reply_file_not_found", "file-close-reply", file_close_reply(FILE_NOT_FOUND))
    add("file_close_reply_access_denied", "file-close-reply", file_close_reply(ACCESS_DENIED))

    add("share_enum_request_level2", "share-enum-request",
        share_enum_request("\\\\127.0.0.1", 0xFFFFFFFF, 0))
    add("share_enum_reply_level2", "share-enum-reply",
        share_enum_reply(SHARES, len(SHARES), None, 0))
    add("share_enum_reply_level2_more_data", "share-enum-reply",
        share_enum_reply(SHARES[:1], 3, 1, MORE_DATA))
    add("share_enum_reply_access_denied", "share-enum-reply",
        share_enum_reply([], 0, 0, ACCESS_DENIED, container=False))

    vectors.write_index()


if __name__ == "__main__":
    main()
