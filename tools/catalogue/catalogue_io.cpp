// tools/catalogue: choosing the reader by content, and writing beside the target then renaming
#include "tools/catalogue/catalogue_io.h"

#include "core/base/file_io.h"
#include "tools/catalogue/csv_reader.h"
#include "tools/catalogue/orcus_reader.h"
#include "tools/catalogue/text_encoding.h"
#include "tools/catalogue/xlsx_writer.h"

#include <unistd.h>

namespace lantai::core::catalogue_io {

namespace fs = std::filesystem;

namespace {

bool zipHasEntryNamed(std::string_view bytes, std::string_view name) {
    // The local file headers of a ZIP name their entries in clear text.
    return bytes.find(name) != std::string_view::npos;
}

std::string lowerExtension(const fs::path& file) {
    std::string ext = file.extension().string();
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return ext;
}

} // namespace

Result<Workbook> readCatalogueBytes(std::string_view bytes, const std::string& shownName,
                                    const ReadOptions& options) {
    if (bytes.starts_with("PK\x03\x04")) {
        if (zipHasEntryNamed(bytes, "xl/workbook.xml"))
            return readOrcusWorkbook(bytes, WorkbookFormat::Xlsx, shownName);
        if (zipHasEntryNamed(bytes, "application/vnd.oasis.opendocument.spreadsheet") ||
            zipHasEntryNamed(bytes, "content.xml"))
            return readOrcusWorkbook(bytes, WorkbookFormat::Ods, shownName);
        return operationalError(kCatalogueFileUnreadable, shownName,
                                "The file is a ZIP archive but neither an XLSX nor an ODS "
                                "spreadsheet.",
                                "该文件是 ZIP 压缩包，但不是 XLSX 或 ODS 电子表格。");
    }
    if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        return operationalError(kCatalogueFileUnreadable, shownName,
                                "The file is an old Excel 97-2003 workbook (.xls) or a "
                                "password-protected one. Save it as .xlsx (without a password) "
                                "and import again.",
                                "该文件是旧版 Excel 97-2003 工作簿（.xls）或设有密码的工作簿。"
                                "请另存为 .xlsx（不设密码）后重新导入。");
    auto decoded = decodeText(bytes, options.encoding, shownName);
    if (!decoded) return std::move(decoded).error();
    const std::string sheetName = fs::path(shownName).stem().string();
    auto sheet = parseCsv(decoded->text, shownName, sheetName);
    if (!sheet) return std::move(sheet).error();
    Workbook book;
    book.file = shownName;
    book.sheets.push_back(std::move(*sheet));
    return book;
}

Result<Workbook> readCatalogueFile(const fs::path& file, const std::string& shownName,
                                   const ReadOptions& options) {
    Result<std::string> bytes = readFile(file, kMaxCatalogueFileBytes);
    if (!bytes) return showFileAs(std::move(bytes).error(), file, shownName);
    return readCatalogueBytes(*bytes, shownName, options);
}

Status writeCatalogueFile(const fs::path& file, const CatalogueTable& table) {
    if (lowerExtension(file) != ".xlsx") return writeFileAtomic(file, catalogueCsvText(table));
    const fs::path temporary = file.parent_path() / ("." + file.filename().string() + ".tmp-" +
                                                     std::to_string(::getpid()));
    if (Status written = writeCatalogueXlsx(temporary, table); !written) {
        std::error_code ec;
        fs::remove(temporary, ec);
        return written;
    }
    std::error_code ec;
    fs::rename(temporary, file, ec);
    if (ec) {
        fs::remove(temporary, ec);
        return operationalError(kFileWriteFailed, file.string(),
                                "Cannot write " + file.string() + ": " + ec.message() + ".",
                                "无法写入 " + file.string() + "：" + ec.message() + "。");
    }
    return {};
}

} // namespace lantai::core::catalogue_io
