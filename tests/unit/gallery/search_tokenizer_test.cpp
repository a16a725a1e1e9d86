// tests: cloud-gallery search tokeniser against the shared vectors in tests/web/search_tokens.json
#include "core/gallery/search_tokenizer.h"

#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using namespace lantai::core;

namespace {

nlohmann::json loadVectors() {
    std::ifstream in(std::string(LANTAI_SOURCE_DIR) + "/tests/web/search_tokens.json");
    return nlohmann::json::parse(in);
}

} // namespace

TEST(SearchTokenizer, SharedVectors) {
    const nlohmann::json doc = loadVectors();
    const auto shards = doc.at("shards").get<std::uint32_t>();
    ASSERT_GE(doc.at("cases").size(), 30u);
    for (const auto& c : doc.at("cases")) {
        const auto text = c.at("text").get<std::string>();
        const auto expected = c.at("tokens").get<std::vector<std::string>>();
        const auto expectedShards = c.at("shards").get<std::vector<std::uint32_t>>();
        EXPECT_EQ(searchTokens(text), expected) << "text: " << text;
        std::vector<std::uint32_t> got;
        for (const auto& t : expected)
            got.push_back(searchShard(t, shards));
        EXPECT_EQ(got, expectedShards) << "text: " << text;
    }
}

TEST(SearchTokenizer, Fnv1aKnownValues) {
    EXPECT_EQ(fnv1a32(""), 2166136261u);
    EXPECT_EQ(fnv1a32("a"), 0xe40c292cu);
    EXPECT_EQ(fnv1a32("foobar"), 0xbf9cf968u);
}

TEST(SearchTokenizer, InvalidUtf8Separates) {
    EXPECT_EQ(searchTokens(std::string("ab\xff"
                                       "cd")),
              (std::vector<std::string>{"ab", "cd"}));
    EXPECT_EQ(searchTokens(std::string("\xe6\xa1")), std::vector<std::string>{});
}
