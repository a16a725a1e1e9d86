// core/base: Result<T> — a value or one Diagnostic; the one shape of an operational error in core
#pragma once

#include "core/base/diagnostic.h"

#include <cassert>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace lantai::core {

// An operation that can fail for reasons outside the program (a file that is missing or is a
// FIFO, a full disk, a database that cannot be opened) returns Result<T>: the value, or one
// Diagnostic with a stable code and a Chinese and an English sentence that archive staff can act
// on. Content problems that must all be listed (a pack's validation) stay in `Diagnostics`.
// Programmer mistakes are asserts, not Results: reading value() of a failed Result is one.
//
//   Result<std::string> text = readFile(path);
//   if (!text) { logError(formatDiagnostic(text.error(), false)); return; }
//   use(*text);
template <class T> class [[nodiscard]] Result {
  public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Diagnostic error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok());
        return std::get<0>(m_state);
    }
    const T& value() const& {
        assert(ok());
        return std::get<0>(m_state);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(m_state));
    }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T valueOr(T fallback) const& { return ok() ? value() : std::move(fallback); }

    // Like std::optional: equal to a value when it holds an equal one, never when it failed
    // (`EXPECT_EQ(store.countQuizResults(day), 6)`).
    template <class U>
    requires(!std::is_same_v<U, Result>) friend bool operator==(const Result& result,
                                                                const U& value) {
        return result.ok() && result.value() == value;
    }

    const Diagnostic& error() const& {
        assert(!ok());
        return std::get<1>(m_state);
    }
    Diagnostic&& error() && {
        assert(!ok());
        return std::get<1>(std::move(m_state));
    }

  private:
    std::variant<T, Diagnostic> m_state;
};

// Success without a value, or one Diagnostic.
template <> class [[nodiscard]] Result<void> {
  public:
    Result() = default;
    Result(Diagnostic error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error; }
    explicit operator bool() const { return ok(); }
    const Diagnostic& error() const& {
        assert(!ok());
        return *m_error;
    }
    Diagnostic&& error() && {
        assert(!ok());
        return std::move(*m_error);
    }

  private:
    std::optional<Diagnostic> m_error;
};

using Status = Result<void>;

// An error Diagnostic for an operational failure: stable `code`, the file it concerns (as the
// user gave it, or relative to the pack), and the English and Chinese sentences.
Diagnostic operationalError(std::string code, std::string file, std::string message,
                            std::string messageZh);

// The English sentence of a failed Result, for logs and places that still speak English only.
inline std::string errorText(const Diagnostic& d) {
    return d.message;
}

} // namespace lantai::core
