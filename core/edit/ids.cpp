// core/edit: slugs, unique ids and pack file names for new nodes and media
#include "core/edit/ids.h"

#include "core/base/json_reader.h"

#include <filesystem>

namespace lantai::core::edit {

namespace {

bool hasNonAscii(std::string_view text) {
    for (const char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return true;
    return false;
}

const char* fallbackPrefix(NodeKind kind) {
    switch (kind) {
    case NodeKind::Exhibition:
        return "exhibition";
    case NodeKind::Chapter:
        return "part";
    case NodeKind::Item:
        return "item";
    case NodeKind::Video:
        return "video";
    case NodeKind::QuizBank:
        return "quiz";
    case NodeKind::Question:
        return "q";
    case NodeKind::Pack:
        break;
    }
    return "pack";
}

} // namespace

std::string slugify(std::string_view text, std::size_t maxLength) {
    std::string slug;
    bool dash = false;
    for (const char c : text) {
        const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
            if (dash && !slug.empty()) slug += '-';
            dash = false;
            slug += lower;
        } else if (lower != '\'') {
            dash = true;
        }
    }
    if (slug.size() > maxLength) {
        slug.resize(maxLength);
        // Cut at a word boundary when one is close to the end.
        if (const auto cut = slug.rfind('-'); cut != std::string::npos && cut >= maxLength * 2 / 3)
            slug.resize(cut);
        while (!slug.empty() && slug.back() == '-')
            slug.pop_back();
    }
    return slug;
}

std::string titleSlug(const LocalizedText& title, const Transliterator* transliterator) {
    if (std::string slug = slugify(title.en); !slug.empty()) return slug;
    if (transliterator && hasNonAscii(title.zh))
        if (std::string slug = slugify(transliterator->toAscii(title.zh)); !slug.empty())
            return slug;
    return slugify(title.zh);
}

std::unordered_set<std::string> idsInUse(const Pack& pack, NodeKind kind) {
    std::unordered_set<std::string> ids;
    switch (kind) {
    case NodeKind::Exhibition:
        for (const auto& e : pack.exhibitions)
            ids.insert(e.id);
        break;
    case NodeKind::Chapter:
        for (const auto& e : pack.exhibitions)
            for (const auto& c : e.chapters)
                ids.insert(c.id);
        break;
    case NodeKind::Item:
        for (const auto& e : pack.exhibitions)
            for (const auto& c : e.chapters)
                for (const auto& i : c.items)
                    ids.insert(i.id);
        break;
    case NodeKind::Video:
        for (const auto& v : pack.videos)
            ids.insert(v.id);
        break;
    case NodeKind::QuizBank:
        for (const auto& b : pack.quizBanks)
            ids.insert(b.id);
        break;
    case NodeKind::Question:
        for (const auto& b : pack.quizBanks)
            for (const auto& q : b.questions)
                ids.insert(q.id);
        break;
    case NodeKind::Pack:
        ids.insert(pack.id);
        break;
    }
    return ids;
}

std::string uniqueId(const std::string& base, const std::unordered_set<std::string>& taken) {
    std::string id = base;
    for (int n = 2; taken.count(id); ++n)
        id = base + "-" + std::to_string(n);
    return id;
}

std::string newId(std::unordered_set<std::string>& taken, NodeKind kind, const LocalizedText& title,
                  const Transliterator* transliterator) {
    const std::string slug = titleSlug(title, transliterator);
    std::string id;
    if (!slug.empty() && isValidId(slug)) {
        id = uniqueId(slug, taken);
    } else {
        const std::string prefix = fallbackPrefix(kind);
        for (int n = 1; id.empty() || taken.count(id); ++n)
            id = prefix + "-" + std::to_string(n);
    }
    taken.insert(id);
    return id;
}

std::string newId(const Pack& pack, NodeKind kind, const LocalizedText& title,
                  const Transliterator* transliterator) {
    auto taken = idsInUse(pack, kind);
    return newId(taken, kind, title, transliterator);
}

std::string mediaFileName(std::string_view fileName, const Transliterator* transliterator) {
    const std::filesystem::path path{std::string(fileName)};
    std::string extension = slugify(path.extension().string(), 8);
    const std::string stem = path.stem().string();
    std::string slug = slugify(stem, 60);
    if (transliterator && hasNonAscii(stem)) slug = slugify(transliterator->toAscii(stem), 60);
    if (slug.empty()) slug = "file";
    return extension.empty() ? slug : slug + "." + extension;
}

std::string titleFromFileName(std::string_view fileName) {
    std::string title = std::filesystem::path{std::string(fileName)}.stem().string();
    for (char& c : title)
        if (c == '_' || c == '-') c = ' ';
    return title;
}

} // namespace lantai::core::edit
