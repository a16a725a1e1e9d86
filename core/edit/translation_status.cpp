// core/edit: walking every visitor text, the zh-when-en-written memory and the translation report
#include "core/edit/translation_status.h"

#include <cstdint>
#include <set>

namespace lantai::core::edit {

namespace {

using Visit = std::function<void(const FieldRef&, const LocalizedText&)>;

void image(const NodeRef& node, const std::string& at, const ImageRef& img, const Visit& visit) {
    visit({node, at + "/alt"}, img.alt);
    visit({node, at + "/caption"}, img.caption);
}

void question(const Question& q, const Visit& visit) {
    const NodeRef node = NodeRef::question(q.id);
    visit({node, "/prompt"}, q.prompt);
    if (q.image) image(node, "/image", *q.image, visit);
    for (std::size_t o = 0; o < q.options.size(); ++o) {
        const std::string at = "/options/" + std::to_string(o);
        visit({node, at + "/text"}, q.options[o].text);
        visit({node, at + "/feedback"}, q.options[o].feedback);
        if (q.options[o].image) image(node, at + "/image", *q.options[o].image, visit);
    }
    visit({node, "/feedback/true"}, q.feedbackTrue);
    visit({node, "/feedback/false"}, q.feedbackFalse);
    visit({node, "/explanation"}, q.explanation);
}

void item(const Item& i, const Visit& visit) {
    const NodeRef node = NodeRef::item(i.id);
    visit({node, "/title"}, i.title);
    visit({node, "/caption"}, i.caption);
    visit({node, "/description"}, i.description);
    visit({node, "/era"}, i.era);
    visit({node, "/holding"}, i.holding);
    for (std::size_t b = 0; b < i.badges.size(); ++b)
        visit({node, "/badges/" + std::to_string(b) + "/label"}, i.badges[b].label);
    visit({node, "/rights"}, i.rights);
    for (std::size_t m = 0; m < i.images.size(); ++m)
        image(node, "/images/" + std::to_string(m), i.images[m], visit);
}

} // namespace

void forEachText(const Pack& pack, const Visit& visit) {
    visit({NodeRef::pack(), "/title"}, pack.title);
    visit({NodeRef::pack(), "/organiser"}, pack.organiser);
    visit({NodeRef::pack(), "/event"}, pack.event);
    for (const auto& e : pack.exhibitions) {
        const NodeRef node = NodeRef::exhibition(e.id);
        visit({node, "/title"}, e.title);
        visit({node, "/subtitle"}, e.subtitle);
        visit({node, "/intro"}, e.intro);
        if (e.cover) image(node, "/cover", *e.cover, visit);
        for (const auto& c : e.chapters) {
            visit({NodeRef::chapter(c.id), "/title"}, c.title);
            visit({NodeRef::chapter(c.id), "/intro"}, c.intro);
            for (const auto& i : c.items)
                item(i, visit);
        }
    }
    for (const auto& v : pack.videos) {
        visit({NodeRef::video(v.id), "/title"}, v.title);
        visit({NodeRef::video(v.id), "/description"}, v.description);
    }
    for (const auto& b : pack.quizBanks) {
        visit({NodeRef::quizBank(b.id), "/title"}, b.title);
        visit({NodeRef::quizBank(b.id), "/category"}, b.category);
        for (const auto& q : b.questions)
            question(q, visit);
    }
}

std::string textHash(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    static const char* const kHex = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, hash >>= 4)
        out[static_cast<std::size_t>(i)] = kHex[hash & 0xF];
    return out;
}

std::optional<std::string> TranslationMemory::record(const std::string& key) const {
    const auto it = m_records.find(key);
    if (it == m_records.end()) return std::nullopt;
    return it->second;
}

void TranslationMemory::setRecord(const std::string& key, std::optional<std::string> zhHash) {
    if (zhHash)
        m_records[key] = std::move(*zhHash);
    else
        m_records.erase(key);
}

void TranslationMemory::addBaseline(const Pack& pack) {
    forEachText(pack, [&](const FieldRef& field, const LocalizedText& text) {
        if (text.en.empty()) return;
        m_records.try_emplace(toString(field), textHash(text.zh));
    });
}

void TranslationMemory::prune(const Pack& pack) {
    std::set<std::string> present;
    forEachText(pack, [&](const FieldRef& field, const LocalizedText&) {
        present.insert(toString(field));
    });
    std::erase_if(m_records, [&](const auto& entry) { return !present.count(entry.first); });
}

nlohmann::json TranslationMemory::toJson() const {
    nlohmann::json records = nlohmann::json::object();
    for (const auto& [key, hash] : m_records)
        records[key] = hash;
    return {{"format_version", 1}, {"zh_when_en_written", std::move(records)}};
}

TranslationMemory TranslationMemory::fromJson(const nlohmann::json& json) {
    TranslationMemory memory;
    if (!json.is_object()) return memory;
    const auto records = json.find("zh_when_en_written");
    if (records == json.end() || !records->is_object()) return memory;
    for (const auto& [key, hash] : records->items())
        if (hash.is_string()) memory.m_records[key] = hash.get<std::string>();
    return memory;
}

TranslationReport translationReport(const Pack& pack, const TranslationMemory& memory) {
    TranslationReport report;
    forEachText(pack, [&](const FieldRef& field, const LocalizedText& text) {
        if (text.empty()) return;
        ++report.textCount;
        TextFieldStatus status{field, false, false};
        if (text.en.empty()) {
            status.missingEnglish = !text.zh.empty();
        } else if (const auto hash = memory.record(toString(field))) {
            status.englishOutdated = *hash != textHash(text.zh);
        }
        report.missingCount += status.missingEnglish;
        report.outdatedCount += status.englishOutdated;
        if (status.missingEnglish || status.englishOutdated)
            report.fields.push_back(std::move(status));
    });
    return report;
}

} // namespace lantai::core::edit
