/**
 * A child process for the kill tests: `node publish-step.ts OUT_DIR publish VERSION [KILL_AT]` takes
 * the lock and publishes VERSION, killing itself with SIGKILL at step KILL_AT (as a power cut or
 * `kill -9` would); `node publish-step.ts OUT_DIR recover` does what the next build does first.
 */
import { acquireLock, publish, removeLeftovers, restoreLink, siteSlots, type PublishStep } from '../../src/lib/publish.ts';

const [outDir, mode, version, killAt] = process.argv.slice(2) as [string, 'publish' | 'recover', string | undefined, PublishStep | undefined];
const release = await acquireLock(siteSlots(outDir).lock);
if (mode === 'publish') {
  await publish(outDir, version!, (step) => {
    if (step === killAt) process.kill(process.pid, 'SIGKILL');
  });
} else {
  const restored = await restoreLink(outDir);
  const removed = await removeLeftovers(outDir);
  console.log(JSON.stringify({ restored, removed }));
}
await release();
