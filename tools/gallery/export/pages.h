// tools/gallery/export: the page renderers of the exported site — one function a page kind, each
// returns the whole HTML
#pragma once

#include "tools/gallery/export/page_shell.h"
#include "tools/gallery/export/site_context.h"

#include <string>

namespace lantai::core::web {

std::string renderLanguageChooser(const SiteContext& context); // index.html at the root
std::string renderHome(const SiteContext& context, Language lang);
std::string renderExhibition(const SiteContext& context, Language lang,
                             const Exhibition& exhibition);
std::string renderChapter(const SiteContext& context, Language lang, const Exhibition& exhibition,
                          const Chapter& chapter);
Page itemPage(const SiteContext& context, Language lang, const Item& item); // head + body parts
std::string renderItem(const SiteContext& context, Language lang, const Item& item);
std::string renderVideoLibrary(const SiteContext& context, Language lang);
std::string renderVideo(const SiteContext& context, Language lang, const Video& video);
std::string renderQuiz(const SiteContext& context, Language lang);
std::string renderSearch(const SiteContext& context, Language lang);

// Item cards (<ul class="cards">) linking from the page at `fromPage`.
std::string itemCards(const SiteContext& context, Language lang, const std::string& fromPage,
                      const std::vector<Item>& items);
// An <img> of a published image's thumbnail with its alt text (lazy unless `eager`).
std::string thumbImg(const std::string& fromPage, const PublishedImage& image,
                     const std::string& alt, bool eager = false);

} // namespace lantai::core::web
