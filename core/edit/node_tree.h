// core/edit: taking a node out of the pack and putting one in (the structure commands' moves)
#pragma once

#include "core/base/result.h"
#include "core/edit/node_json.h"

namespace lantai::core::edit {

// Whether a node of `kind` can go in as child `index` of `parent` (the parent exists, holds
// that kind, and index ≤ its child count).
Status checkSlot(const Pack& pack, const NodeRef& parent, std::size_t index, NodeKind kind);

// Removes `node` (with its children) from the pack; `where` gets its parent and index.
Result<AnyNode> takeNode(Pack& pack, const NodeRef& node, ParentSlot* where = nullptr);

// Inserts `node` as child `index` of `parent` (checkSlot first).
Status putNode(Pack& pack, const NodeRef& parent, std::size_t index, AnyNode node);

// A copy of the whole node with its children (nullopt when it does not exist).
std::optional<AnyNode> copyNode(const Pack& pack, const NodeRef& node);

} // namespace lantai::core::edit
