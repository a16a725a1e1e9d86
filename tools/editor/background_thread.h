// tools/editor: worker threads that must never slow the UI — copies, thumbnails, rotations run
// at idle scheduling priority
#pragma once

namespace lantai::editor {

// Puts the calling thread in SCHED_IDLE (else nice 19): it runs only on CPU time the UI thread,
// the preview and the GL rasteriser's threads leave. A 2-core laptop then keeps drawing frames
// while a folder of scans is copied and shrunk.
void makeThisThreadBackground();

} // namespace lantai::editor
