// core/pack: walks a pack's visitor-facing texts; collects their characters; checks
// derived/charset.txt against them
#include "core/pack/charset.h"

#include "core/base/file_io.h"
#include "core/base/utf8.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace lantai::core {

void addCharacters(std::string_view text, std::set<char32_t>& out) {
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = nextCodePoint(text, pos);
        if (cp >= 0x20) out.insert(cp);
    }
}

namespace {

// Walks one owner (the pack, an exhibition, an item ...): every text is reported with its
// pointer below the owner's.
class TextWalker {
  public:
    TextWalker(const std::function<void(const PackText&)>& visit, const SourceRef& owner,
               const char* kind, const char* kindZh, std::string_view id)
        : m_visit(visit), m_owner(owner), m_kind(kind), m_kindZh(kindZh), m_id(id) {}

    void plain(const std::string& field, std::string_view text) const {
        if (text.empty()) return;
        PackText t;
        t.at = {m_owner.file, m_owner.pointer + "/" + field};
        t.text = text;
        t.kind = m_kind;
        t.kindZh = m_kindZh;
        t.id = m_id;
        t.field = field;
        m_visit(t);
    }
    void text(const std::string& field, const LocalizedText& text) const {
        plain(field + "/zh", text.zh);
        plain(field + "/en", text.en);
    }
    void image(const std::string& field, const ImageRef& image) const {
        text(field + "/alt", image.alt);
        text(field + "/caption", image.caption);
    }

  private:
    const std::function<void(const PackText&)>& m_visit;
    const SourceRef& m_owner;
    const char* m_kind;
    const char* m_kindZh;
    std::string_view m_id;
};

std::string indexed(const char* field, std::size_t i) {
    return std::string(field) + "/" + std::to_string(i);
}

void walkItem(const Item& i, const std::function<void(const PackText&)>& visit) {
    const TextWalker w(visit, i.source, "item", "展品", i.id);
    w.text("title", i.title);
    w.text("caption", i.caption);
    w.text("description", i.description);
    w.text("era", i.era);
    w.text("holding", i.holding);
    w.text("rights", i.rights);
    w.plain("reference", i.reference);
    w.plain("date", i.date);
    for (std::size_t k = 0; k < i.tags.size(); ++k)
        w.plain(indexed("tags", k), i.tags[k]);
    for (std::size_t k = 0; k < i.badges.size(); ++k)
        w.text(indexed("badges", k) + "/label", i.badges[k].label);
    for (std::size_t k = 0; k < i.images.size(); ++k)
        w.image(indexed("images", k), i.images[k]);
}

void walkQuestion(const Question& q, const std::function<void(const PackText&)>& visit) {
    const TextWalker w(visit, q.source, "question", "题目", q.id);
    w.text("prompt", q.prompt);
    w.text("explanation", q.explanation);
    w.text("feedback_true", q.feedbackTrue);
    w.text("feedback_false", q.feedbackFalse);
    if (q.image) w.image("image", *q.image);
    for (std::size_t k = 0; k < q.options.size(); ++k) {
        const QuizOption& o = q.options[k];
        const std::string option = indexed("options", k);
        w.text(option + "/text", o.text);
        w.text(option + "/feedback", o.feedback);
        if (o.image) w.image(option + "/image", *o.image);
    }
}

} // namespace

void forEachPackText(const Pack& pack, const std::function<void(const PackText&)>& visit) {
    const SourceRef root{"pack.json", ""};
    const TextWalker p(visit, root, "pack", "内容包", "");
    p.text("title", pack.title);
    p.text("organiser", pack.organiser);
    p.text("event", pack.event);
    for (const auto& e : pack.exhibitions) {
        const TextWalker w(visit, e.source, "exhibition", "展览", e.id);
        w.text("title", e.title);
        w.text("subtitle", e.subtitle);
        w.text("intro", e.intro);
        if (e.cover) w.image("cover", *e.cover);
        for (const auto& c : e.chapters) {
            const TextWalker cw(visit, c.source, "chapter", "章节", c.id);
            cw.text("title", c.title);
            cw.text("intro", c.intro);
            for (const auto& i : c.items)
                walkItem(i, visit);
        }
    }
    for (const auto& v : pack.videos) {
        const TextWalker w(visit, v.source, "video", "视频", v.id);
        w.text("title", v.title);
        w.text("description", v.description);
    }
    for (const auto& bank : pack.quizBanks) {
        const SourceRef bankRoot{bank.file, ""};
        const TextWalker w(visit, bankRoot, "quiz bank", "题库", bank.id);
        w.text("title", bank.title);
        w.text("category", bank.category);
        for (const auto& q : bank.questions)
            walkQuestion(q, visit);
    }
}

std::set<char32_t> collectPackCharacters(const Pack& pack) {
    // A bitmap over every code point (136 KB) instead of a tree insert per character: a
    // 1000-item pack has hundreds of thousands of characters but a few thousand distinct ones.
    std::vector<bool> seen(0x110000, false);
    std::vector<char32_t> found;
    auto add = [&](char32_t cp) {
        if (cp >= 0x20 && cp < 0x110000 && !seen[cp]) {
            seen[cp] = true;
            found.push_back(cp);
        }
    };
    for (char32_t c = 0x20; c < 0x7F; ++c)
        add(c);
    forEachPackText(pack, [&add](const PackText& t) {
        const std::string_view text = t.text;
        for (std::size_t pos = 0; pos < text.size();)
            add(nextCodePoint(text, pos));
    });
    std::sort(found.begin(), found.end());
    return std::set<char32_t>(found.begin(), found.end()); // sorted input: linear time
}

std::string charactersToUtf8(const std::set<char32_t>& characters) {
    std::string out;
    out.reserve(characters.size() * 3);
    for (char32_t cp : characters)
        appendUtf8(out, cp);
    return out;
}

std::string listCharacters(const std::vector<char32_t>& characters, bool chinese,
                           std::size_t shown) {
    std::string out;
    for (std::size_t i = 0; i < characters.size() && i < shown; ++i) {
        if (i > 0) out += chinese ? "、" : ", ";
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(characters[i]));
        // The character itself, unless a terminal would show nothing or a box for it.
        const char32_t c = characters[i];
        const bool privateUse = (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000;
        if (c > 0x20 && !(c >= 0x7F && c < 0xA0) && !privateUse) {
            appendUtf8(out, characters[i]);
            out += " ";
        }
        out += code;
    }
    if (characters.size() > shown) {
        if (chinese)
            out += " 等 " + std::to_string(characters.size()) + " 个";
        else
            out += " and " + std::to_string(characters.size() - shown) + " more";
    }
    return out;
}

void checkCharsetCurrent(const Pack& pack, Diagnostics& diagnostics) {
    const std::string file = "derived/charset.txt";
    auto onDisk = readFile(pack.root / file);
    if (!onDisk && onDisk.error().code == kFileMissing) return;
    const auto expected = collectPackCharacters(pack);
    if (!onDisk) {
        const Diagnostic why = showFileAs(onDisk.error(), pack.root / file, file);
        diagnostics.add({Severity::Warning, "derived.charset_stale", file, "", 0, 0,
                         why.message + " Run `lantai build` again.",
                         why.messageZh + "请重新运行 `lantai build`。"});
        return;
    }
    if (*onDisk == charactersToUtf8(expected)) return;
    std::set<char32_t> listed;
    addCharacters(*onDisk, listed);
    std::vector<char32_t> lacking;
    for (char32_t cp : expected)
        if (!listed.count(cp)) lacking.push_back(cp);
    std::string detail = "it was written for an older pack.json";
    std::string detailZh = "它是为旧版 pack.json 生成的";
    if (!lacking.empty()) {
        detail += " and lacks " + std::to_string(lacking.size()) +
                  (lacking.size() == 1 ? " character" : " characters") +
                  " the pack's text now uses (" + listCharacters(lacking, false) + ")";
        detailZh += "，缺少内容包文字现在用到的 " + std::to_string(lacking.size()) + " 个字符（" +
                    listCharacters(lacking, true) + "）";
    }
    diagnostics.add(
        {Severity::Warning, "derived.charset_stale", file, "", 0, 0,
         "derived/charset.txt is out of date: " + detail + ". Run `lantai build` again.",
         "derived/charset.txt 已过期：" + detailZh + "。请重新运行 `lantai build`。"});
}

} // namespace lantai::core
