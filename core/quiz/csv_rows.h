// core/quiz: CSV as Excel writes it — the delimiter of the header row, then one row at a time
#pragma once

#include "core/quiz/import_common.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core::quiz_import {

struct Cell {
    std::string value;
    std::size_t offset = 0;
};

struct Row {
    std::vector<Cell> cells;
    std::size_t offset = 0;
};

// The delimiter Excel used: the most frequent of , ; TAB on the first line (outside quotes).
char sniffDelimiter(std::string_view text);

// RFC 4180 as Excel writes it: quoted cells may hold delimiters, "" and line breaks (which become
// \n). One row at a time, so a large file is never held as cells all at once; quoting errors go
// to `report`. Views into `text`, which must outlive the reader.
class RowReader {
  public:
    RowReader(std::string_view text, char delimiter, Reporter& report)
        : m_text(text), m_delimiter(delimiter), m_report(report) {}

    // The next row (there is always a first one, if empty); false after the last.
    bool next(Row& row);

  private:
    Row read();

    std::string_view m_text;
    char m_delimiter;
    Reporter& m_report;
    std::size_t m_pos = 0;
    bool m_done = false;
};

} // namespace lantai::core::quiz_import
