// tools/editor: the widgets of the fields panel — one per FieldWidget kind, each reading the
// node's JSON and writing through the edit session (one undo step per activation)
#pragma once

#include "core/edit/node_json.h"
#include "tools/editor/editor_context.h"
#include "tools/editor/field_table.h"

namespace lantai::editor {

using core::edit::Json;

// The node's own fields as FORMAT.md's JSON (children left out).
Json headJson(const core::Pack& pack, const core::edit::NodeRef& node);

// Context of one field's widget.
struct FieldEdit {
    EditorContext& ctx;
    core::edit::FieldRef field;
    const Json& value; // the field's value now (null when not set)
    bool readOnly;
    // Pointers of texts whose English needs work ("/caption" -> missing, outdated).
    const std::map<std::string, std::pair<bool, bool>>& translation;
};

// Draws the widget of `spec`; edits go to the session.
void drawField(FieldEdit& edit, const FieldSpec& spec);
// The activation id of the widget drawn last (new each time the curator enters a field), so one
// field's typing coalesces into one undo step.
std::uint64_t activationOfLastItem();

void drawImagesField(FieldEdit& edit);
void drawOptionsField(FieldEdit& edit);
void drawBadgesField(FieldEdit& edit);

} // namespace lantai::editor
