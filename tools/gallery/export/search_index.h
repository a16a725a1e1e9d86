// tools/gallery/export: the sharded client-side search index of one language (tools/gallery/SITE.md
// "Search index")
#pragma once

#include "tools/gallery/export/site_context.h"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace lantai::core::web {

struct SearchIndex {
    std::uint32_t shards = 1;
    nlohmann::json meta; // {"shards", "docs", "version"}
    nlohmann::json docs; // [[url, title, snippet, reference], ...]
    std::map<std::uint32_t, nlohmann::json>
        shardFiles; // shard -> {"token": [docId, ...]}; every shard present
};

// Shard count for a number of postings: a power of two keeping a shard near 2,000 postings
// (a phone fetches one or two small files per query), at most 64.
std::uint32_t shardCountFor(std::size_t postings);

// Items (title, caption, description, image captions, 档号 whole and tokenised, tags) and
// videos (title, description) in pack order.
SearchIndex buildSearchIndex(const SiteContext& context, Language lang);

} // namespace lantai::core::web
