import { readdir as readdirCallback, readFile as readFileCallback } from 'fs';
import { promisify } from 'util';

// The calls a check makes, as promises over fs's callbacks: `fs.promises` loads Node's readline internals the
// first time it is touched (about 2 ms of a check's start-up). fill's writes keep fs.promises (file handles).
export const readdir = promisify(readdirCallback);
export const readFile = promisify(readFileCallback);
