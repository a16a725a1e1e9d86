// tools/catalogue: text encodings of CSV files (glibc iconv for GB18030 and UTF-16)
#include "tools/catalogue/text_encoding.h"

#include "core/base/utf8.h"

#include <cerrno>
#include <iconv.h>

namespace lantai::core::catalogue_io {

namespace {

// The 1-based line of byte `offset` (LF, CRLF and CR end lines, as in every encoding read here).
int lineOf(std::string_view bytes, std::size_t offset) {
    int line = 1;
    for (std::size_t i = 0; i < offset && i < bytes.size(); ++i)
        if (bytes[i] == '\n' ||
            (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n')))
            ++line;
    return line;
}

Diagnostic encodingError(const std::string& fileName, int line, int column,
                         const std::string& encoding) {
    return Diagnostic{Severity::Error,
                      kCatalogueEncoding,
                      fileName,
                      "",
                      line,
                      column,
                      "The file is not " + encoding +
                          " text here. In Excel choose Save As -> \"CSV UTF-8 (Comma delimited)\" "
                          "and import again, or name the encoding with --encoding utf-8|gb18030.",
                      "此处的内容不是 " + encoding +
                          " 编码的文本。请在 Excel 中选择“另存为”->“CSV UTF-8（逗号分隔）”后重新"
                          "导入，或用 --encoding utf-8|gb18030 指定编码。"};
}

// Characters between the start of the line holding byte `offset` and the offset, counted in
// the decoded text so far (`decoded` ends where `offset` is).
int columnInDecoded(const std::string& decoded) {
    const std::size_t lastBreak = decoded.find_last_of("\r\n");
    const std::string_view line = lastBreak == std::string::npos
                                      ? std::string_view(decoded)
                                      : std::string_view(decoded).substr(lastBreak + 1);
    return static_cast<int>(codePointCount(line)) + 1;
}

Result<DecodedText> convert(std::string_view bytes, const char* from, const std::string& name,
                            const std::string& fileName) {
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == reinterpret_cast<iconv_t>(-1))
        return operationalError(kCatalogueEncoding, fileName,
                                std::string("This system cannot convert ") + name + " text.",
                                std::string("本系统无法转换 ") + name + " 编码的文本。");
    std::string out(bytes.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(bytes.data());
    std::size_t inLeft = bytes.size();
    char* outPtr = out.data();
    std::size_t outLeft = out.size();
    bool bad = false;
    while (inLeft > 0) {
        if (iconv(cd, &in, &inLeft, &outPtr, &outLeft) != static_cast<std::size_t>(-1)) continue;
        if (errno == E2BIG) {
            const std::size_t used = static_cast<std::size_t>(outPtr - out.data());
            out.resize(out.size() * 2);
            outPtr = out.data() + used;
            outLeft = out.size() - used;
            continue;
        }
        bad = true; // EILSEQ or EINVAL (truncated at the end)
        break;
    }
    iconv_close(cd);
    out.resize(static_cast<std::size_t>(outPtr - out.data()));
    if (bad) {
        const std::size_t offset = bytes.size() - inLeft;
        return encodingError(fileName, lineOf(bytes, offset), columnInDecoded(out), name);
    }
    return DecodedText{std::move(out), ""};
}

Result<DecodedText> utf8(std::string_view bytes, const std::string& fileName) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (const auto bad = findInvalidUtf8(bytes)) {
        const std::string prefix(bytes.substr(0, *bad));
        return encodingError(fileName, lineOf(bytes, *bad), columnInDecoded(prefix), "UTF-8");
    }
    return DecodedText{std::string(bytes), "utf-8"};
}

} // namespace

Result<DecodedText> decodeText(std::string_view bytes, const std::string& encoding,
                               const std::string& fileName) {
    if (encoding == "utf-8") return utf8(bytes, fileName);
    if (encoding == "gb18030") {
        auto decoded = convert(bytes, "GB18030", "GB18030", fileName);
        if (decoded) decoded->encoding = "gb18030";
        return decoded;
    }
    if (bytes.starts_with("\xEF\xBB\xBF") || !findInvalidUtf8(bytes)) return utf8(bytes, fileName);
    for (const auto& [bom, name] :
         {std::pair<std::string_view, const char*>{"\xFF\xFE", "UTF-16LE"},
          {"\xFE\xFF", "UTF-16BE"}})
        if (bytes.starts_with(bom)) {
            auto decoded = convert(bytes.substr(2), name, name, fileName);
            if (decoded) decoded->encoding = name[6] == 'L' ? "utf-16le" : "utf-16be";
            return decoded;
        }
    auto decoded = convert(bytes, "GB18030", "GB18030", fileName);
    if (decoded) {
        decoded->encoding = "gb18030";
        return decoded;
    }
    // Neither: report where UTF-8 fails, the encoding a file saved today should have.
    return utf8(bytes, fileName);
}

} // namespace lantai::core::catalogue_io
