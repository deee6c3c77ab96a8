/* SPDX-License-Identifier: GPL-3.0-or-later */

/* MD4 from nettle on a context we wipe, and the NT hash on top of it. See ntlmhash.h. */

#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* explicit_bzero */
#endif

#include "ntlmhash.h"

#include <string.h>

/* explicit_bzero is in glibc's <string.h> with _DEFAULT_SOURCE; elsewhere a volatile
 * function pointer keeps the compiler from dropping a memset of memory about to die. */
#if defined(__GLIBC__)
#define sc_wipe explicit_bzero
#else
static void *(*const volatile sc_memset)(void *, int, size_t) = memset;
static void sc_wipe(void *p, size_t n)
{
    sc_memset(p, 0, n);
}
#endif

/* nettle's compression function copies each 64-byte block (for the NT hash: the UTF-16
 * password) into a local array and returns without wiping it. Overwriting a generous stack
 * area below our own frame afterwards removes that copy; noinline keeps the area where the
 * callee's frame was rather than in ours. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void
burn_stack(void)
{
    unsigned char area[2048];
    sc_wipe(area, sizeof area);
}

void sc_md4_init(sc_md4_ctx *ctx)
{
    md4_init(&ctx->nettle);
}

void sc_md4_update(sc_md4_ctx *ctx, const void *data, size_t size)
{
    md4_update(&ctx->nettle, size, (const uint8_t *)data);
    burn_stack();
}

void sc_md4_final(sc_md4_ctx *ctx, uint8_t digest[SC_MD4_DIGEST_SIZE])
{
    /* md4_digest() only re-initialises the context; the block buffer still holds the tail
     * of the message, so the whole context is wiped here. */
    md4_digest(&ctx->nettle, SC_MD4_DIGEST_SIZE, digest);
    burn_stack();
    sc_md4_wipe(ctx);
}

void sc_md4_wipe(sc_md4_ctx *ctx)
{
    sc_wipe(ctx, sizeof *ctx);
}

void sc_md4(const void *data, size_t size, uint8_t digest[SC_MD4_DIGEST_SIZE])
{
    sc_md4_ctx ctx;

    sc_md4_init(&ctx);
    sc_md4_update(&ctx, data, size);
    sc_md4_final(&ctx, digest);
}

/* Decodes one UTF-8 character at s[*at] (RFC 3629: shortest form only, no surrogates,
 * at most U+10FFFF). Returns the code point, or -1 if the bytes there are not one. */
static long next_code_point(const unsigned char *s, size_t size, size_t *at)
{
    static const long minimum[4] = {0, 0x80, 0x800, 0x10000};
    unsigned char lead = s[*at];
    size_t extra, k;
    long cp;

    if (lead < 0x80) {
        *at += 1;
        return lead;
    }
    if ((lead & 0xE0) == 0xC0) {
        extra = 1;
        cp = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        extra = 2;
        cp = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        extra = 3;
        cp = lead & 0x07;
    } else {
        return -1; /* a continuation byte, or 0xF8..0xFF */
    }
    if (size - *at <= extra) {
        return -1; /* truncated */
    }
    for (k = 1; k <= extra; k++) {
        unsigned char c = s[*at + k];
        if ((c & 0xC0) != 0x80) {
            return -1;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < minimum[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return -1;
    }
    *at += extra + 1;
    return cp;
}

int sc_ntlm_nt_hash(const char *password, size_t size, uint8_t hash[SC_MD4_DIGEST_SIZE])
{
    const unsigned char *s = (const unsigned char *)password;
    sc_md4_ctx ctx;
    uint8_t unit[4]; /* one character as UTF-16LE: one code unit or a surrogate pair */
    size_t at = 0;
    long cp = 0;
    int rc = 0;

    sc_md4_init(&ctx);
    while (at < size) {
        cp = next_code_point(s, size, &at);
        if (cp < 0) {
            rc = -1;
            break;
        }
        if (cp < 0x10000) {
            unit[0] = (uint8_t)cp;
            unit[1] = (uint8_t)(cp >> 8);
            sc_md4_update(&ctx, unit, 2);
        } else {
            long v = cp - 0x10000;
            uint16_t high = (uint16_t)(0xD800 + (v >> 10)), low = (uint16_t)(0xDC00 + (v & 0x3FF));
            unit[0] = (uint8_t)high;
            unit[1] = (uint8_t)(high >> 8);
            unit[2] = (uint8_t)low;
            unit[3] = (uint8_t)(low >> 8);
            sc_md4_update(&ctx, unit, 4);
        }
    }
    if (rc == 0) {
        sc_md4_final(&ctx, hash);
    } else {
        sc_md4_wipe(&ctx);
        memset(hash, 0, SC_MD4_DIGEST_SIZE);
    }
    sc_wipe(unit, sizeof unit);
    sc_wipe(&cp, sizeof cp);
    return rc;
}
