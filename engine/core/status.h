#pragma once

#include <string>
#include <utility>
#include <variant>

namespace kafkascope {

// Errors are values in the engine (LevelDB's Status): no exception crosses the engine API.
class Status {
public:
    enum class Code { Ok, InvalidArgument, NotFound, AlreadyExists, Corruption, IoError };

    Status() = default;
    static Status ok() { return Status{}; }
    static Status invalidArgument(std::string msg) { return Status{Code::InvalidArgument, std::move(msg)}; }
    static Status notFound(std::string msg) { return Status{Code::NotFound, std::move(msg)}; }
    static Status alreadyExists(std::string msg) { return Status{Code::AlreadyExists, std::move(msg)}; }
    static Status corruption(std::string msg) { return Status{Code::Corruption, std::move(msg)}; }
    static Status ioError(std::string msg) { return Status{Code::IoError, std::move(msg)}; }

    [[nodiscard]] bool isOk() const { return m_code == Code::Ok; }
    [[nodiscard]] Code code() const { return m_code; }
    [[nodiscard]] const std::string &message() const { return m_message; }

private:
    Status(Code code, std::string msg) : m_code(code), m_message(std::move(msg)) {}
    Code m_code = Code::Ok;
    std::string m_message;
};

// A value or the Status that explains why there is none.
template <class T>
class Result {
public:
    Result(T value) : m_data(std::move(value)) {} // NOLINT(google-explicit-constructor)
    Result(Status status) : m_data(std::move(status)) {} // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool isOk() const { return std::holds_alternative<T>(m_data); }
    [[nodiscard]] const T &value() const & { return std::get<T>(m_data); }
    [[nodiscard]] T &value() & { return std::get<T>(m_data); }
    [[nodiscard]] T &&value() && { return std::get<T>(std::move(m_data)); }
    [[nodiscard]] Status status() const { return isOk() ? Status::ok() : std::get<Status>(m_data); }

private:
    std::variant<T, Status> m_data;
};

} // namespace kafkascope
