// core/edit: untranslated texts and "English may be outdated" — which texts lack English, and
// whose Chinese changed after their English was last written
#pragma once

#include "core/base/result.h"
#include "core/edit/node_ref.h"
#include "core/pack/model.h"

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core::edit {

// Calls `visit` for every localised text of the pack a visitor reads, with the text's field
// (e.g. item:letter-1931/caption, question:q1/options/0/text), in pack order, whether or not
// it is empty.
void forEachText(
    const Pack& pack,
    const std::function<void(const FieldRef& field, const LocalizedText& text)>& visit);

// A short stable hash of a text (FNV-1a 64, 16 hex digits).
std::string textHash(std::string_view text);

// For each text field (key: toString(FieldRef)), the hash of its Chinese text at the time its
// English was last written. English is "outdated" when the Chinese hash differs now.
//
// Persistence: `.lantai-edit/translation.json` next to pack.json, written at every save
// ({"format_version": 1, "zh_when_en_written": {"item:x/caption": "9c1f…", …}}); edits since the
// last save are in the journal, whose replay sets the same records again. A text with English
// that has no record (a pack written by hand, or English typed outside the editor) gets one
// when the session opens: its Chinese as it is then.
class TranslationMemory {
  public:
    std::optional<std::string> record(const std::string& key) const;
    void setRecord(const std::string& key, std::optional<std::string> zhHash);
    const std::map<std::string, std::string>& records() const { return m_records; }

    // Records the current Chinese of every text with English that has no record yet.
    void addBaseline(const Pack& pack);
    // Keeps only the records of texts the pack still has.
    void prune(const Pack& pack);

    nlohmann::json toJson() const;
    // Reads the sidecar; an unreadable one gives an empty memory (the baseline follows).
    static TranslationMemory fromJson(const nlohmann::json& json);

  private:
    std::map<std::string, std::string> m_records;
};

struct TextFieldStatus {
    FieldRef field;
    bool missingEnglish = false;  // Chinese given, English empty (the kiosk falls back to zh)
    bool englishOutdated = false; // English given, Chinese changed since it was written
};

struct TranslationReport {
    std::size_t textCount = 0; // texts with any content
    std::size_t missingCount = 0;
    std::size_t outdatedCount = 0;
    std::vector<TextFieldStatus> fields; // only the texts that need work, in pack order
};

TranslationReport translationReport(const Pack& pack, const TranslationMemory& memory);

} // namespace lantai::core::edit
