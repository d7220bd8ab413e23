import { run } from './run';

// `ziping check … --json | head`: the reader closed the pipe; stop quietly as other command-line tools do,
// instead of an unhandled EPIPE error and its stack
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

/**
 * Ends the run once stdout and stderr have handed everything to the system: a pipe is written asynchronously on
 * POSIX (https://nodejs.org/api/process.html#a-note-on-process-io), so `process.exit` waits for an empty write's
 * callback, which comes after every earlier write. An explicit exit skips tearing down V8's heap page by page, as a
 * run that just ends does (decision 119). Everything `run` started has finished when it resolves.
 */
function exitWhenWritten(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = (): void => {
    if (--pending === 0) process.exit();
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

run(process.argv.slice(2)).then(exitWhenWritten, (e: unknown) => {
  process.stderr.write(`ziping: 内部错误 / internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  exitWhenWritten(2);
});
