// tests: whether wrapped text fits its box (core/i18n/text_fit) — the kiosk's cut-off text report
#include "core/i18n/text_fit.h"

#include <gtest/gtest.h>
#include <string>

namespace lantai::core {
namespace {

// A monospaced fake font: Latin 10 px, everything else 20 px; size 20, lines 27 px apart.
double advance(char32_t c) {
    return c < 0x2E80 ? 10.0 : 20.0;
}
constexpr double kSize = 20, kLine = 27;

struct Case {
    const char* name;
    std::string text;
    double width, height;
    int maxLines;
    std::size_t lines, shown;
    const char* cut;
};

TEST(TextFit, ReportsTextThatCannotBeReadWhole) {
    const Case cases[] = {
        {"fits on one line", "Letter", 100, 30, 0, 1, 1, ""},
        {"wraps and fits", "A family letter", 100, 60, 0, 2, 2, ""},
        {"third line below the box", "一九三一年从上海寄出的家书共两页", 100, 60, 0, 4, 2,
         "clipped"},
        {"no room for any line", "档案", 100, 10, 0, 1, 0, "clipped"},
        {"truncated by maxLines", "A family letter from Shanghai in 1931", 100, 1000, 1, 1, 1,
         "truncated"},
        {"maxLines not reached", "Letter", 100, 1000, 2, 1, 1, ""},
        {"a scrolling panel's box never clips", "一九三一年从上海寄出的家书共两页", 100, 1e6, 0, 4,
         4, ""},
        {"a box narrower than one character", "档", 10, 100, 0, 1, 1, "too_wide"},
        {"one pixel of slack at the bottom", "Letter", 100, 19.5, 0, 1, 1, ""},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        std::string ellipsized;
        const auto lines = wrapText(c.text, c.width, advance, c.maxLines, &ellipsized);
        const TextFit fit =
            fitTextLines(lines, !ellipsized.empty(), c.width, 100, 100 + c.height, kSize, kLine);
        EXPECT_EQ(fit.lines, c.lines);
        EXPECT_EQ(fit.linesShown, c.shown);
        EXPECT_STREQ(textCutName(fit), c.cut);
        EXPECT_EQ(fit.cutOff(), std::string(c.cut) != "");
        EXPECT_DOUBLE_EQ(fit.height, static_cast<double>(c.lines) * kLine);
    }
}

TEST(TextFit, LinesAfterAHiddenOneStayHidden) {
    // Lines 40 px tall in a box 50 px high: the first is shown, the second ends below the box.
    const std::vector<TextLine> lines = {{0, 1, 10}, {1, 2, 10}, {2, 3, 10}};
    const TextFit fit = fitTextLines(lines, false, 100, 0, 50, 40, 40);
    EXPECT_EQ(fit.linesShown, 1u);
    EXPECT_TRUE(fit.clipped());
}

} // namespace
} // namespace lantai::core
