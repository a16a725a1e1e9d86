// tools/gallery/export: items' narration into media/narration/ (see narration_publishing.h)
#include "tools/gallery/export/narration_publishing.h"

#include "core/media/asset_probe.h"

#include <algorithm>

namespace lantai::core::web {

namespace fs = std::filesystem;

void publishNarration(const fs::path& packRoot, FilePlacer& placer, SiteContext& c,
                      Diagnostics& warnings) {
    for (const auto& e : c.pack->exhibitions)
        for (const auto& ch : e.chapters)
            for (const auto& item : ch.items)
                for (const Language lang : {Language::Zh, Language::En}) {
                    const std::string& file = item.narration.fileFor(lang);
                    if (file.empty()) continue;
                    std::string ext = fs::path(file).extension().string();
                    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char letter) {
                        return static_cast<char>(std::tolower(letter));
                    });
                    const std::string target =
                        "media/narration/" + item.id + "." + languageCode(lang) + ext;
                    std::string error;
                    const auto probe = probeFile(packRoot / file);
                    if (!isAudioKind(probe.kind))
                        error = probe.problem.empty() ? "not an audio file" : probe.problem;
                    if (error.empty() && placer.placeFile(packRoot / file, target, error)) {
                        c.narration[item.id][languageCode(lang)] = target;
                        continue;
                    }
                    Diagnostic d;
                    d.severity = Severity::Warning;
                    d.code = "export.narration_skipped";
                    d.file = file;
                    d.message =
                        "The narration of \"" + item.id + "\" is left out of the site: " + error;
                    d.messageZh = "展品“" + item.id + "”的朗读音频未导出：" + error;
                    warnings.add(std::move(d));
                }
}

} // namespace lantai::core::web
