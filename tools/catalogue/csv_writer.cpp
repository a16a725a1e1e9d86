// tools/catalogue: the export table as CSV for Excel (UTF-8 with BOM, CRLF)
#include "tools/catalogue/catalogue_io.h"

namespace lantai::core::catalogue_io {

namespace {

void appendField(std::string& out, const std::string& field) {
    const bool quote = field.find_first_of(",\"\r\n;\t") != std::string::npos ||
                       (!field.empty() && (field.front() == ' ' || field.back() == ' '));
    if (!quote) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

} // namespace

std::string catalogueCsvText(const CatalogueTable& table) {
    std::string out = "\xEF\xBB\xBF";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        if (c > 0) out += ',';
        appendField(out, exportedHeader(table.columns[c]));
    }
    out += "\r\n";
    for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c > 0) out += ',';
            appendField(out, row[c]);
        }
        out += "\r\n";
    }
    return out;
}

} // namespace lantai::core::catalogue_io
