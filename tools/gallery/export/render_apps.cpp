// tools/gallery/export: the pages the script turns into apps — quiz (bank list) and search (results
// container)
#include "core/i18n/ui_strings.h"
#include "tools/gallery/export/html.h"
#include "tools/gallery/export/pages.h"
#include "tools/gallery/export/site_paths.h"

#include <nlohmann/json.hpp>

namespace lantai::core::web {
std::string renderQuiz(const SiteContext& c, Language lang) {
    Page page = pageAt(c, lang, quizPath, uiText("quiz.title", lang));
    nlohmann::json ids = nlohmann::json::array();
    for (const QuizBank& bank : c.pack->quizBanks)
        ids.push_back(bank.id);
    std::string& m = page.main;
    m += "<h1>" + esc(page.title) + "</h1>\n";
    m += "<div id=\"quiz\" data-banks=\"" + esc(ids.dump()) + "\">\n";
    if (c.pack->quizBanks.empty())
        m += "<p>" + esc(uiText("web.quiz.empty", lang)) + "</p>\n";
    else
        m += "<ul class=\"quiz-banks\">\n";
    for (const QuizBank& bank : c.pack->quizBanks)
        m += "<li><span class=\"bank-title\">" + esc(bank.title.get(lang)) +
             "</span> <span class=\"count\">" +
             esc(uiCount("quiz.count", static_cast<long long>(bank.questions.size()), lang)) +
             "</span></li>\n";
    if (!c.pack->quizBanks.empty()) m += "</ul>\n";
    m += "<noscript><p>" + esc(uiText("web.quiz.noscript", lang)) + "</p></noscript>\n</div>\n";
    return renderPage(c, page);
}

std::string renderSearch(const SiteContext& c, Language lang) {
    Page page = pageAt(c, lang, searchPath, uiText("web.search", lang));
    std::string& m = page.main;
    m += "<h1>" + esc(page.title) + "</h1>\n";
    m += "<form role=\"search\" action=\"search.html\" class=\"search-page-form\"><label "
         "for=\"search-q\">" +
         esc(uiText("web.search.label", lang)) +
         "</label><input id=\"search-q\" name=\"q\" type=\"search\"><button type=\"submit\">" +
         esc(uiText("web.search", lang)) + "</button></form>\n";
    m += "<div id=\"search-results\" aria-live=\"polite\"><noscript><p>" +
         esc(uiText("web.search.noscript", lang)) + "</p></noscript></div>\n";
    return renderPage(c, page);
}

} // namespace lantai::core::web
