// tests: property test of the edit model — seeded random command sequences over valid-minimal and
// the demo pack: each step's undo and redo are byte-exact, undo-all gives the original, redo-all
// the final state, and journal replay after a dropped session gives the same pack
#include "core/edit/edit_session.h"
#include "tests/unit/edit/edit_test_support.h"
#include "tests/unit/edit/random_editor.h"

#include <cstdlib>
#include <gtest/gtest.h>

namespace lantai::core::edit {
namespace {

namespace fs = std::filesystem;
using Files = std::map<std::string, std::string>;
using test_support::RandomEditor;

int stepsFromEnvironment(int fallback) {
    if (const char* env = std::getenv("LANTAI_EDIT_PROPERTY_STEPS"); env && *env)
        return std::max(1, std::atoi(env));
    return fallback;
}

// LANTAI_EDIT_PROPERTY_SEED=N runs seed N instead of the test's own (to reproduce a failure or
// to explore).
std::vector<std::uint32_t> seeds(std::vector<std::uint32_t> own) {
    if (const char* env = std::getenv("LANTAI_EDIT_PROPERTY_SEED"); env && *env)
        return {static_cast<std::uint32_t>(std::strtoul(env, nullptr, 10))};
    return own;
}

void runProperty(const fs::path& source, std::uint32_t seed, int steps) {
    SCOPED_TRACE("seed " + std::to_string(seed) + " over " + source.string());
    test::PackCopy copy(source);
    test::TempDir scratch;
    auto session = test::openOrFail(copy.path());
    ASSERT_TRUE(session);
    RandomEditor editor(*session, seed, scratch.path());
    // states[d]: the serialised pack when the undo stack is d deep (a model of the history).
    std::vector<Files> states{session->serializedFiles()};
    // Debugging aid (LANTAI_EDIT_PROPERTY_DEBUG=1): a copy of the pack folder, journal included,
    // recovered in another session after each step, must be the live state.
    const auto replaysTo = [&](const Files& expected, const std::string& when) {
        if (!std::getenv("LANTAI_EDIT_PROPERTY_DEBUG")) return true;
        test::TempDir probe;
        test::copyTree(copy.path(), probe.path() / "p");
        fs::remove(probe.path() / "p/.lantai-edit/lock");
        auto other = test::openOrFail(probe.path() / "p");
        if (other->recoverableEdits()) (void)other->recover();
        if (other->recoveryStop())
            std::cout << "replay stopped after " << when << ": " << other->recoveryStop()->message
                      << "\n";
        const auto got = other->serializedFiles();
        if (got == expected) return true;
        std::cout << "replay differs after " << when << ": " << test::firstDifference(got, expected)
                  << "\n"
                  << test::readText(copy.path() / ".lantai-edit/journal.jsonl").substr(0, 30000)
                  << "\n";
        return false;
    };
    std::size_t depth = 0;
    int applied = 0, refused = 0, coalesced = 0;
    for (int i = 0; i < steps; ++i) {
        SCOPED_TRACE("step " + std::to_string(i));
        if (editor.chance(8) && session->canUndo()) {
            // Wander back through the history and forward again.
            const std::size_t back = 1 + editor.pick(std::min<std::size_t>(depth, 4));
            for (std::size_t k = 0; k < back; ++k) {
                ASSERT_TRUE(session->undo());
                --depth;
                ASSERT_SAME_FILES(session->serializedFiles(), states[depth]);
            }
            const std::size_t forward = editor.pick(back + 1);
            for (std::size_t k = 0; k < forward; ++k) {
                ASSERT_TRUE(session->redo());
                ++depth;
                ASSERT_SAME_FILES(session->serializedFiles(), states[depth]);
            }
            continue;
        }
        if (editor.chance(2)) {
            ASSERT_TRUE(session->save());
            EXPECT_FALSE(session->isDirty());
            continue;
        }
        const Files before = states[depth]; // where the history says the pack is
        if (!editor.step()) {
            ++refused;
            ASSERT_EQ(session->serializedFiles(), before) << "a refused edit changed the pack";
            continue;
        }
        const Files after = session->serializedFiles();
        // How the step landed on the stack: a new step, or merged into the top (coalescing),
        // possibly merged away (typed and typed back).
        states.resize(depth + 1);
        const std::size_t newDepth = session->undoDepth();
        if (newDepth == depth + 1) {
            states.push_back(after);
            ++applied;
        } else {
            ASSERT_LE(newDepth, depth) << "the stack grew by more than one step";
            // Only a field edit in an activation may join the step below; anything else that
            // changed the pack must be a step of its own.
            if (after != before && !editor.lastCoalescible())
                FAIL() << "a change left no undo step: " << test::firstDifference(before, after);
            states.resize(newDepth + 1);
            states[newDepth] = after;
            ++coalesced;
        }
        depth = newDepth;
        if (!replaysTo(after, "step " + std::to_string(i))) FAIL();
        // The step's own undo and redo, byte for byte.
        if (depth > 0) {
            ASSERT_TRUE(session->undo());
            ASSERT_SAME_FILES(session->serializedFiles(), states[depth - 1]);
            ASSERT_TRUE(session->redo());
            ASSERT_SAME_FILES(session->serializedFiles(), states[depth]);
        }
    }
    EXPECT_GT(applied, steps / 4);
    ASSERT_EQ(session->undoDepth(), depth);
    ASSERT_EQ(session->redoDepth(), states.size() - 1 - depth);
    int final_ = 0;
    while (session->canUndo()) {
        const std::string label = session->undoLabel()->en;
        ASSERT_TRUE(session->undo());
        --depth;
        SCOPED_TRACE("undoing " + label);
        ASSERT_SAME_FILES(session->serializedFiles(), states[depth]);
        if (!replaysTo(states[depth], "final undo " + std::to_string(final_++))) FAIL();
    }
    EXPECT_SAME_FILES(session->serializedFiles(), states[0]);
    while (session->canRedo())
        ASSERT_TRUE(session->redo());
    const Files final = states.back(); // the newest state the history holds
    EXPECT_SAME_FILES(session->serializedFiles(), final);
    // A crash now: the journal replays to the same pack.
    session.reset();
    session = test::openOrFail(copy.path());
    ASSERT_TRUE(session);
    if (session->recoverableEdits()) {
        ASSERT_TRUE(session->recover());
        EXPECT_FALSE(session->recoveryStop()) << session->recoveryStop()->message;
    }
    EXPECT_SAME_FILES(session->serializedFiles(), final);
    std::cout << "  seed " << seed << ": " << applied << " steps, " << coalesced << " coalesced, "
              << refused << " refused\n";
}

TEST(EditProperty, RandomSequencesOverValidMinimal) {
    const int steps = stepsFromEnvironment(1500);
    for (const std::uint32_t seed : seeds({1u, 2u}))
        runProperty(test::kPacks / "valid-minimal", seed, steps / 2);
}

TEST(EditProperty, RandomSequencesOverTheDemo) {
    const int steps = stepsFromEnvironment(1000);
    for (const std::uint32_t seed : seeds({7u, 8u}))
        runProperty(test::kDemoPack, seed, steps / 2);
}

} // namespace
} // namespace lantai::core::edit
