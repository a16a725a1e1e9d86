// tests: staff mode's controller — the PIN pad (wrong PINs audited, the back-off locks the pad
// and shows the wait), the right PIN opens the panel, each action is audited with its result
#include "core/base/pin_hash.h"
#include "kiosk/ui/staff_controller.h"

#include <gtest/gtest.h>

using namespace lantai;
using namespace lantai::kiosk;

namespace {

struct Fixture {
    std::vector<core::AuditRecord> audit;
    int restarts = 0;
    std::int64_t talliedVisitors = -1;
    StaffController staff;

    explicit Fixture(std::string hash) {
        StaffActions a;
        a.health = [] {
            StaffHealth h;
            h.packId = "expo";
            return h;
        };
        a.findPacks = [] {
            core::PackCandidate broken;
            broken.folder = "/media/u/STICK/broken";
            broken.removable = true;
            return std::vector<core::PackCandidate>{broken};
        };
        a.switchPack = [](const core::PackCandidate&) {
            StaffOutcome o;
            o.headlineKey = "staff.pack_refused";
            o.detail = "asset.missing: …";
            return o;
        };
        a.exportToUsb = [] {
            StaffOutcome o;
            o.ok = true;
            o.headlineKey = "staff.exported";
            return o;
        };
        a.recordTally = [this](std::int64_t visitors, std::int64_t) {
            talliedVisitors = visitors;
            StaffOutcome o;
            o.ok = true;
            o.headlineKey = "staff.tally_saved";
            return o;
        };
        a.volume = [] { return 70; };
        a.setVolume = [](int) {};
        a.restart = [this] { ++restarts; };
        a.powerOff = [] { return StaffOutcome{}; };
        a.audit = [this](const core::AuditRecord& r) { audit.push_back(r); };
        a.unixNow = [] { return std::int64_t{1717900000}; };
        staff.configure(std::move(hash), std::move(a));
    }
    void type(const std::string& pin, double now) {
        for (char c : pin)
            staff.pinDigit(c, now);
        staff.pinSubmit(now);
    }
};

} // namespace

TEST(StaffController, DisabledWithoutAPinHash) {
    Fixture f("");
    f.staff.open(0);
    EXPECT_FALSE(f.staff.isOpen());
    EXPECT_TRUE(f.audit.empty());
}

TEST(StaffController, WrongPinsBackOffThenTheRightPinOpens) {
    Fixture f(*core::hashPin("2468"));
    f.staff.open(10);
    EXPECT_EQ(f.staff.stage(), StaffStage::Pin);
    f.staff.pinSubmit(10); // OK with nothing typed is not an attempt
    EXPECT_EQ(f.staff.failedAttempts(), 0);
    for (int i = 1; i <= 4; ++i) {
        f.type("1111", 10);
        EXPECT_TRUE(f.staff.pinRejected());
        EXPECT_EQ(f.staff.failedAttempts(), i);
    }
    EXPECT_EQ(f.staff.waitSeconds(10), 30);
    f.type("2468", 20); // the right PIN during the wait is not even tried
    EXPECT_EQ(f.staff.stage(), StaffStage::Pin);
    EXPECT_EQ(f.staff.pinDigits(), "") << "digits are not taken while the pad waits";
    f.type("2468", 40.5);
    EXPECT_EQ(f.staff.stage(), StaffStage::Panel);
    EXPECT_TRUE(f.staff.unlocked());
    EXPECT_EQ(f.staff.health().packId, "expo");
    std::vector<std::string> results;
    for (const auto& r : f.audit)
        if (r.action == "unlock") results.push_back(r.result);
    EXPECT_EQ(results,
              (std::vector<std::string>{"refused", "refused", "refused", "refused", "ok"}));
    EXPECT_EQ(f.audit[4].details["wait_s"], 30);
}

TEST(StaffController, ActionsAreAuditedWithTheirResults) {
    Fixture f(*core::hashPin("2468"));
    f.staff.open(0);
    f.type("2468", 0);
    f.staff.showPacks();
    ASSERT_EQ(f.staff.packs().size(), 1u);
    f.staff.choosePack(0);
    ASSERT_TRUE(f.staff.outcome());
    EXPECT_FALSE(f.staff.outcome()->ok);
    f.staff.exportToUsb();
    EXPECT_TRUE(f.staff.outcome()->ok);
    f.staff.showTally();
    f.staff.tallyAdd(10, 0);
    f.staff.tallyAdd(-20, 1); // never below zero
    f.staff.tallyAdd(3, 0);
    f.staff.saveTally();
    EXPECT_EQ(f.talliedVisitors, 3);
    f.staff.restart();
    EXPECT_EQ(f.restarts, 1);
    f.staff.close();
    EXPECT_FALSE(f.staff.isOpen());
    std::vector<std::string> actions;
    for (const auto& r : f.audit)
        actions.push_back(r.action + ":" + r.result);
    EXPECT_EQ(actions, (std::vector<std::string>{"open_pin_pad:ok", "unlock:ok", "list_packs:ok",
                                                 "switch_pack:refused", "export:ok", "tally:ok",
                                                 "restart:ok", "leave:ok"}));
    EXPECT_EQ(f.audit[3].details["folder"], "/media/u/STICK/broken");
}
