import type { Browser } from 'playwright-core';

/** Debian's chromium (`apt-get install -y chromium`); a test never downloads a browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags that work as root on these machines; without the background-networking ones Chromium calls out at start. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Headless Debian Chromium driven by playwright-core. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** One operation the workbench page records in `window.__ziping.ops`, with the syncs it needed. */
export interface Op {
  op: string;
  syncs: number;
  writeSyncs: number;
  readSyncs?: number;
  ok: boolean;
}
