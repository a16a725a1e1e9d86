// core/edit: the edit session's life — open (load, lock, journal check), apply/undo/redo with
// the journal, save, recovery, close
#include "core/edit/edit_session.h"

#include "core/base/file_io.h"
#include "core/base/sha256.h"
#include "core/pack/loader.h"
#include "core/pack/path_safety.h"
#include "core/pack/writer.h"

#include <chrono>
#include <set>

namespace lantai::core::edit {

namespace fs = std::filesystem;

namespace {

// The folders a command moved files into, fsync'ed once each (the renames survive a power cut
// before the journal line that names them is written).
void syncMovedFolders(EditContext& ctx) {
    for (const auto& folder : ctx.foldersToSync)
        (void)syncDirectory(folder);
    ctx.foldersToSync.clear();
}

Diagnostic sessionError(std::string code, std::string message, std::string messageZh) {
    return operationalError(std::move(code), "", std::move(message), std::move(messageZh));
}

std::int64_t systemSeconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Every file an adopt_file command in `command` (a journal command) brought into the pack.
void adoptedFiles(const Json& command, std::set<std::string>& out) {
    if (!command.is_object()) return;
    if (command.value("type", "") == "adopt_file" && !command.value("reverse", false))
        out.insert(command.value("file", ""));
    if (const auto children = command.find("children");
        children != command.end() && children->is_array())
        for (const auto& child : *children)
            adoptedFiles(child, out);
}

// The files a session wrote into .lantai-edit/shape/ when it opened, by pack-relative name.
std::map<std::string, std::string> shapeBase(const fs::path& dir) {
    std::map<std::string, std::string> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec))
            if (auto text = readFile(it->path()))
                files[it->path().lexically_relative(dir).generic_string()] = std::move(*text);
    return files;
}

} // namespace

Result<std::unique_ptr<EditSession>> EditSession::open(const fs::path& packDir,
                                                       OpenOptions options) {
    std::unique_ptr<EditSession> session(new EditSession());
    if (!options.clock) options.clock = systemSeconds;
    session->m_options = std::move(options);
    PackLoadResult loaded = loadPack(packDir);
    if (!loaded.parsed) {
        for (const auto& d : loaded.diagnostics.items())
            if (d.severity == Severity::Error) return d;
        return sessionError("pack.not_found", "The pack cannot be read.", "无法读取内容包。");
    }
    session->m_pack = std::move(loaded.pack);
    session->m_root = session->m_pack.root;
    session->m_loadDiagnostics = std::move(loaded.diagnostics);
    const EditFolder folder{session->m_root};
    const OpenOptions& opts = session->m_options;
    if (!opts.readOnly) {
        auto lock = EditLock::acquire(
            folder, opts.identity.value_or(currentLockHolder(opts.clock())), opts.forceLock);
        if (lock)
            session->m_lock.emplace(std::move(*lock));
        else
            session->m_lockProblem = std::move(lock).error();
    } else {
        session->m_lockProblem = sessionError("edit.read_only", "The pack was opened read-only.",
                                              "内容包以只读方式打开。");
    }
    std::map<std::string, std::string> journalBase;
    bool shapeFromBase = false;
    if (!session->readOnly()) {
        if (auto sidecar = readFile(folder.translation())) {
            session->m_translations =
                TranslationMemory::fromJson(nlohmann::json::parse(*sidecar, nullptr, false));
            session->m_sidecarOnDisk = std::move(*sidecar);
        }
        clearStaging(session->m_root); // copies no edit adopted
        auto journal = readJournal(folder.journal());
        if (journal && !journal->entries.empty()) {
            journalBase = journal->base;
            RecoveryInfo info;
            info.edits = journal->entries.size();
            info.savedAt = journal->started;
            info.lastEditAt = journal->entries.back().time;
            info.unreadableLines = journal->unreadableLines;
            session->m_recovery = info;
            // Write as the crashed session did: in the shape the files had when it opened (and
            // only that: files it saved since must not lend their shape to its new nodes).
            const auto base = shapeBase(folder.shape());
            shapeFromBase = base.count("pack.json") != 0;
            if (shapeFromBase) session->rememberShape(base);
        }
    }
    const auto files = session->packFiles();
    if (!shapeFromBase) session->rememberShape(files);
    for (const auto& [file, text] : files)
        session->m_diskHashes[file] = sha256Hex(text);
    if (session->m_recovery)
        session->m_recovery->filesChanged = journalBase != session->m_diskHashes;
    if (!session->readOnly() && !session->m_recovery) {
        clearTrash(session->m_root);
        session->writeShapeBase(files);
        if (Status started = session->startJournal(); !started) return std::move(started).error();
    }
    session->m_translations.addBaseline(session->m_pack);
    return session;
}

std::map<std::string, std::string> EditSession::packFiles() const {
    std::map<std::string, std::string> texts;
    std::vector<std::string> files{"pack.json"};
    for (const auto& bank : m_pack.quizBanks)
        if (!bank.file.empty() && !validatePackPath(m_root, bank.file)) files.push_back(bank.file);
    for (const auto& file : files)
        if (auto text = readFile(m_root / file)) texts[file] = std::move(*text);
    return texts;
}

void EditSession::rememberShape(const std::map<std::string, std::string>& files) {
    // pack.json first, then the banks by file name: the same order whether the files come from
    // the pack folder or from the shape base (a node found twice keeps its first form).
    if (const auto pack = files.find("pack.json"); pack != files.end())
        m_shape.remember(pack->first, Json::parse(pack->second, nullptr, false));
    for (const auto& [file, text] : files)
        if (file != "pack.json") m_shape.remember(file, Json::parse(text, nullptr, false));
}

void EditSession::writeShapeBase(const std::map<std::string, std::string>& files) const {
    // Best effort: without it a recovery writes the same content, in the shape of the last save.
    const fs::path base = EditFolder{m_root}.shape();
    std::error_code ec;
    fs::remove_all(base, ec);
    for (const auto& [file, text] : files) {
        fs::create_directories((base / file).parent_path(), ec);
        (void)writeFileAtomic(base / file, std::string_view(text));
    }
}

std::unordered_set<std::string> EditSession::takenIds(NodeKind kind) const {
    auto taken = idsInUse(m_pack, kind);
    for (const auto& id : m_shape.rememberedIds(kind))
        taken.insert(id);
    return taken;
}

std::string EditSession::makeId(NodeKind kind, const LocalizedText& title) const {
    auto taken = takenIds(kind);
    return newId(taken, kind, title, transliterator());
}

EditSession::~EditSession() = default;

std::optional<LockHolder> EditSession::lockHolder() const {
    if (!m_lock) return std::nullopt;
    return m_lock->holder();
}

std::int64_t EditSession::now() const {
    return m_options.clock();
}

Status EditSession::checkWritable() const {
    if (m_lockProblem) return *m_lockProblem;
    if (readOnly()) {
        const auto holder = lockHolder();
        const std::string who = holder ? holder->user + "@" + holder->host + " (pid " +
                                             std::to_string(holder->pid) + ")"
                                       : std::string("this window");
        return sessionError("edit.read_only",
                            "This pack is open read-only: " + who + " is editing it.",
                            "此内容包以只读方式打开：" + who + " 正在编辑。");
    }
    if (m_recovery)
        return sessionError("edit.recovery_pending",
                            "Unsaved edits from a previous session wait: recover or discard them "
                            "first.",
                            "上次编辑留下了未保存的修改：请先恢复或放弃。");
    return {};
}

Status EditSession::startJournal() {
    auto journal =
        Journal::start(EditFolder{m_root}.journal(), m_diskHashes, now(), m_options.syncJournal);
    if (!journal) return std::move(journal).error();
    m_journal.emplace(std::move(*journal));
    return {};
}

Status EditSession::journal(JournalEntry::Op op, const Command& command, const Command* inverse) {
    if (!m_journal)
        return sessionError("edit.journal_write", "The edit journal is not open.",
                            "编辑日志未打开。");
    return m_journal->append({op, command.toJson(), now(), inverse ? inverse->toJson() : Json()});
}

void EditSession::pushApplied(CommandPtr command) {
    m_stack.pushApplied(std::move(command));
    ++m_revision;
}

Status EditSession::apply(CommandPtr command) {
    if (Status ok = checkWritable(); !ok) return ok;
    EditContext ctx = context();
    if (Status ok = command->apply(ctx); !ok) return ok;
    syncMovedFolders(ctx);
    if (Status logged = journal(JournalEntry::Op::Do, *command); !logged) {
        (void)command->revert(ctx);
        return logged;
    }
    pushApplied(std::move(command));
    return {};
}

Status EditSession::undo() {
    if (Status ok = checkWritable(); !ok) return ok;
    Command* top = m_stack.undoTop();
    if (!top)
        return sessionError("edit.nothing", "There is nothing to undo.", "没有可撤销的操作。");
    EditContext ctx = context();
    if (Status ok = top->revert(ctx); !ok) return ok;
    syncMovedFolders(ctx);
    const CommandPtr inverse = top->inverse();
    if (Status logged = journal(JournalEntry::Op::Undo, *top, inverse.get()); !logged) {
        (void)top->apply(ctx);
        return logged;
    }
    m_stack.undone();
    ++m_revision;
    return {};
}

Status EditSession::redo() {
    if (Status ok = checkWritable(); !ok) return ok;
    Command* top = m_stack.redoTop();
    if (!top)
        return sessionError("edit.nothing", "There is nothing to redo.", "没有可重做的操作。");
    EditContext ctx = context();
    if (Status ok = top->apply(ctx); !ok) return ok;
    syncMovedFolders(ctx);
    if (Status logged = journal(JournalEntry::Op::Redo, *top); !logged) {
        (void)top->revert(ctx);
        return logged;
    }
    m_stack.redone();
    ++m_revision;
    return {};
}

std::optional<LocalizedText> EditSession::undoLabel() const {
    if (const Command* top = m_stack.undoTop()) return top->label();
    return std::nullopt;
}

std::optional<LocalizedText> EditSession::redoLabel() const {
    if (const Command* top = m_stack.redoTop()) return top->label();
    return std::nullopt;
}

std::map<std::string, std::string> EditSession::serializedFiles() const {
    std::map<std::string, std::string> files;
    for (const auto& bank : m_pack.quizBanks)
        if (!bank.file.empty())
            files[bank.file] =
                serializePackDocument(m_shape.apply(bank.file, quizBankToJson(bank)));
    files["pack.json"] = serializePackDocument(m_shape.apply("pack.json", packToJson(m_pack)));
    return files;
}

Status EditSession::save() {
    if (Status ok = checkWritable(); !ok) return ok;
    std::set<std::string> bankFiles;
    for (const auto& bank : m_pack.quizBanks) {
        const std::string where = "quiz bank \"" + bank.id + "\"";
        if (const auto problem = validatePackPath(m_root, bank.file); problem || bank.file.empty())
            return operationalError("path.unsafe", bank.file,
                                    "The file of " + where + " is not a safe pack path.",
                                    "题库“" + bank.id + "”的文件路径不安全。");
        if (!bankFiles.insert(bank.file).second)
            return operationalError("path.unsafe", bank.file,
                                    "Two quiz banks use the file " + bank.file + ".",
                                    "两个题库使用同一个文件 " + bank.file + "。");
    }
    std::map<std::string, std::string> files;
    try {
        files = serializedFiles();
    } catch (const nlohmann::json::exception& e) {
        return operationalError("text.not_utf8", "pack.json",
                                std::string("A text is not valid UTF-8: ") + e.what() + ".",
                                std::string("有文字不是有效的 UTF-8：") + e.what() + "。");
    }
    // Banks first, so pack.json on disk never lists a bank that is not written yet.
    std::vector<std::string> order;
    for (const auto& [file, text] : files)
        if (file != "pack.json") order.push_back(file);
    order.push_back("pack.json");
    std::set<fs::path> folders;
    std::map<std::string, std::string> hashes;
    for (const auto& file : order) {
        const std::string& text = files[file];
        const std::string hash = sha256Hex(text);
        hashes[file] = hash;
        if (const auto it = m_diskHashes.find(file); it != m_diskHashes.end() && it->second == hash)
            continue; // unchanged: not rewritten
        const fs::path path = m_root / file;
        std::error_code ec;
        fs::create_directories(path.parent_path(), ec);
        if (Status written = writeFileAtomic(path, std::string_view(text)); !written)
            return written;
        folders.insert(path.parent_path());
        m_diskHashes[file] = hash;
    }
    for (const auto& folder : folders)
        if (Status synced = syncDirectory(folder); !synced) return synced;
    m_translations.prune(m_pack);
    std::string sidecar = m_translations.toJson().dump(2) + "\n";
    if (sidecar != m_sidecarOnDisk) {
        if (Status written =
                writeFileAtomic(EditFolder{m_root}.translation(), std::string_view(sidecar));
            !written)
            return written;
        m_sidecarOnDisk = std::move(sidecar);
    }
    m_diskHashes = std::move(hashes);
    m_stack.markSaved();
    return startJournal();
}

Status EditSession::replay(const JournalEntry& entry) {
    EditContext ctx = context();
    struct SyncAtEnd {
        EditContext& ctx;
        ~SyncAtEnd() { syncMovedFolders(ctx); }
    } syncAtEnd{ctx};
    const auto fresh = [&](bool inverse) -> Status {
        const bool exact = inverse && !entry.inverse.is_null();
        auto command = commandFromJson(exact ? entry.inverse : entry.command);
        if (!command) return std::move(command).error();
        CommandPtr step = inverse && !exact ? (*command)->inverse() : std::move(*command);
        if (!step)
            return sessionError("edit.journal_entry", "An undo in the journal cannot be replayed.",
                                "日志中的撤销操作无法重放。");
        if (Status ok = step->apply(ctx); !ok) return ok;
        pushApplied(std::move(step));
        return {};
    };
    switch (entry.op) {
    case JournalEntry::Op::Do:
        return fresh(false);
    case JournalEntry::Op::Undo:
        if (Command* top = m_stack.undoTop(); top && top->toJson() == entry.command) {
            if (Status ok = top->revert(ctx); !ok) return ok;
            m_stack.undone();
            ++m_revision;
            return {};
        }
        return fresh(true); // a step saved before the journal started
    case JournalEntry::Op::Redo:
        if (Command* top = m_stack.redoTop(); top && top->toJson() == entry.command) {
            if (Status ok = top->apply(ctx); !ok) return ok;
            m_stack.redone();
            ++m_revision;
            return {};
        }
        return fresh(false);
    }
    return {};
}

Result<std::size_t> EditSession::recover() {
    if (!m_recovery) return std::size_t{0};
    if (readOnly()) return checkWritable().error();
    const fs::path path = EditFolder{m_root}.journal();
    auto contents = readJournal(path);
    if (!contents) return std::move(contents).error();
    std::size_t replayed = 0;
    m_recoveryStop.reset();
    for (const auto& entry : contents->entries) {
        if (Status ok = replay(entry); !ok) {
            m_recoveryStop = std::move(ok).error();
            break;
        }
        ++replayed;
    }
    m_recovery.reset();
    ++m_revision;
    // The journal keeps what was replayed (and only that), over the same saved files.
    std::vector<JournalEntry> kept(contents->entries.begin(),
                                   contents->entries.begin() +
                                       static_cast<std::ptrdiff_t>(replayed));
    auto journal =
        Journal::start(path, contents->base, contents->started, m_options.syncJournal, kept);
    if (!journal) return std::move(journal).error();
    m_journal.emplace(std::move(*journal));
    return replayed;
}

Status EditSession::discardRecovery() {
    if (!m_recovery) return {};
    if (readOnly()) return checkWritable();
    // Media copies the forgotten edits brought in go with them (unless the saved pack uses them).
    if (auto contents = readJournal(EditFolder{m_root}.journal())) {
        std::set<std::string> adopted;
        for (const auto& entry : contents->entries)
            adoptedFiles(entry.command, adopted);
        const auto used = referencedFiles(m_pack);
        std::error_code ec;
        for (const auto& file : adopted)
            if (!file.empty() && !used.count(file) && !validatePackPath(m_root, file))
                fs::remove(m_root / file, ec);
    }
    clearTrash(m_root);
    m_recovery.reset();
    // The shape is the files' own again (it was the crashed session's).
    m_shape = PackShape();
    const auto files = packFiles();
    rememberShape(files);
    writeShapeBase(files);
    return startJournal();
}

Status EditSession::close() {
    if (readOnly()) {
        m_lock.reset();
        return {};
    }
    Status result;
    if (!isDirty() && !m_recovery) {
        result = startJournal();
        clearTrash(m_root);
    }
    m_journal.reset();
    m_lock->release();
    m_lock.reset();
    return result;
}

TranslationReport EditSession::translationStatus() const {
    return translationReport(m_pack, m_translations);
}

} // namespace lantai::core::edit
