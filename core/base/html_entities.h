// core/base: HTML character references (&lt; &amp; &#NN; ...) decoded to UTF-8
#pragma once

#include <string>
#include <string_view>

namespace lantai::core {

// Decodes &lt; &gt; &amp; &quot; &apos; &nbsp;, a few typographic names (&mdash; &hellip; ...)
// and numeric character references; anything else (an unknown name, a control character,
// a surrogate) stays as written.
std::string decodeEntities(std::string_view text);

} // namespace lantai::core
