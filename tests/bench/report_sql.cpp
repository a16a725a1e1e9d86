// tests/bench: lantai_report_sql — the aggregate queries `lantai report` runs on each booth's
// database, as a script for the sqlite3 program (report_bench.sh's peer runs exactly these)
//
// Usage: lantai_report_sql   (prints the SQL on standard output, the whole time range)
#include "core/report/booth_reader.h"

#include <cstdio>
#include <string>

int main() {
    for (const auto& q : lantai::core::reportQueries()) {
        std::string sql = q.sql;
        for (const auto& [param, value] :
             {std::pair<std::string, std::string>{"?1", "-9223372036854775808"},
              {"?2", "9223372036854775807"}})
            for (auto at = sql.find(param); at != std::string::npos; at = sql.find(param, at))
                sql.replace(at, param.size(), value);
        std::printf("-- %s\n%s;\n", q.name, sql.c_str());
    }
    // What readBooth reads besides: contests, tallies, names.
    std::printf("SELECT * FROM team_sessions JOIN team_results ON team_results.session_id = "
                "team_sessions.id;\nSELECT * FROM tallies;\nSELECT * FROM subject_names;\n");
    return 0;
}
