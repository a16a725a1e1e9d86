// core/edit: ids from titles — readable ASCII slugs (pinyin for Chinese through a Transliterator),
// unique in the pack, never changed afterwards
#pragma once

#include "core/base/localized_text.h"
#include "core/edit/node_ref.h"
#include "core/pack/model.h"

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>

namespace lantai::core::edit {

// Turns text into Latin ASCII ("国际档案日" -> "guo ji dang an ri"). The ICU implementation
// (icu_transliterator.h, target lantai_edit_icu) uses ICU's "Han-Latin; Latin-ASCII"; core itself
// does not link ICU. Without one, Chinese titles give the fallback ids below.
//
// Threading: const calls from one thread at a time.
class Transliterator {
  public:
    virtual ~Transliterator() = default;
    virtual std::string toAscii(std::string_view utf8) const = 0;
};

// Lower-case ASCII letters and digits, runs of anything else as one '-', no '-' at either end,
// apostrophes dropped ("Mao's letter, 1949" -> "maos-letter-1949"). At most `maxLength`
// characters, cut at a '-' where one is near the end.
std::string slugify(std::string_view text, std::size_t maxLength = 48);

// The slug an id starts from: the English title when there is one, else the Chinese title
// transliterated (when `transliterator` is given), else the ASCII letters and digits of the
// Chinese title. Empty when none of these has any.
std::string titleSlug(const LocalizedText& title, const Transliterator* transliterator);

// Every id of `kind` in the pack (the scope in which ids of that kind must be unique).
std::unordered_set<std::string> idsInUse(const Pack& pack, NodeKind kind);

// `base` when free, else base-2, base-3 … (the first free one). `base` must be a valid id.
std::string uniqueId(const std::string& base, const std::unordered_set<std::string>& taken);

// A new id for a node of `kind` titled `title`: uniqueId(titleSlug), or "<kind>-<n>" (item-1,
// part-2 …: the first free n) when the title gives no slug. Always passes the validator's id
// rule ([a-z0-9][a-z0-9_-]*, at most 64 characters).
std::string newId(const Pack& pack, NodeKind kind, const LocalizedText& title,
                  const Transliterator* transliterator);
// The same against `taken`, which gets the new id (several new nodes before any is inserted).
std::string newId(std::unordered_set<std::string>& taken, NodeKind kind, const LocalizedText& title,
                  const Transliterator* transliterator);

// The name a media file gets inside the pack: the slug of its stem (transliterated) and its
// extension in lower case ("国际档案日 海报.JPG" -> "guo-ji-dang-an-ri-hai-bao.jpg"), or
// "file.<ext>" when the stem gives no slug. ASCII only, so derived tile folders (named after the
// path with everything outside [A-Za-z0-9_-] replaced) never collide.
std::string mediaFileName(std::string_view fileName, const Transliterator* transliterator);

// A title from a file name: the stem with '_' and '-' as spaces ("letter_1931-05.jpg" ->
// "letter 1931 05").
std::string titleFromFileName(std::string_view fileName);

} // namespace lantai::core::edit
