// core/fleet: the HTTP seam of fleet sync — a conditional GET, a resumable download, a PUT
// (libcurl behind it in tools/sync; tests may put a fake in its place)
#pragma once

#include "core/base/result.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace lantai::core {

inline constexpr const char* kFleetUnreachable = "fleet.unreachable"; // DNS, connect, timeout
inline constexpr const char* kFleetHttpError = "fleet.http_error";    // a status other than asked

struct HttpReply {
    long status = 0;
    std::string etag;           // the ETag header, "" when none
    std::string body;           // get() only
    std::uint64_t received = 0; // body bytes received by this request (as sent: gzip)
};

// Every call blocks until the transfer ends. A transport failure (no route, refused, timeout,
// an interrupted transfer) is fleet.unreachable; any HTTP status is a reply, for the caller to
// judge. Threading: one thread at a time per client.
class HttpClient {
  public:
    virtual ~HttpClient() = default;

    // GET into memory, at most `maxBytes` (more is fleet.http_error). With `ifNoneMatch` set,
    // sends If-None-Match; a 304 reply has no body.
    virtual Result<HttpReply> get(const std::string& url, const std::string& ifNoneMatch,
                                  std::size_t maxBytes) = 0;
    // GET into `part`. When `part` already holds N bytes, asks for "Range: bytes=N-": a 206
    // reply is appended, a 200 reply replaces what was there. Returns the status of the reply.
    virtual Result<HttpReply> download(const std::string& url,
                                       const std::filesystem::path& part) = 0;
    // PUT the bytes of `file` to `url`.
    virtual Result<HttpReply> put(const std::string& url, const std::filesystem::path& file) = 0;
};

// `url` with a password in it ("https://booth:PASSWORD@host/…") shown as
// "https://booth:***@host/…", for messages and logs.
std::string redactUrl(const std::string& url);

// `base` + "/" + `path`, with exactly one slash between them.
std::string joinUrl(const std::string& base, const std::string& path);

} // namespace lantai::core
