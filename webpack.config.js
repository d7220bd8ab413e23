/*
 * Builds the task pane, the ribbon commands and the dev workbench into dist/.
 *   npm start      → webpack serve --mode development (https://localhost:3000, manifest.xml copied unchanged)
 *   npm run build  → webpack --mode production (needs ADDIN_BASE_URL; dist/manifest.xml points there)
 *   SOURCE_MAPS=1 npm run build → the same with .map files beside the bundles (none by default: dist/ is what
 *                    the catalog serves, and maps would publish the whole source)
 * office.js is never bundled: taskpane.html and commands.html load it from Microsoft's CDN.
 * dist/wps/ is the WPS 加载项 (entry page, ribbon.xml, pane, jsplugins.xml, offline/): scripts/wps.js, docs/wps.md.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_PORT = 3000;
const OFFICE_JS = 'https://appsforoffice.microsoft.com';

/** Office pages: their own files and office.js; Fluent (griffel) injects <style> tags, so inline styles only. */
const OFFICE_CSP = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_JS}`,
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * The workbench loads workbooks from files the person drops or picks (no network), or from ?file=URL on its own
 * origin, and saves through blob: URLs.
 */
const WORKBENCH_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/**
 * WPS 加载项 pages: their own files only. `file:` too, for 离线模式, where WPS opens the add-in from the jsaddons
 * folder and Chromium does not count file: URLs as 'self'.
 */
const WPS_CSP = [
  "default-src 'self' file:",
  "script-src 'self' file:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' file: data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function loadManifestRenderer() {
  try {
    return require('./scripts/manifest.js');
  } catch (err) {
    throw new Error(`scripts/manifest.js is needed for a production build: ${err.message}`);
  }
}

/** HTTPS for the dev server: office-addin-dev-certs' certificate when that package is installed and its certs valid. */
/**
 * HTTPS for sideloading, as the Office templates do: the certificate `npx office-addin-dev-certs install` writes (and
 * trusts) on Windows/Mac, read straight from ~/.office-addin-dev-certs so the package need not be a dependency;
 * without it, webpack-dev-server's own self-signed certificate (accept it once in the browser).
 */
async function devServerHttps() {
  const dir = process.env.ZIPING_DEV_CERTS || path.join(os.homedir(), '.office-addin-dev-certs');
  const file = (name) => path.join(dir, name);
  if (['localhost.key', 'localhost.crt', 'ca.crt'].every((f) => fs.existsSync(file(f)))) {
    return {
      type: 'https',
      options: { key: fs.readFileSync(file('localhost.key')), cert: fs.readFileSync(file('localhost.crt')), ca: fs.readFileSync(file('ca.crt')) },
    };
  }
  return 'https';
}

function manifestDevBaseUrl() {
  return `https://localhost:${DEV_PORT}/`;
}

module.exports = async (_env, argv) => {
  const production = argv.mode === 'production';
  const manifest = production ? loadManifestRenderer() : null;
  const baseUrl = production ? manifest.requireBaseUrl(process.env) : null;
  const wps = require('./scripts/wps.js');
  const version = require('./package.json').version;
  const sourceMaps = process.env.SOURCE_MAPS === '1';

  return {
    mode: production ? 'production' : 'development',
    // Office's webviews are Edge/Chromium/Safari (Fluent v9 needs them); es2020 also lets webpack's runtime use
    // globalThis instead of its `new Function('return this')` fallback, which the CSP forbids
    target: ['web', 'es2020'],
    // never eval-based: the pages' CSP forbids eval, in development too
    devtool: production ? (sourceMaps ? 'source-map' : false) : 'cheap-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      notice: './src/commands/notice.ts',
      workbench: './src/workbench/index.tsx',
      'wps/entry': './src/wps/addin/entry.ts',
      'wps/taskpane': './src/taskpane/wps.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          // exceljs's prebuilt browser bundle (the workbench's): its polyfills' string evaluation replaced
          test: /[\\/]node_modules[\\/]exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
          use: path.resolve(__dirname, 'scripts', 'csp-safe-loader.js'),
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // ES modules out of TypeScript so webpack can tree-shake Fluent; types are checked by `npm run typecheck`
            options: { transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: !production || sourceMaps } },
          },
        },
      ],
    },
    performance: { hints: false },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // office-js-helpers (the ribbon commands' Dialog and Utilities) in a file of its own, loaded by commands.html
          // only: a prebuilt 2018 bundle whose global-object fallbacks (`Function("return this")`, `(1,eval)("this")`)
          // browsers never reach; test/security checks that no other page loads it and that our own code evaluates
          // no string, and test/e2e/commands.e2e.test.ts runs it under the page's CSP without a violation
          officeHelpers: {
            test: /[\\/]node_modules[\\/]@microsoft[\\/]office-js-helpers[\\/]/,
            name: 'office-js-helpers',
            chunks: (chunk) => chunk.name === 'commands',
            enforce: true,
          },
        },
      },
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        csp: OFFICE_CSP,
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        // blocking, in the head after office.js: the commands script must run (and associate its handlers) before
        // Office can deliver the first click (office-js issues #2744, #5176); html-webpack-plugin defers by default
        scriptLoading: 'blocking',
        inject: 'head',
        csp: OFFICE_CSP,
      }),
      new HtmlWebpackPlugin({
        filename: 'notice.html',
        template: './src/commands/notice.html',
        chunks: ['notice'],
        csp: OFFICE_CSP,
      }),
      new HtmlWebpackPlugin({
        filename: 'workbench.html',
        template: './src/workbench/workbench.html',
        chunks: ['workbench'],
        csp: WORKBENCH_CSP,
      }),
      // the WPS 加载项: the entry page (ribbon callbacks, loaded blocking so they exist when WPS calls them) and the pane
      new HtmlWebpackPlugin({
        filename: 'wps/index.html',
        template: './src/wps/addin/index.html',
        chunks: ['wps/entry'],
        scriptLoading: 'blocking',
        inject: 'head',
        publicPath: 'auto',
        csp: WPS_CSP,
      }),
      new HtmlWebpackPlugin({
        filename: 'wps/taskpane.html',
        template: './src/wps/addin/taskpane.html',
        chunks: ['wps/taskpane'],
        publicPath: 'auto',
        csp: WPS_CSP,
      }),
      new wps.WpsAddinPlugin({ baseUrl: baseUrl ?? manifestDevBaseUrl(), version }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/wps/addin/ribbon.xml', to: 'wps/ribbon.xml' },
          ...['validate', 'fill', 'ziping'].map((n) => ({ from: `assets/icons/${n}.svg`, to: `wps/images/${n}.svg` })),
          { from: 'assets', to: 'assets' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: production
              ? (content) => {
                  const xml = manifest.renderManifest(content.toString('utf8'), baseUrl);
                  manifest.assertNoLocalhost(xml);
                  return xml;
                }
              : undefined,
          },
        ],
      }),
    ],
    devServer: {
      host: 'localhost',
      port: DEV_PORT,
      server: await devServerHttps(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      client: { overlay: { runtimeErrors: false } },
      onListening() {
        console.log(`\nZiping workbench: https://localhost:${DEV_PORT}/workbench.html  (task pane: /taskpane.html)\n`);
      },
    },
  };
};
