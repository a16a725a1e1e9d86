// core/pack: semantic pack validation (ids, references, assets, paths, dates, questions)
#include "core/pack/validator.h"

#include "core/base/file_io.h"
#include "core/base/json_document.h"
#include "core/base/utf8.h"
#include "core/media/asset_probe.h"
#include "core/media/subtitles.h"
#include "core/media/video_container_probe.h"
#include "core/pack/charset.h"
#include "core/pack/path_safety.h"

#include <map>
#include <unordered_map>

namespace lantai::core {

namespace {

enum class AssetNeed { Image, Video, Subtitle, QuizBank, Audio };

class Validator {
  public:
    Validator(const Pack& pack, Diagnostics& diagnostics, const SourceDocuments* documents)
        : m_pack(pack), m_diagnostics(diagnostics), m_documents(documents) {}

    void run() {
        checkIdsAndStructure();
        checkReferences();
        checkDates();
        checkAssets();
        checkQuestions();
        checkCharsetCurrent(m_pack, m_diagnostics);
    }

  private:
    void report(Severity severity, const std::string& code, const SourceRef& at,
                std::string message, std::string messageZh) {
        TextPosition pos;
        if (m_documents) {
            if (auto it = m_documents->find(at.file); it != m_documents->end())
                pos = it->second->positionOf(at.pointer);
        }
        m_diagnostics.add({severity, code, at.file, at.pointer, pos.line, pos.column,
                           std::move(message), std::move(messageZh)});
    }

    static SourceRef field(const SourceRef& at, const std::string& key) {
        return {at.file, at.pointer + "/" + escapePointerToken(key)};
    }

    // ---- ids -------------------------------------------------------------------------------
    void unique(const char* kind, const char* kindZh, const std::string& id, const SourceRef& at,
                std::map<std::string, SourceRef>& seen) {
        if (id.empty()) return;
        auto [it, inserted] = seen.emplace(id, at);
        if (!inserted)
            report(Severity::Error, "id.duplicate", field(at, "id"),
                   std::string("The ") + kind + " id \"" + id + "\" is already used at " +
                       it->second.file + " " + it->second.pointer + ". Ids must be unique.",
                   std::string(kindZh) + "标识 \"" + id + "\" 已在 " + it->second.file + " " +
                       it->second.pointer + " 使用。标识必须唯一。");
    }

    void checkIdsAndStructure() {
        std::map<std::string, SourceRef> exhibitions, chapters, items, videos, banks;
        for (const auto& e : m_pack.exhibitions) {
            unique("exhibition", "展览", e.id, e.source, exhibitions);
            for (const auto& c : e.chapters) {
                unique("chapter", "章节", c.id, c.source, chapters);
                if (c.items.empty())
                    report(Severity::Warning, "chapter.empty", c.source,
                           "Chapter \"" + c.id +
                               "\" has no items; the kiosk will show an empty grid.",
                           "章节 \"" + c.id + "\" 没有展品，展示屏上将显示为空。");
                for (const auto& i : c.items)
                    unique("item", "展品", i.id, i.source, items);
            }
        }
        for (const auto& v : m_pack.videos)
            unique("video", "视频", v.id, v.source, videos);
        for (const auto& b : m_pack.quizBanks) {
            unique("quiz bank", "题库", b.id, {b.file, ""}, banks);
            for (const auto& q : b.questions)
                checkQuestionId(q);
        }
    }

    void checkQuestionId(const Question& q) {
        unique("question", "题目", q.id, q.source, m_questionIds);
    }

    // ---- references ------------------------------------------------------------------------
    void dangling(const SourceRef& at, const char* kind, const char* kindZh,
                  const std::string& id) {
        report(Severity::Error, "ref.dangling", at,
               std::string("There is no ") + kind + " with id \"" + id + "\".",
               std::string("找不到标识为 \"") + id + "\" 的" + kindZh + "。");
    }

    const Chapter* findChapter(const std::string& id) const {
        for (const auto& e : m_pack.exhibitions)
            for (const auto& c : e.chapters)
                if (c.id == id) return &c;
        return nullptr;
    }

    bool hasExhibition(const std::string& id) const {
        for (const auto& e : m_pack.exhibitions)
            if (e.id == id) return true;
        return false;
    }

    void checkReferences() {
        for (const auto& e : m_pack.exhibitions)
            for (const auto& c : e.chapters)
                for (const auto& i : c.items) {
                    if (!i.video.empty() && !m_pack.findVideo(i.video))
                        dangling(field(i.source, "video"), "video", "视频", i.video);
                    for (std::size_t k = 0; k < i.questions.size(); ++k)
                        if (!m_pack.findQuestion(i.questions[k]))
                            dangling({i.source.file,
                                      i.source.pointer + "/questions/" + std::to_string(k)},
                                     "question", "题目", i.questions[k]);
                }
        for (const auto& v : m_pack.videos) {
            if (!v.exhibition.empty() && !hasExhibition(v.exhibition))
                dangling(field(v.source, "exhibition"), "exhibition", "展览", v.exhibition);
            if (!v.chapter.empty() && !findChapter(v.chapter))
                dangling(field(v.source, "chapter"), "chapter", "章节", v.chapter);
            if (!v.item.empty() && !m_pack.findItem(v.item))
                dangling(field(v.source, "item"), "item", "展品", v.item);
        }
        for (const auto& b : m_pack.quizBanks)
            for (const auto& q : b.questions)
                checkQuestionItem(q);
        for (const auto& a : m_pack.attract) {
            if (a.id.empty()) continue;
            if (a.kind == AttractEntry::Kind::Item && !m_pack.findItem(a.id))
                dangling(field(a.source, "item"), "item", "展品", a.id);
            if (a.kind == AttractEntry::Kind::Video && !m_pack.findVideo(a.id))
                dangling(field(a.source, "video"), "video", "视频", a.id);
        }
    }

    void checkQuestionItem(const Question& q) {
        if (!q.item.empty() && !m_pack.findItem(q.item))
            dangling(field(q.source, "item"), "item", "展品", q.item);
    }

    // ---- dates -----------------------------------------------------------------------------
    void badDate(const SourceRef& at, const std::string& value, bool fullDate) {
        report(Severity::Error, "date.invalid", at,
               "\"" + value + "\" is not a valid date; write " +
                   (fullDate ? std::string("YYYY-MM-DD")
                             : std::string("YYYY, YYYY-MM or YYYY-MM-DD")) +
                   ".",
               "\"" + value + "\" 不是有效日期，请写作 " +
                   (fullDate ? std::string("YYYY-MM-DD")
                             : std::string("YYYY、YYYY-MM 或 YYYY-MM-DD")) +
                   "。");
    }

    void checkDates() {
        const SourceRef dates{"pack.json", "/dates"};
        bool startOk = true, endOk = true;
        if (!m_pack.dateStart.empty() &&
            (m_pack.dateStart.size() != 10 || !isPartialIsoDate(m_pack.dateStart))) {
            badDate(field(dates, "start"), m_pack.dateStart, true);
            startOk = false;
        }
        if (!m_pack.dateEnd.empty() &&
            (m_pack.dateEnd.size() != 10 || !isPartialIsoDate(m_pack.dateEnd))) {
            badDate(field(dates, "end"), m_pack.dateEnd, true);
            endOk = false;
        }
        if (startOk && endOk && !m_pack.dateStart.empty() && !m_pack.dateEnd.empty() &&
            m_pack.dateEnd < m_pack.dateStart)
            report(Severity::Error, "date.invalid", field(dates, "end"),
                   "The end date " + m_pack.dateEnd + " is before the start date " +
                       m_pack.dateStart + ".",
                   "结束日期 " + m_pack.dateEnd + " 早于开始日期 " + m_pack.dateStart + "。");
        for (const auto& e : m_pack.exhibitions)
            for (const auto& c : e.chapters)
                for (const auto& i : c.items)
                    if (!i.date.empty() && !isPartialIsoDate(i.date))
                        badDate(field(i.source, "date"), i.date, false);
    }

    // ---- assets ----------------------------------------------------------------------------
    const ProbeResult& probe(const std::string& relative) {
        auto it = m_probes.find(relative);
        if (it == m_probes.end())
            it = m_probes.emplace(relative, probeFile(m_pack.root / relative)).first;
        return it->second;
    }

    void checkAsset(const std::string& relative, const SourceRef& at, AssetNeed need) {
        if (relative.empty()) return;
        if (auto problem = validatePackPath(m_pack.root, relative)) {
            report(Severity::Error, "path.unsafe", at, problem->message, problem->messageZh);
            return;
        }
        // A broken video (or its subtitles, or a narration) must not take the whole exhibition
        // off the screen: those problems are warnings, and the kiosk shows a "cannot be played"
        // card for that file alone. Images and quiz banks are the exhibition itself: errors.
        const Severity media =
            need == AssetNeed::Video || need == AssetNeed::Subtitle || need == AssetNeed::Audio
                ? Severity::Warning
                : Severity::Error;
        const auto full = m_pack.root / relative;
        if (auto file = checkRegularFile(full); !file) {
            // Missing keeps its code; a FIFO, device, folder or link loop says what it is.
            if (file.error().code == kFileMissing)
                report(media, "asset.missing", at,
                       "The file \"" + relative + "\" does not exist in the pack.",
                       "内容包中不存在文件 \"" + relative + "\"。");
            else {
                const Diagnostic why = showFileAs(file.error(), full, relative);
                report(media, why.code, at, why.message, why.messageZh);
            }
            return;
        }
        if (need == AssetNeed::QuizBank) return; // parsed by the loader
        if (need == AssetNeed::Subtitle) {
            checkSubtitle(relative, at, media);
            return;
        }
        const ProbeResult& result = probe(relative);
        const bool kindOk = need == AssetNeed::Image   ? isImageKind(result.kind)
                            : need == AssetNeed::Audio ? isAudioKind(result.kind)
                                                       : isVideoKind(result.kind);
        if (!kindOk) {
            const std::string want =
                need == AssetNeed::Image   ? "an image (JPEG, PNG, TIFF, WebP or GIF)"
                : need == AssetNeed::Audio ? "audio (MP3, Ogg Vorbis or Opus, M4A, WAV or FLAC)"
                                           : "a video (MP4, MOV, WebM or MKV)";
            const std::string wantZh =
                need == AssetNeed::Image ? "图像（JPEG、PNG、TIFF、WebP 或 GIF）"
                : need == AssetNeed::Audio ? "音频（MP3、Ogg Vorbis 或 Opus、M4A、WAV 或 FLAC）"
                                           : "视频（MP4、MOV、WebM 或 MKV）";
            report(media, "asset.type_mismatch", at,
                   "The file \"" + relative + "\" is not " + want + ": its content looks like " +
                       assetKindName(result.kind) + ".",
                   "文件 \"" + relative + "\" 不是" + wantZh + "：其内容类型为 " +
                       assetKindName(result.kind) + "。");
            return;
        }
        if (!result.problem.empty()) {
            report(media, "asset.unreadable", at,
                   "The file \"" + relative + "\" is damaged or truncated: " + result.problem + ".",
                   "文件 \"" + relative + "\" 已损坏或不完整：" + result.problem + "。");
            return;
        }
        if (need == AssetNeed::Video || (need == AssetNeed::Audio && isVideoKind(result.kind))) {
            checkVideoContainer(relative, at, media);
            return;
        }
        if (need == AssetNeed::Image && result.size) {
            const auto pixels =
                static_cast<unsigned long long>(result.size->width) * result.size->height;
            if (pixels > kMaxImagePixels)
                report(
                    Severity::Error, "image.too_large", at,
                    "The image \"" + relative + "\" declares " +
                        std::to_string(result.size->width) + "x" +
                        std::to_string(result.size->height) + " pixels (" +
                        std::to_string(pixels / 1000000) +
                        " MP), above the 300 MP limit. Downscale it before adding it to the pack.",
                    "图像 \"" + relative + "\" 声明的尺寸为 " + std::to_string(result.size->width) +
                        "x" + std::to_string(result.size->height) + " 像素（" +
                        std::to_string(pixels / 1000000) +
                        " 百万像素），超过 300 百万像素上限。请先缩小图像。");
        }
    }

    // MP4/MOV top-level boxes, WebM/MKV EBML header: a copy cut short or a recording never
    // finished is found here, not when a visitor taps the video.
    void checkVideoContainer(const std::string& relative, const SourceRef& at, Severity severity) {
        const auto video = probeVideoContainerFile(m_pack.root / relative);
        switch (video.problem) {
        case VideoContainerProblem::None:
            return;
        case VideoContainerProblem::Truncated:
            report(severity, "video.truncated", at,
                   "The video \"" + relative + "\" is incomplete: " + video.detail +
                       ". Copy the whole file again (the copy or download was probably cut short).",
                   "视频 \"" + relative + "\" 不完整：" + video.detailZh +
                       "。请重新复制完整的文件（复制或下载可能中途中断）。");
            return;
        case VideoContainerProblem::NoMoov:
            report(severity, "video.no_moov", at,
                   "The video \"" + relative + "\" cannot be played: " + video.detail +
                       " (the index players need; a recording or export that did not finish). "
                       "Export it again.",
                   "视频 \"" + relative + "\" 无法播放：" + video.detailZh +
                       "（'moov' 是播放器所需的索引，录制或导出可能没有完成）。请重新导出。");
            return;
        case VideoContainerProblem::Corrupt:
        case VideoContainerProblem::Unreadable:
            report(severity, "asset.unreadable", at,
                   "The file \"" + relative + "\" is damaged or truncated: " + video.detail + ".",
                   "文件 \"" + relative + "\" 已损坏或不完整：" + video.detailZh + "。");
            return;
        }
    }

    void checkSubtitle(const std::string& relative, const SourceRef& at, Severity severity) {
        const auto format = subtitleFormatOf(relative);
        if (!format) {
            report(Severity::Error, "schema.value", at,
                   "Subtitles must be .srt or .vtt files: \"" + relative + "\".",
                   "字幕必须是 .srt 或 .vtt 文件：\"" + relative + "\"。");
            return;
        }
        auto read = readFile(m_pack.root / relative, 16u << 20);
        if (!read) {
            const Diagnostic why = showFileAs(read.error(), m_pack.root / relative, relative);
            report(severity, "asset.unreadable", at, why.message, why.messageZh);
            return;
        }
        const std::string& text = *read;
        if (auto bad = findInvalidUtf8(text)) {
            int line = 1;
            for (std::size_t i = 0; i < *bad; ++i)
                line += text[i] == '\n';
            report(severity, "text.not_utf8", at,
                   "The subtitle file \"" + relative + "\" is not UTF-8 (line " +
                       std::to_string(line) + "). Save it as UTF-8.",
                   "字幕文件 \"" + relative + "\" 不是 UTF-8 编码（第 " + std::to_string(line) +
                       " 行）。请以 UTF-8 保存。");
        } else if (text.find('\0') != std::string::npos) {
            report(severity, "asset.type_mismatch", at,
                   "The subtitle file \"" + relative + "\" is not text.",
                   "字幕文件 \"" + relative + "\" 不是文本文件。");
        } else {
            // Cue problems are reported in the subtitle file itself (file:line:column).
            const auto parsed = parseSubtitles(text, relative, *format);
            for (Diagnostic d : parsed.diagnostics.items()) {
                if (d.severity == Severity::Error) d.severity = severity;
                m_diagnostics.add(std::move(d));
            }
        }
    }

    void checkImage(const ImageRef& image, bool wantAlt) {
        checkAsset(image.file, field(image.source, "file"), AssetNeed::Image);
        if (wantAlt && image.alt.empty())
            report(Severity::Warning, "image.missing_alt", image.source,
                   "The image \"" + image.file +
                       "\" has no alt text; blind visitors of the online gallery will not "
                       "know what it shows.",
                   "图像 \"" + image.file +
                       "\" 没有替代文本（alt），网上展厅的视障观众将无法得知其内容。");
    }

    void checkAssets() {
        for (const auto& e : m_pack.exhibitions) {
            if (e.cover) checkImage(*e.cover, true);
            for (const auto& c : e.chapters)
                for (const auto& i : c.items)
                    for (const auto& img : i.images)
                        checkImage(img, true);
        }
        for (const auto& v : m_pack.videos) {
            checkAsset(v.file, field(v.source, "file"), AssetNeed::Video);
            // A poster is a plain path string: its source pointer is the "poster" member itself.
            if (v.poster) checkAsset(v.poster->file, v.poster->source, AssetNeed::Image);
            for (const auto& s : v.subtitles)
                checkAsset(s.file, field(s.source, "file"), AssetNeed::Subtitle);
        }
        for (const auto& b : m_pack.quizBanks) {
            checkAsset(b.file, field(b.source, "file"), AssetNeed::QuizBank);
            for (const auto& q : b.questions)
                checkQuestionAssets(q);
        }
        for (const auto& owner : m_pack.narrationOwners())
            if (owner.kind != NarrationOwner::Kind::Question) checkNarration(*owner.narration);
    }

    void checkNarration(const Narration& narration) {
        checkAsset(narration.zh, field(narration.source, "zh"), AssetNeed::Audio);
        checkAsset(narration.en, field(narration.source, "en"), AssetNeed::Audio);
    }

    void checkQuestionAssets(const Question& q) {
        checkNarration(q.narration);
        if (q.image) checkImage(*q.image, true);
        for (const auto& o : q.options)
            if (o.image) checkImage(*o.image, true);
    }

    // ---- questions -------------------------------------------------------------------------
    void invalidQuestion(const Question& q, const std::string& message,
                         const std::string& messageZh) {
        report(Severity::Error, "question.invalid", q.source,
               "Question \"" + q.id + "\": " + message, "题目 \"" + q.id + "\"：" + messageZh);
    }

    void checkQuestions() {
        for (const auto& b : m_pack.quizBanks)
            for (const auto& q : b.questions)
                checkQuestion(q);
    }

    void checkQuestion(const Question& q) {
        if (q.type != QuestionType::TrueFalse && q.options.size() >= 2) {
            std::size_t correct = 0;
            for (const auto& o : q.options)
                correct += o.correct ? 1 : 0;
            if (correct == 0)
                invalidQuestion(q, "no option is marked correct.", "没有标记为正确的选项。");
            else if (q.type == QuestionType::Single && correct > 1)
                invalidQuestion(q,
                                std::to_string(correct) +
                                    " options are marked correct; a single-choice question needs "
                                    "exactly one (use type \"multiple\").",
                                std::to_string(correct) +
                                    " 个选项被标记为正确；单选题只能有一个正确选项（多选请用 "
                                    "\"multiple\"）。");
        }
        if (q.explanation.empty())
            report(Severity::Warning, "question.missing_explanation", q.source,
                   "Question \"" + q.id +
                       "\" has no explanation; visitors learn more when they see why.",
                   "题目 \"" + q.id + "\" 没有答案解析；观众看到解析能学到更多。");
    }

  public:
    // QuestionChecker: the ids of the pack's questions are taken (their own duplicates, errors
    // validatePack reports, are not reported here); then each added question is checked as
    // validatePack checks a question of a bank.
    void takeQuestionIds() {
        for (const auto& b : m_pack.quizBanks)
            for (const auto& q : b.questions)
                if (!q.id.empty()) m_questionIds.emplace(q.id, q.source);
    }

    // Every check of a single question belongs in one of these four, so that what the quiz
    // importer checks before it writes stays what validatePack checks after.
    void checkAddedQuestion(const Question& q) {
        checkQuestionId(q);
        checkQuestionItem(q);
        checkQuestionAssets(q);
        checkQuestion(q);
    }

  private:
    const Pack& m_pack;
    Diagnostics& m_diagnostics;
    const SourceDocuments* m_documents;
    std::unordered_map<std::string, ProbeResult> m_probes;
    std::map<std::string, SourceRef> m_questionIds;
};

bool digits(const std::string& s, std::size_t from, std::size_t count) {
    for (std::size_t i = from; i < from + count; ++i)
        if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    return true;
}

} // namespace

bool isPartialIsoDate(const std::string& date) {
    if (!(date.size() == 4 || date.size() == 7 || date.size() == 10) || !digits(date, 0, 4))
        return false;
    if (date.size() == 4) return true;
    if (date[4] != '-' || !digits(date, 5, 2)) return false;
    const int month = std::stoi(date.substr(5, 2));
    if (month < 1 || month > 12) return false;
    if (date.size() == 7) return true;
    if (date[7] != '-' || !digits(date, 8, 2)) return false;
    const int year = std::stoi(date.substr(0, 4));
    const int day = std::stoi(date.substr(8, 2));
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int maxDay = month == 2 && !leap ? 28 : kDays[month - 1];
    return day >= 1 && day <= maxDay;
}

void validatePack(const Pack& pack, Diagnostics& diagnostics, const SourceDocuments* documents) {
    Validator(pack, diagnostics, documents).run();
}

class QuestionChecker::Impl {
  public:
    explicit Impl(const Pack& pack) : m_validator(pack, m_found, nullptr) {
        m_validator.takeQuestionIds();
    }
    void check(const Question& question, Diagnostics& diagnostics) {
        m_validator.checkAddedQuestion(question);
        for (const auto& d : m_found.items())
            diagnostics.add(d);
        m_found = Diagnostics{};
    }

  private:
    Diagnostics m_found; // before m_validator, which keeps a reference to it
    Validator m_validator;
};

QuestionChecker::QuestionChecker(const Pack& pack) : m_impl(std::make_unique<Impl>(pack)) {}
QuestionChecker::~QuestionChecker() = default;

void QuestionChecker::check(const Question& question, Diagnostics& diagnostics) {
    m_impl->check(question, diagnostics);
}

} // namespace lantai::core
