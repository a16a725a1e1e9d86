// tests: the settings table — well formed, agrees with deploy/kiosk.example.toml, --set and print
#include "core/config/kiosk_config.h"
#include "core/config/settings_table.h"
#include "core/quiz/answer_timing.h"
#include "core/quiz/engine.h"
#include "core/stats/stats_store.h"

#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using namespace lantai::core;

namespace {

std::string dump(const Diagnostics& d) {
    std::string out;
    for (const auto& item : d.items())
        out += formatDiagnostic(item, false) + "\n";
    return out;
}

std::string trim(const std::string& s) {
    const auto begin = s.find_first_not_of(" \t");
    if (begin == std::string::npos) return {};
    return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

// One `key = value  # note` line of the example file and the comments of its paragraph.
struct ExampleKey {
    std::string assignment; // "idle_timeout_s = 90" (value text as written, no trailing comment)
    std::string note;       // the trailing comment: "10 – 3600"
    std::string comments;   // the paragraph's comment lines, joined by spaces
    int line = 0;
};

// Reads deploy/kiosk.example.toml as text: a paragraph is a run of non-blank lines, and every
// key line in it is documented by the paragraph's comment lines.
std::map<std::string, ExampleKey> readExample(const std::string& text,
                                              std::vector<std::string>& duplicates) {
    std::map<std::string, ExampleKey> keys;
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    std::string section;
    std::size_t i = 0;
    while (i < lines.size()) {
        std::size_t end = i;
        while (end < lines.size() && !trim(lines[end]).empty())
            ++end;
        std::string comments;
        for (std::size_t j = i; j < end; ++j) {
            const std::string t = trim(lines[j]);
            if (t[0] == '#') comments += (comments.empty() ? "" : " ") + trim(t.substr(1));
        }
        for (std::size_t j = i; j < end; ++j) {
            const std::string t = trim(lines[j]);
            if (t[0] == '#') continue;
            if (t[0] == '[') {
                section = t.substr(1, t.find(']') - 1);
                continue;
            }
            const auto eq = t.find('=');
            const std::string name = trim(t.substr(0, eq));
            std::string value = t.substr(eq + 1);
            // The value ends at a '#' outside a string (the example's strings hold none).
            const auto hash = value.find('#');
            ExampleKey key;
            key.note = hash == std::string::npos ? "" : trim(value.substr(hash + 1));
            key.assignment = name + " = " + trim(value.substr(0, hash));
            key.comments = comments;
            key.line = static_cast<int>(j + 1);
            const std::string dotted = section.empty() ? name : section + "." + name;
            if (!keys.emplace(dotted, key).second) duplicates.push_back(dotted);
        }
        i = end + 1;
    }
    return keys;
}

std::string readText(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

const fs::path kExample = fs::path(LANTAI_SOURCE_DIR) / "deploy" / "kiosk.example.toml";

// A value of `spec` other than its default that passes its checks (for round trips).
SettingValue otherValue(const SettingSpec& spec) {
    switch (spec.type) {
    case SettingType::Bool:
        return !std::get<bool>(spec.defaultValue);
    case SettingType::Int:
        return std::get<std::int64_t>(spec.defaultValue) == spec.max ? spec.min : spec.max;
    case SettingType::Enum:
        return std::string(spec.names.back() == std::get<std::string>(spec.defaultValue)
                               ? spec.names.front()
                               : spec.names.back());
    case SettingType::Path:
        return "/srv/lantai test/" + std::string(spec.name());
    case SettingType::String:
        break;
    }
    for (const std::string candidate :
         {"a \"quoted\" \\ name\twith a tab, 中文", "https://archives.example.org/gallery/",
          "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA", "/srv/lantai test/lantai.pub"})
        if (!spec.rule || !spec.rule(candidate)) return candidate;
    ADD_FAILURE() << spec.key << ": no test value passes its rule";
    return spec.defaultValue;
}

// The text of a value on the command line: strings unquoted (as staff type them).
std::string commandLineText(const SettingValue& value) {
    if (const auto* s = std::get_if<std::string>(&value)) return *s;
    return formatSettingValue(value);
}

} // namespace

TEST(SettingsTable, WellFormed) {
    std::set<std::string_view> keys;
    std::vector<std::string_view> sections;
    for (const auto& spec : kioskSettings()) {
        SCOPED_TRACE(std::string(spec.key));
        EXPECT_TRUE(keys.insert(spec.key).second) << "duplicate key";
        EXPECT_EQ(findSetting(spec.key), &spec);
        // Sections stay together (one [section] each in the file and in --print-config).
        if (sections.empty() || sections.back() != spec.section()) {
            EXPECT_EQ(std::count(sections.begin(), sections.end(), spec.section()), 0);
            sections.push_back(spec.section());
        }
        EXPECT_FALSE(spec.doc.empty());
        EXPECT_EQ(spec.doc.find('\n'), std::string_view::npos);
        EXPECT_EQ(spec.doc.back(), '.');
        if (spec.type == SettingType::Int) {
            const auto value = std::get<std::int64_t>(spec.defaultValue);
            EXPECT_LT(spec.min, spec.max);
            EXPECT_TRUE((value >= spec.min && value <= spec.max) ||
                        (value == 0 && !spec.zeroMeans.empty()));
            if (spec.step > 0) {
                EXPECT_EQ((spec.max - spec.min) % spec.step, 0);
                EXPECT_EQ((value - spec.min) % spec.step, 0);
            }
        }
        if (spec.type == SettingType::Enum) {
            EXPECT_NE(std::find(spec.names.begin(), spec.names.end(),
                                std::get<std::string>(spec.defaultValue)),
                      spec.names.end());
            // Every allowed name reaches the C++ field and comes back unchanged.
            for (const auto name : spec.names) {
                KioskConfigLayer layer;
                spec.field.set(layer, std::string(name));
                EXPECT_TRUE(spec.field.isSet(layer));
                KioskConfig config;
                spec.field.apply(config, layer);
                EXPECT_EQ(std::get<std::string>(spec.field.get(config)), name);
            }
        }
        if (!spec.underStateDir.empty() || !spec.example.empty()) {
            EXPECT_EQ(spec.type, SettingType::Path);
        }
        // A default-constructed configuration holds the default.
        EXPECT_EQ(spec.field.get(KioskConfig()), spec.defaultValue);
    }
    EXPECT_EQ(findSetting("session.idle_timout_s"), nullptr);
    EXPECT_EQ(findSetting("session"), nullptr);
}

// deploy/kiosk.example.toml is written by hand — bilingual comments for archive staff, which
// the table (English doc lines only) cannot produce — so this test checks it against the table
// instead of generating it: every key of the table is in the file once, with the value
// `lantai-kiosk --print-config` prints for it (its default; a sample path for pack.path, which
// has none), its doc line among the comments of its paragraph and its range beside it; and the
// file holds no key the table lacks. e2e/kiosk_command_line compares the file's key lines with
// what the kiosk itself prints.
TEST(SettingsTable, ExampleFileAgreesWithTable) {
    const std::string text = readText(kExample);
    ASSERT_FALSE(text.empty()) << kExample;
    std::vector<std::string> duplicates;
    const auto example = readExample(text, duplicates);
    EXPECT_TRUE(duplicates.empty()) << "keys written twice: " << duplicates.front();

    KioskConfigLayer samples;
    for (const auto& spec : kioskSettings())
        if (!spec.example.empty()) spec.field.set(samples, std::string(spec.example));
    const KioskConfig expected = resolveKioskConfig({}, {}, samples);

    for (const auto& spec : kioskSettings()) {
        SCOPED_TRACE(std::string(spec.key));
        const auto found = example.find(std::string(spec.key));
        if (found == example.end()) {
            ADD_FAILURE() << "deploy/kiosk.example.toml lacks " << spec.key;
            continue;
        }
        const ExampleKey& key = found->second;
        SCOPED_TRACE("deploy/kiosk.example.toml:" + std::to_string(key.line));
        EXPECT_EQ(key.assignment,
                  std::string(spec.name()) + " = " + formatSettingValue(spec.field.get(expected)));
        EXPECT_NE(key.comments.find(spec.doc), std::string::npos)
            << "the doc line \"" << spec.doc << "\" is not among: " << key.comments;
        if (spec.type == SettingType::Int) {
            const std::string range =
                spec.step > 0 ? settingRangeText(spec)
                              : std::to_string(spec.min) + " – " + std::to_string(spec.max);
            EXPECT_NE(key.note.find(range), std::string::npos) << key.note;
            if (!spec.zeroMeans.empty()) {
                EXPECT_EQ(key.note.rfind("0", 0), 0u) << key.note;
            }
        }
        if (!spec.underStateDir.empty()) {
            EXPECT_NE(key.comments.find("<state_dir>/" + std::string(spec.underStateDir)),
                      std::string::npos)
                << "the derived default is not documented: " << key.comments;
        }
    }
    for (const auto& [dotted, key] : example)
        EXPECT_NE(findSetting(dotted), nullptr) << "deploy/kiosk.example.toml:" << key.line << ": "
                                                << dotted << " is not in the settings table";
}

TEST(SettingsTable, ExampleCommandLineSettingsAreValid) {
    // The header shows `lantai-kiosk ... --set KEY=VALUE`: each assignment must be accepted.
    std::istringstream in(readText(kExample));
    std::vector<std::string> assignments;
    for (std::string line; std::getline(in, line);) {
        if (line.find("lantai-kiosk") == std::string::npos) continue;
        std::istringstream words(line);
        for (std::string word, previous; words >> word; previous = word)
            if (previous == "--set") assignments.push_back(word);
    }
    ASSERT_FALSE(assignments.empty()) << "the example shows no --set";
    Diagnostics diagnostics;
    const auto layer = parseKioskConfigAssignments(assignments, diagnostics, Severity::Error);
    EXPECT_TRUE(diagnostics.empty()) << dump(diagnostics);
    EXPECT_EQ(layer.idleTimeoutS, 60);
    EXPECT_EQ(layer.devMode, true);
}

TEST(SettingsTable, PrintedConfigurationReadsBack) {
    // Every setting at a value other than its default (strings with quotes, a backslash, a tab
    // and Chinese), printed and read again: the same configuration, without a diagnostic.
    KioskConfig config;
    for (const auto& spec : kioskSettings())
        spec.field.assign(config, otherValue(spec));
    const std::string printed = formatKioskConfigToml(config);
    const auto back = loadKioskConfigFromText(printed, "printed.toml", "/elsewhere");
    EXPECT_TRUE(back.diagnostics.empty()) << dump(back.diagnostics) << printed;
    for (const auto& spec : kioskSettings()) {
        SCOPED_TRACE(std::string(spec.key));
        EXPECT_TRUE(spec.field.isSet(back.layer));
        EXPECT_EQ(spec.field.get(back.config), spec.field.get(config));
        EXPECT_NE(printed.find("# " + std::string(spec.doc) + "\n"), std::string::npos);
    }
    // The defaults print as the example shows them; an unset pack path is commented out.
    const std::string defaults = formatKioskConfigToml(resolveKioskConfig({}, {}, {}));
    EXPECT_NE(defaults.find("\nidle_timeout_s = 90  # 10 – 3600\n"), std::string::npos);
    EXPECT_NE(defaults.find("\ntimer_s = 0  # 0, or 5 – 120\n"), std::string::npos);
    EXPECT_NE(defaults.find("\n# path = \"\"  # not configured\n"), std::string::npos);
    const auto reread = loadKioskConfigFromText(defaults, "defaults.toml", "/elsewhere");
    EXPECT_TRUE(reread.diagnostics.empty()) << dump(reread.diagnostics);
    EXPECT_FALSE(reread.layer.packPath);
}

TEST(SettingsTable, EveryKeyCanBeSetOnTheCommandLine) {
    for (const auto& spec : kioskSettings()) {
        SCOPED_TRACE(std::string(spec.key));
        const SettingValue value = otherValue(spec);
        for (const std::string& text : {commandLineText(value), formatSettingValue(value)}) {
            Diagnostics diagnostics;
            const auto layer = parseKioskConfigAssignments({std::string(spec.key) + "=" + text},
                                                           diagnostics, Severity::Error);
            EXPECT_TRUE(diagnostics.empty()) << text << "\n" << dump(diagnostics);
            KioskConfig config;
            applyOverrides(config, layer);
            EXPECT_EQ(spec.field.get(config), value) << text;
        }
    }
}

TEST(SettingsTable, CommandLineErrorsNameTheKeyAndTheRange) {
    for (const auto& spec : kioskSettings()) {
        std::string bad;
        if (spec.type == SettingType::Int)
            bad = std::to_string(spec.max + 1);
        else if (spec.type == SettingType::Enum)
            bad = "no-such-value";
        else if (spec.type == SettingType::Bool)
            bad = "yes";
        else
            continue;
        SCOPED_TRACE(std::string(spec.key) + "=" + bad);
        Diagnostics diagnostics;
        const auto layer = parseKioskConfigAssignments({std::string(spec.key) + "=" + bad},
                                                       diagnostics, Severity::Error);
        ASSERT_EQ(diagnostics.errorCount(), 1u) << dump(diagnostics);
        const Diagnostic& d = diagnostics.items()[0];
        EXPECT_EQ(d.code, spec.type == SettingType::Bool ? "schema.type" : "schema.value");
        EXPECT_EQ(d.pointer, spec.pointer());
        EXPECT_EQ(d.file, "(command line)");
        EXPECT_EQ(d.line, 0);
        EXPECT_NE(d.message.find("\"" + std::string(spec.key) + "\""), std::string::npos)
            << d.message;
        EXPECT_FALSE(d.messageZh.empty());
        if (spec.type == SettingType::Int) {
            EXPECT_NE(d.message.find(std::to_string(spec.max)), std::string::npos) << d.message;
        }
        for (const auto name : spec.names)
            EXPECT_NE(d.message.find("\"" + std::string(name) + "\""), std::string::npos)
                << d.message;
        EXPECT_FALSE(spec.field.isSet(layer));
    }
    // A wrong type names the range too.
    Diagnostics type;
    parseKioskConfigAssignments({"session.idle_timeout_s=soon"}, type, Severity::Error);
    ASSERT_EQ(type.errorCount(), 1u) << dump(type);
    EXPECT_NE(type.items()[0].message.find("between 10 and 3600"), std::string::npos)
        << type.items()[0].message;

    // An unknown key is an error when asked (lantai-kiosk --set), naming it and its neighbours.
    Diagnostics unknown;
    parseKioskConfigAssignments({"session.idle_timout_s=60", "sesion.idle_timeout_s=60"}, unknown,
                                Severity::Error);
    ASSERT_EQ(unknown.errorCount(), 2u) << dump(unknown);
    const Diagnostic& typo = unknown.items()[0];
    EXPECT_EQ(typo.code, "schema.unknown_field");
    EXPECT_EQ(typo.pointer, "/session/idle_timout_s");
    EXPECT_NE(typo.message.find("\"session.idle_timout_s\""), std::string::npos) << typo.message;
    EXPECT_NE(typo.message.find("\"idle_timeout_s\""), std::string::npos) << typo.message;
    EXPECT_EQ(typo.message.find("ignored"), std::string::npos) << typo.message;
    EXPECT_NE(unknown.items()[1].message.find("\"session\""), std::string::npos)
        << unknown.items()[1].message;
}

TEST(SettingsTable, MinAnswerMsIsDeclaredOnce) {
    EXPECT_EQ(KioskConfig().quizMinAnswerMs, kDefaultMinAnswerMs);
    EXPECT_EQ(std::get<std::int64_t>(findSetting("quiz.min_answer_ms")->defaultValue),
              kDefaultMinAnswerMs);
    EXPECT_EQ(QuizConfig{}.minAnswerMs, kDefaultMinAnswerMs);
    EXPECT_EQ(LeaderboardRules{}.minAnswerMs, kDefaultMinAnswerMs);
}

TEST(SettingsTable, RotationTakesOnlyQuarterTurns) {
    const SettingSpec* rotation = findSetting("display.rotation");
    ASSERT_NE(rotation, nullptr);
    EXPECT_EQ(settingRangeText(*rotation), "0, 90, 180, 270");
    for (const int degrees : {0, 90, 180, 270}) {
        Diagnostics diagnostics;
        const auto layer = parseKioskConfigAssignments(
            {"display.rotation=" + std::to_string(degrees)}, diagnostics, Severity::Error);
        EXPECT_TRUE(diagnostics.empty()) << dump(diagnostics);
        EXPECT_EQ(layer.rotation, degrees);
    }
    for (const std::string bad : {"45", "-90", "360", "271"}) {
        SCOPED_TRACE(bad);
        Diagnostics diagnostics;
        const auto layer =
            parseKioskConfigAssignments({"display.rotation=" + bad}, diagnostics, Severity::Error);
        ASSERT_EQ(diagnostics.errorCount(), 1u) << dump(diagnostics);
        EXPECT_EQ(diagnostics.items()[0].code, "schema.value");
        EXPECT_NE(diagnostics.items()[0].message.find("one of 0, 90, 180, 270"), std::string::npos)
            << diagnostics.items()[0].message;
        EXPECT_FALSE(layer.rotation);
    }
    const auto file = loadKioskConfigFromText("[display]\nrotation = 90\n", "k.toml", "/tmp");
    EXPECT_TRUE(file.diagnostics.empty()) << dump(file.diagnostics);
    EXPECT_EQ(file.config.rotation, 90);
}
