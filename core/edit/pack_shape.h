// core/edit: writing the model back in the shape its files had — member order, unknown fields,
// other languages, "$schema" and explicitly written defaults survive a load/save round trip
#pragma once

#include "core/edit/node_json.h"

#include <map>
#include <string>
#include <vector>

namespace lantai::core::edit {

class NodeMerge;

// The writer (core/pack/writer.h) writes the model in FORMAT.md order and leaves out what the
// model does not keep: members the format does not know (kept by the loader only as a
// schema.unknown_field warning), languages other than zh and en, "$schema", a value the loader
// could not read, and members equal to their default ("highlight": false, "difficulty": 1, a
// "kiosk" block of defaults). A curator's file that spells those out would lose them on every
// save, and a one-word edit would show as a large diff.
//
// PackShape remembers every node as the session first read it from disk (pack.json's head,
// exhibitions, chapters, items and videos by id, quiz banks by file, questions by id) and lays
// the writer's document over it:
// - members present in both take the writer's value, in the remembered order; members only the
//   writer has go after the member that precedes them in the writer's order;
// - a member only the remembered node has is kept when it says nothing there (the remembered
//   node read through the loader and written again is the same without it): unknown fields,
//   other languages, explicit defaults, unreadable values. A member the curator cleared in the
//   editor said something, so it is dropped;
// - array elements are matched by "id", "file", "item", "video", "kind" or "lang" where they have
//   one, else by position; quiz_banks entries by "file".
// The memory does not change during a session (saves do not update it): what is written is a
// function of the model alone, so undoing past a save gives back the bytes the file had, and
// undoing a delete after a save brings back the node's unknown fields. Nodes created in the
// session have no memory: the writer's order is their shape. The session keeps a copy of the
// files as it opened them (.lantai-edit/shape/) so that a recovery after a crash writes in the
// same shape as the crashed session did.
//
// Threading: one thread (the session's).
class PackShape {
  public:
    // Remembers pack.json (file "pack.json") or a quiz bank file as read from or written to disk
    // (nodes already remembered keep their first form).
    void remember(const std::string& file, const Json& document);
    // The document to write for `file`, from the writer's `canonical` document.
    Json apply(const std::string& file, const Json& canonical) const;
    // Ids of the remembered nodes of `kind` (quiz banks: their "id" members).
    std::vector<std::string> rememberedIds(NodeKind kind) const;

  private:
    friend class NodeMerge;
    Json mergeNode(NodeKind kind, const Json& canonical, const Json* remembered) const;
    void rememberNode(NodeKind kind, const Json& node);
    const Json* lookup(NodeKind kind, const Json& canonical) const;

    // Whether the member at `path` of a remembered node says nothing (cached: remembered nodes
    // never change).
    bool redundant(NodeKind kind, const Json& remembered, const std::string& path) const;

    Json m_packHead;
    mutable std::map<std::pair<const Json*, std::string>, bool> m_redundant;
    mutable std::map<const Json*, Json> m_said;
    std::map<std::string, Json> m_banks; // by file
    // Exhibitions, chapters, items, videos and questions: by kind, then id.
    std::map<NodeKind, std::map<std::string, Json>> m_nodes;
};

} // namespace lantai::core::edit
