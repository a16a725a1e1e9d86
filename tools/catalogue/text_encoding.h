// tools/catalogue: a text file's bytes as UTF-8 — UTF-8 with or without BOM, GB18030 / GBK (what
// Chinese Excel saves as "CSV"), UTF-16 with BOM (Excel's "Unicode text"); detected or forced
#pragma once

#include "core/base/result.h"

#include <string>
#include <string_view>

namespace lantai::core::catalogue_io {

inline constexpr const char* kCatalogueEncoding = "catalogue.encoding";

struct DecodedText {
    std::string text;     // UTF-8 without BOM
    std::string encoding; // "utf-8", "gb18030", "utf-16le", "utf-16be"
};

// `encoding` "" detects: a UTF-8 BOM or valid UTF-8 is UTF-8, a UTF-16 BOM is UTF-16, anything
// else is read as GB18030 (a superset of GBK and GB2312). "utf-8" or "gb18030" forces one.
// Bytes that are not text in the encoding are an error (catalogue.encoding) at their
// line:column, naming the encoding and how to save the file as UTF-8.
Result<DecodedText> decodeText(std::string_view bytes, const std::string& encoding,
                               const std::string& fileName);

} // namespace lantai::core::catalogue_io
