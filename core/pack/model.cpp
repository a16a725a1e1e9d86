// core/pack: lookups over the pack model (items, videos, questions, images, attract playlist)
#include "core/pack/model.h"

#include <unordered_set>

namespace lantai::core {

const char* questionTypeName(QuestionType type) {
    switch (type) {
    case QuestionType::Single:
        return "single";
    case QuestionType::Multiple:
        return "multiple";
    case QuestionType::TrueFalse:
        return "true_false";
    }
    return "single";
}

std::size_t Pack::itemCount() const {
    std::size_t n = 0;
    for (const auto& e : exhibitions)
        for (const auto& c : e.chapters)
            n += c.items.size();
    return n;
}

std::size_t Pack::questionCount() const {
    std::size_t n = 0;
    for (const auto& b : quizBanks)
        n += b.questions.size();
    return n;
}

const Item* Pack::findItem(const std::string& itemId) const {
    for (const auto& e : exhibitions)
        for (const auto& c : e.chapters)
            for (const auto& i : c.items)
                if (i.id == itemId) return &i;
    return nullptr;
}

const Chapter* Pack::findChapter(const std::string& chapterId) const {
    for (const auto& e : exhibitions)
        for (const auto& c : e.chapters)
            if (c.id == chapterId) return &c;
    return nullptr;
}

std::vector<NarrationOwner> Pack::narrationOwners() const {
    std::vector<NarrationOwner> out;
    for (const auto& e : exhibitions)
        for (const auto& c : e.chapters) {
            out.push_back({NarrationOwner::Kind::Chapter, c.id, &c.narration});
            for (const auto& i : c.items)
                out.push_back({NarrationOwner::Kind::Item, i.id, &i.narration});
        }
    for (const auto& b : quizBanks)
        for (const auto& q : b.questions)
            out.push_back({NarrationOwner::Kind::Question, q.id, &q.narration});
    return out;
}

const Video* Pack::findVideo(const std::string& videoId) const {
    for (const auto& v : videos)
        if (v.id == videoId) return &v;
    return nullptr;
}

const Question* Pack::findQuestion(const std::string& questionId) const {
    for (const auto& b : quizBanks)
        for (const auto& q : b.questions)
            if (q.id == questionId) return &q;
    return nullptr;
}

std::vector<const ImageRef*> Pack::allImages() const {
    std::vector<const ImageRef*> out;
    std::unordered_set<std::string> seen;
    auto add = [&](const ImageRef& image) {
        if (!image.file.empty() && seen.insert(image.file).second) out.push_back(&image);
    };
    for (const auto& e : exhibitions) {
        if (e.cover) add(*e.cover);
        for (const auto& c : e.chapters)
            for (const auto& i : c.items)
                for (const auto& img : i.images)
                    add(img);
    }
    for (const auto& v : videos)
        if (v.poster) add(*v.poster);
    for (const auto& b : quizBanks)
        for (const auto& q : b.questions) {
            if (q.image) add(*q.image);
            for (const auto& o : q.options)
                if (o.image) add(*o.image);
        }
    return out;
}

std::vector<AttractEntry> Pack::effectiveAttract() const {
    if (!attract.empty()) return attract;
    std::vector<AttractEntry> out;
    for (const auto& e : exhibitions)
        for (const auto& c : e.chapters)
            for (const auto& i : c.items)
                if (i.highlight)
                    out.push_back(AttractEntry{AttractEntry::Kind::Item, i.id, true, 0, i.source});
    return out;
}

} // namespace lantai::core
