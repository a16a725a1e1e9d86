// tests: cloud-gallery exporter pieces — escaping, site paths, texts, publishing policy, search
// index, IIIF manifest, the site folder's swap and leftovers
#include "core/gallery/search_tokenizer.h"
#include "core/gallery/web_paths.h"
#include "core/i18n/ui_strings.h"
#include "tools/gallery/export/html.h"
#include "tools/gallery/export/iiif_manifest.h"
#include "tools/gallery/export/image_publishing.h"
#include "tools/gallery/export/search_index.h"
#include "tools/gallery/export/site_folder.h"
#include "tools/gallery/export/site_paths.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace lantai::core;
using namespace lantai::core::web;

namespace {

Item makeItem(const std::string& id, const std::string& title, const std::string& image) {
    Item item;
    item.id = id;
    item.title = {title, title + " (en)"};
    item.caption = {"<script>alert(1)</script>", "<script>alert(1)</script>"};
    item.reference = "J001-A";
    item.images.push_back({image, {"alt", "alt"}, {}, {}});
    return item;
}

Pack makePack() {
    Pack pack;
    pack.id = "p";
    pack.title = {"展", "Show"};
    pack.organiser = {"馆", "Archives"};
    Exhibition e;
    e.id = "exh";
    e.title = {"展览", ""};
    Chapter a{"ch-a", {"甲", "A"}, {}, {}, {makeItem("one", "兰台档案", "images/one.jpg")}, {}};
    Chapter b{"ch-b",
              {"乙", "B"},
              {},
              {},
              {makeItem("two", "第二件", "images/two.jpg"),
               makeItem("three", "第三件", "images/three.jpg")},
              {}};
    b.items[1].web.publish = PublishPolicy::None;
    e.chapters = {a, b};
    pack.exhibitions.push_back(e);
    return pack;
}

SiteContext makeContext(const Pack& pack, const std::string& baseUrl) {
    SiteContext c;
    c.pack = &pack;
    c.baseUrl = baseUrl;
    for (const char* key : {"one", "two"}) {
        PublishedImage img;
        img.key = std::string("images_") + key + "_jpg";
        img.width = 3000;
        img.height = 2000;
        img.thumbWidth = 480;
        img.thumbHeight = 320;
        img.largestSize = "full/1500,1000/0/default.jpg";
        img.largestWidth = 1500;
        img.largestHeight = 1000;
        c.images[std::string("images/") + key + ".jpg"] = img;
    }
    indexItemPlaces(c);
    return c;
}

} // namespace

TEST(WebHtml, EscapesEveryMarkupCharacter) {
    EXPECT_EQ(esc("<script>alert('x') & \"y\"</script>"),
              "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    EXPECT_EQ(esc("兰台"), "兰台");
}

TEST(WebHtml, ParagraphsAndExcerpts) {
    EXPECT_EQ(paragraphs("a<b\nc\n\nd"), "<p>a&lt;b<br>c</p><p>d</p>");
    EXPECT_EQ(paragraphs(""), "");
    EXPECT_EQ(excerpt("一二三四五", 3), "一二三…");
    EXPECT_EQ(excerpt("  a \n b  ", 10), "a b");
}

TEST(WebPaths, PagesAndRelativeLinks) {
    EXPECT_EQ(itemPath(Language::Zh, "x"), webItemPath("zh", "x"));
    EXPECT_EQ(chapterPath(Language::En, "e", "c"), "en/chapters/e/c.html");
    EXPECT_EQ(relativeLink("zh/items/a.html", iiifInfoPath("k")), "../../iiif/k/info.json");
    EXPECT_EQ(relativeLink("zh/chapters/e/c.html", thumbPath("k")), "../../../media/thumbs/k.jpg");
    EXPECT_EQ(relativeLink("index.html", "zh/index.html"), "zh/index.html");
}

// Every key the renderers use is in the one string table (core/i18n), in both languages: the
// literal keys of uiText/uiCount/uiFormat calls, and every "web.…" literal (keys handed to a
// helper).
TEST(WebStrings, EveryUsedKeyExists) {
    const std::regex use(R"re(ui(Text|Count|Format)\(\s*"([a-z0-9_.]+)"|"(web\.[a-z0-9_.]+)")re");
    int seen = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(LANTAI_SOURCE_DIR) +
                                                                 "/tools/gallery/export")) {
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const std::string s = text.str();
        for (std::sregex_iterator it(s.begin(), s.end(), use), end; it != end; ++it, ++seen) {
            const std::string key = (*it)[2].matched ? (*it)[2].str() : (*it)[3].str();
            EXPECT_TRUE(hasUiText(key)) << key << " in " << entry.path();
            EXPECT_FALSE(uiText(key, Language::Zh).empty());
            EXPECT_FALSE(uiText(key, Language::En).empty());
        }
    }
    EXPECT_GT(seen, 20);
    EXPECT_EQ(uiCount("grid.items", 1, Language::En), "1 item");
    EXPECT_EQ(uiCount("grid.items", 3, Language::Zh), "3 件展品");
}

TEST(WebPolicy, StrictestPolicyWinsAndDefaultsApply) {
    Pack pack = makePack();
    pack.web.publish = PublishPolicy::Limited;
    pack.web.maxPx = 3000;
    Item& two = pack.exhibitions[0].chapters[1].items[0];
    two.web.publish = PublishPolicy::Full;
    EXPECT_EQ(itemPolicy(pack, pack.exhibitions[0].chapters[0].items[0]).publish,
              PublishPolicy::Limited);
    EXPECT_EQ(itemPolicy(pack, two).publish, PublishPolicy::Full);
    two.images.push_back({"images/one.jpg", {}, {}, {}}); // shown by a limited and a full item
    two.web = {PublishPolicy::Limited, 800};
    const auto policies = imagePolicies(pack);
    EXPECT_EQ(policies.at("images/one.jpg").maxPx, 800);
    EXPECT_EQ(policies.at("images/three.jpg").publish, PublishPolicy::None);
    Pack plain = makePack();
    plain.exhibitions[0].chapters[0].items[0].web.publish = PublishPolicy::Limited;
    EXPECT_EQ(itemPolicy(plain, plain.exhibitions[0].chapters[0].items[0]).maxPx,
              kDefaultLimitedPx);
}

TEST(WebSearchIndex, TokensLandInTheirShard) {
    const Pack pack = makePack();
    const SiteContext c = makeContext(pack, "");
    const SearchIndex index = buildSearchIndex(c, Language::Zh);
    ASSERT_EQ(index.docs.size(), 3u);
    EXPECT_EQ(index.docs[0][0], "zh/items/one.html");
    EXPECT_EQ(index.docs[0][3], "J001-A");
    EXPECT_EQ(index.meta["docs"], 3);
    for (const std::string token : {"兰台", "台档", "档案", "j001", "j001-a", "script"}) {
        const auto& shard = index.shardFiles.at(searchShard(token, index.shards));
        ASSERT_TRUE(shard.contains(token)) << token;
        EXPECT_EQ(shard[token][0], 0);
    }
    EXPECT_EQ(shardCountFor(0), 1u);
    EXPECT_EQ(shardCountFor(10'000), 8u);
    EXPECT_EQ(shardCountFor(100'000'000), 64u);
}

TEST(WebManifest, ChaptersAreRangesOfPublishedCanvases) {
    const Pack pack = makePack();
    const SiteContext c = makeContext(pack, "https://x.org/g");
    const auto m = exhibitionManifest(c, pack.exhibitions[0]);
    EXPECT_EQ(m["@context"], "http://iiif.io/api/presentation/3/context.json");
    EXPECT_EQ(m["id"], "https://x.org/g/iiif/manifests/exh.json");
    EXPECT_EQ(m["label"]["zh"][0], "展览");
    EXPECT_EQ(m["label"]["en"][0], "展览"); // English falls back to Chinese
    ASSERT_EQ(m["items"].size(), 2u);       // "three" is not published
    const auto& canvas = m["items"][0];
    EXPECT_EQ(canvas["width"], 3000);
    EXPECT_EQ(canvas["items"][0]["items"][0]["body"]["service"][0]["id"],
              "https://x.org/g/iiif/images_one_jpg");
    EXPECT_EQ(canvas["items"][0]["items"][0]["body"]["id"],
              "https://x.org/g/iiif/images_one_jpg/full/1500,1000/0/default.jpg");
    // A value that would read as HTML is escaped inside a <span>.
    EXPECT_EQ(canvas["summary"]["zh"][0], "<span>&lt;script&gt;alert(1)&lt;/script&gt;</span>");
    ASSERT_EQ(m["structures"].size(), 2u);
    EXPECT_EQ(m["structures"][0]["type"], "Range");
    EXPECT_EQ(m["structures"][0]["items"][0]["id"], canvas["id"]);
    EXPECT_EQ(m["structures"][1]["items"].size(), 1u);
    const auto relative = exhibitionManifest(makeContext(pack, ""), pack.exhibitions[0]);
    EXPECT_EQ(relative["id"], "iiif/manifests/exh.json");
}

namespace {

namespace fs = std::filesystem;

// A folder "site" (with the stamp of an export when `stamp`) holding one file.
void makeSite(const fs::path& dir, const std::string& content, bool stamp = true) {
    fs::create_directories(dir / "iiif/k/0,0,512,512/512,512/0");
    std::ofstream(dir / "index.html") << content;
    std::ofstream(dir / "iiif/k/0,0,512,512/512,512/0/default.jpg") << "tile";
    if (stamp) std::ofstream(dir / kStampName) << "{}";
}

std::string readText(const fs::path& file) {
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// The pid of a process that has ended.
pid_t deadPid() {
    const pid_t pid = ::fork();
    if (pid == 0) ::_exit(0);
    ::waitpid(pid, nullptr, 0);
    return pid;
}

struct Scratch {
    fs::path dir = fs::temp_directory_path() / ("lantai_site_folder_" + std::to_string(::getpid()));
    Scratch() { fs::remove_all(dir), fs::create_directories(dir); }
    ~Scratch() { fs::remove_all(dir); }
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& e : fs::directory_iterator(dir))
            out.push_back(e.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }
};

} // namespace

TEST(WebSiteFolder, SwapExchangesAndTheOldSiteBecomesTrash) {
    Scratch s;
    const fs::path out = s.dir / "site";
    fs::path previous;
    std::string error;
    makeSite(tempSiteFolder(out), "first");
    ASSERT_TRUE(swapInSite(tempSiteFolder(out), out, previous, error)) << error;
    EXPECT_TRUE(previous.empty());
    EXPECT_EQ(readText(out / "index.html"), "first");

    makeSite(tempSiteFolder(out), "second");
    ASSERT_TRUE(swapInSite(tempSiteFolder(out), out, previous, error)) << error;
    EXPECT_EQ(readText(out / "index.html"), "second");
    ASSERT_FALSE(previous.empty());
    EXPECT_EQ(previous.parent_path(), s.dir);
    EXPECT_EQ(previous.filename().string().rfind(".site.trash-", 0), 0u) << previous;
    EXPECT_EQ(readText(previous / "index.html"), "first");
    EXPECT_FALSE(fs::exists(previous / kStampName)); // never taken for a site
    EXPECT_FALSE(fs::exists(tempSiteFolder(out)));

    removeInBackground({previous});
    for (int i = 0; i < 500 && fs::exists(previous); ++i)
        ::usleep(10'000);
    EXPECT_FALSE(fs::exists(previous));
    EXPECT_EQ(s.names(), std::vector<std::string>{"site"});
}

TEST(WebSiteFolder, LeftoversOfEndedExportsAreClaimedRunningOnesKept) {
    Scratch s;
    const fs::path out = s.dir / "site";
    makeSite(out, "current");
    const std::string dead = std::to_string(deadPid()), running = std::to_string(::getppid());
    makeSite(s.dir / (".site.tmp-" + dead), "unfinished", false);
    makeSite(s.dir / (".site.tmp-" + running), "being written", false);
    makeSite(s.dir / (".site.old-" + dead), "previous", true);
    makeSite(s.dir / ".site.trash-1-0", "half deleted", false);
    makeSite(s.dir / (".other.tmp-" + dead), "another site's", false);
    makeSite(s.dir / ".site.tmp-x", "not ours", false);

    const auto claimed = claimLeftovers(out);
    EXPECT_EQ(claimed.size(), 3u);
    for (const fs::path& p : claimed)
        EXPECT_EQ(p.filename().string().rfind(".site.trash-" + std::to_string(::getpid()) + "-", 0),
                  0u)
            << p;
    EXPECT_EQ(readText(out / "index.html"),
              "current"); // OUT exists: the .old- site is not put back
    const auto names = s.names();
    EXPECT_EQ(std::count(names.begin(), names.end(), ".site.tmp-" + running), 1);
    EXPECT_EQ(std::count(names.begin(), names.end(), ".other.tmp-" + dead), 1);
    EXPECT_EQ(std::count(names.begin(), names.end(), ".site.tmp-x"), 1);
    EXPECT_EQ(std::count(names.begin(), names.end(), ".site.tmp-" + dead), 0);
    EXPECT_EQ(std::count(names.begin(), names.end(), ".site.old-" + dead), 0);
    EXPECT_EQ(std::count(names.begin(), names.end(), ".site.trash-1-0"), 0);
}

TEST(WebSiteFolder, APreviousSiteLeftBetweenTwoRenamesIsPutBack) {
    Scratch s;
    const fs::path out = s.dir / "site";
    const std::string dead = std::to_string(deadPid());
    makeSite(s.dir / (".site.old-" + dead), "previous", true);
    EXPECT_TRUE(claimLeftovers(out).empty());
    EXPECT_EQ(readText(out / "index.html"), "previous");
    EXPECT_TRUE(fs::exists(out / kStampName));
    EXPECT_EQ(s.names(), std::vector<std::string>{"site"});
}
