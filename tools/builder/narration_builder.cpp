// tools/builder: synthetic narration with espeak-ng and ffmpeg (see narration_builder.h)
#include "tools/builder/narration_builder.h"

#include "core/base/file_io.h"
#include "core/base/sha256.h"
#include "core/pack/loader.h"
#include "core/pack/writer.h"
#include "tools/builder/child_process.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>
#include <unistd.h>

namespace lantai::core {

namespace fs = std::filesystem;

namespace {

using Json = nlohmann::ordered_json;

struct Reading {
    std::string document; // pack.json or the bank file
    std::string pointer;  // the owner node in that document
    std::string owner;    // "item:ID", for the sidecar and messages
    std::string lang;     // "zh" or "en"
    std::string text;
    std::string file;        // pack path of the audio
    bool newMember = false;  // the narration member gets this file
    bool reuse = false;      // the file is already this text's reading: only name it
    std::string textSha256;  // of voice + text
    std::string error;       // why synthesis failed
    std::string audioSha256; // of what was written
};

const char* voiceFor(const std::string& lang) {
    return lang == "zh" ? "cmn" : "en";
}

// Joins the parts a visitor reads into sentences espeak-ng pauses between.
std::string joinParts(const std::vector<std::string>& parts, const std::string& lang) {
    std::string out;
    for (const auto& part : parts) {
        if (part.empty()) continue;
        if (!out.empty()) out += "\n";
        out += part;
        static const std::vector<std::string> ends = {".",  "!", "?",  "。", "！",
                                                      "？", "…", "：", ":"};
        const bool ended = std::any_of(ends.begin(), ends.end(),
                                       [&](const std::string& e) { return part.ends_with(e); });
        if (!ended) out += lang == "zh" ? "。" : ".";
    }
    return out;
}

std::string textOf(const LocalizedText& text, const std::string& lang) {
    return lang == "zh" ? text.zh : text.en;
}

std::string itemText(const Item& item, const std::string& lang) {
    return joinParts(
        {textOf(item.title, lang), textOf(item.caption, lang), textOf(item.description, lang)},
        lang);
}

std::string chapterText(const Chapter& chapter, const std::string& lang) {
    if (textOf(chapter.intro, lang).empty()) return {};
    return joinParts({textOf(chapter.title, lang), textOf(chapter.intro, lang)}, lang);
}

std::string questionText(const Question& q, const std::string& lang) {
    std::vector<std::string> parts{textOf(q.prompt, lang)};
    if (parts[0].empty()) return {};
    if (q.type == QuestionType::TrueFalse)
        parts.push_back(lang == "zh" ? "对，还是错？" : "True or false?");
    // The kiosk shuffles the options: they are read as a list, without letters.
    for (const auto& option : q.options)
        parts.push_back(textOf(option.text, lang));
    return joinParts(parts, lang);
}

// espeak-ng reads `text` into a WAV file; ffmpeg (when there) makes it a compact mono MP3.
void synthesise(const fs::path& root, const fs::path& scratch, Reading& r, bool haveFfmpeg) {
    const fs::path textFile = scratch / (r.owner.substr(0, r.owner.find(':')) + "-" +
                                         std::to_string(std::hash<std::string>{}(r.file)) + ".txt");
    const fs::path wav = fs::path(textFile).replace_extension(".wav");
    if (auto s = writeFileAtomic(textFile, r.text); !s) {
        r.error = s.error().message;
        return;
    }
    const auto spoken = runChild({"espeak-ng", "-v", voiceFor(r.lang), "-s", "150", "-b", "1", "-f",
                                  textFile.string(), "-w", wav.string()});
    std::error_code ec;
    fs::remove(textFile, ec);
    if (!spoken.ok()) {
        r.error = spoken.started ? "espeak-ng failed: " + spoken.errors
                                 : "espeak-ng is not installed (apt install espeak-ng)";
        return;
    }
    const fs::path target = root / r.file;
    fs::create_directories(target.parent_path(), ec);
    const fs::path partial = target.parent_path() / ("." + target.filename().string() + ".part");
    if (haveFfmpeg) {
        const auto encoded =
            runChild({"ffmpeg", "-nostdin", "-v", "error", "-y", "-i", wav.string(), "-ac", "1",
                      "-c:a", "libmp3lame", "-q:a", "6", "-f", "mp3", partial.string()});
        fs::remove(wav, ec);
        if (!encoded.ok()) {
            fs::remove(partial, ec);
            r.error = "ffmpeg failed: " + encoded.errors;
            return;
        }
    } else {
        fs::rename(wav, partial, ec);
        if (ec) fs::copy_file(wav, partial, fs::copy_options::overwrite_existing, ec);
    }
    fs::rename(partial, target, ec);
    if (ec) {
        r.error = "cannot write " + r.file + ": " + ec.message();
        return;
    }
    auto sha = sha256File(target);
    if (sha) r.audioSha256 = *sha;
}

Json readSidecar(const fs::path& root) {
    const auto text = readFile(root / kNarrationSidecar);
    if (!text) return Json::object();
    Json parsed = Json::parse(*text, nullptr, false);
    return parsed.is_object() && parsed.contains("files") && parsed["files"].is_object()
               ? parsed["files"]
               : Json::object();
}

} // namespace

NarrateReport narratePack(const fs::path& packDir, const NarrateOptions& options) {
    NarrateReport report;
    PackLoadResult loaded = loadAndValidatePack(packDir);
    report.diagnostics = loaded.diagnostics;
    if (!loaded.ok()) return report;
    const Pack& pack = loaded.pack;
    const bool haveFfmpeg = programInPath("ffmpeg");
    const std::string extension = haveFfmpeg ? ".mp3" : ".wav";
    Json sidecar = readSidecar(pack.root);

    // Which readings to synthesise.
    std::vector<Reading> readings;
    const auto consider = [&](const std::string& document, const SourceRef& source,
                              const std::string& kind, const std::string& id,
                              const Narration& narration, const std::string& lang,
                              const std::string& text) {
        if (text.empty() || (!options.only.empty() && !options.only.count(id))) return;
        Reading r;
        r.document = document;
        r.pointer = source.pointer;
        r.owner = kind + ":" + id;
        r.lang = lang;
        r.text = text;
        r.textSha256 = sha256Hex(std::string(voiceFor(lang)) + "\n" + text);
        const std::string& current = lang == "zh" ? narration.zh : narration.en;
        if (current.empty()) {
            r.file = "audio/narration/" + kind + "-" + id + "." + lang + extension;
            r.newMember = true;
            std::error_code ec;
            if (fs::exists(pack.root / r.file, ec)) {
                // A file already there that --narrate did not write is someone's: keep it.
                const Json entry = sidecar.value(r.file, Json::object());
                if (entry.empty()) {
                    ++report.recorded;
                    return;
                }
                // Ours, for this very text (pack.json was replaced by its source): name it again.
                auto sha = sha256File(pack.root / r.file);
                r.reuse = sha && entry.value("audio_sha256", "") == *sha &&
                          entry.value("text_sha256", "") == r.textSha256;
                if (r.reuse) r.audioSha256 = *sha;
            }
        } else {
            r.file = current;
            const Json entry = sidecar.value(current, Json::object());
            auto sha = sha256File(pack.root / current);
            const bool ours = entry.is_object() && !entry.empty() &&
                              (!sha || entry.value("audio_sha256", "") == *sha);
            if (!ours) {
                sidecar.erase(current); // replaced by a recording: never synthetic again
                ++report.recorded;
                return;
            }
            if (sha && entry.value("text_sha256", "") == r.textSha256) {
                ++report.upToDate;
                return;
            }
        }
        readings.push_back(std::move(r));
    };
    for (const auto& e : pack.exhibitions)
        for (const auto& c : e.chapters) {
            for (const char* lang : {"zh", "en"})
                consider("pack.json", c.source, "chapter", c.id, c.narration, lang,
                         chapterText(c, lang));
            for (const auto& i : c.items)
                for (const char* lang : {"zh", "en"})
                    consider("pack.json", i.source, "item", i.id, i.narration, lang,
                             itemText(i, lang));
        }
    for (const auto& b : pack.quizBanks)
        for (const auto& q : b.questions)
            for (const char* lang : {"zh", "en"})
                consider(b.file, q.source, "question", q.id, q.narration, lang,
                         questionText(q, lang));

    // Synthesise on a few threads (espeak-ng and ffmpeg are one process each).
    const fs::path scratch = pack.root / "derived" / (".narration-" + std::to_string(::getpid()));
    std::error_code ec;
    fs::create_directories(scratch, ec);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t workers = std::min<std::size_t>(
        readings.size(),
        options.jobs > 0 ? static_cast<std::size_t>(options.jobs) : std::min(cores, 4u));
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < readings.size(); i = next++)
            if (!readings[i].reuse) synthesise(pack.root, scratch, readings[i], haveFfmpeg);
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < workers; ++t)
        pool.emplace_back(work);
    work();
    for (auto& t : pool)
        t.join();
    fs::remove_all(scratch, ec);

    // Record what was written, then name new files in their documents.
    std::map<std::string, Json> documents;
    for (const auto& r : readings) {
        if (!r.error.empty()) {
            report.diagnostics.add(
                {Severity::Error, "narration.failed", r.file, "", 0, 0,
                 "Narration of " + r.owner + " (" + r.lang + ") could not be made: " + r.error,
                 r.owner + "（" + r.lang + "）的朗读音频无法生成：" + r.error});
            continue;
        }
        if (r.reuse) {
            ++report.upToDate;
        } else {
            ++report.generated;
            report.written.push_back(r.file);
        }
        sidecar[r.file] = {{"owner", r.owner},
                           {"lang", r.lang},
                           {"voice", voiceFor(r.lang)},
                           {"text_sha256", r.textSha256},
                           {"audio_sha256", r.audioSha256}};
        if (!r.newMember) continue;
        auto [it, inserted] = documents.try_emplace(r.document);
        if (inserted) {
            auto text = readFile(pack.root / r.document);
            if (!text) {
                report.diagnostics.add(text.error());
                continue;
            }
            it->second = Json::parse(*text, nullptr, false);
        }
        Json& node = it->second[Json::json_pointer(r.pointer)];
        if (!node.contains("narration") || !node["narration"].is_object())
            node["narration"] = Json::object();
        node["narration"][r.lang] = r.file;
    }
    // Banks before pack.json, as the pack writer does.
    std::vector<std::string> order;
    for (const auto& [file, doc] : documents)
        if (file != "pack.json") order.push_back(file);
    if (documents.count("pack.json")) order.push_back("pack.json");
    for (const auto& file : order) {
        if (auto s = writeFileAtomic(pack.root / file, serializePackDocument(documents[file])); !s)
            report.diagnostics.add(s.error());
    }
    if (!readings.empty() || fs::exists(pack.root / kNarrationSidecar, ec)) {
        fs::create_directories(pack.root / "derived", ec);
        const Json out = {{"lantai_narration", 1}, {"files", sidecar}};
        const std::string text = out.dump(1) + "\n";
        const auto before = readFile(pack.root / kNarrationSidecar);
        if (!before || *before != text)
            if (auto s = writeFileAtomic(pack.root / kNarrationSidecar, text); !s)
                report.diagnostics.add(s.error());
    }
    report.ok = !report.diagnostics.hasErrors();
    return report;
}

} // namespace lantai::core
