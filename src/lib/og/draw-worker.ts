/**
 * A drawing thread (see draw-pool.ts): draws the cards it is sent with the fonts it was started with,
 * which satori parses once per thread, and sends back their PNG bytes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DrawReply, DrawRequest, WorkerFonts } from './draw-pool.ts';
import type { OgFonts } from './fonts.ts';
import { renderCard } from './render.ts';

const port = parentPort!;
const sent = (workerData as { fonts: WorkerFonts }).fonts;
// Buffers arrive as plain Uint8Arrays.
const fonts: OgFonts = {
  files: sent.files,
  satori: sent.satori.map((face) => ({ ...face, data: Buffer.from(face.data.buffer, face.data.byteOffset, face.data.byteLength) })),
};

async function draw({ id, card }: DrawRequest): Promise<void> {
  let reply: DrawReply;
  try {
    reply = { id, png: await renderCard(card, fonts) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
}

// Each card in a turn of the event loop of its own. resvg's pixels (megabytes a card) are freed by
// finalizers that Node runs between turns; a thread that takes its next card straight from the
// message port, as it would while cards keep coming, never gets there, and kept growing.
port.on('message', (request: DrawRequest) => setImmediate(() => void draw(request)));
