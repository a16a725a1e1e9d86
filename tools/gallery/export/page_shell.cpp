// tools/gallery/export: the frame of every page — <head> metadata, header (nav, search, language
// switch), footer
#include "tools/gallery/export/page_shell.h"

#include "core/i18n/ui_strings.h"
#include "tools/gallery/export/html.h"
#include "tools/gallery/export/site_paths.h"

namespace lantai::core::web {
namespace {

Language other(Language lang) {
    return otherLanguage(lang);
}
const char* htmlLang(Language lang) {
    return lang == Language::Zh ? "zh-CN" : "en";
}
const char* ogLocale(Language lang) {
    return lang == Language::Zh ? "zh_CN" : "en_US";
}

std::string meta(const char* attr, const char* name, const std::string& content) {
    return std::string("<meta ") + attr + "=\"" + name + "\" content=\"" + esc(content) + "\">\n";
}

std::string header(const SiteContext& c, const Page& p) {
    const Language l = p.lang;
    auto href = [&](const std::string& target) { return esc(relativeLink(p.path, target)); };
    std::string h =
        "<a class=\"skip-link\" href=\"#main\">" + esc(uiText("web.skip", l)) + "</a>\n";
    h += "<header class=\"site-header\">\n";
    h += "<a class=\"site-title\" href=\"" + href(homePath(l)) + "\">" + esc(c.pack->title.get(l)) +
         "</a>\n";
    h += "<nav class=\"site-nav\" aria-label=\"" + esc(uiText("web.nav.main", l)) + "\"><ul>";
    const std::pair<const char*, std::string> links[] = {{"home.exhibitions", homePath(l)},
                                                         {"home.videos", videosPath(l)},
                                                         {"home.quiz", quizPath(l)}};
    for (const auto& [key, target] : links) {
        h += "<li><a href=\"" + href(target) + "\"";
        if (target == p.path) h += " aria-current=\"page\"";
        h += ">" + esc(uiText(key, l)) + "</a></li>";
    }
    h += "</ul></nav>\n";
    h += "<form role=\"search\" action=\"" + href(searchPath(l)) +
         "\" class=\"site-search\">"
         "<label for=\"site-q\">" +
         esc(uiText("web.search.label", l)) +
         "</label>"
         "<input id=\"site-q\" name=\"q\" type=\"search\"><button type=\"submit\">" +
         esc(uiText("web.search", l)) + "</button></form>\n";
    const Language o = other(l);
    h += std::string("<a class=\"lang-switch\" hreflang=\"") + languageCode(o) + "\" lang=\"" +
         htmlLang(o) + "\" href=\"" + href(p.otherLangPath) + "\">" +
         esc(uiText("lang.switch", l)) + "</a>\n";
    h += "</header>\n";
    return h;
}

std::string breadcrumb(const Page& p) {
    if (p.crumbs.empty()) return {};
    std::string b = "<nav class=\"breadcrumb\" aria-label=\"" +
                    esc(uiText("web.nav.breadcrumb", p.lang)) + "\"><ol>";
    for (const Crumb& crumb : p.crumbs) {
        if (crumb.path.empty())
            b += "<li aria-current=\"page\">" + esc(crumb.label) + "</li>";
        else
            b += "<li><a href=\"" + esc(relativeLink(p.path, crumb.path)) + "\">" +
                 esc(crumb.label) + "</a></li>";
    }
    return b + "</ol></nav>\n";
}

std::string footer(const SiteContext& c, const Page& p) {
    const Language l = p.lang;
    std::string f = "<footer class=\"site-footer\">\n<p>" + esc(uiText("web.footer.organiser", l)) +
                    (l == Language::Zh ? "：" : ": ") + esc(c.pack->organiser.get(l));
    if (!c.pack->event.empty()) f += " · " + esc(c.pack->event.get(l));
    f += "</p>\n<p class=\"made-with\">" + esc(uiText("web.footer.made_with", l)) +
         "</p>\n</footer>\n";
    return f;
}

} // namespace

Language otherLanguage(Language lang) {
    return lang == Language::Zh ? Language::En : Language::Zh;
}

Page pageAt(const SiteContext& c, Language lang, const std::function<std::string(Language)>& pathOf,
            std::string title, std::vector<Crumb> middleCrumbs) {
    Page page;
    page.lang = lang;
    page.path = pathOf(lang);
    page.otherLangPath = pathOf(otherLanguage(lang));
    page.crumbs.push_back({c.pack->title.get(lang), homePath(lang)});
    for (Crumb& crumb : middleCrumbs)
        page.crumbs.push_back(std::move(crumb));
    page.crumbs.push_back({title, ""});
    page.title = std::move(title);
    return page;
}

std::string renderHead(const SiteContext& c, const Page& p) {
    const Language l = p.lang;
    const std::string site = c.pack->title.get(l);
    const std::string title = p.title.empty() || p.title == site ? site : p.title + " — " + site;
    std::string h = "<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h += "<title>" + esc(title) + "</title>\n";
    if (!p.description.empty()) h += meta("name", "description", p.description);
    h += meta("property", "og:title", p.title.empty() ? site : p.title);
    if (!p.description.empty()) h += meta("property", "og:description", p.description);
    h += meta("property", "og:type", p.ogType);
    h += meta("property", "og:site_name", site);
    h += meta("property", "og:locale", ogLocale(l));
    h += meta("property", "og:locale:alternate", ogLocale(other(l)));
    h += meta("property", "og:url",
              c.baseUrl.empty() ? p.path.substr(p.path.rfind('/') + 1) : c.absolute(p.path));
    if (!p.ogImage.empty()) h += meta("property", "og:image", c.link(p.path, p.ogImage));
    if (!c.baseUrl.empty())
        h += "<link rel=\"canonical\" href=\"" + esc(c.absolute(p.path)) + "\">\n";
    const Language o = other(l);
    h += std::string("<link rel=\"alternate\" hreflang=\"") + languageCode(o) + "\" href=\"" +
         esc(c.link(p.path, p.otherLangPath)) + "\">\n";
    h += "<link rel=\"icon\" href=\"" + esc(relativeLink(p.path, "assets/icon.svg")) +
         "\" type=\"image/svg+xml\">\n";
    h += "<link rel=\"stylesheet\" href=\"" +
         esc(relativeLink(p.path, "assets/lantai.css?v=" + c.cssVersion)) + "\">\n";
    h += "<script type=\"module\" src=\"" +
         esc(relativeLink(p.path, "assets/lantai.js?v=" + c.jsVersion)) + "\"></script>\n";
    return h + "</head>\n";
}

std::string renderPage(const SiteContext& c, const Page& p) {
    std::string html = std::string("<!DOCTYPE html>\n<html lang=\"") + htmlLang(p.lang) + "\">\n";
    html += renderHead(c, p);
    html += "<body>\n" + header(c, p);
    html += "<main id=\"main\">\n" + breadcrumb(p) + p.main + "</main>\n";
    html += footer(c, p);
    return html + "</body>\n</html>\n";
}

} // namespace lantai::core::web
