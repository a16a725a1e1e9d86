// tests: the kiosk's screens and widgets take every colour from the theme — no colour literal in
// kiosk/ui outside the theme -> ImGui mapping and the few listed exceptions
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kUiDir = fs::path(LANTAI_SOURCE_DIR) / "kiosk" / "ui";

// ImGui's packed colours and colour types, hex literals of 6 or 8 digits (0xRRGGBB, 0xAABBGGRR)
// and "#RRGGBB" strings.
const std::regex kColourLiteral(
    R"(IM_COL32|\bImColor\b|\bImVec4\b|\b0[xX][0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?\b|"#[0-9A-Fa-f]{6})");

// The only places allowed a literal, each with the reason; every entry must still match.
struct Allowed {
    const char* file;
    const char* snippet; // the line contains it
    const char* reason;
};
const Allowed kAllowed[] = {
    {"ui_context.cpp", "return IM_COL32(c.r, c.g, c.b,",
     "the one mapping of theme colours to ImGui colours (imColor)"},
    {"qr_code.cpp", "constexpr ImU32 kQrLight = IM_COL32(255, 255, 255, 255);",
     "a QR code is dark on light for every phone, whatever the theme"},
    {"qr_code.cpp", "constexpr ImU32 kQrDark = IM_COL32(0, 0, 0, 255);",
     "a QR code is dark on light for every phone, whatever the theme"},
    {"fonts.cpp", "TexPixelsRGBA32[0] = 0xFFFFFFFF;",
     "the stand-in font atlas's white texel (ImGui draws solid shapes with it), not a colour"},
};

std::string withoutLineComment(const std::string& line) {
    const auto pos = line.find("//");
    return pos == std::string::npos ? line : line.substr(0, pos);
}

struct Hit {
    std::string file;
    int line = 0;
    std::string text;
};

std::vector<Hit> literalsIn(const std::string& file, std::istream& in) {
    std::vector<Hit> hits;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n)
        if (std::regex_search(withoutLineComment(line), kColourLiteral))
            hits.push_back({file, n, line});
    return hits;
}

bool allowed(const Hit& hit) {
    return std::any_of(std::begin(kAllowed), std::end(kAllowed), [&](const Allowed& a) {
        return hit.file == a.file && hit.text.find(a.snippet) != std::string::npos;
    });
}

} // namespace

TEST(KioskUiColours, ScannerFindsEveryKindOfLiteral) {
    const char* literals[] = {
        "ui.draw->AddRectFilled(a, b, IM_COL32(0, 0, 0, 60));",
        "text.color = IM_COL32_WHITE;",
        "const ImVec4 c(1, 0, 0, 1);",
        "ImColor(255, 0, 0)",
        "fill = (fill & 0x00FFFFFF) | alpha;",
        "const std::uint32_t red = 0xD7263D;",
        "parseColor(\"#B22222\", c);",
    };
    for (const char* text : literals) {
        std::istringstream in(text);
        EXPECT_EQ(literalsIn("x.cpp", in).size(), 1u) << text;
    }
    const char* clean[] = {
        "ui.draw->AddRectFilled(a, b, ui.color(ColorRole::AnswerPressed));",
        "const ImU32 fill = ui.color(core::answerColorRole(i), dim); // was IM_COL32(178, 34, 34)",
        "const int mask = 0xFF; const auto big = 0x1234567890;",
    };
    for (const char* text : clean) {
        std::istringstream in(text);
        EXPECT_TRUE(literalsIn("x.cpp", in).empty()) << text;
    }
}

TEST(KioskUiColours, NoColourLiteralsOutsideTheThemeMapping) {
    std::vector<Hit> hits;
    int files = 0;
    for (const auto& entry : fs::directory_iterator(kUiDir)) {
        const auto ext = entry.path().extension();
        if (ext != ".cpp" && ext != ".h") continue;
        ++files;
        std::ifstream in(entry.path());
        const auto found = literalsIn(entry.path().filename().string(), in);
        hits.insert(hits.end(), found.begin(), found.end());
    }
    EXPECT_GT(files, 20); // the folder was found
    for (const auto& hit : hits)
        if (!allowed(hit))
            ADD_FAILURE() << "kiosk/ui/" << hit.file << ":" << hit.line
                          << ": a colour literal: " << hit.text
                          << "\n  Take colours from the theme (ui.color(ColorRole::…));"
                          << " add a role in core/theme/color_roles.h and themes/*.json if none"
                          << " fits.";
    for (const auto& a : kAllowed)
        EXPECT_EQ(std::count_if(hits.begin(), hits.end(),
                                [&](const Hit& h) {
                                    return h.file == a.file &&
                                           h.text.find(a.snippet) != std::string::npos;
                                }),
                  1)
            << "kiosk/ui/" << a.file << ": the allowed literal \"" << a.snippet << "\" ("
            << a.reason << ") is gone or repeated: update kAllowed";
}
