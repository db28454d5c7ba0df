// The phone page's words in the workshop's language (contracts 10): /text.js sets
// window.pilotdeckText = {lang, decimal, text: {English: translation}} before /app.js runs; the
// page looks every word up there (t()) and formats numbers with the language's decimal sign.
// The English texts here are the ones the page's scripts and HTML use, letter for letter.
#include "server/page.hpp"

#include <nlohmann/json.hpp>

namespace pilotdeck::server {

namespace {

using i18n::N_;

constexpr const char* kWords[] = {
    N_("Join the workshop"),
    N_("Joining…"),
    N_("That code is not right. Look at the screen."),
    N_("Too many tries. Wait a minute, then try again."),
    N_("No connection. Is your phone on the same network as the screen?"),
    N_("Could not join ({0})."),
    N_("Give your idea a title."),
    N_("Sending…"),
    N_("Sent. Thank you! You can send another one."),
    N_("Please join again."),
    N_("Not sent: no connection. Your text is still here; try again."),
    N_("Not sent:"),
    N_("error {0}"),
    N_("Not counted: no connection. Tap again."),
    N_("Not counted."),
    N_("Saved"),
    N_("This round is closed. Look at the screen."),
    N_("No ideas are open for scoring yet. Look at the screen."),
    N_("Tap one number per question. You can change a vote until the round closes."),
    N_("Ideas {0}–{1} of {2}"),
    N_("{0} of {1} teams scored. Tap one number per question."),
    N_("Workshop"),
    N_("You: {0}"),
    N_("Please join again. Your unsent votes are kept."),
    N_("Not sent yet – it will be retried"),
    N_("Not saved:"),
    N_("Please join again (the workshop was restarted)."),
    N_("No connection – retrying…"),
    N_("The server is busy – retrying…"),
    N_("No connection. Try again."),
    N_("Not saved."),
    N_("Team code for your colleagues:"),
    N_("Members:"),
    N_("Join a team"),
    N_("Team code (ask your team)"),
    N_("Join team"),
    N_("You are in the team."),
    N_("Or start a new team"),
    N_("Team name"),
    N_("Your idea in a few words"),
    N_("Which problem does it solve?"),
    N_("Start team"),
    N_("Your team is registered."),
    N_("{0} compared, about {1} to go"),
    N_("Judging is paused. Look at the screen."),
    N_("No more pairs for you. Thank you!"),
    N_("Which team did better?"),
    N_("Saved."),
    N_("Table"),
    N_("Skip this pair"),
    N_("Skipped."),
    N_("Undo my last comparison"),
    N_("Undone: decide this pair again."),
    N_("Audience vote: which team convinced you?"),
    N_("One vote; you can change it until the vote closes. Nobody sees who voted for whom."),
    N_("The audience vote is closed."),
    N_("your team"),
    N_("Your vote is saved."),
    N_("Join code (on the screen)"),
    N_("Your name (optional)"),
    N_("Your department (optional)"),
    N_("Join"),
    N_("What worries you about AI at work?"),
    N_("Tap each worry you share. The screen shows only how many people tapped it, never who."),
    N_("Send an idea"),
    N_("Title"),
    N_("Send idea"),
    N_("Your ideas"),
    N_("Previous ideas"),
    N_("Next ideas"),
    N_("Look at the screen"),
    N_("Re-vote: the room disagrees on these"),
    N_("Look at how the room scored. Keep your score or change it, and say why in one line."),
    N_("The room: median {0}, middle half {1} to {2} ({3} raters)"),
    N_("Your score: {0}"),
    N_("You re-voted on this one."),
    N_("Why? (one line, optional)"),
    N_("Send new score"),
};

}  // namespace

std::string page_text_script(i18n::Language lang) {
    nlohmann::json text = nlohmann::json::object();
    for (const char* w : kWords) text[w] = i18n::tr_in(lang, w);
    const nlohmann::json all{{"lang", std::string(i18n::code(lang))}, {"decimal", lang == i18n::Language::En ? "." : ","},
                             {"text", std::move(text)}};
    return "window.pilotdeckText = " + all.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + ";\n";
}

}  // namespace pilotdeck::server
