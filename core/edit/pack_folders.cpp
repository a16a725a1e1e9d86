// core/edit: a new pack from the template; "save as" — the session's pack planned on its thread,
// written into another folder on any thread
#include "core/edit/pack_folders.h"

#include "core/base/file_io.h"
#include "core/base/json_reader.h"
#include "core/edit/edit_folder.h"
#include "core/edit/edit_session.h"
#include "core/pack/narration_sidecar.h"
#include "core/pack/path_safety.h"
#include "core/pack/writer.h"

#include <set>

namespace lantai::core::edit {

namespace fs = std::filesystem;

namespace {

Diagnostic copyError(std::string code, const fs::path& file, std::string message,
                     std::string messageZh) {
    return operationalError(std::move(code), file.string(), std::move(message),
                            std::move(messageZh));
}

// Removes what a failed copy wrote into `dir` (empty before) and `dir` itself if it made it.
void undoCopy(const fs::path& dir, bool createdDir) {
    std::error_code ec;
    if (createdDir) {
        fs::remove_all(dir, ec);
        return;
    }
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        fs::remove_all(it->path(), ec);
}

Status writeCopyFiles(const PackCopyPlan& plan, const fs::path& dir, const CopyProgress& progress) {
    const std::size_t total = plan.media.size() + plan.documents.size();
    std::size_t done = 0;
    std::set<fs::path> folders{dir};
    const auto step = [&]() -> Status {
        ++done;
        if (progress && !progress(done, total))
            return copyError("edit.cancelled", dir, "Saving a copy was cancelled.",
                             "已取消保存副本。");
        return {};
    };
    const auto prepare = [&](const std::string& file) -> Result<fs::path> {
        const fs::path target = dir / file;
        std::error_code ec;
        fs::create_directories(target.parent_path(), ec);
        if (ec)
            return copyError(
                "edit.copy_failed", target.parent_path(),
                "Cannot create " + target.parent_path().string() + ": " + ec.message() + ".",
                "无法创建 " + target.parent_path().string() + "：" + ec.message() + "。");
        folders.insert(target.parent_path());
        return target;
    };
    for (const auto& file : plan.media) {
        auto target = prepare(file);
        if (!target) return std::move(target).error();
        if (Status copied = copyMediaFile(plan.from / file, *target); !copied) return copied;
        if (Status ok = step(); !ok) return ok;
    }
    // Banks first, pack.json last.
    std::vector<std::pair<std::string, const std::string*>> order;
    for (const auto& [file, text] : plan.documents)
        if (file != "pack.json") order.emplace_back(file, &text);
    if (const auto pack = plan.documents.find("pack.json"); pack != plan.documents.end())
        order.emplace_back(pack->first, &pack->second);
    for (const auto& [file, text] : order) {
        auto target = prepare(file);
        if (!target) return std::move(target).error();
        if (file == "pack.json" && !plan.translationSidecar.empty()) {
            // The sidecar just before pack.json: a copy that has pack.json has it too.
            const fs::path sidecar = EditFolder{dir}.translation();
            std::error_code ec;
            fs::create_directories(sidecar.parent_path(), ec);
            if (Status written = writeFileAtomic(sidecar, plan.translationSidecar); !written)
                return written;
        }
        if (Status written = writeFileAtomic(*target, *text); !written) return written;
        if (Status ok = step(); !ok) return ok;
    }
    for (const auto& folder : folders)
        if (Status synced = syncDirectory(folder); !synced) return synced;
    return {};
}

} // namespace

Status createPack(const fs::path& dir, const LocalizedText& title, const LocalizedText& organiser,
                  const Transliterator* transliterator) {
    std::error_code ec;
    if (fs::exists(dir / "pack.json", ec))
        return operationalError("pack.exists", "pack.json",
                                "There is already a pack in " + dir.string() + ".",
                                "文件夹 " + dir.string() + " 中已经有内容包。");
    Pack pack;
    pack.title = title;
    pack.organiser = organiser;
    const std::string slug = titleSlug(title, transliterator);
    pack.id = !slug.empty() && isValidId(slug) ? slug : "pack";
    Exhibition exhibition;
    exhibition.title = title;
    exhibition.id = pack.id == "pack" ? "exhibition" : pack.id;
    Chapter chapter;
    chapter.title = {"第一单元", "Part 1"};
    chapter.id = "part-1";
    exhibition.chapters.push_back(std::move(chapter));
    pack.exhibitions.push_back(std::move(exhibition));
    return writePack(pack, dir);
}

Result<PackCopyPlan> EditSession::planCopy() const {
    PackCopyPlan plan;
    plan.from = m_root;
    try {
        plan.documents = serializedFiles();
    } catch (const nlohmann::json::exception& e) {
        return operationalError("text.not_utf8", "pack.json",
                                std::string("A text is not valid UTF-8: ") + e.what() + ".",
                                std::string("有文字不是有效的 UTF-8：") + e.what() + "。");
    }
    std::error_code ec;
    for (const auto& file : referencedFiles(m_pack))
        if (!file.empty() && !plan.documents.count(file) && !validatePackPath(m_root, file) &&
            fs::is_regular_file(m_root / file, ec))
            plan.media.push_back(file);
    // Which narration is synthetic: without the list, --narrate takes every file for a recording.
    if (fs::is_regular_file(m_root / kNarrationSidecar, ec))
        plan.media.push_back(kNarrationSidecar);
    TranslationMemory memory = m_translations;
    memory.prune(m_pack);
    plan.translationSidecar = memory.toJson().dump(2) + "\n";
    return plan;
}

Status writePackCopy(const PackCopyPlan& plan, const fs::path& dir, const CopyProgress& progress) {
    std::error_code ec;
    const bool existed = fs::exists(dir, ec);
    if (existed && (!fs::is_directory(dir, ec) || !fs::is_empty(dir, ec)))
        return copyError("edit.copy_target", dir,
                         "A copy needs an empty folder, and " + dir.string() + " is not empty.",
                         "副本需要一个空文件夹，而 " + dir.string() + " 不是空的。");
    if (fs::weakly_canonical(dir, ec) == fs::weakly_canonical(plan.from, ec))
        return copyError("edit.copy_target", dir, "A copy cannot replace the pack itself.",
                         "副本不能覆盖内容包本身。");
    fs::create_directories(dir, ec);
    if (ec)
        return copyError("edit.copy_failed", dir,
                         "Cannot create " + dir.string() + ": " + ec.message() + ".",
                         "无法创建 " + dir.string() + "：" + ec.message() + "。");
    Status written = writeCopyFiles(plan, dir, progress);
    if (!written) undoCopy(dir, !existed);
    return written;
}

} // namespace lantai::core::edit
