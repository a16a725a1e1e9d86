// core/edit: writing the model back in the shape its files had — member order, unknown fields,
// other languages, "$schema" and explicitly written defaults survive a load/save round trip
#pragma once

#include "core/edit/node_json.h"

#include <map>
#include <string>

namespace lantai::core::edit {

class NodeMerge;

// The writer (core/pack/writer.h) writes the model in FORMAT.md order and leaves out what the
// model does not keep: members the format does not know (kept by the loader only as a
// schema.unknown_field warning), languages other than zh and en, "$schema", a value the loader
// could not read, and members equal to their default ("highlight": false, "difficulty": 1, a
// "kiosk" block of defaults). A curator's file that spells those out would lose them on every
// save, and a one-word edit would show as a large diff.
//
// PackShape remembers every node as it was last read from or written to disk (pack.json's
// head, exhibitions, chapters, items and videos by id, quiz banks by file, questions by id) and
// lays the writer's document over it:
// - members present in both take the writer's value, in the remembered order; members only the
//   writer has go after the member that precedes them in the writer's order;
// - a member only the remembered node has is kept when putting it back does not change what the
//   node says (read back through the loader and written again, the node is the same): unknown
//   fields, other languages, explicit defaults, unreadable values. A member the curator cleared
//   in the editor does change the node, so it is dropped;
// - array elements are matched by "id", "file", "item", "video", "kind" or "lang" where they have
//   one, else by position; quiz_banks entries by "file".
// Nodes are remembered by id even after they are deleted, so undoing a delete after a save
// brings back their unknown fields too.
//
// Threading: one thread (the session's).
class PackShape {
  public:
    // Remembers pack.json (file "pack.json") or a quiz bank file as read from or written to disk.
    void remember(const std::string& file, const Json& document);
    // The document to write for `file`, from the writer's `canonical` document.
    Json apply(const std::string& file, const Json& canonical) const;

  private:
    friend class NodeMerge;
    Json mergeNode(NodeKind kind, const Json& canonical, const Json* remembered) const;
    void rememberNode(NodeKind kind, const Json& node);
    const Json* lookup(NodeKind kind, const Json& canonical) const;

    Json m_packHead;
    std::map<std::string, Json> m_banks; // by file
    std::map<std::string, Json> m_exhibitions, m_chapters, m_items, m_videos, m_questions;
};

} // namespace lantai::core::edit
