// tools/gallery/export: `lantai export web` orchestration — checks, images, videos, pages, data,
// atomic swap
#include "core/base/file_io.h"
#include "core/base/sha256.h"
#include "core/pack/derived_index.h"
#include "core/pack/loader.h"
#include "tools/gallery/export/file_placer.h"
#include "tools/gallery/export/iiif_manifest.h"
#include "tools/gallery/export/image_publishing.h"
#include "tools/gallery/export/narration_publishing.h"
#include "tools/gallery/export/pages.h"
#include "tools/gallery/export/quiz_data.h"
#include "tools/gallery/export/search_index.h"
#include "tools/gallery/export/site_folder.h"
#include "tools/gallery/export/site_paths.h"
#include "tools/gallery/export/sitemap.h"
#include "tools/gallery/export/video_publishing.h"
#include "tools/gallery/export/web_export.h"

#include <chrono>

namespace lantai::core {

namespace fs = std::filesystem;
using namespace web;

namespace {

void report(Diagnostics& d, Severity severity, const char* code, std::string en, std::string zh,
            std::string file = {}) {
    Diagnostic diag;
    diag.severity = severity;
    diag.code = code;
    diag.file = std::move(file);
    diag.message = std::move(en);
    diag.messageZh = std::move(zh);
    d.add(std::move(diag));
}

// "" when derived/ matches the pack's sources, else the first pack path that differs.
std::string staleSource(const Pack& pack, const DerivedIndex& index) {
    for (const auto& [path, entry] : index.files) {
        std::error_code ec;
        const auto size = fs::file_size(pack.root / path, ec);
        if (ec || size != entry.first) return path;
    }
    for (const ImageRef* ref : pack.allImages())
        if (!index.images.count(ref->file)) return ref->file;
    return {};
}

fs::path findAssets(const fs::path& dir) {
    if (fs::exists(dir / "assets" / "lantai.js")) return dir / "assets";
    if (fs::exists(dir / "lantai.js")) return dir;
    return {};
}

std::string versionOf(const fs::path& file, std::string& error) {
    const auto hash = sha256File(file);
    if (!hash) error = hash.error().message;
    return hash ? hash->substr(0, 10) : std::string();
}

class SiteWriter {
  public:
    explicit SiteWriter(fs::path root) : m_root(std::move(root)) {}
    bool write(const std::string& rel, const std::string& content) {
        const fs::path path = m_root / rel;
        std::error_code ec;
        fs::create_directories(path.parent_path(), ec);
        if (rel.size() > 5 && rel.compare(rel.size() - 5, 5, ".html") == 0) ++m_pages;
        return writeSiteFile(path, content, m_error);
    }
    bool json(const std::string& rel, const nlohmann::json& value) {
        return write(rel, value.dump() + "\n");
    }
    const std::string& error() const { return m_error; }
    std::size_t pages() const { return m_pages; }

  private:
    fs::path m_root;
    std::string m_error;
    std::size_t m_pages = 0;
};

bool writePages(const SiteContext& c, SiteWriter& w, std::size_t& items) {
    const Pack& pack = *c.pack;
    bool ok = w.write("index.html", renderLanguageChooser(c));
    for (const Language lang : {Language::Zh, Language::En}) {
        ok = ok && w.write(homePath(lang), renderHome(c, lang));
        for (const Exhibition& e : pack.exhibitions) {
            ok = ok && w.write(exhibitionPath(lang, e.id), renderExhibition(c, lang, e));
            for (const Chapter& ch : e.chapters) {
                ok = ok && w.write(chapterPath(lang, e.id, ch.id), renderChapter(c, lang, e, ch));
                for (const Item& item : ch.items) {
                    ok = ok && w.write(itemPath(lang, item.id), renderItem(c, lang, item));
                    if (lang == Language::Zh) ++items;
                }
            }
        }
        ok = ok && w.write(videosPath(lang), renderVideoLibrary(c, lang));
        for (const Video& v : pack.videos)
            ok = ok && w.write(videoPath(lang, v.id), renderVideo(c, lang, v));
        ok = ok && w.write(quizPath(lang), renderQuiz(c, lang));
        ok = ok && w.write(searchPath(lang), renderSearch(c, lang));
    }
    return ok;
}

bool writeData(const SiteContext& c, SiteWriter& w) {
    bool ok = true;
    for (const Language lang : {Language::Zh, Language::En}) {
        const SearchIndex index = buildSearchIndex(c, lang);
        const std::string dir = "data/search/" + langDir(lang) + "/";
        ok = ok && w.json(dir + "meta.json", index.meta) && w.json(dir + "docs.json", index.docs);
        for (const auto& [shard, tokens] : index.shardFiles)
            ok = ok && w.json(dir + std::to_string(shard) + ".json", tokens);
    }
    for (const QuizBank& bank : c.pack->quizBanks)
        ok = ok && w.json("data/quiz/" + bank.id + ".json", quizBankJson(c, bank));
    for (const Exhibition& e : c.pack->exhibitions)
        ok = ok && w.write(manifestPath(e.id), exhibitionManifest(c, e).dump(1) + "\n");
    if (!c.baseUrl.empty())
        ok = ok && w.write("sitemap.xml", sitemapXml(c)) && w.write("robots.txt", robotsTxt(c));
    return ok;
}

// The temp folder of this export and what is to be deleted once the export is over (the
// previous site, leftovers of interrupted exports, the temp folder itself unless swapped in),
// handed to a background rm so that the command does not wait for thousands of rmdir calls.
struct Cleanup {
    fs::path out;
    fs::path tmp;
    std::vector<fs::path> garbage;
    ~Cleanup() {
        if (!tmp.empty()) garbage.push_back(toTrash(tmp, out));
        removeInBackground(garbage);
    }
};

} // namespace

bool isValidBaseUrl(const std::string& url) {
    const auto scheme = url.find("://");
    if (scheme == std::string::npos) return false;
    const std::string s = url.substr(0, scheme);
    if (s != "http" && s != "https") return false;
    if (url.size() <= scheme + 3 || url[scheme + 3] == '/') return false;
    return url.find_first_of("?# \t\n\"'<>") == std::string::npos;
}

WebExportReport exportWebSite(const fs::path& packDir, const fs::path& outDirArg,
                              const WebExportOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    WebExportReport rep;
    Diagnostics& d = rep.diagnostics;
    if (!options.baseUrl.empty() && !isValidBaseUrl(options.baseUrl)) {
        report(d, Severity::Error, "export.bad_base_url",
               "--base-url must be an absolute http:// or https:// URL: " + options.baseUrl,
               "--base-url 必须是以 http:// 或 https:// 开头的完整网址：" + options.baseUrl);
        return rep;
    }
    PackLoadResult loaded = loadAndValidatePack(packDir);
    d.append(loaded.diagnostics);
    if (!loaded.ok()) {
        report(d, Severity::Error, "export.invalid_pack",
               "The pack has errors; fix them (see `lantai validate`) before exporting.",
               "内容包有错误，请先修正（见 lantai validate）再导出。");
        return rep;
    }
    const Pack& pack = loaded.pack;
    std::string error;
    const auto derived = readDerivedIndex(pack.root);
    if (!derived) {
        report(d, Severity::Error, "export.not_built",
               "The pack has not been built: run `lantai build " + packDir.string() + "` first (" +
                   derived.error().message + ")",
               "内容包尚未生成衍生文件：请先运行 lantai build " + packDir.string() + "（" +
                   derived.error().messageZh + "）",
               "derived/index.json");
        return rep;
    }
    if (const std::string stale = staleSource(pack, *derived); !stale.empty()) {
        report(d, Severity::Error, "export.not_built",
               "The pack changed since it was built (" + stale + "): run `lantai build " +
                   packDir.string() + "` again.",
               "内容包在生成衍生文件后已修改（" + stale + "）：请重新运行 lantai build " +
                   packDir.string() + "。",
               stale);
        return rep;
    }
    const fs::path assets = findAssets(options.assetsDir);
    if (assets.empty() || !fs::exists(assets / "lantai.css")) {
        report(d, Severity::Error, "export.assets_missing",
               "The viewer assets (assets/lantai.js and assets/lantai.css) are not in \"" +
                   options.assetsDir.string() +
                   "\": build the lantai_web target (needs node and npm) or pass --assets DIR.",
               "在“" + options.assetsDir.string() +
                   "”中找不到网页查看器文件（assets/lantai.js、assets/lantai.css）："
                   "请构建 lantai_web 目标（需要 node 和 npm），或用 --assets 指定目录。");
        return rep;
    }
    if (options.baseUrl.empty())
        report(d, Severity::Warning, "export.no_base_url",
               "No --base-url: the IIIF manifests carry ids relative to the site root, which "
               "Mirador and Universal Viewer "
               "cannot open; the site itself works from any address.",
               "未指定 --base-url：IIIF 清单中的 id 为相对路径，Mirador 和 Universal Viewer "
               "无法打开；网站本身可在任何地址使用。");

    // ---- where to write ------------------------------------------------------------------------
    std::error_code ec;
    const fs::path outDir = fs::absolute(outDirArg).lexically_normal();
    const fs::path out = outDir.filename().empty() ? outDir.parent_path() : outDir;
    // Leftovers of interrupted exports go first: one may be the previous site to put back.
    Cleanup cleanup{out, {}, claimLeftovers(out)};
    fs::path previous;
    if (fs::exists(out, ec)) {
        if (fs::exists(out / kStampName))
            previous = out;
        else if (!fs::is_directory(out) || !fs::is_empty(out, ec)) {
            report(d, Severity::Error, "export.out_not_site",
                   out.string() +
                       " exists and is not an earlier Lantai export; choose a new or empty folder.",
                   out.string() + " 已存在且不是兰台导出的网站，请选择新的或空的文件夹。");
            return rep;
        }
    }
    fs::create_directories(out.parent_path(), ec);
    const fs::path tmp = tempSiteFolder(out);
    if (!fs::create_directory(tmp, ec)) {
        report(d, Severity::Error, "export.write_failed",
               tmp.string() + ": cannot create folder: " + ec.message(),
               tmp.string() + "：无法创建文件夹：" + ec.message());
        return rep;
    }
    cleanup.tmp = tmp;
    nlohmann::json previousStamp;
    if (!previous.empty()) {
        if (const auto text = readFile(previous / kStampName))
            previousStamp = nlohmann::json::parse(*text, nullptr, false)
                                .value("limited", nlohmann::json::object());
    }

    // ---- files ---------------------------------------------------------------------------------
    SiteContext c;
    c.pack = &pack;
    c.baseUrl = options.baseUrl;
    while (!c.baseUrl.empty() && c.baseUrl.back() == '/')
        c.baseUrl.pop_back();
    c.jsVersion = versionOf(assets / "lantai.js", error);
    c.cssVersion = versionOf(assets / "lantai.css", error);
    indexItemPlaces(c);
    FilePlacer placer(tmp, previous);
    ImagePublishStats stats;
    nlohmann::json stamp;
    SiteWriter writer(tmp);
    bool ok = placer.placeTree(assets, "assets", error) &&
              publishImages(pack.root, *derived, placer, tmp, previous, previousStamp, stamp, c,
                            stats, error);
    if (ok) publishVideos(pack.root, placer, tmp, c, d);
    if (ok) publishNarration(pack.root, placer, c, d);
    if (ok && !(writePages(c, writer, rep.items) && writeData(c, writer))) {
        ok = false;
        error = writer.error();
    }
    if (ok) {
        const nlohmann::json exportStamp = {{"format", 1},
                                            {"pack", pack.id},
                                            {"exported_by", "lantai " LANTAI_VERSION},
                                            {"base_url", c.baseUrl},
                                            {"limited", stamp}};
        ok = writer.json(kStampName, exportStamp);
        if (!ok) error = writer.error();
    }
    fs::path previousSite;
    if (ok) ok = swapInSite(tmp, out, previousSite, error);
    if (!ok) {
        report(d, Severity::Error, "export.write_failed",
               "Export failed, the previous site is unchanged: " + error,
               "导出失败，原有网站未改动：" + error);
        return rep;
    }
    cleanup.tmp.clear();
    if (!previousSite.empty()) cleanup.garbage.push_back(previousSite);
    rep.ok = true;
    rep.pages = writer.pages();
    rep.imagesFull = stats.full;
    rep.imagesLimited = stats.limited;
    rep.imagesWithheld = stats.withheld;
    rep.filesLinked = placer.linked();
    rep.filesCopied = placer.copied();
    rep.filesReused = placer.reused();
    rep.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return rep;
}

} // namespace lantai::core
