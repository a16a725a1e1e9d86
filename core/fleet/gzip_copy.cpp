// core/fleet: gzip copies of text objects (zlib's deflate with the gzip wrapper)
#include "core/fleet/gzip_copy.h"

#include "core/base/file_io.h"

#include <string>
#include <zlib.h>

namespace lantai::core {

namespace fs = std::filesystem;

std::string gzipBytes(std::string_view data) {
    z_stream stream{};
    // 15 + 16: a gzip header and trailer around the deflate stream.
    deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&stream, static_cast<uLong>(data.size())) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

Status writeGzipCopy(const fs::path& file, std::string_view data) {
    const fs::path gz = file.string() + ".gz";
    std::error_code ec;
    if (fs::exists(gz, ec)) return {};
    return writeFileAtomic(gz, gzipBytes(data));
}

} // namespace lantai::core
