// core/i18n: lookup in the one translation table (zh/en) with visible fallback, counts and dates
#include "core/i18n/ui_strings.h"

#include "core/pack/model.h"

#include <map>
#include <mutex>
#include <set>

namespace lantai::core {

namespace {

struct Table {
    Table() {
        for (const auto& e : allTextEntries()) {
            texts[e.key] = LocalizedText{e.zh, e.en};
            if (!isWebOnlyKey(e.key)) kiosk.push_back(e);
        }
    }
    std::map<std::string, LocalizedText, std::less<>> texts;
    std::vector<UiTextEntry> kiosk;
    std::mutex missingMutex;
    std::set<std::string, std::less<>> missing;
};

Table& table() {
    static Table t;
    return t;
}

void replaceAll(std::string& text, std::string_view from, std::string_view to) {
    if (from.empty()) return;
    for (std::size_t pos = text.find(from); pos != std::string::npos;
         pos = text.find(from, pos + to.size()))
        text.replace(pos, from.size(), to);
}

bool allDigits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

} // namespace

std::span<const UiTextEntry> allUiTextEntries() {
    return table().kiosk;
}

bool isWebOnlyKey(std::string_view key) {
    return key.starts_with("web.");
}

const std::string& uiText(std::string_view key, Language language) {
    Table& t = table();
    if (const auto it = t.texts.find(key); it != t.texts.end()) return it->second.get(language);
    std::lock_guard lock(t.missingMutex);
    return *t.missing.emplace(key).first;
}

bool hasUiText(std::string_view key) {
    return table().texts.find(key) != table().texts.end();
}

std::vector<std::string> missingUiTextKeys() {
    Table& t = table();
    std::lock_guard lock(t.missingMutex);
    return {t.missing.begin(), t.missing.end()};
}

std::string uiFormat(std::string_view key, Language language,
                     std::initializer_list<std::pair<std::string_view, std::string_view>> args) {
    std::string text = uiText(key, language);
    for (const auto& [name, value] : args)
        replaceAll(text, "{" + std::string(name) + "}", value);
    return text;
}

std::string uiCount(std::string_view key, long long n, Language language) {
    std::string chosen(key);
    if (n == 1 && hasUiText(chosen + ".one")) chosen += ".one";
    const std::string count = std::to_string(n);
    return uiFormat(chosen, language, {{"n", count}});
}

std::string allUiText() {
    std::string out;
    for (const auto& e : allUiTextEntries()) {
        out += e.zh;
        out += e.en;
    }
    return out;
}

std::string formatItemDate(std::string_view date, Language language) {
    const std::string_view y = date.substr(0, 4);
    if (date.size() != 4 && date.size() != 7 && date.size() != 10) return std::string(date);
    if (!allDigits(y)) return std::string(date);
    if (date.size() == 4) return uiFormat("date.year", language, {{"y", y}});
    if (date[4] != '-' || !allDigits(date.substr(5, 2))) return std::string(date);
    const int month = std::stoi(std::string(date.substr(5, 2)));
    if (month < 1 || month > 12) return std::string(date);
    const std::string& monthName = uiText("date.month." + std::to_string(month), language);
    if (date.size() == 7)
        return uiFormat("date.year_month", language, {{"y", y}, {"month", monthName}});
    if (date[7] != '-' || !allDigits(date.substr(8, 2))) return std::string(date);
    const int day = std::stoi(std::string(date.substr(8, 2)));
    if (day < 1 || day > 31) return std::string(date);
    const std::string d = std::to_string(day);
    return uiFormat("date.full", language, {{"y", y}, {"d", d}, {"month", monthName}});
}

std::string itemDateText(const Item& item, Language language) {
    if (!item.date.empty()) return formatItemDate(item.date, language);
    return item.era.get(language);
}

std::string badgeText(const Badge& badge, Language language) {
    if (!badge.label.empty()) return badge.label.get(language);
    switch (badge.kind) {
    case BadgeKind::Treasure:
        return uiText("badge.treasure", language);
    case BadgeKind::HeritageRegister:
        return uiText("badge.heritage_register", language);
    default:
        return {};
    }
}

} // namespace lantai::core
