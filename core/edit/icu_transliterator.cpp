// core/edit: ICU Han-Latin; Latin-ASCII behind the Transliterator interface
#include "core/edit/icu_transliterator.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace lantai::core::edit {

namespace {

class IcuTransliterator final : public Transliterator {
  public:
    explicit IcuTransliterator(std::unique_ptr<icu::Transliterator> transform)
        : m_transform(std::move(transform)) {}

    std::string toAscii(std::string_view utf8) const override {
        icu::UnicodeString text = icu::UnicodeString::fromUTF8(
            icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
        m_transform->transliterate(text);
        std::string out;
        text.toUTF8String(out);
        return out;
    }

  private:
    std::unique_ptr<icu::Transliterator> m_transform;
};

} // namespace

std::unique_ptr<Transliterator> makeIcuTransliterator() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> transform(
        icu::Transliterator::createInstance("Han-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !transform) return nullptr;
    return std::make_unique<IcuTransliterator>(std::move(transform));
}

} // namespace lantai::core::edit
