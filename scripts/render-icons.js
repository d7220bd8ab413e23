#!/usr/bin/env node
/*
 * Renders the ribbon and catalog icons from the SVG sources in assets/icons/ to PNG, with a transparent background.
 * Uses playwright-core with the system Chromium (never downloads a browser):
 *   node scripts/render-icons.js            (CHROMIUM_PATH overrides /usr/bin/chromium)
 * Each mark has a full drawing (32-unit grid) and a simpler 16 px drawing; sizes up to 16 px use the simple one.
 */
'use strict';

const { Buffer } = require('node:buffer');
const fs = require('node:fs');
const path = require('node:path');

const ICON_DIR = path.join(__dirname, '..', 'assets', 'icons');
const SMALL_MAX = 16;

/** name → pixel sizes to produce (the manifest's IconUrl 32, HighResolutionIconUrl 64, ribbon 16/32/80; 128 for catalogs). */
const ICONS = {
  ziping: [16, 32, 64, 80, 128],
  validate: [16, 32, 80],
  fill: [16, 32, 80],
};

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function svgSource(name, size) {
  const small = path.join(ICON_DIR, `${name}-16.svg`);
  const file = size <= SMALL_MAX && fs.existsSync(small) ? small : path.join(ICON_DIR, `${name}.svg`);
  return fs.readFileSync(file, 'utf8');
}

async function main() {
  const { chromium } = require('playwright-core');
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}. Install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: LAUNCH_ARGS });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    for (const [name, sizes] of Object.entries(ICONS)) {
      for (const size of sizes) {
        const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svgSource(name, size)).toString('base64')}`;
        await page.setViewportSize({ width: size, height: size });
        await page.setContent(
          `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}` +
            `img{display:block;width:${size}px;height:${size}px}</style></head>` +
            `<body><img id="icon" src="${dataUrl}" alt=""></body></html>`,
        );
        /* global document, HTMLImageElement -- the predicate runs in the page */
        await page.waitForFunction(() => {
          const img = document.getElementById('icon');
          return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
        });
        const out = path.join(ICON_DIR, `${name}-${size}.png`);
        await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
        console.log(`${path.relative(process.cwd(), out)} ${size}x${size}`);
      }
    }
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}

module.exports = { ICONS };
