/** @jest-environment jsdom */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DEV_BASE_URL } from '../../scripts/manifest';
import { ICONS } from '../../scripts/render-icons';
import { NS, REPO_ROOT, readManifest } from './support';

const doc = new DOMParser().parseFromString(readManifest(), 'application/xml');
const all = (ns: string, name: string, root: Document | Element = doc) => Array.from(root.getElementsByTagNameNS(ns, name));
const one = (ns: string, name: string, root: Document | Element = doc) => {
  const found = all(ns, name, root);
  expect(found).toHaveLength(1);
  return found[0];
};
const child = (el: Element, name: string) => {
  const found = Array.from(el.children).filter((c) => c.namespaceURI === NS.ov && c.localName === name);
  expect(found).toHaveLength(1);
  return found[0];
};
const xsiType = (el: Element) => el.getAttributeNS(NS.xsi, 'type');
const CJK = /[\u4e00-\u9fff]/;

interface PngInfo {
  width: number;
  height: number;
  colorType: number;
  topLeftAlpha: number;
}

/** Width/height from IHDR; alpha of pixel (0,0) from the first scanline (its filter cannot change the first pixel). */
function readPng(file: string): PngInfo {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(buf.toString('latin1', 12, 16)).toBe('IHDR');
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const bitDepth = buf[24];
  const colorType = buf[25];
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const topLeftAlpha = colorType === 6 && bitDepth === 8 ? raw[1 + 3] : -1;
  return { width, height, colorType, topLeftAlpha };
}

function assetPath(url: string): string {
  expect(url.startsWith(DEV_BASE_URL)).toBe(true);
  return path.join(REPO_ROOT, url.slice(DEV_BASE_URL.length).split('?')[0]);
}

const resources = one(NS.ov, 'Resources');
const resourceIds = (group: string, item: string) => {
  const container = one(NS.bt, group, resources);
  return new Map(all(NS.bt, item, container).map((el) => [el.getAttribute('id') ?? '', el]));
};
const images = resourceIds('Images', 'Image');
const urls = resourceIds('Urls', 'Url');
const shortStrings = resourceIds('ShortStrings', 'String');
const longStrings = resourceIds('LongStrings', 'String');

describe('manifest.xml: identity and base section', () => {
  it('parses as XML', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.localName).toBe('OfficeApp');
    expect(xsiType(doc.documentElement)).toBe('TaskPaneApp');
  });

  it('has a fixed GUID Id and the package version as x.y.z.0', () => {
    expect(one(NS.app, 'Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(one(NS.app, 'Version').textContent).toBe(`${pkg.version}.0`);
  });

  it('defaults to zh-CN with en-US overrides for the name and description', () => {
    expect(one(NS.app, 'DefaultLocale').textContent).toBe('zh-CN');
    const name = one(NS.app, 'DisplayName');
    expect(name.getAttribute('DefaultValue')).toBe('绩效自评');
    expect(one(NS.app, 'Override', name).getAttribute('Locale')).toBe('en-US');
    expect(one(NS.app, 'Override', name).getAttribute('Value')).toBe('Ziping — Performance self-evaluation');
    const description = one(NS.app, 'Description', doc.documentElement);
    expect(description.getAttribute('DefaultValue')).toMatch(CJK);
    const en = one(NS.app, 'Override', description);
    expect(en.getAttribute('Locale')).toBe('en-US');
    expect(en.getAttribute('Value')).not.toMatch(CJK);
    expect(en.getAttribute('Value')?.length).toBeGreaterThan(20);
  });

  it('targets Excel workbooks with ExcelApi 1.7, read/write permission and no AppDomains', () => {
    expect(one(NS.app, 'Host', one(NS.app, 'Hosts')).getAttribute('Name')).toBe('Workbook');
    const set = one(NS.app, 'Set', one(NS.app, 'Requirements'));
    expect([set.getAttribute('Name'), set.getAttribute('MinVersion')]).toEqual(['ExcelApi', '1.7']);
    expect(one(NS.app, 'Permissions').textContent).toBe('ReadWriteDocument');
    expect(all(NS.app, 'AppDomains')).toHaveLength(0);
    expect(one(NS.app, 'SourceLocation', one(NS.app, 'DefaultSettings')).getAttribute('DefaultValue')).toBe(
      `${DEV_BASE_URL}taskpane.html`,
    );
  });

  it('points every URL at the dev server base', () => {
    const values = Array.from(doc.getElementsByTagName('*')).flatMap((el) =>
      ['DefaultValue', 'Value'].map((a) => el.getAttribute(a) ?? '').filter((v) => /^[a-z]+:/i.test(v)),
    );
    expect(values.length).toBeGreaterThanOrEqual(15);
    for (const v of values) expect(v.startsWith(DEV_BASE_URL)).toBe(true);
  });
});

describe('manifest.xml: ribbon commands', () => {
  const tab = one(NS.ov, 'OfficeTab');
  const controls = all(NS.ov, 'Control', tab);
  const control = (id: string) => {
    const found = controls.find((c) => c.getAttribute('id') === id);
    if (!found) throw new Error(`no control ${id}`);
    return found;
  };
  const labelText = (el: Element) => shortStrings.get(child(el, 'Label').getAttribute('resid') ?? '')?.getAttribute('DefaultValue');

  it('adds the 绩效自评 group to the Home tab with two buttons', () => {
    expect(tab.getAttribute('id')).toBe('TabHome');
    expect(labelText(one(NS.ov, 'Group', tab))).toBe('绩效自评');
    expect(controls.map((c) => [xsiType(c), labelText(c)])).toEqual([
      ['Button', '校验'],
      ['Button', '填写得分'],
    ]);
  });

  it('校验 opens the task pane in validate mode', () => {
    const action = one(NS.ov, 'Action', control('Ziping.Validate'));
    expect(xsiType(action)).toBe('ShowTaskpane');
    const resid = one(NS.ov, 'SourceLocation', action).getAttribute('resid') ?? '';
    expect(urls.get(resid)?.getAttribute('DefaultValue')).toBe(`${DEV_BASE_URL}taskpane.html?autorun=validate`);
  });

  it('填写得分 runs the fill function from commands.html', () => {
    const action = one(NS.ov, 'Action', control('Ziping.Fill'));
    expect(xsiType(action)).toBe('ExecuteFunction');
    expect(one(NS.ov, 'FunctionName', action).textContent).toBe('fill');
    const resid = one(NS.ov, 'FunctionFile').getAttribute('resid') ?? '';
    expect(urls.get(resid)?.getAttribute('DefaultValue')).toBe(`${DEV_BASE_URL}commands.html`);
  });

  it('has Get Started text', () => {
    const started = one(NS.ov, 'GetStarted');
    expect(shortStrings.has(one(NS.ov, 'Title', started).getAttribute('resid') ?? '')).toBe(true);
    expect(longStrings.has(one(NS.ov, 'Description', started).getAttribute('resid') ?? '')).toBe(true);
  });
});

describe('manifest.xml: resources', () => {
  const referencing = Array.from(doc.getElementsByTagName('*')).filter((el) => el.hasAttribute('resid'));
  const kindOf = (el: Element): Map<string, Element> => {
    if (el.localName === 'Image') return images;
    if (['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(el.localName)) return urls;
    if (el.localName === 'Description') return longStrings;
    return shortStrings;
  };

  it('every resid names a resource of the right kind', () => {
    expect(referencing.length).toBeGreaterThan(20);
    const missing = referencing
      .filter((el) => !kindOf(el).has(el.getAttribute('resid') ?? ''))
      .map((el) => `${el.localName} → ${el.getAttribute('resid')}`);
    expect(missing).toEqual([]);
  });

  it('every resource is used', () => {
    const used = new Set(referencing.map((el) => el.getAttribute('resid')));
    const unused = [...images.keys(), ...urls.keys(), ...shortStrings.keys(), ...longStrings.keys()].filter((id) => !used.has(id));
    expect(unused).toEqual([]);
  });

  it.each([
    ['ShortStrings', shortStrings, 125],
    ['LongStrings', longStrings, 250],
  ])('every %s entry has zh-CN text and an en-US override', (_group, strings, max) => {
    expect(strings.size).toBeGreaterThan(0);
    for (const [id, el] of strings) {
      const zh = el.getAttribute('DefaultValue') ?? '';
      expect({ id, zh: CJK.test(zh) }).toEqual({ id, zh: true });
      const overrides = all(NS.bt, 'Override', el);
      expect(overrides.map((o) => o.getAttribute('Locale'))).toEqual(['en-US']);
      const en = overrides[0].getAttribute('Value') ?? '';
      expect({ id, en: en.length > 0 && !CJK.test(en) }).toEqual({ id, en: true });
      expect(Math.max(zh.length, en.length)).toBeLessThanOrEqual(max);
    }
  });
});

describe('icons', () => {
  const declared: Array<[string, number]> = [
    [one(NS.app, 'IconUrl').getAttribute('DefaultValue') ?? '', 32],
    [one(NS.app, 'HighResolutionIconUrl').getAttribute('DefaultValue') ?? '', 64],
    ...all(NS.bt, 'Image')
      .filter((el) => el.hasAttribute('size'))
      .map((el): [string, number] => [images.get(el.getAttribute('resid') ?? '')?.getAttribute('DefaultValue') ?? '', Number(el.getAttribute('size'))]),
  ];

  it('declares 16/32/80 for the group and each button', () => {
    const sizes = all(NS.ov, 'Icon').map((icon) => all(NS.bt, 'Image', icon).map((i) => i.getAttribute('size')));
    expect(sizes).toEqual([
      ['16', '32', '80'],
      ['16', '32', '80'],
      ['16', '32', '80'],
    ]);
  });

  it.each(declared)('%s is a %ipx RGBA PNG with a transparent background', (url, size) => {
    const file = assetPath(url);
    expect(fs.existsSync(file)).toBe(true);
    const png = readPng(file);
    expect([png.width, png.height, png.colorType]).toEqual([size, size, 6]);
    expect(png.topLeftAlpha).toBe(0);
  });

  it('every PNG the render script makes is committed at its size, from an SVG source', () => {
    for (const [name, sizes] of Object.entries(ICONS)) {
      expect(fs.existsSync(path.join(REPO_ROOT, 'assets', 'icons', `${name}.svg`))).toBe(true);
      expect(fs.existsSync(path.join(REPO_ROOT, 'assets', 'icons', `${name}-16.svg`))).toBe(true);
      for (const size of sizes) expect(readPng(path.join(REPO_ROOT, 'assets', 'icons', `${name}-${size}.png`)).width).toBe(size);
    }
  });
});
