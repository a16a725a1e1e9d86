// tools/gallery/export: the frame of every page — <head> metadata, header (nav, search, language
// switch), footer
#pragma once

#include "tools/gallery/export/site_context.h"

#include <functional>
#include <string>
#include <vector>

namespace lantai::core::web {

struct Crumb {
    std::string label; // plain text
    std::string path;  // root-relative page; "" = the current page
};

// One page. Texts are plain (escaped here); `main` is ready markup put inside <main>.
struct Page {
    Language lang = Language::Zh;
    std::string path;          // root-relative, e.g. "zh/items/a.html"
    std::string otherLangPath; // the same page in the other language
    std::string title;         // page title (the site title is appended in <title>)
    std::string description;   // meta description and og:description
    std::string ogType = "website";
    std::string ogImage;       // root-relative image path, or ""
    std::vector<Crumb> crumbs; // breadcrumb, home first; empty = none
    std::string main;
};

Language otherLanguage(Language lang);

// A page at pathOf(lang), its twin at pathOf(other language), with `title` and a breadcrumb
// that starts at the home page and ends with `title` (more crumbs go between).
Page pageAt(const SiteContext& context, Language lang,
            const std::function<std::string(Language)>& pathOf, std::string title,
            std::vector<Crumb> middleCrumbs = {});

// The whole HTML document of `page` (tools/gallery/SITE.md "Markup the script relies on").
std::string renderPage(const SiteContext& context, const Page& page);

// Only the <head> element (the golden tests compare it).
std::string renderHead(const SiteContext& context, const Page& page);

} // namespace lantai::core::web
