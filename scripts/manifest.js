/*
 * Production manifest: manifest.xml addresses the dev server (https://localhost:3000/); a build for users points every
 * URL at the HTTPS folder where dist/ is hosted. Used by webpack.config.js and the tests. CommonJS, no dependencies.
 */
'use strict';

const { URL } = require('node:url');

const DEV_BASE_URL = 'https://localhost:3000/';

const EXAMPLE_BASE_URL = 'https://addins.example.gov.cn/ziping/';

const LOCAL_HOST_PATTERN = /localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]/i;

function escapeXmlAttribute(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * Checks an add-in base URL and returns it normalised (WHATWG URL serialisation).
 * Throws an Error that says what is wrong and what a valid value looks like.
 */
function checkBaseUrl(baseUrl) {
  const hint = `expected an https:// address ending with "/", e.g. ${EXAMPLE_BASE_URL}`;
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
    throw new Error(`Add-in base URL is empty: ${hint}`);
  }
  let url;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`Add-in base URL "${baseUrl}" is not a valid URL: ${hint}`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`Add-in base URL "${baseUrl}" must use https (Office loads add-ins only over HTTPS): ${hint}`);
  }
  if (!baseUrl.endsWith('/')) {
    throw new Error(`Add-in base URL "${baseUrl}" must end with "/" (it is the folder that holds taskpane.html): ${hint}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(`Add-in base URL "${baseUrl}" must not contain credentials, a query or a fragment: ${hint}`);
  }
  return url.href;
}

/**
 * Returns ADDIN_BASE_URL from the environment, checked; throws a clear message when it is missing or invalid.
 */
function requireBaseUrl(env = process.env) {
  const value = env.ADDIN_BASE_URL;
  if (value === undefined || value.trim() === '') {
    throw new Error(
      'ADDIN_BASE_URL is not set. A production build writes dist/manifest.xml for the HTTPS folder where dist/ will be ' +
        `hosted: run e.g. ADDIN_BASE_URL=${EXAMPLE_BASE_URL} npm run build`,
    );
  }
  try {
    return checkBaseUrl(value);
  } catch (err) {
    throw new Error(`ADDIN_BASE_URL: ${err.message}`);
  }
}

/**
 * Throws when the manifest still refers to the local machine (localhost, 127.0.0.1, 0.0.0.0, [::1]),
 * naming the lines that do.
 */
function assertNoLocalhost(xml) {
  const hits = [];
  xml.split(/\r?\n/).forEach((line, i) => {
    if (LOCAL_HOST_PATTERN.test(line)) hits.push(`  line ${i + 1}: ${line.trim()}`);
  });
  if (hits.length > 0) {
    throw new Error(`Manifest still refers to the local machine (${hits.length} line(s)):\n${hits.join('\n')}`);
  }
}

/**
 * Returns the manifest with every https://localhost:3000/ URL replaced by baseUrl (https, ending with "/").
 * XML comments are dropped: they describe the dev manifest, not the deployed one.
 */
function renderManifest(xmlText, baseUrl) {
  if (typeof xmlText !== 'string' || !xmlText.includes('<OfficeApp')) {
    throw new Error('renderManifest: the first argument must be the text of an Office add-in manifest (<OfficeApp …>)');
  }
  const base = checkBaseUrl(baseUrl);
  const withoutComments = xmlText.replace(/<!--[\s\S]*?-->\s*/g, '');
  return withoutComments.split(DEV_BASE_URL).join(escapeXmlAttribute(base));
}

module.exports = { DEV_BASE_URL, EXAMPLE_BASE_URL, checkBaseUrl, requireBaseUrl, assertNoLocalhost, renderManifest };
