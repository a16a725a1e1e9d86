// core/edit: what an edit names — a node of the pack by kind and id, a field inside it by JSON
// pointer — and where that node sits in the model now
#pragma once

#include "core/pack/model.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace lantai::core::edit {

// The nodes an edit can address. Images, badges, options, subtitles and attract entries are
// fields of their node ("/images/0/alt", "/options/2/correct", "/attract").
enum class NodeKind { Pack, Exhibition, Chapter, Item, Video, QuizBank, Question };

const char* nodeKindName(NodeKind kind); // "pack", "exhibition", ..., "quiz_bank", "question"
std::optional<NodeKind> parseNodeKind(std::string_view name);

// A node by kind and id (ids are stable: titles change, ids do not, so a selection or an undo
// step still names the same node after any reorder or move). The pack itself has no id.
struct NodeRef {
    NodeKind kind = NodeKind::Pack;
    std::string id;

    static NodeRef pack() { return {}; }
    static NodeRef exhibition(std::string id) { return {NodeKind::Exhibition, std::move(id)}; }
    static NodeRef chapter(std::string id) { return {NodeKind::Chapter, std::move(id)}; }
    static NodeRef item(std::string id) { return {NodeKind::Item, std::move(id)}; }
    static NodeRef video(std::string id) { return {NodeKind::Video, std::move(id)}; }
    static NodeRef quizBank(std::string id) { return {NodeKind::QuizBank, std::move(id)}; }
    static NodeRef question(std::string id) { return {NodeKind::Question, std::move(id)}; }

    bool operator==(const NodeRef&) const = default;
};

// A field of a node: an RFC 6901 pointer into the node's JSON as content/FORMAT.md writes it
// ("/caption/en", "/images/0/alt/zh", "/dates/start", "/options/1/correct"); "" is the node.
struct FieldRef {
    NodeRef node;
    std::string pointer;

    bool operator==(const FieldRef&) const = default;
};

// "pack", "item:letter-1931"; "item:letter-1931/caption/en". Stable keys for the journal, the
// translation sidecar and the UI's selection.
std::string toString(const NodeRef& node);
std::string toString(const FieldRef& field);
std::optional<NodeRef> parseNodeRef(std::string_view text);
std::optional<FieldRef> parseFieldRef(std::string_view text);

// RFC 6901 pointer from tokens and back (~0 ~1 escapes). parsePointer returns nullopt for a
// non-empty pointer that does not start with '/'.
std::string joinPointer(const std::vector<std::string>& tokens);
std::optional<std::vector<std::string>> parsePointer(std::string_view pointer);

// ---- where nodes sit now -------------------------------------------------------------------
// Positions are indices into the model's vectors; they change with every reorder, so they are
// looked up again for each command (a linear scan: a few microseconds for 1000 items).

struct ChapterPosition {
    std::size_t exhibition = 0;
    std::size_t chapter = 0;
};
struct ItemPosition {
    std::size_t exhibition = 0;
    std::size_t chapter = 0;
    std::size_t item = 0;
};
struct QuestionPosition {
    std::size_t bank = 0;
    std::size_t question = 0;
};

std::optional<std::size_t> findExhibition(const Pack& pack, const std::string& id);
std::optional<ChapterPosition> findChapter(const Pack& pack, const std::string& id);
std::optional<ItemPosition> findItem(const Pack& pack, const std::string& id);
std::optional<std::size_t> findVideo(const Pack& pack, const std::string& id);
std::optional<std::size_t> findBank(const Pack& pack, const std::string& id);
std::optional<QuestionPosition> findQuestion(const Pack& pack, const std::string& id);

// Does the node exist in `pack`?
bool nodeExists(const Pack& pack, const NodeRef& node);

// The kind that holds `kind` (Chapter for Item, Exhibition for Chapter, QuizBank for Question,
// Pack for Exhibition, Video and QuizBank); nullopt for the pack.
std::optional<NodeKind> parentKind(NodeKind kind);
// The node holding `node` now, and its index there.
struct ParentSlot {
    NodeRef parent;
    std::size_t index = 0;
};
std::optional<ParentSlot> findParentSlot(const Pack& pack, const NodeRef& node);
// How many children of `childKind` `parent` holds (nullopt when it does not exist).
std::optional<std::size_t> childCount(const Pack& pack, const NodeRef& parent, NodeKind childKind);

} // namespace lantai::core::edit
