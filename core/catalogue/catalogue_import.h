// core/catalogue: importing a catalogue sheet into a pack — rows matched to items by 档号 then id,
// the field-level diff, the check of the result, and applying it as one change (all or nothing)
#pragma once

#include "core/base/result.h"
#include "core/catalogue/catalogue_columns.h"
#include "core/catalogue/catalogue_fields.h"
#include "core/catalogue/sheet.h"
#include "core/pack/model.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

// Stable codes of the import's own problems (cell problems: catalogue_cells.h; column problems:
// catalogue_columns.h). Problems of the resulting pack keep the validator's codes
// (schema.required, text.empty, asset.type_mismatch, ...) and point at the cell that caused them.
inline constexpr const char* kCatalogueReferenceDuplicate = "catalogue.reference_duplicate";
inline constexpr const char* kCatalogueReferenceAmbiguous = "catalogue.reference_ambiguous";
inline constexpr const char* kCatalogueIdDuplicate = "catalogue.id_duplicate";
inline constexpr const char* kCatalogueIdMismatch = "catalogue.id_mismatch";
inline constexpr const char* kCatalogueIdInvalid = "catalogue.id_invalid";
inline constexpr const char* kCatalogueItemTwice = "catalogue.item_twice";
inline constexpr const char* kCatalogueChapterUnknown = "catalogue.chapter_unknown";
inline constexpr const char* kCatalogueImageMissing = "catalogue.image_missing";
inline constexpr const char* kCatalogueImageConflict = "catalogue.image_conflict";
inline constexpr const char* kCataloguePackChanged = "catalogue.pack_changed";

struct CatalogueImportOptions {
    // Where the entries of the images column are looked for before the pack itself ("" = only
    // files already in the pack). Files found there are copied to images/<entry>.
    std::filesystem::path imagesDir;
    // The chapter (its id) a row that creates an item goes to when its 单元 and 展览 cells are
    // empty or absent ("" = such a row is an error). The editor's "new rows go to" choice.
    std::string newItemChapter;
};

// One field of one item, before and after. A move to another chapter is a change of the field
// Chapter whose values are "exhibition/chapter".
struct FieldChange {
    CatalogueField field = CatalogueField::Id;
    FieldValue before;
    FieldValue after;
    int column = -1; // the sheet column the new value comes from (0-based)
};

enum class ItemAction { Update, Create };

struct ItemChange {
    ItemAction action = ItemAction::Update;
    int row = 0; // the sheet row (0-based)
    std::string itemId;
    std::string reference;
    std::string exhibition; // where the item is after the import
    std::string chapter;
    std::vector<FieldChange> fields; // Update: what changes; Create: every field the row fills
    Item item;                       // the whole item after the import
};

// A file of --images DIR that the import copies into the pack.
struct ImageCopy {
    std::filesystem::path source;
    std::string packPath;
    int row = 0;
    int column = 0;
};

// What importing a sheet would do. Planning never touches the pack folder (it reads the pack's
// files to check the result the way the validator does); an editor shows `changes`, and applies
// them as one undoable change with applyCataloguePlan plus copyCatalogueImages.
struct CataloguePlan {
    std::string file;  // the sheet's file, for diagnostics
    std::string sheet; // the sheet's name
    ColumnMapping mapping;
    std::vector<ItemChange> changes; // in sheet order
    std::vector<ImageCopy> copies;
    int rows = 0;            // data rows read (blank rows are skipped)
    int unchanged = 0;       // rows naming an item that stays as it is
    int notInSheet = 0;      // items of the pack that no row names (left as they are)
    Diagnostics diagnostics; // any error: nothing may be applied
    bool ok() const { return !diagnostics.hasErrors(); }
    std::size_t updatedCount() const;
    std::size_t createdCount() const;
    std::size_t changedFieldCount() const; // fields of updated items
};

// Plans the import of `sheet` (read with `mapping`) into `pack`:
// - a row matches the item with its 档号 (reference), else the item with its id; a row that
//   matches none creates an item in the chapter its 单元 / 展览 cells name (by id or title), with
//   the id of its id cell or one made from its 档号;
// - a cell of a mapped column sets its field, an empty cell clears it; unmapped fields stay;
//   the 单元 / 展览 cells of a matched item move it when they name another chapter;
// - errors, every one naming its cell: a 档号 or id twice in the sheet, a 档号 the pack gives
//   two items, an id cell that contradicts the 档号's item, two rows for one item, an unknown
//   chapter, an invalid id, an image found nowhere or differing from the pack's file of the
//   same name, and every problem the resulting pack would have (the loader's and validator's
//   checks on the items the import touches, images of --images DIR checked where they are).
// `mapping` comes from mapCatalogueColumns (whose diagnostics the caller adds to the plan's).
CataloguePlan planCatalogueImport(const Pack& pack, const Sheet& sheet,
                                  const ColumnMapping& mapping,
                                  const CatalogueImportOptions& options);

// Applies a plan without errors to the model (pure, no file is touched): updated items are
// replaced where they are (or moved to the end of their new chapter), new items are appended to
// their chapter. An editor records `before` and the result as one undo step.
void applyCataloguePlan(Pack& pack, const CataloguePlan& plan);

// What copyCatalogueImages created: pack paths, and the folders it made for them.
struct CopiedImages {
    std::vector<std::string> files;
    std::vector<std::filesystem::path> folders; // in creation order
};

// Copies the plan's images into the pack folder (new files only; never over an existing one).
// On failure the files and folders it created are removed again.
Result<CopiedImages> copyCatalogueImages(const std::filesystem::path& packRoot,
                                         const CataloguePlan& plan);
// Removes what copyCatalogueImages created (an editor's undo, or a failed write after it).
void removeCopiedImages(const std::filesystem::path& packRoot, const CopiedImages& copied);

// pack.json's text with the plan applied, as applyCataloguePlan applies it to the model. Of an
// updated item only the members the plan changes are rewritten (as writePack writes them; a new
// member goes where FORMAT.md lists it); a chapter that items leave or join is written again
// whole (the items that join it at its end, in plan order). Every other byte of the text is
// copied as it is: the pack's other members, the untouched items, members left at their
// default, the file's own formatting. Rewritten objects are indented like the line they start
// on. catalogue.pack_changed when the text is not the pack the plan was made for (an item or a
// chapter it names is missing).
Result<std::string> applyCataloguePlanToPackJson(std::string_view packJson,
                                                 const CataloguePlan& plan);

// The whole import on disk, all or nothing: checks that pack.json is still what the plan was
// made from (its SHA-256 is `packJsonSha256`, core/base/sha256.h; catalogue.pack_changed
// otherwise), copies the images, and replaces pack.json atomically with
// applyCataloguePlanToPackJson's text. No other file is written (quiz banks stay as they are).
// When writing fails the copied images are removed again and pack.json is as it was. A plan with
// errors is refused; a plan without changes writes nothing.
//
// Threading: touches the pack folder; one import per pack at a time.
Status commitCatalogueImport(const std::filesystem::path& packRoot, const CataloguePlan& plan,
                             const std::string& packJsonSha256);

} // namespace lantai::core
