// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace sc {

/// A password held only in memory, overwritten when it goes away so it does not linger in
/// freed heap pages or core dumps. Never printed: there is deliberately no stream operator.
class SecretString
{
public:
    SecretString() = default;
    explicit SecretString(std::string value) : m_value(std::move(value)) { }
    SecretString(const SecretString &other) : m_value(other.m_value) { }
    SecretString(SecretString &&other) noexcept : m_value(std::move(other.m_value)) { other.wipe(); }
    SecretString &operator=(const SecretString &other);
    SecretString &operator=(SecretString &&other) noexcept;
    ~SecretString() { wipe(); }

    bool empty() const { return m_value.empty(); }
    /// For handing to the transport; keep the view no longer than this object.
    std::string_view reveal() const { return m_value; }
    const char *c_str() const { return m_value.c_str(); }
    void wipe() noexcept;

private:
    std::string m_value;
};

/// Overwrites a buffer in a way the optimiser may not drop.
void secureZero(void *data, std::size_t size) noexcept;

} // namespace sc
