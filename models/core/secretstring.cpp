// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstring.h"

#if defined(_WIN32)
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#else
#include <string.h>
#endif

namespace sc {

SecretString &SecretString::operator=(const SecretString &other)
{
    if (this != &other) {
        // Wiped first: the assignment may move to a new buffer and free the old one.
        wipe();
        m_value = other.m_value;
    }
    return *this;
}

SecretString &SecretString::operator=(SecretString &&other) noexcept
{
    if (this != &other) {
        wipe();
        m_value = std::move(other.m_value);
        other.wipe();
    }
    return *this;
}

void SecretString::wipe() noexcept
{
    // The whole capacity, not just size(): a moved-from or shortened string keeps old
    // characters beyond its end (short strings live inside the object itself). resize()
    // within the capacity never reallocates, so this is the buffer the secret was in.
    m_value.resize(m_value.capacity());
    secureZero(m_value.data(), m_value.size());
    m_value.clear();
}

void secureZero(void *data, std::size_t size) noexcept
{
    if (data == nullptr || size == 0) {
        return;
    }
#if defined(_WIN32)
    SecureZeroMemory(data, size);
#elif defined(__GLIBC__) || defined(__FreeBSD__) || defined(__OpenBSD__)
    explicit_bzero(data, size);
#else
    // Writes through a volatile pointer, then a compiler barrier that claims to read the
    // buffer, so the stores cannot be treated as dead.
    volatile unsigned char *p = static_cast<volatile unsigned char *>(data);
    for (std::size_t i = 0; i < size; ++i) {
        p[i] = 0;
    }
    __asm__ __volatile__("" : : "r"(data) : "memory");
#endif
}

} // namespace sc
