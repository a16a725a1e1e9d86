// core/media: audio file headers — MP3 (ID3v2 or an MPEG frame), Ogg (Vorbis, Opus), WAV, FLAC
#pragma once

#include "core/media/asset_probe.h"
#include "core/media/byte_source.h"

#include <optional>

namespace lantai::core {

// The audio kind the first bytes announce and what is wrong with the header (a WAV whose RIFF
// chunk or an MP3 whose ID3 tag runs past the end of the file: a copy cut short; an Ogg page
// header that is not version 0), or nullopt when the bytes are no audio format known here.
// M4A files are ISO media (AssetKind::IsoMedia) and probed as such. Reads only headers.
std::optional<ProbeResult> probeAudioHeader(ByteSource& src);

} // namespace lantai::core
