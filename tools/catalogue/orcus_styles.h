// tools/catalogue: liborcus' styles interface reduced to what the catalogue needs — each cell
// format's number format code (how a date-formatted number is recognised)
#pragma once

#include <map>
#include <orcus/spreadsheet/import_interface.hpp>
#include <string>
#include <vector>

namespace lantai::core::catalogue_io {

// The code of XLSX's built-in number format `id` (14 "m/d/yyyy", 31 `yyyy"年"m"月"d"日"` in
// Chinese Excel, 49 "@", ...); "" for ids that are not built in.
std::string builtinNumberFormat(std::size_t id);

// Records number formats (id -> code) and the number format of every cell format (xf); every
// other style property (fonts, fills, borders, alignment, protection) is ignored.
class NumberFormatStyles final : public orcus::spreadsheet::iface::import_styles {
  public:
    // The number format code of cell format `xf` ("" for General / unknown).
    std::string formatOfXf(std::size_t xf) const;

    // fonts, fills, borders, protection: ignored
    void set_font_count(size_t) override {}
    void set_font_bold(bool) override {}
    void set_font_italic(bool) override {}
    void set_font_name(std::string_view) override {}
    void set_font_size(double) override {}
    void set_font_underline(orcus::spreadsheet::underline_t) override {}
    void set_font_underline_width(orcus::spreadsheet::underline_width_t) override {}
    void set_font_underline_mode(orcus::spreadsheet::underline_mode_t) override {}
    void set_font_underline_type(orcus::spreadsheet::underline_type_t) override {}
    void set_font_underline_color(orcus::spreadsheet::color_elem_t,
                                  orcus::spreadsheet::color_elem_t,
                                  orcus::spreadsheet::color_elem_t,
                                  orcus::spreadsheet::color_elem_t) override {}
    void set_font_color(orcus::spreadsheet::color_elem_t, orcus::spreadsheet::color_elem_t,
                        orcus::spreadsheet::color_elem_t,
                        orcus::spreadsheet::color_elem_t) override {}
    void set_strikethrough_style(orcus::spreadsheet::strikethrough_style_t) override {}
    void set_strikethrough_type(orcus::spreadsheet::strikethrough_type_t) override {}
    void set_strikethrough_width(orcus::spreadsheet::strikethrough_width_t) override {}
    void set_strikethrough_text(orcus::spreadsheet::strikethrough_text_t) override {}
    size_t commit_font() override { return m_fonts++; }
    void set_fill_count(size_t) override {}
    void set_fill_pattern_type(orcus::spreadsheet::fill_pattern_t) override {}
    void set_fill_fg_color(orcus::spreadsheet::color_elem_t, orcus::spreadsheet::color_elem_t,
                           orcus::spreadsheet::color_elem_t,
                           orcus::spreadsheet::color_elem_t) override {}
    void set_fill_bg_color(orcus::spreadsheet::color_elem_t, orcus::spreadsheet::color_elem_t,
                           orcus::spreadsheet::color_elem_t,
                           orcus::spreadsheet::color_elem_t) override {}
    size_t commit_fill() override { return m_fills++; }
    void set_border_count(size_t) override {}
    void set_border_style(orcus::spreadsheet::border_direction_t,
                          orcus::spreadsheet::border_style_t) override {}
    void set_border_color(orcus::spreadsheet::border_direction_t, orcus::spreadsheet::color_elem_t,
                          orcus::spreadsheet::color_elem_t, orcus::spreadsheet::color_elem_t,
                          orcus::spreadsheet::color_elem_t) override {}
    void set_border_width(orcus::spreadsheet::border_direction_t, double,
                          orcus::length_unit_t) override {}
    size_t commit_border() override { return m_borders++; }
    void set_cell_hidden(bool) override {}
    void set_cell_locked(bool) override {}
    void set_cell_print_content(bool) override {}
    void set_cell_formula_hidden(bool) override {}
    size_t commit_cell_protection() override { return m_protections++; }

    // number formats: recorded
    void set_number_format_count(size_t) override {}
    void set_number_format_identifier(size_t id) override;
    void set_number_format_code(std::string_view code) override;
    size_t commit_number_format() override;

    // cell formats: the number format of each is recorded
    void set_cell_xf_count(size_t) override {}
    void set_cell_style_xf_count(size_t) override {}
    void set_dxf_count(size_t) override {}
    void set_xf_font(size_t) override {}
    void set_xf_fill(size_t) override {}
    void set_xf_border(size_t) override {}
    void set_xf_protection(size_t) override {}
    void set_xf_number_format(size_t index) override { m_xfNumberFormat = index; }
    void set_xf_style_xf(size_t) override {}
    void set_xf_apply_alignment(bool) override {}
    void set_xf_horizontal_alignment(orcus::spreadsheet::hor_alignment_t) override {}
    void set_xf_vertical_alignment(orcus::spreadsheet::ver_alignment_t) override {}
    size_t commit_cell_xf() override;
    size_t commit_cell_style_xf() override;
    size_t commit_dxf() override;

    // named cell styles: ignored
    void set_cell_style_count(size_t) override {}
    void set_cell_style_name(std::string_view) override {}
    void set_cell_style_xf(size_t) override {}
    void set_cell_style_builtin(size_t) override {}
    void set_cell_style_parent_name(std::string_view) override {}
    size_t commit_cell_style() override { return m_cellStyles++; }

  private:
    std::map<std::size_t, std::string> m_formats; // number format id -> code
    std::vector<std::size_t> m_xfs;               // cell format -> number format id
    std::size_t m_formatId = 0;
    bool m_formatHasId = false;
    std::string m_formatCode;
    std::size_t m_formatCount = 0;
    std::size_t m_xfNumberFormat = 0;
    std::size_t m_styleXfs = 0;
    std::size_t m_dxfs = 0;
    std::size_t m_fonts = 0;
    std::size_t m_fills = 0;
    std::size_t m_borders = 0;
    std::size_t m_protections = 0;
    std::size_t m_cellStyles = 0;
};

} // namespace lantai::core::catalogue_io
