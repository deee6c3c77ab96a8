// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessionerror.h"

#include <cassert>
#include <utility>
#include <variant>

namespace sc {

/// A value or a SessionError. std::expected would do, but it needs C++23, which the
/// mingw-w64 and Debian 12 toolchains we cross-build with do not enable by default.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) { }
    Result(SessionError error) : m_v(std::in_place_index<1>, std::move(error)) { }

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() &
    {
        assert(ok());
        return std::get<0>(m_v);
    }
    const T &value() const &
    {
        assert(ok());
        return std::get<0>(m_v);
    }
    T &&value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_v));
    }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const SessionError &error() const
    {
        assert(!ok());
        return std::get<1>(m_v);
    }

private:
    std::variant<T, SessionError> m_v;
};

/// Result of an operation with no value.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(SessionError error) : m_error(std::move(error)), m_ok(false) { }

    bool ok() const { return m_ok; }
    explicit operator bool() const { return ok(); }
    const SessionError &error() const
    {
        assert(!ok());
        return m_error;
    }

private:
    SessionError m_error;
    bool m_ok = true;
};

} // namespace sc
