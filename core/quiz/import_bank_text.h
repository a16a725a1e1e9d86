// core/quiz: imported questions as bank JSON text, and the bank file's text with them appended
#pragma once

#include "core/quiz/import_common.h"

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core::quiz_import {

// The questions of an import as the JSON text they will have in the bank file. Each question is
// serialised when the parser hands it over and only its text is kept (a Question struct with its
// options takes some 2 KB; the text is a few hundred bytes), in 1 MB chunks that are released as
// the bank's text is built, so the questions are held about once. Ids the file does not name are
// filled in once the whole file is read (assignIds). Text past `keepLimit` bytes is measured, not
// kept: such a bank is refused as too large anyway.
//
// Not thread-safe; one import at a time.
class BankQuestions : public QuestionSink {
  public:
    explicit BankQuestions(std::uint64_t keepLimit) : m_keepLimit(keepLimit) {}
    void add(Question&& question, int line, std::string idHint) override;

    std::size_t size() const { return m_records.size(); }
    int line(std::size_t index) const { return m_records[index].line; }
    // The first question that could not be serialised (a text that is not UTF-8), or empty.
    const std::string& error() const { return m_error; }
    // Every question without an id gets one from `ids`, in file order.
    void assignIds(IdAllocator& ids);
    // Bytes of question `index` as bank text (what text() gives).
    std::uint64_t textSize(std::size_t index) const;
    // Whether every question's text was kept (the total stayed within `keepLimit`).
    bool kept() const { return !m_dropped; }

    // Calls `visit` with each question's text in file order, an element of the bank's "questions"
    // indented for its place ("{\n      \"id\": ...\n    }"), releasing each chunk once it is
    // visited: the texts can be visited once (lines and sizes stay). Requires kept().
    void consume(const std::function<void(std::size_t index, std::string_view text)>& visit);

  private:
    struct Record {
        std::uint32_t chunk = 0;
        std::uint32_t offset = 0; // in the chunk; the text after "{\n" and the id line
        std::uint32_t length = 0;
        int line = 0;
        std::string id;   // as JSON ("\"x\""), empty until known
        std::string hint; // for a generated id
    };
    std::string textOf(const Record& record) const;

    std::uint64_t m_keepLimit;
    std::uint64_t m_bytes = 0;
    bool m_dropped = false;
    std::string m_error;
    std::vector<std::string> m_chunks;
    std::vector<Record> m_records;
};

// A bank file's text with the place where appended questions go, so that the file written is
// byte for byte what serialising the whole document with the questions appended would give
// (serializePackDocument), without building that document.
class BankFileText {
  public:
    // `document`: the bank as it is (its "questions" an array), or for a new bank quizBankToJson
    // of the bank without questions. Throws what serializePackDocument throws.
    explicit BankFileText(const nlohmann::ordered_json& document);
    // The bank without the new questions (for a new bank: its head, at the lines it will have).
    const std::string& text() const { return m_text; }
    std::uint64_t sizeWith(const BankQuestions& questions) const;
    // The bank with `questions` appended; `visit` sees each question's text on the way
    // (BankQuestions::consume).
    std::string
    withQuestions(BankQuestions& questions,
                  const std::function<void(std::size_t index, std::string_view text)>& visit) const;

  private:
    std::string m_text;
    std::size_t m_at = 0; // where the new elements go
    bool m_emptyArray = false;
};

} // namespace lantai::core::quiz_import
