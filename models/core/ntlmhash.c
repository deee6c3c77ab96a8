/* SPDX-License-Identifier: GPL-3.0-or-later */

/* MD4 as RFC 1320 describes it, and the NT hash on top of it. See ntlmhash.h. */

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

static uint32_t rotl(uint32_t x, unsigned s)
{
    return (x << s) | (x >> (32u - s));
}

/* The three auxiliary functions of RFC 1320, section 3.4. */
static uint32_t f(uint32_t x, uint32_t y, uint32_t z)
{
    return (x & y) | (~x & z);
}

static uint32_t g(uint32_t x, uint32_t y, uint32_t z)
{
    return (x & y) | (x & z) | (y & z);
}

static uint32_t h(uint32_t x, uint32_t y, uint32_t z)
{
    return x ^ y ^ z;
}

static uint32_t load_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void store_le32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

/* One 16-word block (section 3.4). Each round applies its step to the words in the order
 * the RFC lists them; the four registers rotate roles, so the step is written once and
 * indexed by (i mod 4). */
static void transform(uint32_t state[4], const uint8_t block[64])
{
    static const uint8_t order2[16] = {0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15};
    static const uint8_t order3[16] = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};
    static const uint8_t shift1[4] = {3, 7, 11, 19};
    static const uint8_t shift2[4] = {3, 5, 9, 13};
    static const uint8_t shift3[4] = {3, 9, 11, 15};
    uint32_t x[16];
    uint32_t r[4]; /* A, B, C, D */
    unsigned i;

    for (i = 0; i < 16; i++) {
        x[i] = load_le32(block + 4 * i);
    }
    memcpy(r, state, sizeof r);

    /* Step i works on a = r[(4 - i) % 4], b = the next one, c, d: [ABCD] [DABC] [CDAB] [BCDA]. */
    for (i = 0; i < 16; i++) {
        uint32_t *a = &r[(4 - i % 4) % 4];
        uint32_t b = r[(5 - i % 4) % 4], c = r[(6 - i % 4) % 4], d = r[(7 - i % 4) % 4];
        *a = rotl(*a + f(b, c, d) + x[i], shift1[i % 4]);
    }
    for (i = 0; i < 16; i++) {
        uint32_t *a = &r[(4 - i % 4) % 4];
        uint32_t b = r[(5 - i % 4) % 4], c = r[(6 - i % 4) % 4], d = r[(7 - i % 4) % 4];
        *a = rotl(*a + g(b, c, d) + x[order2[i]] + 0x5A827999u, shift2[i % 4]);
    }
    for (i = 0; i < 16; i++) {
        uint32_t *a = &r[(4 - i % 4) % 4];
        uint32_t b = r[(5 - i % 4) % 4], c = r[(6 - i % 4) % 4], d = r[(7 - i % 4) % 4];
        *a = rotl(*a + h(b, c, d) + x[order3[i]] + 0x6ED9EBA1u, shift3[i % 4]);
    }

    for (i = 0; i < 4; i++) {
        state[i] += r[i];
    }
    /* The message words are the secret itself (for the NT hash: the UTF-16 password). */
    sc_wipe(x, sizeof x);
    sc_wipe(r, sizeof r);
}

void sc_md4_init(sc_md4_ctx *ctx)
{
    ctx->state[0] = 0x67452301u;
    ctx->state[1] = 0xEFCDAB89u;
    ctx->state[2] = 0x98BADCFEu;
    ctx->state[3] = 0x10325476u;
    ctx->length = 0;
    memset(ctx->block, 0, sizeof ctx->block);
}

void sc_md4_update(sc_md4_ctx *ctx, const void *data, size_t size)
{
    const uint8_t *p = data;
    size_t used = (size_t)(ctx->length % 64);

    ctx->length += size;
    if (used != 0) {
        size_t take = 64 - used < size ? 64 - used : size;
        memcpy(ctx->block + used, p, take);
        p += take;
        size -= take;
        if (used + take < 64) {
            return;
        }
        transform(ctx->state, ctx->block);
    }
    while (size >= 64) {
        transform(ctx->state, p);
        p += 64;
        size -= 64;
    }
    if (size > 0) {
        memcpy(ctx->block, p, size);
    }
}

void sc_md4_final(sc_md4_ctx *ctx, uint8_t digest[SC_MD4_DIGEST_SIZE])
{
    /* Section 3.1 and 3.2: a one bit, zeros up to 56 mod 64, then the bit length as a
     * 64-bit little-endian number. */
    static const uint8_t padding[64] = {0x80};
    uint8_t length[8];
    uint64_t bits = ctx->length * 8u;
    size_t used = (size_t)(ctx->length % 64);
    unsigned i;

    for (i = 0; i < 8; i++) {
        length[i] = (uint8_t)(bits >> (8 * i));
    }
    sc_md4_update(ctx, padding, used < 56 ? 56 - used : 120 - used);
    sc_md4_update(ctx, length, sizeof length);
    for (i = 0; i < 4; i++) {
        store_le32(digest + 4 * i, ctx->state[i]);
    }
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
