/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * MD4 (RFC 1320, computed by nettle) and the NTLM "NT hash" (MD4 of the UTF-16LE password),
 * so that the NTLM logon never hands the password itself to Samba, whose own conversion
 * leaves an unwiped UTF-16 copy in freed heap. nettle does the arithmetic; this layer owns
 * the context and wipes it, and overwrites the stack nettle used, before returning. MD4 is
 * broken as a general hash; it is here only because NTLM defines the NT hash with it.
 */

#include <nettle/md4.h>

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Size of an MD4 digest and of an NT hash, in bytes. */
#define SC_MD4_DIGEST_SIZE 16

/** Running MD4 state. Wipe it with sc_md4_final() (which does) or sc_md4_wipe(). */
typedef struct sc_md4_ctx
{
    struct md4_ctx nettle; /**< holds message bytes not yet hashed: wipe it */
} sc_md4_ctx;

/** Starts a new digest. */
void sc_md4_init(sc_md4_ctx *ctx);

/** Adds @p size bytes of @p data. */
void sc_md4_update(sc_md4_ctx *ctx, const void *data, size_t size);

/** Writes the digest to @p digest and wipes @p ctx. */
void sc_md4_final(sc_md4_ctx *ctx, uint8_t digest[SC_MD4_DIGEST_SIZE]);

/** Overwrites @p ctx, e.g. when a digest is abandoned. */
void sc_md4_wipe(sc_md4_ctx *ctx);

/** One-shot MD4 of @p size bytes. */
void sc_md4(const void *data, size_t size, uint8_t digest[SC_MD4_DIGEST_SIZE]);

/**
 * The NT hash of @p password: MD4 over its UTF-16LE form, without a terminator.
 * @p password is @p size bytes of UTF-8 (no NUL needed). The UTF-16 form is produced
 * one character at a time and never stored as a whole.
 * Returns 0, or -1 if @p password is not valid UTF-8 (overlong forms, surrogates, values
 * above U+10FFFF and truncated sequences included); @p hash is then all zero.
 */
int sc_ntlm_nt_hash(const char *password, size_t size, uint8_t hash[SC_MD4_DIGEST_SIZE]);

#ifdef __cplusplus
}
#endif
