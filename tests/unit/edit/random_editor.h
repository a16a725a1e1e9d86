// tests: random edits for the edit model's property test — each step one change through the
// session's API (fields, texts, structure, batch edits, media, quiz import), chosen by a seeded RNG
#pragma once

#include "core/edit/edit_session.h"
#include "core/edit/translation_status.h"
#include "tests/unit/edit/edit_test_support.h"

#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace lantai::core::edit::test_support {

// Generates random edits against the session's current pack.
class RandomEditor {
  public:
    RandomEditor(EditSession& session, std::uint32_t seed, std::filesystem::path scratch)
        : m_session(session), m_rng(seed), m_scratch(std::move(scratch)) {
        lantai::test::writeTestImage(m_scratch / "scan.png");
    }

    // One random change through the session's API; false when the session refused it.
    bool step() {
        m_coalescible = false;
        switch (pick(16)) {
        case 0:
        case 1:
        case 2:
            return text();
        case 3:
        case 4:
            return itemField();
        case 5:
            return questionField();
        case 6:
            return packField();
        case 7:
            return add();
        case 8:
            return duplicate();
        case 9:
            return remove();
        case 10:
        case 11:
            return move();
        case 12:
            return batch();
        case 13:
            return media();
        case 14:
            return importQuiz();
        default:
            return text();
        }
    }

    std::size_t pick(std::size_t n) { return n == 0 ? 0 : m_rng() % n; }
    bool lastCoalescible() const { return m_coalescible; }
    bool chance(int percent) { return static_cast<int>(pick(100)) < percent; }

  private:
    std::string word() {
        static const char* const kWords[] = {"档案", "兰台", "Letter", "1931",      "",     "家书",
                                             "map",  "日记", "O'Neil", "报纸 1949", "café", "x"};
        std::string out = kWords[pick(std::size(kWords))];
        if (chance(30)) out += " " + std::string(kWords[pick(std::size(kWords))]);
        return out;
    }

    template <class T> const T* any(const std::vector<const T*>& list) {
        return list.empty() ? nullptr : list[pick(list.size())];
    }
    std::vector<const Item*> items() const {
        std::vector<const Item*> out;
        for (const auto& e : m_session.pack().exhibitions)
            for (const auto& c : e.chapters)
                for (const auto& i : c.items)
                    out.push_back(&i);
        return out;
    }
    std::vector<const Chapter*> chapters() const {
        std::vector<const Chapter*> out;
        for (const auto& e : m_session.pack().exhibitions)
            for (const auto& c : e.chapters)
                out.push_back(&c);
        return out;
    }
    std::vector<const Question*> questions() const {
        std::vector<const Question*> out;
        for (const auto& b : m_session.pack().quizBanks)
            for (const auto& q : b.questions)
                out.push_back(&q);
        return out;
    }

    std::uint64_t activation() {
        const std::uint64_t id = pick(4); // 0 = none; 1..3 coalesce
        m_coalescible = m_coalescible || id != 0;
        return id;
    }

    bool text() {
        std::vector<FieldRef> fields;
        forEachText(m_session.pack(),
                    [&](const FieldRef& field, const LocalizedText&) { fields.push_back(field); });
        if (fields.empty()) return false;
        const FieldRef& field = fields[pick(fields.size())];
        return m_session
            .setText(field, chance(50) ? Language::Zh : Language::En, word(), activation())
            .ok();
    }

    bool itemField() {
        const Item* item = any(items());
        if (!item) return false;
        const NodeRef node = NodeRef::item(item->id);
        static const char* const kDates[] = {"1949", "1949-10", "1949-10-01", "19", "1949-13", ""};
        switch (pick(9)) {
        case 0:
            return m_session
                .setField({node, "/date"}, kDates[pick(std::size(kDates))], activation())
                .ok();
        case 1:
            return m_session.setField({node, "/reference"}, word(), activation()).ok();
        case 2:
            return m_session.setField({node, "/highlight"}, chance(50)).ok();
        case 3:
            return m_session
                .setField({node, "/tags"}, chance(20) ? Json() : Json::array({word(), word()}))
                .ok();
        case 4: {
            static const char* const kPublish[] = {"full", "limited", "none", "bogus"};
            return m_session.setField({node, "/web/publish"}, kPublish[pick(4)]).ok();
        }
        case 5:
            return m_session.setField({node, "/web/max_px"}, static_cast<int>(pick(3000))).ok();
        case 6: {
            const auto& videos = m_session.pack().videos;
            const std::string id =
                videos.empty() || chance(20) ? word() : videos[pick(videos.size())].id;
            return m_session.setField({node, "/video"}, id).ok();
        }
        case 7:
            return m_session
                .setField({node, "/badges"},
                          chance(30)
                              ? Json()
                              : Json::array({{{"kind", "custom"}, {"label", {{"zh", word()}}}}}))
                .ok();
        default:
            return m_session.setField({node, "/images/0/caption/zh"}, word(), activation()).ok();
        }
    }

    bool questionField() {
        const Question* q = any(questions());
        if (!q) return false;
        const NodeRef node = NodeRef::question(q->id);
        switch (pick(6)) {
        case 0:
            return m_session.setField({node, "/difficulty"}, static_cast<int>(pick(5))).ok();
        case 1: {
            static const char* const kTypes[] = {"single", "multiple", "true_false"};
            return m_session.setField({node, "/type"}, kTypes[pick(3)]).ok();
        }
        case 2:
            return m_session.setField({node, "/answer"}, chance(50)).ok();
        case 3:
            return m_session.setField({node, "/options/0/correct"}, chance(50)).ok();
        case 4:
            return m_session
                .setField({node, "/options/1/weight"},
                          chance(20) ? Json() : Json(static_cast<double>(pick(31)) / 10.0 - 1.5))
                .ok();
        default: {
            const Item* item = any(items());
            return m_session.setField({node, "/item"}, item && chance(80) ? Json(item->id) : Json())
                .ok();
        }
        }
    }

    bool packField() {
        const NodeRef pack = NodeRef::pack();
        switch (pick(5)) {
        case 0:
            return m_session.setField({pack, "/kiosk/idle_timeout_s"}, static_cast<int>(pick(5000)))
                .ok();
        case 1:
            return m_session.setField({pack, "/theme"}, chance(50) ? "red-archive" : "blue").ok();
        case 2: {
            static const char* const kLanguages[] = {"zh", "en", "fr"};
            return m_session.setField({pack, "/default_language"}, kLanguages[pick(3)]).ok();
        }
        case 3:
            return m_session.setField({pack, "/dates/start"}, chance(50) ? "2026-06-09" : word())
                .ok();
        default: {
            Json attract = Json::array();
            for (const Item* item : items())
                if (chance(10)) attract.push_back({{"item", item->id}});
            return m_session.setField({pack, "/attract"}, attract.empty() ? Json() : attract).ok();
        }
        }
    }

    bool add() {
        const LocalizedText title{word(), chance(50) ? word() : std::string()};
        const Pack& pack = m_session.pack();
        switch (pick(6)) {
        case 0: {
            const Chapter* chapter = any(chapters());
            if (!chapter) return false;
            Item item;
            item.title = title;
            return m_session.addItem(chapter->id, item, pick(12)).ok();
        }
        case 1:
            if (pack.exhibitions.empty()) return m_session.addExhibition(title).ok();
            return m_session
                .addChapter(pack.exhibitions[pick(pack.exhibitions.size())].id, title, pick(8))
                .ok();
        case 2:
            return m_session.addExhibition(title, pick(3)).ok();
        case 3: {
            Video video;
            video.title = title;
            video.file = "videos/clip.mp4";
            return m_session.addVideo(video, pick(3)).ok();
        }
        case 4:
            return m_session.addQuizBank(title).ok();
        default: {
            if (pack.quizBanks.empty()) return false;
            Question question;
            question.type = QuestionType::TrueFalse;
            question.prompt = title;
            return m_session
                .addQuestion(pack.quizBanks[pick(pack.quizBanks.size())].id, question, pick(50))
                .ok();
        }
        }
    }

    NodeRef anyNode() {
        const Pack& pack = m_session.pack();
        switch (pick(6)) {
        case 0:
            if (const Item* item = any(items())) return NodeRef::item(item->id);
            break;
        case 1:
            if (const Chapter* chapter = any(chapters())) return NodeRef::chapter(chapter->id);
            break;
        case 2:
            if (const Question* q = any(questions())) return NodeRef::question(q->id);
            break;
        case 3:
            if (!pack.videos.empty())
                return NodeRef::video(pack.videos[pick(pack.videos.size())].id);
            break;
        case 4:
            if (!pack.quizBanks.empty())
                return NodeRef::quizBank(pack.quizBanks[pick(pack.quizBanks.size())].id);
            break;
        default:
            if (!pack.exhibitions.empty())
                return NodeRef::exhibition(pack.exhibitions[pick(pack.exhibitions.size())].id);
        }
        if (const Item* item = any(items())) return NodeRef::item(item->id);
        return NodeRef::item("none");
    }

    bool duplicate() { return m_session.duplicate(anyNode()).ok(); }

    bool remove() {
        // Whole exhibitions and banks rarely: they take most of the pack with them.
        NodeRef node = anyNode();
        if ((node.kind == NodeKind::Exhibition || node.kind == NodeKind::QuizBank) && !chance(10))
            return false;
        return m_session.remove(node).ok();
    }

    bool move() {
        const Pack& pack = m_session.pack();
        if (chance(60)) {
            const Item* item = any(items());
            const Chapter* to = any(chapters());
            if (!item || !to) return false;
            return m_session.move(NodeRef::item(item->id), NodeRef::chapter(to->id), pick(12)).ok();
        }
        if (chance(50)) {
            const Chapter* chapter = any(chapters());
            if (!chapter || pack.exhibitions.empty()) return false;
            return m_session
                .move(NodeRef::chapter(chapter->id),
                      NodeRef::exhibition(pack.exhibitions[pick(pack.exhibitions.size())].id),
                      pick(7))
                .ok();
        }
        const Question* q = any(questions());
        if (!q || pack.quizBanks.empty()) return false;
        return m_session
            .move(NodeRef::question(q->id),
                  NodeRef::quizBank(pack.quizBanks[pick(pack.quizBanks.size())].id), pick(40))
            .ok();
    }

    bool batch() {
        std::vector<NodeRef> selection;
        for (const Item* item : items())
            if (chance(15)) selection.push_back(NodeRef::item(item->id));
        if (selection.empty()) return false;
        switch (pick(4)) {
        case 0:
            return m_session.setFieldOnAll(selection, "/holding", Json{{"zh", word()}}).ok();
        case 1:
            return m_session.setFieldOnAll(selection, "/date", "1950").ok();
        case 2:
            return m_session
                .setFieldOnAll(selection, "/rights", Json{{"zh", word()}, {"en", word()}})
                .ok();
        default:
            return m_session.setFieldOnAll(selection, "/highlight", chance(50)).ok();
        }
    }

    bool media() {
        auto staged = stageMediaFile(m_session.root(), m_scratch / "scan.png",
                                     mediaFileName(word() + ".png", nullptr));
        if (!staged) return false;
        const Item* item = any(items());
        const Chapter* chapter = any(chapters());
        switch (pick(4)) {
        case 0:
            if (!chapter) return false;
            return m_session.addImageItems(chapter->id, {*staged}, pick(5)).ok();
        case 1:
            if (!item) return false;
            return m_session.addImagesToItem(item->id, {*staged}).ok();
        case 2:
            if (!item || item->images.empty()) return false;
            return m_session.replaceImage(item->id, pick(item->images.size()), *staged).ok();
        default: {
            // A rotation: the editor stages the turned bytes it made.
            if (!item || item->images.empty()) return false;
            auto turned = stageMediaBytes(m_session.root(), "turned " + word(), staged->name, "");
            discardStaged(m_session.root(), *staged);
            if (!turned) return false;
            return m_session.rotateImage(item->id, pick(item->images.size()), *turned).ok();
        }
        }
    }

    bool importQuiz() {
        const std::string gift = "::p" + std::to_string(pick(1000)) + "::" + word() +
                                 "？{=" + word() + "甲 ~" + word() + "乙}\n\n" + word() + "{T}\n";
        auto outcome = m_session.importQuestions(QuizFormat::Gift, gift, "r.gift",
                                                 chance(20) ? "extra" : "", Language::Zh);
        return outcome && outcome->applied;
    }

    EditSession& m_session;
    std::mt19937 m_rng;
    std::filesystem::path m_scratch;
    bool m_coalescible = false;
};

} // namespace lantai::core::edit::test_support
