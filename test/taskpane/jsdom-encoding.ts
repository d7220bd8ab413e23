/** jsdom lacks TextEncoder, which the Excel host needs to size its settings: Node's, for tests that mount the real host. */
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });
