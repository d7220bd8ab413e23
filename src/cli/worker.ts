import { parentPort } from 'node:worker_threads';
import { checkFile, type FileJob } from './checkFile';
import { readBytesSync } from './fsAsync';

/** A pile worker: checks the files the main thread sends, one at a time, and answers with each one's outcome. */
export interface WorkerRequest {
  readonly id: number;
  readonly job: FileJob;
}

const read = async (file: string): Promise<Uint8Array> => readBytesSync(file);

parentPort?.on('message', (req: WorkerRequest) => {
  void checkFile(req.job, read).then((o) => {
    // the JSON pieces are made lazily (a generator): made here, as an array a message can carry
    const outcome = o.kind === 'checked' ? { ...o, json: [...o.json] } : o;
    parentPort?.postMessage({ id: req.id, outcome });
  });
});
