// core/edit: validation snapshots, current source pointers, diagnostics -> edit targets
#include "core/edit/validation.h"

#include "core/i18n/pack_glyphs.h"
#include "core/pack/validator.h"

#include <charconv>

namespace lantai::core::edit {

namespace {

std::string at(const std::string& base, const char* member, std::size_t index) {
    return base + "/" + member + "/" + std::to_string(index);
}

void image(ImageRef& img, const std::string& file, const std::string& pointer) {
    img.source = {file, pointer};
}

std::optional<std::size_t> indexOf(const std::string& token, std::size_t size) {
    std::size_t index = 0;
    const auto parsed = std::from_chars(token.data(), token.data() + token.size(), index);
    if (parsed.ec != std::errc() || parsed.ptr != token.data() + token.size() || index >= size)
        return std::nullopt;
    return index;
}

// The tokens from `from` on, as a pointer.
std::string rest(const std::vector<std::string>& tokens, std::size_t from) {
    return joinPointer(std::vector<std::string>(
        tokens.begin() + static_cast<std::ptrdiff_t>(std::min(from, tokens.size())), tokens.end()));
}

std::optional<FieldRef> inPackJson(const Pack& pack, const std::vector<std::string>& t) {
    if (t.size() >= 2 && t[0] == "exhibitions") {
        const auto e = indexOf(t[1], pack.exhibitions.size());
        if (!e) return std::nullopt;
        const Exhibition& exhibition = pack.exhibitions[*e];
        if (t.size() >= 4 && t[2] == "chapters") {
            const auto c = indexOf(t[3], exhibition.chapters.size());
            if (!c) return std::nullopt;
            const Chapter& chapter = exhibition.chapters[*c];
            if (t.size() >= 6 && t[4] == "items") {
                const auto i = indexOf(t[5], chapter.items.size());
                if (!i) return std::nullopt;
                return FieldRef{NodeRef::item(chapter.items[*i].id), rest(t, 6)};
            }
            return FieldRef{NodeRef::chapter(chapter.id), rest(t, 4)};
        }
        return FieldRef{NodeRef::exhibition(exhibition.id), rest(t, 2)};
    }
    if (t.size() >= 2 && t[0] == "videos") {
        const auto v = indexOf(t[1], pack.videos.size());
        if (!v) return std::nullopt;
        return FieldRef{NodeRef::video(pack.videos[*v].id), rest(t, 2)};
    }
    if (t.size() >= 2 && t[0] == "quiz_banks") {
        const auto b = indexOf(t[1], pack.quizBanks.size());
        if (!b) return std::nullopt;
        return FieldRef{NodeRef::quizBank(pack.quizBanks[*b].id), ""};
    }
    return FieldRef{NodeRef::pack(), joinPointer(t)};
}

} // namespace

void refreshSourceRefs(Pack& pack) {
    const std::string file = "pack.json";
    for (std::size_t e = 0; e < pack.exhibitions.size(); ++e) {
        Exhibition& exhibition = pack.exhibitions[e];
        const std::string pe = at("", "exhibitions", e);
        exhibition.source = {file, pe};
        if (exhibition.cover) image(*exhibition.cover, file, pe + "/cover");
        for (std::size_t c = 0; c < exhibition.chapters.size(); ++c) {
            Chapter& chapter = exhibition.chapters[c];
            const std::string pc = at(pe, "chapters", c);
            chapter.source = {file, pc};
            chapter.narration.source = {file, pc + "/narration"};
            for (std::size_t i = 0; i < chapter.items.size(); ++i) {
                Item& item = chapter.items[i];
                const std::string pi = at(pc, "items", i);
                item.source = {file, pi};
                item.narration.source = {file, pi + "/narration"};
                for (std::size_t m = 0; m < item.images.size(); ++m)
                    image(item.images[m], file, at(pi, "images", m));
            }
        }
    }
    for (std::size_t v = 0; v < pack.videos.size(); ++v) {
        Video& video = pack.videos[v];
        const std::string pv = at("", "videos", v);
        video.source = {file, pv};
        if (video.poster) image(*video.poster, file, pv + "/poster");
        for (std::size_t s = 0; s < video.subtitles.size(); ++s)
            video.subtitles[s].source = {file, at(pv, "subtitles", s)};
    }
    for (std::size_t a = 0; a < pack.attract.size(); ++a)
        pack.attract[a].source = {file, at("", "attract", a)};
    for (std::size_t b = 0; b < pack.quizBanks.size(); ++b) {
        QuizBank& bank = pack.quizBanks[b];
        bank.source = {file, at("", "quiz_banks", b)};
        for (std::size_t q = 0; q < bank.questions.size(); ++q) {
            Question& question = bank.questions[q];
            const std::string pq = at("", "questions", q);
            question.source = {bank.file, pq};
            question.narration.source = {bank.file, pq + "/narration"};
            if (question.image) image(*question.image, bank.file, pq + "/image");
            for (std::size_t o = 0; o < question.options.size(); ++o) {
                QuizOption& option = question.options[o];
                option.source = {bank.file, at(pq, "options", o)};
                if (option.image) image(*option.image, bank.file, at(pq, "options", o) + "/image");
            }
        }
    }
}

std::optional<FieldRef> locateDiagnostic(const Pack& pack, const Diagnostic& diagnostic) {
    const auto tokens = parsePointer(diagnostic.pointer);
    if (!tokens) return std::nullopt;
    if (diagnostic.file.empty() || diagnostic.file == "pack.json") return inPackJson(pack, *tokens);
    for (const auto& bank : pack.quizBanks) {
        if (bank.file != diagnostic.file) continue;
        if (tokens->size() >= 2 && (*tokens)[0] == "questions") {
            const auto q = indexOf((*tokens)[1], bank.questions.size());
            if (!q) return std::nullopt;
            return FieldRef{NodeRef::question(bank.questions[*q].id), rest(*tokens, 2)};
        }
        return FieldRef{NodeRef::quizBank(bank.id), ""};
    }
    // A subtitle file's own problems (file:line:column): the video that lists it.
    for (const auto& video : pack.videos)
        for (std::size_t s = 0; s < video.subtitles.size(); ++s)
            if (video.subtitles[s].file == diagnostic.file)
                return FieldRef{NodeRef::video(video.id), at("", "subtitles", s) + "/file"};
    return std::nullopt;
}

ValidationRequest validationRequest(const EditSession& session) {
    ValidationRequest request{session.pack(), session.revision(), session.translations()};
    refreshSourceRefs(request.pack);
    return request;
}

ValidationReport runValidation(const ValidationRequest& request, const KioskFontSet* fonts) {
    Diagnostics diagnostics;
    validatePack(request.pack, diagnostics);
    if (fonts) checkPackGlyphs(request.pack, *fonts, diagnostics);
    ValidationReport report;
    report.revision = request.revision;
    report.errors = diagnostics.errorCount();
    report.warnings = diagnostics.warningCount();
    report.diagnostics.reserve(diagnostics.items().size());
    for (const auto& d : diagnostics.items())
        report.diagnostics.push_back({d, locateDiagnostic(request.pack, d)});
    report.translation = translationReport(request.pack, request.translations);
    return report;
}

} // namespace lantai::core::edit
