// core/phones: a finished phone game's results as a CSV spreadsheet for the teacher (pure
// formatting)
#pragma once

#include "core/phones/phone_game.h"

#include <string>

namespace lantai::core {

// UTF-8 with a byte-order mark (Excel), CRLF line ends, every field quoted: one row per player
// by rank (rank, seat, nickname in Chinese and English, score, correct, answered, questions),
// then a blank line and one row per question (number, stable id, answers, correct, accuracy %).
std::string classResultsCsv(const PhoneGame& game);

} // namespace lantai::core
