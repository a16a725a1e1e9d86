// tools/catalogue: number formats of XLSX / ODS cells (built-in ids and custom codes)
#include "tools/catalogue/orcus_styles.h"

namespace lantai::core::catalogue_io {

std::string builtinNumberFormat(std::size_t id) {
    // ECMA-376 part 1, 18.8.30, with the Chinese (zh-CN) locale's date ids 27-36 and 50-58.
    static const std::map<std::size_t, std::string> kBuiltin = {
        {0, "General"},
        {1, "0"},
        {2, "0.00"},
        {3, "#,##0"},
        {4, "#,##0.00"},
        {9, "0%"},
        {10, "0.00%"},
        {11, "0.00E+00"},
        {12, "# ?/?"},
        {13, "# ?\?/?\?"},
        {14, "m/d/yyyy"},
        {15, "d-mmm-yy"},
        {16, "d-mmm"},
        {17, "mmm-yy"},
        {18, "h:mm AM/PM"},
        {19, "h:mm:ss AM/PM"},
        {20, "h:mm"},
        {21, "h:mm:ss"},
        {22, "m/d/yyyy h:mm"},
        {27, "yyyy\"年\"m\"月\""},
        {28, "m\"月\"d\"日\""},
        {29, "m\"月\"d\"日\""},
        {30, "m-d-yy"},
        {31, "yyyy\"年\"m\"月\"d\"日\""},
        {32, "h\"时\"mm\"分\""},
        {33, "h\"时\"mm\"分\"ss\"秒\""},
        {34, "上午/下午h\"时\"mm\"分\""},
        {35, "上午/下午h\"时\"mm\"分\"ss\"秒\""},
        {36, "yyyy\"年\"m\"月\""},
        {37, "#,##0 ;(#,##0)"},
        {38, "#,##0 ;[Red](#,##0)"},
        {39, "#,##0.00;(#,##0.00)"},
        {40, "#,##0.00;[Red](#,##0.00)"},
        {45, "mm:ss"},
        {46, "[h]:mm:ss"},
        {47, "mmss.0"},
        {48, "##0.0E+0"},
        {49, "@"},
        {50, "yyyy\"年\"m\"月\""},
        {51, "m\"月\"d\"日\""},
        {52, "yyyy\"年\"m\"月\""},
        {53, "m\"月\"d\"日\""},
        {54, "m\"月\"d\"日\""},
        {55, "上午/下午h\"时\"mm\"分\""},
        {56, "上午/下午h\"时\"mm\"分\"ss\"秒\""},
        {57, "yyyy\"年\"m\"月\""},
        {58, "m\"月\"d\"日\""},
    };
    const auto it = kBuiltin.find(id);
    return it == kBuiltin.end() ? std::string() : it->second;
}

std::string NumberFormatStyles::formatOfXf(std::size_t xf) const {
    const std::size_t id = xf < m_xfs.size() ? m_xfs[xf] : 0;
    if (const auto it = m_formats.find(id); it != m_formats.end()) return it->second;
    return builtinNumberFormat(id);
}

void NumberFormatStyles::set_number_format_identifier(size_t id) {
    m_formatId = id;
    m_formatHasId = true;
}

void NumberFormatStyles::set_number_format_code(std::string_view code) {
    m_formatCode = code;
}

size_t NumberFormatStyles::commit_number_format() {
    // XLSX names each custom format's id; ODS does not, and refers to it by commit order.
    const std::size_t key = m_formatHasId ? m_formatId : m_formatCount;
    m_formats[key] = m_formatCode;
    ++m_formatCount;
    m_formatHasId = false;
    m_formatCode.clear();
    return key;
}

size_t NumberFormatStyles::commit_cell_xf() {
    m_xfs.push_back(m_xfNumberFormat);
    m_xfNumberFormat = 0;
    return m_xfs.size() - 1;
}

size_t NumberFormatStyles::commit_cell_style_xf() {
    m_xfNumberFormat = 0;
    return m_styleXfs++;
}

size_t NumberFormatStyles::commit_dxf() {
    m_xfNumberFormat = 0;
    return m_dxfs++;
}

} // namespace lantai::core::catalogue_io
