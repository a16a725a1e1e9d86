// tests: the kiosk script parser — every command, and broken lines reported with line:column
#include "core/script/kiosk_script.h"

#include <gtest/gtest.h>

using namespace lantai::core;

namespace {

TEST(KioskScript, ParsesEveryCommand) {
    Diagnostics d;
    const auto script = parseKioskScript(
        "# comment\n"
        "wait 500\nwait-idle\ntap 50% 25%\ndoubletap @home\nlongpress 10 20\n"
        "drag 0 0 100 100 250\nswipe left\nswipe up 50% 70%\npinch 30% 55% 2.5 300\n"
        "wheel @viewer -2\nkey alt+f4\nscreenshot item-1\nadvance 95\nresize 1080 1920\n"
        "quiz-answer correct\nquit\n",
        "s.txt", d);
    EXPECT_TRUE(d.empty());
    ASSERT_EQ(script.commands.size(), 16u);
    EXPECT_EQ(script.commands[0].type, ScriptCommandType::Wait);
    EXPECT_EQ(script.commands[0].number, 500);
    EXPECT_EQ(script.commands[0].line, 2);
    EXPECT_EQ(script.commands[1].number, 10000); // wait-idle default
    EXPECT_TRUE(script.commands[2].points[0].x.percent);
    EXPECT_DOUBLE_EQ(script.commands[2].points[0].y.resolve(1080), 270);
    EXPECT_EQ(script.commands[3].points[0].target, "home");
    EXPECT_EQ(script.commands[5].number, 250);
    EXPECT_EQ(script.commands[6].text, "left");
    EXPECT_EQ(script.commands[8].number, 2.5);
    EXPECT_TRUE(script.commands[10].alt);
    EXPECT_EQ(script.commands[10].text, "f4");
    EXPECT_EQ(script.commands[13].number2, 1920);
    EXPECT_EQ(script.commands[14].type, ScriptCommandType::QuizAnswer);
    EXPECT_EQ(script.commands[15].type, ScriptCommandType::Quit);
}

TEST(KioskScript, EditorCommandsTypeTheRestOfTheLineAndDropPaths) {
    Diagnostics d;
    const auto script = parseKioskScript(
        "type 1931年 上海 # 不是注释\r\ndrop /tmp/scans/a.jpg /tmp/scans/folder\ntap @x\n",
        "e.script", d);
    EXPECT_TRUE(d.empty());
    ASSERT_EQ(script.commands.size(), 3u);
    EXPECT_EQ(script.commands[0].type, ScriptCommandType::Type);
    EXPECT_EQ(script.commands[0].text, "1931年 上海 # 不是注释");
    EXPECT_TRUE(isEditorOnlyCommand(script.commands[0].type));
    EXPECT_EQ(script.commands[1].type, ScriptCommandType::Drop);
    EXPECT_EQ(script.commands[1].paths,
              (std::vector<std::string>{"/tmp/scans/a.jpg", "/tmp/scans/folder"}));
    EXPECT_FALSE(isEditorOnlyCommand(script.commands[2].type));
}

struct BrokenLine {
    const char* text;
    int column;
    const char* messagePart;
};

class KioskScriptBroken : public ::testing::TestWithParam<BrokenLine> {};

TEST_P(KioskScriptBroken, ReportsLineAndColumnAndKeepsTheRest) {
    const auto& c = GetParam();
    Diagnostics d;
    const auto script =
        parseKioskScript(std::string("wait 1\n") + c.text + "\nquit\n", "demo.script", d);
    ASSERT_EQ(d.items().size(), 1u) << c.text;
    const auto& diag = d.items()[0];
    EXPECT_EQ(diag.code, "script.syntax");
    EXPECT_EQ(diag.file, "demo.script");
    EXPECT_EQ(diag.line, 2);
    EXPECT_EQ(diag.column, c.column) << c.text;
    EXPECT_NE(diag.message.find(c.messagePart), std::string::npos) << diag.message;
    EXPECT_EQ(script.commands.size(), 2u); // the good lines still parse
}

INSTANTIATE_TEST_SUITE_P(
    Lines, KioskScriptBroken,
    ::testing::Values(
        BrokenLine{"jump 1 2", 1, "unknown command"}, BrokenLine{"wait", 6, "missing milliseconds"},
        BrokenLine{"wait soon", 6, "expected a number"}, BrokenLine{"tap 10", 8, "missing y"},
        BrokenLine{"tap 10 20 30", 11, "unexpected"}, BrokenLine{"tap @", 5, "empty target"},
        BrokenLine{"swipe sideways", 7, "left, right, up or down"},
        BrokenLine{"pinch 1 2 -1", 11, "positive"}, BrokenLine{"key ctrl+", 5, "missing key name"},
        BrokenLine{"screenshot ../x", 12, "letters, digits"},
        BrokenLine{"resize 100", 12, "missing height"},
        BrokenLine{"quiz-answer maybe", 13, "correct"},
        BrokenLine{"wait nan", 6, "expected a number"}, BrokenLine{"type", 6, "missing text"},
        BrokenLine{"drop", 6, "missing path"},
        BrokenLine{"sdl-tap touch 10 20", 9, "finger or mouse"},
        BrokenLine{"sdl-tap finger 10", 19, "missing y"}));

TEST(KioskScript, SdlTapNamesTheDeviceAndAPhysicalPoint) {
    Diagnostics d;
    const auto script =
        parseKioskScript("sdl-tap finger 1820 300\nsdl-tap mouse 10% 90%\n", "s.txt", d);
    EXPECT_TRUE(d.empty());
    ASSERT_EQ(script.commands.size(), 2u);
    EXPECT_EQ(script.commands[0].type, ScriptCommandType::SdlTap);
    EXPECT_EQ(script.commands[0].text, "finger");
    EXPECT_EQ(script.commands[0].points[0].x.resolve(1920), 1820);
    EXPECT_EQ(script.commands[1].text, "mouse");
    EXPECT_DOUBLE_EQ(script.commands[1].points[0].y.resolve(1080), 972);
    EXPECT_STREQ(scriptCommandName(ScriptCommandType::SdlTap), "sdl-tap");
}

TEST(KioskScript, ArbitraryBytesNeverThrow) {
    Diagnostics d;
    std::string junk;
    for (int i = 0; i < 4096; ++i)
        junk += static_cast<char>((i * 131 + 7) % 256);
    EXPECT_NO_THROW(parseKioskScript(junk, "junk", d));
}

} // namespace
