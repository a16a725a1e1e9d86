// tools/cli: `lantai staff hash-pin` — the staff PIN's hash for staff.pin_hash in kiosk.toml
#include "tools/cli/commands.h"

#include <memory>
#include <string>

namespace lantai::cli {

CommandAction addStaffCommand(CLI::App& app) {
    auto* staff = app.add_subcommand("staff", "Staff mode of the booth\n展台的工作人员模式");
    staff->require_subcommand(1);
    auto pin = std::make_shared<std::string>();
    auto* hash = staff->add_subcommand(
        "hash-pin", "Print the hash of a staff PIN for staff.pin_hash in kiosk.toml\n"
                    "生成工作人员密码的哈希值（填入 kiosk.toml 的 staff.pin_hash）");
    hash->add_option("PIN", *pin, "4 to 12 digits (read from standard input when omitted)");
    return [pin] {
        return printPinHash(*pin, "a staff PIN is 4 to 12 digits",
                            "工作人员密码须为 4 到 12 位数字");
    };
}

} // namespace lantai::cli
