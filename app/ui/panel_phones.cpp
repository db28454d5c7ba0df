// The "Phones" box beside the stage while the phone server runs (F4): the address, the join
// code, the QR code, how many phones joined and finished, and the blind round's controls.
// It shows counts only, never values: the round is blind until the facilitator closes it.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <string>

#include "base/i18n.hpp"
#include "server/phone_server.hpp"
#include "server/qr.hpp"
#include "ui/panel_set.hpp"
#include "ui/panels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {
namespace {

constexpr int kQuietZone = 4;          // light modules around the code (the QR standard's minimum)
constexpr float kModuleEm = 0.32f;     // module size at the current zoom
constexpr float kMinPanelEm = 17.0f;

// "123456" as "123 456": easier to read out and to type.
std::string spaced_code(const std::string& code) {
    if (code.size() != 6) return code;
    return code.substr(0, 3) + " " + code.substr(3);
}

// The QR code in what is left of the box: at most kModuleEm per module, smaller when the box is
// small, so it is never cut off.
void draw_qr(const UiContext& ctx, const server::QrMatrix& m) {
    const int side = m.size + 2 * kQuietZone;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    // Whole pixels per module keep the edges sharp for the phone cameras.
    const float fit = std::min(avail.x, avail.y) / static_cast<float>(side);
    const float module = std::max(2.0f, std::floor(std::min(em(kModuleEm), fit)));
    const float total = module * static_cast<float>(side);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, ImVec2(p0.x + total, p0.y + total), IM_COL32(255, 255, 255, 255));
    // Dark modules in the palette's text colour when it is dark enough on white (the projector
    // theme); the dark theme's light text would not scan, so black then.
    const Rgba white{1, 1, 1, 1};
    const ImU32 dark = contrast_ratio(ctx.palette.text, white) >= 7.0 ? u32(ctx.palette.text) : IM_COL32(0, 0, 0, 255);
    for (int y = 0; y < m.size; ++y)
        for (int x = 0; x < m.size; ++x) {
            if (!m.at(x, y)) continue;
            const float px = p0.x + module * static_cast<float>(x + kQuietZone);
            const float py = p0.y + module * static_cast<float>(y + kQuietZone);
            dl->AddRectFilled(ImVec2(px, py), ImVec2(px + module, py + module), dark);
        }
    ImGui::Dummy(ImVec2(total, total));
}

// "http://192.168.1.20:8080/" as "192.168.1.20:8080": what people type (browsers add http://).
std::string typed_address(std::string url) {
    if (url.rfind("http://", 0) == 0) url.erase(0, 7);
    if (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

void big_text(ImFont* font, const std::string& text) {
    if (font) ImGui::PushFont(font);
    ImGui::TextUnformatted(text.c_str());
    if (font) ImGui::PopFont();
}

}  // namespace

float phones_panel_width(const UiContext& ctx) {
    float code_w = em(kMinPanelEm);
    if (ctx.fonts.huge) {
        ImGui::PushFont(ctx.fonts.huge);
        code_w = ImGui::CalcTextSize("000 000").x;
        ImGui::PopFont();
    }
    const ImGuiStyle& style = ImGui::GetStyle();
    return std::max(em(kMinPanelEm), code_w + 2 * style.WindowPadding.x + style.ScrollbarSize + em(0.5f));
}

// The QR matrix of the last join URL (a new code at every start).
const PhonesPanel::QrCache& PhonesPanel::qr_for(const std::string& text) {
    if (qr_.text != text) {
        qr_ = QrCache{text, {}, {}};
        try {
            qr_.matrix = server::qr_matrix(text);
        } catch (const std::exception& e) {
            qr_.error = e.what();
        }
    }
    return qr_;
}

void draw_phones(UiContext& ctx, const server::PhoneServer& phones) { ctx.panels().phones.draw(ctx, phones); }

void PhonesPanel::draw(UiContext& ctx, const server::PhoneServer& phones) {
    muted(ctx, i18n::tr("Join from your phone:"));
    if (ctx.fonts.large) ImGui::PushFont(ctx.fonts.large);
    ImGui::TextWrapped("%s", typed_address(phones.url()).c_str());
    if (ctx.fonts.large) ImGui::PopFont();
    muted(ctx, i18n::trc("join", "Code"));
    big_text(ctx.fonts.huge, spaced_code(phones.join_code()));
    if (phones.join_code_spent()) {
        // Someone is guessing the code from many addresses: it no longer lets anyone join.
        ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.warning_text));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x;
        ImGui::GetWindowDrawList()->ChannelsSplit(2);
        ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
        ImGui::TextWrapped("%s", i18n::tr("This code was spent: too many wrong codes were tried. Nobody can join with "
                                          "it. Press F6 for a new code."));
        ImGui::PopTextWrapPos();
        ImGui::GetWindowDrawList()->ChannelsSetCurrent(0);
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + w, ImGui::GetItemRectMax().y),
                                                  u32(ctx.palette.warning));
        ImGui::GetWindowDrawList()->ChannelsMerge();
        ImGui::PopStyleColor();
    }
    if (phones.loopback_only()) muted(ctx, i18n::tr("No network found: only this computer can reach the address."));
    // contracts 6: the jury's own code, for the facilitator's eyes: only while the facilitator notes
    // show (N hides them; the room's window of two screens never shows notes, the presenter's view
    // has the code too).
    if (ctx.session.workshop().mode == core::Mode::Hackathon && ctx.state.notes_visible && !phones.jury_code().empty()) {
        muted(ctx, i18n::tr("Jury code (for the jury only; N hides it)"));
        if (ctx.fonts.large) ImGui::PushFont(ctx.fonts.large);
        ImGui::TextColored(vec4(ctx.palette.accent), "%s", spaced_code(phones.jury_code()).c_str());
        if (ctx.fonts.large) ImGui::PopFont();
    }

    const server::PhoneCounts c = phones.counts();
    const auto& stages = ctx.session.workshop().stages;
    const int cur = ctx.session.current_stage();
    const core::StageKind kind =
        cur >= 0 && cur < static_cast<int>(stages.size()) ? stages[static_cast<std::size_t>(cur)].kind : core::StageKind::Intro;
    const bool scoring = kind == core::StageKind::Scoring;
    // The round is the phones' scoring: its controls where scores are entered or shown.
    const bool round_here = scoring || kind == core::StageKind::Matrix || kind == core::StageKind::Shortlist;
    // Counts only: who finished and what they gave stays hidden during the blind round.
    if (scoring)
        ImGui::TextWrapped("%s", i18n::format(i18n::ntr("{0} of {1} phone has finished ({2} open)",
                                                        "{0} of {1} phones have finished ({2} open)", plural_n(c.joined)),
                                              {std::to_string(c.finished), std::to_string(c.joined),
                                               counted(plural_n(c.open_ideas),
                                                       i18n::ntr("{0} idea", "{0} ideas", plural_n(c.open_ideas)))})
                                     .c_str());
    else
        ImGui::TextWrapped("%s", counted(plural_n(c.joined), i18n::ntr("{0} phone joined", "{0} phones joined",
                                                                       plural_n(c.joined)))
                                     .c_str());
    // The scores, the matrix and the shortlist stay hidden until the round closes.
    if (!round_here) {
        // no round on this stage: nothing to close or reopen
    } else if (phones.round_open()) {
        if (fitted_button(i18n::tr("Close round and reveal"))) ctx.request(SetPhoneRound{false});
    } else {
        muted(ctx, i18n::tr("Round closed: phones cannot score."));
        if (fitted_button(i18n::tr("Reopen round"))) ctx.request(SetPhoneRound{true});
    }
    ImGui::Spacing();

    const QrCache& qr = qr_for(phones.join_url());
    if (qr.error.empty() && qr.matrix.size > 0)
        draw_qr(ctx, qr.matrix);
    else
        muted(ctx, i18n::format(i18n::tr("No QR code: {0}"), {qr.error}));
}

bool blind_round_banner(const UiContext& ctx) {
    if (!ctx.state.blind_round) return false;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, vec4(ctx.palette.warning));
    ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.warning_text));
    const float h = ImGui::GetTextLineHeightWithSpacing() * 2 + 2 * ImGui::GetStyle().WindowPadding.y;
    ImGui::BeginChild("##blind", ImVec2(0, h), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::TextWrapped("%s", i18n::tr("Blind round: scores are hidden until the round is closed."));
    ImGui::EndChild();
    ImGui::PopStyleColor(2);
    return true;
}

}  // namespace pilotdeck::ui
