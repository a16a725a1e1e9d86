// tests: cloud-gallery URL paths — item page path and joining a base URL with exactly one slash
#include "core/gallery/web_paths.h"

#include <gtest/gtest.h>

using namespace lantai::core;

TEST(WebPaths, ItemPath) {
    EXPECT_EQ(webItemPath("zh", "letter-01"), "zh/items/letter-01.html");
    EXPECT_EQ(webItemPath("en", "a"), "en/items/a.html");
}

TEST(WebPaths, ItemUrlJoinsWithOneSlash) {
    EXPECT_EQ(webItemUrl("https://archives.example.org/gallery", "zh", "x"),
              "https://archives.example.org/gallery/zh/items/x.html");
    EXPECT_EQ(webItemUrl("https://archives.example.org/gallery/", "zh", "x"),
              "https://archives.example.org/gallery/zh/items/x.html");
    EXPECT_EQ(webItemUrl("https://archives.example.org/gallery///", "en", "x"),
              "https://archives.example.org/gallery/en/items/x.html");
    EXPECT_EQ(webItemUrl("https://archives.example.org", "zh", "x"),
              "https://archives.example.org/zh/items/x.html");
}

TEST(WebPaths, EmptyBaseGivesRelativePath) {
    EXPECT_EQ(webItemUrl("", "zh", "x"), "zh/items/x.html");
}

TEST(WebPaths, JoinStripsLeadingSlashOfPath) {
    EXPECT_EQ(webJoinUrl("https://h/a/", "/iiif/k/info.json"), "https://h/a/iiif/k/info.json");
    EXPECT_EQ(webJoinUrl("https://h", "sitemap.xml"), "https://h/sitemap.xml");
}
