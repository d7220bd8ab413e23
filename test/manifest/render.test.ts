import { DEV_BASE_URL, assertNoLocalhost, checkBaseUrl, renderManifest, requireBaseUrl } from '../../scripts/manifest';
import { PRODUCTION_BASE, readManifest } from './support';

const dev = readManifest();

describe('renderManifest', () => {
  const prod = renderManifest(dev, PRODUCTION_BASE);

  it('moves every dev URL under the production base and leaves no localhost', () => {
    const devCount = dev.replace(/<!--[\s\S]*?-->/g, '').split(DEV_BASE_URL).length - 1;
    expect(devCount).toBeGreaterThan(15);
    expect(prod.split(PRODUCTION_BASE).length - 1).toBe(devCount);
    expect(prod).not.toMatch(/localhost/i);
    expect(() => assertNoLocalhost(prod)).not.toThrow();
    expect(prod).toContain(`<SourceLocation DefaultValue="${PRODUCTION_BASE}taskpane.html"/>`);
    expect(prod).toContain(`DefaultValue="${PRODUCTION_BASE}taskpane.html?autorun=validate"`);
    expect(prod).toContain(`DefaultValue="${PRODUCTION_BASE}assets/icons/ziping-32.png"`);
  });

  it('keeps everything else: the text outside URLs is the dev manifest without its comments', () => {
    const strip = (xml: string, base: string) => xml.replace(/<!--[\s\S]*?-->\s*/g, '').split(base).join('<BASE>');
    expect(strip(prod, PRODUCTION_BASE)).toBe(strip(dev, DEV_BASE_URL));
    expect(prod).not.toContain('<!--');
    expect(prod.startsWith('<?xml')).toBe(true);
  });

  it('works for a host root and escapes XML-special characters in the path', () => {
    expect(renderManifest(dev, 'https://office.example.com/')).toContain('"https://office.example.com/commands.html"');
    const odd = renderManifest(dev, "https://example.com/a&b'c/");
    expect(odd).toContain('https://example.com/a&amp;b&apos;c/taskpane.html');
  });

  it.each([
    ['http://addins.example.gov.cn/ziping/', /https/],
    ['https://addins.example.gov.cn/ziping', /end with "\/"/],
    ['addins.example.gov.cn/ziping/', /not a valid URL/],
    ['', /empty/],
    ['https://user:pw@addins.example.gov.cn/ziping/', /credentials/],
    ['https://addins.example.gov.cn/ziping/?v=2/', /query/],
    ['ftp://addins.example.gov.cn/ziping/', /https/],
  ])('rejects base %p', (base, message) => {
    expect(() => renderManifest(dev, base)).toThrow(message);
  });

  it('rejects text that is not a manifest', () => {
    expect(() => renderManifest('<html></html>', PRODUCTION_BASE)).toThrow(/OfficeApp/);
  });
});

describe('checkBaseUrl', () => {
  it('returns the normalised URL', () => {
    expect(checkBaseUrl('https://Addins.Example.gov.cn/ziping/')).toBe('https://addins.example.gov.cn/ziping/');
  });
});

describe('requireBaseUrl', () => {
  it('says how to set ADDIN_BASE_URL when it is missing', () => {
    expect(() => requireBaseUrl({})).toThrow(/ADDIN_BASE_URL is not set.*npm run build/s);
    expect(() => requireBaseUrl({ ADDIN_BASE_URL: '  ' })).toThrow(/ADDIN_BASE_URL is not set/);
  });

  it('names the variable when its value is invalid', () => {
    expect(() => requireBaseUrl({ ADDIN_BASE_URL: 'http://x.example/' })).toThrow(/^ADDIN_BASE_URL: .*https/);
  });

  it('returns a valid value', () => {
    expect(requireBaseUrl({ ADDIN_BASE_URL: PRODUCTION_BASE })).toBe(PRODUCTION_BASE);
  });
});

describe('assertNoLocalhost', () => {
  it.each([
    ['<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>'],
    ['<bt:Url DefaultValue="https://127.0.0.1:8443/commands.html"/>'],
    ['<bt:Url DefaultValue="https://[::1]/commands.html"/>'],
    ['<IconUrl DefaultValue="https://LOCALHOST/icon.png"/>'],
  ])('rejects %s and names the line', (line) => {
    expect(() => assertNoLocalhost(`<OfficeApp>\n${line}\n</OfficeApp>`)).toThrow(/line 2:/);
  });

  it('rejects the dev manifest', () => {
    expect(() => assertNoLocalhost(dev)).toThrow(/local machine/);
  });
});
