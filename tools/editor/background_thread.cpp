// tools/editor: lowering a worker thread's scheduling priority (SCHED_IDLE, else nice 19)
#include "tools/editor/background_thread.h"

#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace lantai::editor {

void makeThisThreadBackground() {
    sched_param param{};
    param.sched_priority = 0;
    if (pthread_setschedparam(pthread_self(), SCHED_IDLE, &param) == 0) return;
    // On Linux a nice value is per thread (the tid names the thread).
    (void)setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 19);
}

} // namespace lantai::editor
