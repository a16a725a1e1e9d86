// tools/gallery/export: the sharded client-side search index of one language (tools/gallery/SITE.md
// "Search index")
#include "tools/gallery/export/search_index.h"

#include "core/gallery/search_tokenizer.h"
#include "tools/gallery/export/html.h"
#include "tools/gallery/export/site_paths.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

namespace lantai::core::web {
namespace {

struct Doc {
    std::string url, title, snippet, reference;
    std::set<std::string> tokens;
};

void addTokens(std::set<std::string>& tokens, const std::string& text) {
    for (std::string& t : searchTokens(text))
        tokens.insert(std::move(t));
}

std::string lower(std::string s) {
    for (char& ch : s)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return s;
}

} // namespace

std::uint32_t shardCountFor(std::size_t postings) {
    std::uint32_t shards = 1;
    while (shards < 64 && postings / shards > 2000)
        shards *= 2;
    return shards;
}

SearchIndex buildSearchIndex(const SiteContext& c, Language lang) {
    std::vector<Doc> docs;
    for (const Exhibition& e : c.pack->exhibitions)
        for (const Chapter& ch : e.chapters)
            for (const Item& item : ch.items) {
                Doc d;
                d.url = itemPath(lang, item.id);
                d.title = item.title.get(lang);
                d.snippet = excerpt(item.caption.empty() ? item.description.get(lang)
                                                         : item.caption.get(lang),
                                    120);
                d.reference = item.reference;
                addTokens(d.tokens, d.title);
                addTokens(d.tokens, item.caption.get(lang));
                addTokens(d.tokens, item.description.get(lang));
                for (const ImageRef& img : item.images)
                    addTokens(d.tokens, img.caption.get(lang));
                addTokens(d.tokens, item.reference);
                if (!item.reference.empty()) d.tokens.insert(lower(item.reference));
                for (const std::string& tag : item.tags)
                    addTokens(d.tokens, tag);
                docs.push_back(std::move(d));
            }
    for (const Video& v : c.pack->videos) {
        Doc d;
        d.url = videoPath(lang, v.id);
        d.title = v.title.get(lang);
        d.snippet = excerpt(v.description.get(lang), 120);
        addTokens(d.tokens, d.title);
        addTokens(d.tokens, v.description.get(lang));
        docs.push_back(std::move(d));
    }

    std::size_t postings = 0;
    for (const Doc& d : docs)
        postings += d.tokens.size();
    SearchIndex index;
    index.shards = shardCountFor(postings);
    index.meta = {{"shards", index.shards}, {"docs", docs.size()}, {"version", 1}};
    index.docs = nlohmann::json::array();
    for (std::uint32_t s = 0; s < index.shards; ++s)
        index.shardFiles[s] = nlohmann::json::object();
    for (std::size_t id = 0; id < docs.size(); ++id) {
        const Doc& d = docs[id];
        index.docs.push_back({d.url, d.title, d.snippet, d.reference});
        for (const std::string& token : d.tokens) {
            nlohmann::json& list = index.shardFiles[searchShard(token, index.shards)][token];
            if (list.is_null()) list = nlohmann::json::array();
            list.push_back(id);
        }
    }
    return index;
}

} // namespace lantai::core::web
