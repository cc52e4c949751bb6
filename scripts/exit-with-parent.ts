/**
 * Loaded with `node --import` into the Astro build that scripts/build.ts starts: ends the build when
 * its parent is gone, so a killed build script never leaves an orphan building on (and writing) alone.
 */
import { whenAnyEnds } from '../src/lib/publish.ts';

whenAnyEnds([process.ppid], () => process.exit(1));
