// core/quiz: imported questions as bank JSON text, and the bank file's text with them appended
#include "core/quiz/import_bank_text.h"

#include "core/pack/writer.h"

#include <cassert>

namespace lantai::core::quiz_import {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kChunkBytes = std::size_t{1} << 20;

// A question is an element of "questions", a member of the bank object: two levels deeper than a
// document of its own, so four more spaces after every line break of its own serialisation
// (JSON strings never hold a raw line break).
constexpr std::string_view kElementIndent = "\n    ";
constexpr std::string_view kIdLineStart = "{\n      \"id\": ";
constexpr std::string_view kIdLineEnd = ",\n";
// Between elements, and around them when the array was empty ("[]").
constexpr std::string_view kSeparator = ",\n    ";
constexpr std::string_view kOpenArray = "[\n    ";
constexpr std::string_view kCloseArray = "\n  ]";

std::string jsonString(const std::string& value) {
    std::string text = serializePackDocument(Json(value));
    text.pop_back(); // the document's final line break
    return text;
}

} // namespace

void BankQuestions::add(Question&& question, int line, std::string idHint) {
    Record record;
    record.line = line;
    std::string body;
    try {
        if (!question.id.empty()) record.id = jsonString(question.id);
        Json json = questionToJson(question);
        json.erase("id");
        const std::string own = serializePackDocument(json); // "{\n  \"type\": ...\n}\n"
        // Drop "{\n" and the final "\n"; the first line gets its indent like every other one.
        body.reserve(own.size() + own.size() / 8);
        body += "    ";
        for (std::size_t i = 2; i + 1 < own.size(); ++i) {
            if (own[i] == '\n')
                body += kElementIndent;
            else
                body += own[i];
        }
    } catch (const nlohmann::json::exception& e) {
        if (m_error.empty()) m_error = e.what();
        return;
    }
    if (record.id.empty()) record.hint = std::move(idHint);
    record.length = static_cast<std::uint32_t>(body.size());
    m_bytes += body.size();
    if (m_bytes > m_keepLimit) m_dropped = true;
    if (!m_dropped) {
        if (m_chunks.empty() || m_chunks.back().size() + body.size() > m_chunks.back().capacity()) {
            m_chunks.emplace_back();
            m_chunks.back().reserve(std::max(kChunkBytes, body.size()));
        }
        record.chunk = static_cast<std::uint32_t>(m_chunks.size() - 1);
        record.offset = static_cast<std::uint32_t>(m_chunks.back().size());
        m_chunks.back() += body;
    } else {
        m_chunks.clear();
        m_chunks.shrink_to_fit();
    }
    m_records.push_back(std::move(record));
}

void BankQuestions::assignIds(IdAllocator& ids) {
    for (auto& record : m_records)
        if (record.id.empty()) {
            record.id = jsonString(ids.generate(record.hint));
            record.hint = std::string();
        }
}

std::uint64_t BankQuestions::textSize(std::size_t index) const {
    const Record& r = m_records[index];
    return kIdLineStart.size() + r.id.size() + kIdLineEnd.size() + r.length;
}

std::string BankQuestions::textOf(const Record& r) const {
    std::string text;
    text.reserve(kIdLineStart.size() + r.id.size() + kIdLineEnd.size() + r.length);
    text += kIdLineStart;
    text += r.id;
    text += kIdLineEnd;
    text.append(m_chunks[r.chunk], r.offset, r.length);
    return text;
}

void BankQuestions::consume(
    const std::function<void(std::size_t index, std::string_view text)>& visit) {
    assert(kept());
    for (std::size_t i = 0; i < m_records.size(); ++i) {
        const Record& r = m_records[i];
        visit(i, textOf(r));
        const bool lastOfChunk = i + 1 == m_records.size() || m_records[i + 1].chunk != r.chunk;
        if (lastOfChunk) std::string().swap(m_chunks[r.chunk]);
    }
    m_dropped = true; // released: kept() no more
}

BankFileText::BankFileText(const nlohmann::ordered_json& document)
    : m_text(serializePackDocument(document)) {
    // "questions" is a member of the root object: the only key after a line break and exactly
    // two spaces (deeper members have more; strings hold no raw line breaks).
    constexpr std::string_view key = "\n  \"questions\": ";
    const std::size_t member = m_text.find(key);
    assert(member != std::string::npos);
    const std::size_t value = member + key.size();
    if (m_text.compare(value, 2, "[]") == 0) {
        m_emptyArray = true;
        m_at = value;
    } else {
        // The array's closing bracket is the first one at two spaces after the key.
        m_at = m_text.find(kCloseArray, value);
        assert(m_at != std::string::npos);
    }
}

std::uint64_t BankFileText::sizeWith(const BankQuestions& questions) const {
    const std::size_t n = questions.size();
    std::uint64_t size = m_text.size();
    for (std::size_t i = 0; i < n; ++i)
        size += questions.textSize(i);
    if (n == 0) return size;
    if (m_emptyArray)
        return size - 2 + kOpenArray.size() + (n - 1) * kSeparator.size() + kCloseArray.size();
    return size + n * kSeparator.size();
}

std::string BankFileText::withQuestions(
    BankQuestions& questions,
    const std::function<void(std::size_t index, std::string_view text)>& visit) const {
    std::string out;
    out.reserve(sizeWith(questions));
    out.append(m_text, 0, m_at);
    const bool none = questions.size() == 0;
    questions.consume([&](std::size_t index, std::string_view text) {
        visit(index, text);
        out += m_emptyArray && index == 0 ? kOpenArray : kSeparator;
        out += text;
    });
    if (m_emptyArray && !none) {
        out += kCloseArray;
        out.append(m_text, m_at + 2);
    } else {
        out.append(m_text, m_at);
    }
    return out;
}

} // namespace lantai::core::quiz_import
