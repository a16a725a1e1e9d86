// core/edit: one node of the pack as content/FORMAT.md's JSON (through core/pack's writer and
// loader), head copies without children, and the JSON-pointer patch behind every field edit
#pragma once

#include "core/base/diagnostic.h"
#include "core/base/result.h"
#include "core/edit/node_ref.h"
#include "core/pack/model.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>

namespace lantai::core::edit {

using Json = nlohmann::ordered_json;

// A node of any kind. As a *head* (the pack, an exhibition, a chapter, a quiz bank) it holds
// no children: field edits copy and replace heads, so editing the pack title never copies
// 1000 items.
using AnyNode = std::variant<Pack, Exhibition, Chapter, Item, Video, QuizBank, Question>;

NodeKind kindOf(const AnyNode& node);
const std::string& idOf(const AnyNode& node);

// The node's JSON as the writer writes it (children included). A quiz bank also carries its
// pack-relative "file".
Json nodeToJson(const AnyNode& node);
// Reads `json` as a node of `kind` through the loader. Problems of the content (a missing
// title, an invalid id) go to `diagnostics`; only JSON the loader cannot read at all is an
// error. `file` names the document for those diagnostics.
Result<AnyNode> nodeFromJson(NodeKind kind, const Json& json, Diagnostics& diagnostics);

// A copy of the node without its children (nullopt when it does not exist).
std::optional<AnyNode> copyHead(Pack& pack, const NodeRef& node);
// Replaces the node's own fields by `head`'s, keeping its children where they are.
void assignHead(Pack& pack, const NodeRef& node, AnyNode head);

// The members of a node that hold its children (edited by structure commands, never by field
// edits): "exhibitions", "videos", "quiz_banks" of the pack, "chapters", "items", "questions".
bool isChildrenMember(NodeKind kind, std::string_view member);

// The value at `pointer` inside `document` (null when absent).
Json valueAt(const Json& document, std::string_view pointer);
// Sets `value` at `pointer`: null removes an object member or an array element; an index equal
// to an array's size appends; missing parent objects are created. False when the pointer runs
// through something that is not an object or array, or an index is out of range.
bool patchJson(Json& document, std::string_view pointer, const Json& value);

// What a field edit produces: the node's new head and the value the field had before.
struct FieldPatch {
    AnyNode head;
    Json before;
};
// Reads the head of `field.node`, sets `value` at `field.pointer`, reads it back through the
// loader. Refused (an error the UI can show): a node that does not exist, the id or
// format_version, a children member, a pointer through a non-object, and a value the format
// does not allow there (wrong type, out of range, not one of the allowed values, unknown
// field). Content a curator is still working on (an empty title, a date not yet complete) is
// accepted: the validator lists it.
Result<FieldPatch> patchField(Pack& pack, const FieldRef& field, const Json& value);

} // namespace lantai::core::edit
