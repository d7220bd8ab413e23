/*
 * The WPS 加载项 beside the Office build (dist/wps/), as the wpsjs tool lays one out (wpsjs 2.x, src/lib/build.js and
 * publish.js; the tool itself is not a dependency: it needs Windows-only packages):
 *   在线模式  dist/wps/ is the add-in folder the intranet server hosts (index.html, ribbon.xml, pages, images);
 *             dist/wps/jsplugins.xml lists it as <jspluginonline name type url>, the url being that folder, for
 *             oem.ini's [Server] JSPluginsServer.
 *   离线模式  dist/wps/offline/ holds the folder ziping_<version>/ (the same files) and publish.xml, which the
 *             installers (install.bat, install.sh) copy into the jsaddons folder, as wpsjs's copy.bat does.
 * CommonJS, no dependencies; used by webpack.config.js and the tests.
 */
'use strict';

const NAME = 'ziping';
/** 表格 (ET): the add-in loads in WPS 表格 only */
const TYPE = 'et';

function escapeXmlAttribute(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** jsplugins.xml for 在线模式: the add-in is the folder `${baseUrl}wps/` on the server. */
function renderJsplugins(baseUrl) {
  const url = escapeXmlAttribute(`${baseUrl}wps/`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="${NAME}" type="${TYPE}" url="${url}" enable="true"/>\n</jsplugins>\n`;
}

function offlineFolder(version) {
  return `${NAME}_${version}`;
}

/** publish.xml of 离线模式: the add-in folder beside it in jsaddons (wpsjs's CreatePublishXml). */
function renderPublishXml(version) {
  const v = escapeXmlAttribute(version);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="${NAME}" type="${TYPE}" url="${offlineFolder(version)}" version="${v}" enable="enable_dev" install="null" customDomain=""/>\n</jsplugins>\n`;
}

function renderInstallBat(version) {
  const folder = offlineFolder(version);
  return [
    '@echo off',
    'rem Ziping 绩效自评: installs the WPS add-in for this Windows user (离线模式)',
    'chcp 65001 >nul',
    'set "DEST=%APPDATA%\\kingsoft\\wps\\jsaddons"',
    'if not exist "%DEST%" mkdir "%DEST%"',
    `xcopy /E /I /Y "%~dp0${folder}" "%DEST%\\${folder}"`,
    'if exist "%DEST%\\publish.xml" (',
    '  echo %DEST%\\publish.xml exists: put the jsplugin line of "%~dp0publish.xml" into it by hand.',
    ') else (',
    '  copy /Y "%~dp0publish.xml" "%DEST%\\publish.xml"',
    ')',
    'echo Done. Restart WPS.',
    '',
  ].join('\r\n');
}

function renderInstallSh(version) {
  const folder = offlineFolder(version);
  return [
    '#!/bin/sh',
    '# Ziping 绩效自评: installs the WPS add-in for this user on Linux (UOS, Kylin; 离线模式)',
    'set -e',
    'here=$(cd "$(dirname "$0")" && pwd)',
    'dest="$HOME/.local/share/Kingsoft/wps/jsaddons"',
    'mkdir -p "$dest"',
    `rm -rf "$dest/${folder}"`,
    `cp -R "$here/${folder}" "$dest/${folder}"`,
    'if [ -f "$dest/publish.xml" ]; then',
    '  echo "$dest/publish.xml exists: put the <jsplugin> line of $here/publish.xml into it by hand."',
    'else',
    '  cp "$here/publish.xml" "$dest/publish.xml"',
    'fi',
    'echo "Done. Restart WPS (quickstartoffice restart)."',
    '',
  ].join('\n');
}

/**
 * Webpack plugin: copies every emitted file under wps/ into wps/offline/ziping_<version>/ and writes the
 * registration files (jsplugins.xml, publish.xml, the installers).
 */
class WpsAddinPlugin {
  constructor({ baseUrl, version }) {
    this.baseUrl = baseUrl;
    this.version = version;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('WpsAddinPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'WpsAddinPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        // the pages live in wps/ and must name their scripts relative to it (the same files serve from offline/…/)
        for (const name of ['wps/index.html', 'wps/taskpane.html']) {
          const asset = compilation.getAsset(name);
          if (!asset) continue;
          const html = asset.source.source().toString().replace(/(src|href)=("?)wps\//g, '$1=$2');
          compilation.updateAsset(name, new sources.RawSource(html));
        }
        const folder = `wps/offline/${offlineFolder(this.version)}/`;
        for (const asset of compilation.getAssets()) {
          if (!asset.name.startsWith('wps/') || asset.name.startsWith('wps/offline/') || asset.name.endsWith('.map')) continue;
          compilation.emitAsset(folder + asset.name.slice(4), asset.source);
        }
        const put = (name, text) => compilation.emitAsset(name, new sources.RawSource(text));
        put('wps/jsplugins.xml', renderJsplugins(this.baseUrl));
        put('wps/offline/publish.xml', renderPublishXml(this.version));
        put('wps/offline/install.bat', renderInstallBat(this.version));
        put('wps/offline/install.sh', renderInstallSh(this.version));
      });
    });
  }
}

module.exports = { NAME, TYPE, renderJsplugins, renderPublishXml, renderInstallBat, renderInstallSh, offlineFolder, WpsAddinPlugin };
