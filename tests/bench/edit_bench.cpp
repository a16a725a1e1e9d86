// tests/bench: the editor's edit model (core/edit) on a big pack, each figure beside a peer run
// side by side — open vs `lantai validate`, save vs writing the same JSON with nlohmann, edits and
// undo/redo vs the same change on an nlohmann document with the same journal line fdatasync'ed
#include "core/base/file_io.h"
#include "core/edit/edit_session.h"
#include "core/edit/validation.h"
#include "core/pack/loader.h"
#include "core/pack/validator.h"
#include "core/pack/writer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
namespace edit = lantai::core::edit;
using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double quantile(std::vector<double> values, double q) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1,
                           static_cast<std::size_t>(q * static_cast<double>(values.size())))];
}

double median(const std::vector<double>& values) {
    return quantile(values, 0.5);
}

// What the targets need from the model (its share of the editor's budgets).
struct Targets {
    double openMs = 0;  // EditSession::open, in process (open to interactive <= 1 s)
    double pssMb = 0;   // after open (the editor <= 300 MB)
    double editP95 = 0; // an edit, journal fdatasync'ed (edit -> preview <= 200 ms p95)
    double undoP95 = 0;
} g_targets;

void row(const char* what, double ours, double peer, const char* peerName) {
    std::printf("%-44s %9.3f ms   %-42s %9.3f ms   ratio %6.2f\n", what, ours, peerName, peer,
                peer > 0 ? ours / peer : 0.0);
}

void fail(const std::string& what) {
    std::fprintf(stderr, "lantai_edit_bench: %s\n", what.c_str());
    std::exit(1);
}

void check(const lantai::core::Status& status, const char* what) {
    if (!status) fail(std::string(what) + ": " + status.error().message);
}

template <class T> T take(lantai::core::Result<T> result, const char* what) {
    if (!result) fail(std::string(what) + ": " + result.error().message);
    return std::move(*result);
}

long pssKb() {
    std::ifstream in("/proc/self/smaps_rollup");
    std::string line;
    while (std::getline(in, line))
        if (line.starts_with("Pss:")) return std::atol(line.c_str() + 4);
    return -1;
}

// Runs `argv` with stdout to `out` (a file) and stderr to /dev/null: wall ms and peak RSS (KB).
struct Run {
    double ms = 0;
    long maxRssKb = 0;
    int status = 0;
};
Run spawn(const std::vector<std::string>& argv, const fs::path& out) {
    const auto start = Clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        const int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int null = ::open("/dev/null", O_WRONLY);
        dup2(fd, 1);
        dup2(null, 2);
        std::vector<char*> args;
        for (const auto& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    Run run;
    rusage usage{};
    wait4(pid, &run.status, 0, &usage);
    run.ms = msSince(start);
    run.maxRssKb = usage.ru_maxrss;
    return run;
}

edit::OpenOptions options(bool sync = true) {
    edit::OpenOptions opts;
    opts.syncJournal = sync; // as the editor runs: every journal line fdatasync'ed
    return opts;
}

// The child of the open benchmark: open a session, report, close.
int openOnce(const fs::path& pack) {
    const auto start = Clock::now();
    auto session = take(edit::EditSession::open(pack, options()), "open");
    const double ms = msSince(start);
    std::printf("%.3f %ld\n", ms, pssKb());
    check(session->close(), "close");
    return 0;
}

// An fdatasync'ed append, the floor of any editor that never loses an edit (or the append
// alone, beside a session whose journal is not synced).
class PeerJournal {
  public:
    PeerJournal(const fs::path& file, bool sync)
        : m_fd(::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0644)), m_sync(sync) {}
    ~PeerJournal() { ::close(m_fd); }
    PeerJournal(const PeerJournal&) = delete;
    PeerJournal& operator=(const PeerJournal&) = delete;
    void append(const Json& command) {
        const std::string line =
            Json{{"op", "do"}, {"time", 0}, {"cmd", command}}.dump(-1, ' ', false) + "\n";
        if (::write(m_fd, line.data(), line.size()) < 0 || (m_sync && ::fdatasync(m_fd) != 0))
            fail("peer journal write");
    }

  private:
    int m_fd;
    bool m_sync;
};

// Writes `text` as writeFileAtomic does: a temporary file, fsync, rename, fsync of the folder.
void peerWriteAtomic(const fs::path& file, const std::string& text) {
    const fs::path temp = file.string() + ".peer-tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || ::write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size()) ||
        ::fsync(fd) != 0)
        fail("peer write");
    ::close(fd);
    fs::rename(temp, file);
    const int dir = ::open(file.parent_path().c_str(), O_RDONLY | O_DIRECTORY);
    ::fsync(dir);
    ::close(dir);
}

void benchOpen(const fs::path& self, const fs::path& lantai, const fs::path& original,
               const fs::path& copy, const fs::path& work, int runs) {
    std::vector<double> ours, oursInProcess, peer;
    long oursRss = 0, peerRss = 0, pss = 0;
    for (int i = 0; i < runs; ++i) {
        const Run a = spawn({self.string(), "--open-once", copy.string()}, work / "open.out");
        const Run b = spawn({lantai.string(), "validate", original.string()}, work / "val.out");
        if (a.status != 0) fail("the open child failed");
        if (b.status != 0) fail("lantai validate failed on the generated pack");
        double inProcess = 0;
        long childPss = 0;
        if (std::FILE* f = std::fopen((work / "open.out").c_str(), "r")) {
            if (std::fscanf(f, "%lf %ld", &inProcess, &childPss) != 2) fail("open child output");
            std::fclose(f);
        }
        ours.push_back(a.ms);
        oursInProcess.push_back(inProcess);
        peer.push_back(b.ms);
        oursRss = std::max(oursRss, a.maxRssKb);
        peerRss = std::max(peerRss, b.maxRssKb);
        pss = std::max(pss, childPss);
    }
    row("open session (process)", median(ours), median(peer), "`lantai validate` (process)");
    std::printf("%-44s %9.3f ms   (EditSession::open alone, in the child)\n", "  of which open()",
                median(oursInProcess));
    std::printf("%-44s %9.1f MB   %-42s %9.1f MB   ratio %6.2f\n", "peak RSS",
                static_cast<double>(oursRss) / 1024.0, "`lantai validate`",
                static_cast<double>(peerRss) / 1024.0,
                peerRss ? static_cast<double>(oursRss) / static_cast<double>(peerRss) : 0.0);
    std::printf("%-44s %9.1f MB   (the model's share of the editor's <= 300 MB)\n",
                "PSS after open", static_cast<double>(pss) / 1024.0);
    g_targets.openMs = median(oursInProcess);
    g_targets.pssMb = static_cast<double>(pss) / 1024.0;
}

// Times `ours` and `peer` alternately, `runs` times each: p50 and p95 rows; returns our p95.
double sideBySide(const char* what, const char* peerName, int runs,
                  const std::function<void()>& ours, const std::function<void()>& peer) {
    std::vector<double> a, b;
    for (int i = 0; i < runs; ++i) {
        auto t = Clock::now();
        ours();
        a.push_back(msSince(t));
        t = Clock::now();
        peer();
        b.push_back(msSince(t));
    }
    row((std::string(what) + " p50").c_str(), median(a), median(b), peerName);
    row((std::string(what) + " p95").c_str(), quantile(a, 0.95), quantile(b, 0.95), peerName);
    return quantile(a, 0.95);
}

const edit::FieldRef kCaption{edit::NodeRef::item("item-00500"), "/caption"};
const char* const kCaptionEn = "/exhibitions/0/chapters/5/items/0/caption/en";

// Field edits, undo, redo, a large delete and a move: the session beside the same changes made
// to an nlohmann document of pack.json (as saved) with the same journal lines.
void benchEdits(edit::EditSession& session, const fs::path& work, int runs, const char* suffix) {
    Json document =
        Json::parse(take(lantai::core::readFile(session.root() / "pack.json"), "read pack.json"));
    PeerJournal journal(work / "peer-journal.jsonl", suffix[0] == '\0');

    const auto& caption = kCaption;
    const Json::json_pointer captionEn(kCaptionEn);
    const std::string peerName = std::string("nlohmann document + journal line") + suffix;
    const auto label = [&](const char* what) { return std::string(what) + suffix; };
    int n = 0;

    const bool synced = suffix[0] == '\0';
    const double editP95 = sideBySide(
        label("edit a caption").c_str(), peerName.c_str(), runs * 4,
        [&] {
            check(session.setText(caption, lantai::core::Language::En,
                                  "Caption " + std::to_string(++n)),
                  "edit");
        },
        [&] {
            document[captionEn] = "Caption " + std::to_string(n);
            journal.append({{"type", "set"}, {"field", captionEn.to_string()}, {"after", n}});
        });
    const double undoP95 = sideBySide(
        label("undo it").c_str(), peerName.c_str(), runs * 4,
        [&] { check(session.undo(), "undo"); },
        [&] {
            document[captionEn] = "Caption " + std::to_string(n);
            journal.append({{"type", "set"}, {"field", captionEn.to_string()}, {"after", n}});
        });
    sideBySide(
        label("redo it").c_str(), peerName.c_str(), runs * 4,
        [&] { check(session.redo(), "redo"); },
        [&] {
            document[captionEn] = "Caption " + std::to_string(n);
            journal.append({{"type", "set"}, {"field", captionEn.to_string()}, {"after", n}});
        });

    // A whole part (100 items) deleted and the delete undone.
    Json& chapters = document["exhibitions"][0]["chapters"];
    const Json removed = chapters[3];
    sideBySide(
        label("delete a 100-item part, undo").c_str(), peerName.c_str(), runs,
        [&] {
            check(session.remove(edit::NodeRef::chapter("chapter-03")), "remove");
            check(session.undo(), "undo remove");
        },
        [&] {
            chapters.erase(3);
            journal.append({{"type", "remove"}, {"value", removed}});
            chapters.insert(chapters.begin() + 3, removed);
            journal.append({{"type", "insert"}, {"node", removed}});
        });
    // item-00100 goes to part 7 and back to part 1, alternately.
    bool back = lantai::core::edit::findItem(session.pack(), "item-00100")->chapter == 7;
    sideBySide(
        label("move an item to another part").c_str(), peerName.c_str(), runs,
        [&] {
            check(session.move(edit::NodeRef::item("item-00100"),
                               edit::NodeRef::chapter(back ? "chapter-01" : "chapter-07"), 0),
                  "move");
        },
        [&] {
            Json& from = chapters[back ? 7 : 1]["items"];
            Json item = from[0];
            from.erase(0);
            Json& to = chapters[back ? 1 : 7]["items"];
            to.insert(to.begin(), std::move(item));
            journal.append({{"type", "move"}, {"node", "item-00100"}});
            back = !back;
        });
    if (synced) {
        g_targets.editP95 = editP95;
        g_targets.undoP95 = undoP95;
    }
}

void benchSession(const fs::path& copy, const fs::path& work, int runs) {
    auto session = take(edit::EditSession::open(copy, options()), "open");
    benchEdits(*session, work, runs, "");
    Json document = Json::parse(take(lantai::core::readFile(copy / "pack.json"), "read pack.json"));
    const auto& caption = kCaption;
    const Json::json_pointer captionEn(kCaptionEn);

    // Save after a one-field edit (pack.json rewritten; banks unchanged) vs the same file written
    // from an nlohmann document.
    std::vector<double> ours, peer, shapeMs, plainMs;
    for (int i = 0; i < runs; ++i) {
        check(session->setText(caption, lantai::core::Language::En, "Saved " + std::to_string(i)),
              "edit before save");
        auto t = Clock::now();
        check(session->save(), "save");
        ours.push_back(msSince(t));
        document[captionEn] = "Saved " + std::to_string(i);
        t = Clock::now();
        peerWriteAtomic(work / "peer-pack.json",
                        document.dump(2, ' ', false, Json::error_handler_t::strict) + "\n");
        peer.push_back(msSince(t));
        // The serialisation alone: with the shape memory, and the writer's JSON without it.
        t = Clock::now();
        const auto files = session->serializedFiles();
        shapeMs.push_back(msSince(t));
        t = Clock::now();
        const std::string plain =
            lantai::core::serializePackDocument(lantai::core::packToJson(session->pack()));
        plainMs.push_back(msSince(t));
        if (files.at("pack.json").size() < plain.size() / 2) fail("serialisations differ");
    }
    row("save after one edit", median(ours), median(peer), "nlohmann dump + atomic write");
    row("  serialise (shape kept)", median(shapeMs), median(plainMs), "writer's JSON, no shape");

    // Background validation: the snapshot on the UI thread, the validator on a worker.
    std::vector<double> snapshot, validate, peerValidate;
    for (int i = 0; i < runs; ++i) {
        auto t = Clock::now();
        const auto request = edit::validationRequest(*session);
        snapshot.push_back(msSince(t));
        t = Clock::now();
        const auto report = edit::runValidation(request);
        validate.push_back(msSince(t));
        t = Clock::now();
        lantai::core::Diagnostics diagnostics;
        lantai::core::validatePack(session->pack(), diagnostics);
        peerValidate.push_back(msSince(t));
        if (report.errors != diagnostics.errorCount()) fail("validation counts differ");
    }
    row("validation + targets (worker)", median(validate), median(peerValidate),
        "validatePack in process");
    std::printf("%-44s %9.3f ms   (the pack copied for the worker)\n", "  snapshot (UI thread)",
                median(snapshot));
    check(session->close(), "close");
    // The model's own cost, without the disk's: the journal written but not fdatasync'ed.
    auto unsynced = take(edit::EditSession::open(copy, options(false)), "open");
    benchEdits(*unsynced, work, runs, " (no fsync)");
    check(unsynced->close(), "close");
}

int usage() {
    std::fprintf(stderr, "usage: lantai_edit_bench PACK --lantai PATH/TO/lantai [--runs N]\n"
                         "PACK is copied to a scratch folder first; it is never written.\n");
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::string(argv[1]) == "--open-once") return openOnce(argv[2]);
    if (argc < 2) return usage();
    const fs::path original = fs::absolute(argv[1]);
    fs::path lantai;
    int runs = 9;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) return usage();
        if (arg == "--lantai")
            lantai = fs::absolute(argv[++i]);
        else if (arg == "--runs")
            runs = std::max(1, std::atoi(argv[++i]));
        else
            return usage();
    }
    if (lantai.empty() || !fs::exists(original / "pack.json")) return usage();
    const fs::path work =
        fs::temp_directory_path() / ("lantai-edit-bench-" + std::to_string(getpid()));
    const fs::path copy = work / "pack";
    fs::create_directories(work);
    fs::copy(original, copy, fs::copy_options::recursive);
    const auto loaded = lantai::core::loadPack(original);
    std::size_t items = 0;
    for (const auto& e : loaded.pack.exhibitions)
        for (const auto& c : e.chapters)
            items += c.items.size();
    std::printf("edit model on %s: %zu items, pack.json %.1f MB; %d runs, alternating; journal and "
                "saves fsync'ed in %s\n",
                original.c_str(), items,
                static_cast<double>(fs::file_size(original / "pack.json")) / 1e6, runs,
                work.c_str());
    benchOpen(fs::canonical("/proc/self/exe"), lantai, original, copy, work, runs);
    benchSession(copy, work, runs);
    const bool ok = g_targets.openMs <= 1000 && g_targets.pssMb <= 300 &&
                    g_targets.editP95 <= 200 && g_targets.undoP95 <= 200;
    std::printf("\ntargets (the model's share): open %.0f ms <= 1000, PSS %.1f MB <= 300, edit p95 "
                "%.1f ms and undo p95 %.1f ms <= 200 (edit -> preview): %s\n",
                g_targets.openMs, g_targets.pssMb, g_targets.editP95, g_targets.undoP95,
                ok ? "PASS" : "FAIL");
    std::error_code ec;
    fs::remove_all(work, ec);
    return ok ? 0 : 1;
}
