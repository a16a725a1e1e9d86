// tools/catalogue: inline strings and the date system of XLSX packages (orcus' zip and SAX parser)
#include "tools/catalogue/xlsx_package.h"

#include "tools/catalogue/orcus_reader.h"

#include <array>
#include <cstdint>
#include <map>
#include <orcus/sax_parser.hpp>
#include <orcus/zip_archive.hpp>
#include <orcus/zip_archive_stream.hpp>
#include <vector>

namespace lantai::core::catalogue_io {

namespace {

std::string_view entryText(const orcus::zip_archive& zip, std::string_view name,
                           std::vector<unsigned char>& buffer) {
    buffer.clear();
    if (!zip.read_file_entry(name, buffer)) return {};
    return {reinterpret_cast<const char*>(buffer.data()), buffer.size()};
}

// orcus' SAX parser reports an element's attributes before the element: they are kept here
// (copied: a decoded value lives in a temporary buffer) until start_element.
class AttributeCollector : public orcus::sax_handler {
  public:
    void attribute(const orcus::sax::parser_attribute& attribute) {
        m_attributes.push_back(
            {std::string(attribute.ns), std::string(attribute.name), std::string(attribute.value)});
    }

  protected:
    struct Attribute {
        std::string ns, name, value;
    };
    // The attributes of the element being opened; cleared for the next one.
    std::vector<Attribute> takeAttributes() {
        std::vector<Attribute> out;
        out.swap(m_attributes);
        return out;
    }

  private:
    std::vector<Attribute> m_attributes;
};

// xl/workbook.xml: the sheets' relationship ids in order, and the date system.
class WorkbookHandler : public AttributeCollector {
  public:
    std::vector<std::string> sheetRelations;
    bool date1904 = false;

    void start_element(const orcus::sax::parser_element& element) {
        for (const auto& a : takeAttributes()) {
            if (element.name == "sheet" && a.name == "id" && !a.ns.empty())
                sheetRelations.push_back(a.value);
            if (element.name == "workbookPr" && a.name == "date1904")
                date1904 = a.value == "1" || a.value == "true";
        }
    }
};

// xl/_rels/workbook.xml.rels: relationship id -> part name.
class RelationsHandler : public AttributeCollector {
  public:
    std::map<std::string, std::string> targets;

    void start_element(const orcus::sax::parser_element& element) {
        std::string id, target;
        for (const auto& a : takeAttributes()) {
            if (a.name == "Id") id = a.value;
            if (a.name == "Target") target = a.value;
        }
        if (element.name == "Relationship" && !id.empty() && !target.empty())
            targets[id] = target.starts_with("/") ? target.substr(1) : "xl/" + target;
    }
};

// A worksheet: <row r="N"><c r="B3" t="inlineStr"><is><t>text</t> or <r><t>run</t></r></is>.
class InlineStringHandler : public AttributeCollector {
  public:
    explicit InlineStringHandler(Sheet& sheet) : m_sheet(sheet) {}

    void start_element(const orcus::sax::parser_element& element) {
        const auto attributes = takeAttributes();
        if (element.name == "row") {
            ++m_row;
            m_column = -1;
            for (const auto& a : attributes)
                if (a.name == "r" && number(a.value) > 0) m_row = number(a.value) - 1;
        } else if (element.name == "c") {
            ++m_column;
            m_inline = false;
            m_text.clear();
            for (const auto& a : attributes) {
                if (a.name == "t") m_inline = a.value == "inlineStr";
                if (a.name == "r") cellReference(a.value);
            }
        } else if (element.name == "rPh") {
            m_inPhonetic = true;
        } else if (element.name == "t") {
            m_inText = m_inline && !m_inPhonetic;
        }
    }
    void end_element(const orcus::sax::parser_element& element) {
        if (element.name == "t") m_inText = false;
        if (element.name == "rPh") m_inPhonetic = false;
        if (element.name != "c") return;
        if (m_inline && m_row >= 0 && m_column >= 0 && !m_text.empty()) {
            auto& rows = m_sheet.rows;
            const auto r = static_cast<std::size_t>(m_row), c = static_cast<std::size_t>(m_column);
            if (rows.size() <= r) rows.resize(r + 1);
            if (rows[r].size() <= c) rows[r].resize(c + 1);
            rows[r][c].kind = CellKind::Text;
            rows[r][c].text = m_text;
        }
        m_inline = false;
    }
    void characters(std::string_view value, bool) {
        if (m_inText) m_text += value;
    }

  private:
    static int number(std::string_view text) {
        int value = 0;
        for (char c : text) {
            if (c < '0' || c > '9' || value > 1048576) return 0;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    // "B3" -> row 2, column 1.
    void cellReference(std::string_view ref) {
        int column = 0;
        std::size_t i = 0;
        for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && column <= 16384; ++i)
            column = column * 26 + (ref[i] - 'A' + 1);
        if (column > 0 && column <= 16384) m_column = column - 1;
        if (const int row = number(ref.substr(i)); row > 0) m_row = row - 1;
    }

    Sheet& m_sheet;
    int m_row = -1;
    int m_column = -1;
    bool m_inline = false;
    bool m_inText = false;
    bool m_inPhonetic = false;
    std::string m_text;
};

// The folder of the part a .rels file describes: "xl/_rels/workbook.xml.rels" -> "xl/",
// "_rels/.rels" -> "".
std::string sourceFolder(std::string_view relsName) {
    const std::size_t rels = relsName.rfind("_rels/");
    return std::string(relsName.substr(0, rels == std::string_view::npos ? 0 : rels));
}

// "/xl/worksheets/sheet1.xml" seen from "xl/" -> "worksheets/sheet1.xml"; from "xl/chartsheets/"
// -> "../worksheets/sheet1.xml".
std::string relativeTarget(const std::string& folder, std::string_view absolute) {
    std::string target(absolute.substr(1));
    std::string base = folder;
    std::string up;
    while (!base.empty() && !target.starts_with(base)) {
        base.pop_back(); // the trailing '/'
        const std::size_t slash = base.rfind('/');
        base = slash == std::string::npos ? std::string() : base.substr(0, slash + 1);
        up += "../";
    }
    return up + target.substr(base.size());
}

// A .rels part with its absolute Target="/..." values made relative.
std::string relativeRels(std::string_view xml, const std::string& folder) {
    std::string out;
    std::size_t pos = 0;
    static constexpr std::string_view kTarget = "Target=\"/";
    for (std::size_t at; (at = xml.find(kTarget, pos)) != std::string_view::npos;) {
        const std::size_t start = at + kTarget.size() - 1; // the '/'
        const std::size_t end = xml.find('"', start);
        if (end == std::string_view::npos) break;
        out.append(xml.substr(pos, start - pos));
        out += relativeTarget(folder, xml.substr(start, end - start));
        pos = end;
    }
    out.append(xml.substr(pos));
    return out;
}

std::uint32_t crc32(std::string_view data) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char byte : data)
        crc = table[(crc ^ byte) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

void put16(std::string& out, std::uint32_t value) {
    out += static_cast<char>(value & 0xFF);
    out += static_cast<char>((value >> 8) & 0xFF);
}

void put32(std::string& out, std::uint32_t value) {
    put16(out, value & 0xFFFF);
    put16(out, value >> 16);
}

// The entries as a ZIP archive without compression (what liborcus' reader needs, nothing more).
// Each entry's data is released once it is copied (a sheet's XML can be tens of megabytes).
std::string storedZip(std::vector<std::pair<std::string, std::string>> entries) {
    std::string out, directory;
    std::size_t total = 22;
    for (const auto& [name, data] : entries)
        total += 30 + 46 + 2 * name.size() + data.size();
    out.reserve(total);
    for (auto& [name, data] : entries) {
        const auto offset = static_cast<std::uint32_t>(out.size());
        const std::uint32_t crc = crc32(data);
        const auto size = static_cast<std::uint32_t>(data.size());
        const auto nameSize = static_cast<std::uint32_t>(name.size());
        put32(out, 0x04034b50);
        put16(out, 20);     // version needed
        put16(out, 0x0800); // UTF-8 names
        put16(out, 0);      // stored
        put32(out, 0);      // time, date
        put32(out, crc);
        put32(out, size);
        put32(out, size);
        put16(out, nameSize);
        put16(out, 0);
        out += name;
        out += data;
        std::string().swap(data);
        put32(directory, 0x02014b50);
        put16(directory, 20);
        put16(directory, 20);
        put16(directory, 0x0800);
        put16(directory, 0);
        put32(directory, 0);
        put32(directory, crc);
        put32(directory, size);
        put32(directory, size);
        put16(directory, nameSize);
        put32(directory, 0); // extra, comment lengths
        put32(directory, 0); // disk, internal attributes
        put32(directory, 0); // external attributes
        put32(directory, offset);
        directory += name;
    }
    const auto directoryOffset = static_cast<std::uint32_t>(out.size());
    out += directory;
    put32(out, 0x06054b50);
    put32(out, 0);
    put16(out, static_cast<std::uint32_t>(entries.size()));
    put16(out, static_cast<std::uint32_t>(entries.size()));
    put32(out, static_cast<std::uint32_t>(directory.size()));
    put32(out, directoryOffset);
    put16(out, 0);
    return out;
}

template <class Handler> void parseXml(std::string_view text, Handler& handler) {
    orcus::sax_parser<Handler> parser(text.data(), text.size(), handler);
    parser.parse();
}

} // namespace

std::optional<std::string> withRelativeTargets(std::string_view bytes) {
    try {
        orcus::zip_archive_stream_blob stream(reinterpret_cast<const uint8_t*>(bytes.data()),
                                              bytes.size());
        orcus::zip_archive zip(&stream);
        zip.load();
        std::vector<unsigned char> buffer;
        auto absolute = [&](const std::string& name) {
            return name.ends_with(".rels") &&
                   entryText(zip, name, buffer).find("Target=\"/") != std::string_view::npos;
        };
        // Only the small .rels parts first: most packages need no copy (and no inflating of
        // their sheets here).
        bool any = false;
        for (std::size_t i = 0; i < zip.get_file_entry_count() && !any; ++i)
            any = absolute(std::string(zip.get_file_entry_name(i)));
        if (!any) return std::nullopt;
        std::vector<std::pair<std::string, std::string>> entries;
        for (std::size_t i = 0; i < zip.get_file_entry_count(); ++i) {
            std::string name(zip.get_file_entry_name(i));
            std::string data(entryText(zip, name, buffer));
            if (name.ends_with(".rels") && data.find("Target=\"/") != std::string::npos)
                data = relativeRels(data, sourceFolder(name));
            entries.emplace_back(std::move(name), std::move(data));
        }
        return storedZip(std::move(entries));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

Status readXlsxPackageExtras(std::string_view bytes, Workbook& book) {
    try {
        orcus::zip_archive_stream_blob stream(reinterpret_cast<const uint8_t*>(bytes.data()),
                                              bytes.size());
        orcus::zip_archive zip(&stream);
        zip.load();
        std::vector<unsigned char> buffer;
        WorkbookHandler workbook;
        parseXml(entryText(zip, "xl/workbook.xml", buffer), workbook);
        for (auto& sheet : book.sheets)
            sheet.date1904 = workbook.date1904;
        RelationsHandler relations;
        parseXml(entryText(zip, "xl/_rels/workbook.xml.rels", buffer), relations);
        for (std::size_t i = 0; i < workbook.sheetRelations.size() && i < book.sheets.size(); ++i) {
            const auto target = relations.targets.find(workbook.sheetRelations[i]);
            if (target == relations.targets.end()) continue;
            const std::string_view xml = entryText(zip, target->second, buffer);
            if (xml.find("inlineStr") == std::string_view::npos) continue;
            InlineStringHandler cells(book.sheets[i]);
            parseXml(xml, cells);
        }
    } catch (const std::exception& e) {
        return operationalError(kCatalogueFileUnreadable, book.file,
                                std::string("The file cannot be read as XLSX (") + e.what() +
                                    "). Open it in Excel, WPS or LibreOffice and save it again.",
                                std::string("无法按 XLSX 格式读取该文件（") + e.what() +
                                    "）。请在 Excel、WPS 或 LibreOffice 中打开并重新保存。");
    }
    return {};
}

} // namespace lantai::core::catalogue_io
