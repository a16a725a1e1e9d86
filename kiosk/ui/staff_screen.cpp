// kiosk/ui: the staff screen — the PIN pad, then health, packs, export, volume, tallies, restart
// and power off, every label in Chinese and English at once
#include "kiosk/ui/staff_screen.h"

#include "core/base/file_io.h"
#include "core/i18n/ui_strings.h"
#include "kiosk/ui/background.h"
#include "kiosk/ui/buttons.h"
#include "kiosk/ui/pin_pad.h"
#include "kiosk/ui/text_layout.h"

#include <algorithm>
#include <cstdio>

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;
using core::Language;
using core::Rect;

namespace {

// "导出报告 · Export report"
std::string both(std::string_view key) {
    return core::uiText(key, Language::Zh) + " · " + core::uiText(key, Language::En);
}

std::string bothFormat(std::string_view key, long long n) {
    return core::uiCount(key, n, Language::Zh) + " · " + core::uiCount(key, n, Language::En);
}

std::string duration(double seconds) {
    const long long s = static_cast<long long>(seconds);
    char text[32];
    std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
    return text;
}

std::string countOrUnknown(long long n) {
    return n < 0 ? core::uiText("staff.unknown", Language::En) : std::to_string(n);
}

struct Column {
    UiContext& ui;
    Rect area;
    float y;

    float line(std::string_view text, FontRole role, ColorRole color,
               TextAlign align = TextAlign::Left) {
        TextBlock style;
        style.role = role;
        style.color = ui.color(color);
        style.align = align;
        const float h = drawTextBlock(ui, {area.x, y, area.w, area.bottom() - y}, text, style);
        y += h + ui.px(0.6f);
        return h;
    }
    Rect next(float height) {
        const Rect r{area.x, y, area.w, height};
        y += height + ui.px(ui.theme->layout.spacing);
        return r;
    }
};

void drawOutcome(Column& col, const StaffController& staff) {
    const auto& outcome = staff.outcome();
    if (!outcome) return;
    col.line(both(outcome->headlineKey), FontRole::Heading,
             outcome->ok ? ColorRole::TitleOnBackground : ColorRole::TextOnBackground);
    if (!outcome->detail.empty())
        col.line(outcome->detail, FontRole::Body, ColorRole::TextOnBackgroundMuted);
}

void drawPin(UiContext& ui, StaffController& staff, Column& col, double now) {
    col.line(both("staff.enter_pin"), FontRole::Heading, ColorRole::TitleOnBackground,
             TextAlign::Center);
    const int wait = staff.waitSeconds(now);
    std::string shown;
    if (wait > 0)
        shown = bothFormat("staff.wait", wait);
    else if (staff.pinRejected())
        shown = both("staff.wrong_pin");
    for (std::size_t i = 0; i < staff.pinDigits().size(); ++i)
        shown += "· ";
    col.line(shown.empty() ? " " : shown, FontRole::Heading, ColorRole::TextOnBackground,
             TextAlign::Center);
    PinPadActions pad;
    pad.digit = [&staff, now](char k) { staff.pinDigit(k, now); };
    pad.clear = [&staff] { staff.pinClear(); };
    pad.submit = [&staff, now] { staff.pinSubmit(now); };
    const float bh = ui.touchMin();
    Rect padArea = col.area;
    padArea.h = col.area.bottom() - bh - ui.px(2) - col.area.y;
    // The pad opens from a visitor's gesture: inside the reach band like every visitor screen.
    const float top = ui.navAtBottom ? std::max(col.y, static_cast<float>(ui.reach.y)) : col.y;
    drawPinPad(ui, padArea, top, "staff-pin", pad, wait == 0);
    const float bw = std::min(static_cast<float>(col.area.w), ui.px(60));
    button(ui, "staff-cancel", {col.area.x + (col.area.w - bw) / 2, col.area.bottom() - bh, bw, bh},
           both("staff.cancel"), ButtonKind::Ghost, [&staff] { staff.close(); });
}

void drawHealth(UiContext& ui, const StaffController& staff, Column& col) {
    const StaffHealth& h = staff.health();
    col.line(both("staff.health"), FontRole::Heading, ColorRole::TitleOnBackground);
    auto row = [&](std::string_view key, const std::string& value) {
        col.line(both(key) + ":  " + value, FontRole::Body, ColorRole::TextOnBackground);
    };
    row("staff.pack", h.packId.empty() ? "—" : h.packId + "  (" + h.packVersion + ")");
    row("staff.build_date", h.build);
    row("staff.disk_free",
        h.diskFreeBytes ? core::formatMegabytes(*h.diskFreeBytes) : std::string("—"));
    row("staff.uptime", duration(h.uptimeSeconds));
    row("staff.restarts", countOrUnknown(h.restarts) + " / " + countOrUnknown(h.crashes));
    row("staff.sessions_today", countOrUnknown(h.sessionsToday));
    std::string lastSync = h.lastSync.empty() ? "—" : h.lastSync;
    if (!h.lastSyncOutcomeKey.empty()) lastSync += "  " + both(h.lastSyncOutcomeKey);
    if (!h.lastSyncDetail.empty()) lastSync += "  (" + h.lastSyncDetail + ")";
    row("staff.last_sync", lastSync);
    if (!h.lastRefused.empty())
        row("staff.last_refused", h.lastRefusedKey.empty()
                                      ? h.lastRefused
                                      : both(h.lastRefusedKey) + "  (" + h.lastRefused + ")");
    (void)ui;
}

void drawActions(UiContext& ui, StaffController& staff, Column& col) {
    const float bh = ui.touchMin();
    const float gap = ui.px(ui.theme->layout.spacing);
    button(ui, "staff-packs", col.next(bh), both("staff.switch_pack"), ButtonKind::Secondary,
           [&staff] { staff.showPacks(); });
    button(ui, "staff-export", col.next(bh), both("staff.export"), ButtonKind::Secondary,
           [&staff] { staff.exportToUsb(); });
    // Volume: − value +
    const Rect v = col.next(bh);
    const float small = bh * 1.4f;
    button(ui, "staff-vol-down", {v.x, v.y, small, bh}, "−", ButtonKind::Secondary,
           [&staff] { staff.changeVolume(-10); });
    button(ui, "staff-vol-up", {v.right() - small, v.y, small, bh}, "+", ButtonKind::Secondary,
           [&staff] { staff.changeVolume(10); });
    drawTextLine(ui, {v.x + small + gap, v.y, v.w - 2 * (small + gap), bh},
                 both("staff.volume") + "  " + std::to_string(staff.volume()) + "%", FontRole::Body,
                 ui.color(ColorRole::TextOnBackground), TextAlign::Center);
    button(ui, "staff-tally", col.next(bh), both("staff.tally"), ButtonKind::Secondary,
           [&staff] { staff.showTally(); });
    button(ui, "staff-restart", col.next(bh), both("staff.restart"), ButtonKind::Ghost,
           [&staff] { staff.restart(); });
    button(ui, "staff-power-off", col.next(bh), both("staff.power_off"), ButtonKind::Ghost,
           [&staff] { staff.askPowerOff(); });
}

void drawPacks(UiContext& ui, StaffController& staff, Column& col) {
    col.line(both("staff.switch_pack"), FontRole::Heading, ColorRole::TitleOnBackground);
    const float bh = ui.touchMin();
    const auto& packs = staff.packs();
    if (packs.empty())
        col.line(both("staff.no_packs"), FontRole::Body, ColorRole::TextOnBackground);
    for (std::size_t i = 0; i < packs.size() && col.y + bh * 3 < col.area.bottom(); ++i) {
        const auto& p = packs[i];
        const std::string where =
            core::uiText(p.removable ? "staff.usb" : "staff.installed", Language::Zh) + " " +
            core::uiText(p.removable ? "staff.usb" : "staff.installed", Language::En);
        const std::string label = "[" + where + "]  " +
                                  (p.id.empty() ? p.folder.filename().string() : p.id) + "  — " +
                                  p.folder.string();
        button(ui, "staff-pack:" + std::to_string(i), col.next(bh), label, ButtonKind::Secondary,
               [&staff, i] { staff.choosePack(i); });
    }
    drawOutcome(col, staff);
}

void drawTally(UiContext& ui, StaffController& staff, Column& col) {
    col.line(both("staff.tally"), FontRole::Heading, ColorRole::TitleOnBackground);
    const float bh = ui.touchMin();
    const float gap = ui.px(ui.theme->layout.spacing);
    auto counter = [&](const char* key, const char* id, std::int64_t value, bool visitors) {
        const Rect r = col.next(bh);
        const float bw = bh * 1.5f;
        drawTextLine(ui, {r.x, r.y, r.w - 3 * (bw + gap), bh},
                     both(key) + ":  " + std::to_string(value), FontRole::Body,
                     ui.color(ColorRole::TextOnBackground));
        const std::pair<const char*, int> steps[] = {{"-1", -1}, {"+1", 1}, {"+10", 10}};
        float x = static_cast<float>(r.right()) - 3 * bw - 2 * gap;
        for (const auto& [label, step] : steps) {
            const int d = step;
            button(ui, std::string(id) + label, {x, r.y, bw, bh}, label, ButtonKind::Secondary,
                   [&staff, d, visitors] { staff.tallyAdd(visitors ? d : 0, visitors ? 0 : d); });
            x += bw + gap;
        }
    };
    counter("staff.tally_visitors", "staff-visitors", staff.tallyVisitors(), true);
    counter("staff.tally_leaflets", "staff-leaflets", staff.tallyLeaflets(), false);
    button(ui, "staff-tally-save", col.next(bh), both("staff.tally_save"), ButtonKind::Primary,
           [&staff] { staff.saveTally(); });
    drawOutcome(col, staff);
}

void drawConfirmPowerOff(UiContext& ui, StaffController& staff, Column& col) {
    col.line(both("staff.confirm_power_off"), FontRole::Heading, ColorRole::TitleOnBackground);
    const float bh = ui.touchMin();
    button(ui, "staff-power-off-yes", col.next(bh), both("staff.yes"), ButtonKind::Primary,
           [&staff] { staff.powerOff(); });
}

} // namespace

void drawStaffScreen(UiContext& ui, StaffController& staff, double now) {
    drawBackground(ui);
    const float pad = ui.px(ui.theme->layout.padding) * 1.5f;
    const float bh = ui.touchMin();
    // Title bar: the mode's name and the way out (Cancel on the PIN pad, Leave once unlocked).
    const Rect bar{pad, pad, ui.width - pad * 2, bh};
    drawTextLine(ui, bar, both("staff.title"), FontRole::Title,
                 ui.color(ColorRole::TitleOnBackground));
    if (staff.unlocked()) {
        const float bw = std::min(ui.width * 0.4f, ui.px(70));
        button(ui, "staff-close", {bar.right() - bw, bar.y, bw, bh}, both("staff.close"),
               ButtonKind::Primary, [&staff] { staff.close(); });
    }
    const Rect body{pad, bar.bottom() + pad, ui.width - pad * 2,
                    ui.height - bar.bottom() - pad * 2};
    if (staff.stage() == StaffStage::Pin) {
        Column col{ui, body, static_cast<float>(body.y)};
        drawPin(ui, staff, col, now);
        return;
    }
    if (staff.stage() != StaffStage::Panel) {
        // A page of its own, with Back to the panel at the bottom.
        Column col{ui, {body.x, body.y, body.w, body.h - bh - pad}, static_cast<float>(body.y)};
        if (staff.stage() == StaffStage::Packs) drawPacks(ui, staff, col);
        if (staff.stage() == StaffStage::Tally) drawTally(ui, staff, col);
        if (staff.stage() == StaffStage::ConfirmPowerOff) drawConfirmPowerOff(ui, staff, col);
        const float bw = std::min(static_cast<float>(body.w), ui.px(60));
        button(ui, "staff-back", {body.x, body.bottom() - bh, bw, bh}, both("staff.back"),
               ButtonKind::Ghost, [&staff] { staff.backToPanel(); });
        return;
    }
    // The panel: health beside the actions (landscape) or above them (portrait).
    Rect left = body, right = body;
    if (!ui.portrait) {
        left.w = body.w * 0.5f - pad / 2;
        right.x = body.x + left.w + pad;
        right.w = left.w;
    }
    Column health{ui, left, static_cast<float>(left.y)};
    drawHealth(ui, staff, health);
    if (ui.portrait) {
        right.y = health.y + pad;
        right.h = body.bottom() - right.y;
    }
    Column actions{ui, right, static_cast<float>(right.y)};
    drawActions(ui, staff, actions);
    drawOutcome(ui.portrait ? actions : health, staff);
}

} // namespace lantai::kiosk
