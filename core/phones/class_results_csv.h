// core/phones: a finished phone game's results as a CSV spreadsheet for the teacher (pure
// formatting)
#pragma once

#include "core/phones/phone_game.h"

#include <string>

namespace lantai::core {

// UTF-8 with a byte-order mark (Excel), CRLF line ends, every field quoted: one row per player
// by rank (rank, seat, nickname and team in Chinese and English — the team empty in an
// individual game —, score, correct, answered, questions), then a blank line; in a team game one
// row per team by rank (rank, name, members, score = the mean of its members' points, their total
// points, correct and answered) and a blank line; then one row per question (number, stable id,
// answers, correct, accuracy %).
std::string classResultsCsv(const PhoneGame& game);

} // namespace lantai::core
