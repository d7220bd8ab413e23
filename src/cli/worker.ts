import { parentPort } from 'node:worker_threads';
import * as fs from 'fs';
import { checkFile, checkPartWire, type FileJob, type PartAnswer, type PartRequest } from './checkFile';

/**
 * A worker thread: for a pile, checks the files the main thread sends, one at a time, and answers with each one's
 * outcome; for a big workbook, reads and checks the run of its sheets the main thread leaves to it.
 */
export type WorkerRequest =
  | { readonly id: number; readonly job: FileJob }
  | { readonly id: number; readonly part: PartRequest };

const read = async (file: string): Promise<Uint8Array> => new Uint8Array(await fs.promises.readFile(file));

async function answerPart(req: PartRequest): Promise<PartAnswer | null> {
  try {
    return checkPartWire(await read(req.file), req);
  } catch {
    // the main thread then reads these sheets itself and meets the same problem, with its own message
    return null;
  }
}

parentPort?.on('message', (req: WorkerRequest) => {
  if ('part' in req) void answerPart(req.part).then((answer) => parentPort?.postMessage({ id: req.id, answer }));
  else void checkFile(req.job, read).then((outcome) => parentPort?.postMessage({ id: req.id, outcome }));
});
