import * as fs from 'fs';
import { promisify } from 'util';

// The calls a check makes, as promises over fs's callbacks: `fs.promises` loads Node's readline internals the
// first time it is touched (about 2 ms of a check's start-up). fill's writes keep fs.promises (file handles).
export const stat = promisify(fs.stat);
export const readdir = promisify(fs.readdir);
export const readFile = promisify(fs.readFile);
