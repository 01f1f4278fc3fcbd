/**
 * Loaded into a process with `node --expose-gc --require` (bench/support/memory-probe.ts): every second it
 * writes the process's own `process.memoryUsage()` to `$BENCH_HEAP_REPORT/<PORT>.json`. The services expose no
 * memory figures, and RSS from /proc says nothing of how much of it is the JavaScript heap. When the bench has
 * touched `gc-request` in that folder since the last report, the process first collects its garbage in full,
 * so a reading "at rest" is the heap still in use, not whatever the last collection happened to leave: the
 * leak check compares those. One small write a second, on an unref'd timer (it keeps nothing alive).
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.BENCH_HEAP_REPORT;
if (dir) {
  const file = join(dir, `${process.env.PORT ?? process.pid}.json`);
  const gc = (globalThis as { gc?: () => void }).gc;
  let collected = 0;
  const report = () => {
    try {
      const requested = statSync(join(dir, 'gc-request')).mtimeMs;
      if (gc && requested > collected) {
        gc();
        collected = requested;
      }
    } catch {
      // no request yet
    }
    writeFileSync(file, JSON.stringify({ at: Date.now(), collected, ...process.memoryUsage() }));
  };
  report();
  setInterval(report, 1000).unref();
}
