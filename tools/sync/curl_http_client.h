// tools/sync: core::HttpClient on libcurl — timeouts, a bandwidth limit, resumable downloads
#pragma once

#include "core/fleet/http_client.h"

#include <cstdint>

namespace lantai::sync {

struct CurlOptions {
    std::int64_t maxRecvBytesPerSecond = 0; // 0: unlimited (CURLOPT_MAX_RECV_SPEED_LARGE)
    long connectTimeoutSeconds = 15;
    long lowSpeedSeconds = 60; // a transfer below 1 byte/s for this long is abandoned
    std::string userAgent = "lantai-sync";
};

// One curl easy handle, reused (keep-alive) for every request of a sync. Not thread-safe.
class CurlHttpClient : public core::HttpClient {
  public:
    explicit CurlHttpClient(CurlOptions options);
    ~CurlHttpClient() override;
    CurlHttpClient(const CurlHttpClient&) = delete;
    CurlHttpClient& operator=(const CurlHttpClient&) = delete;

    core::Result<core::HttpReply> get(const std::string& url, const std::string& ifNoneMatch,
                                      std::size_t maxBytes) override;
    core::Result<core::HttpReply> download(const std::string& url,
                                           const std::filesystem::path& part) override;
    core::Result<core::HttpReply> put(const std::string& url,
                                      const std::filesystem::path& file) override;

  private:
    void reset();
    void* m_curl = nullptr;
    CurlOptions m_options;
};

} // namespace lantai::sync
