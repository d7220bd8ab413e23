import type { Lang } from '../core';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check'; files: string[]; json: boolean; ruleSet: string | undefined; reports: string[]; jobs: number | undefined; force: boolean; maxSizeMb?: number; map?: string; declared?: string }
  | { kind: 'fill'; input: string; output: string; json: boolean; ruleSet: string | undefined; overwriteScores: boolean; force: boolean; maxSizeMb?: number; map?: string };

export type ArgsError =
  | { kind: 'unknownOption'; option: string }
  | { kind: 'unknownCommand'; command: string }
  | { kind: 'missingValue'; option: string }
  | { kind: 'unknownLang'; lang: string }
  | { kind: 'noFiles' }
  | { kind: 'fillArgs' }
  | { kind: 'badJobs'; value: string }
  | { kind: 'badMaxSize'; value: string };

export interface Parsed {
  lang: Lang;
  command: Command | null;
  error: ArgsError | null;
}

const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];
const WITH_VALUE = new Set(['--rules', '--lang', '-o', '--output', '--report', '--jobs', '--max-size', '--map', '--declared']);
const FLAGS: Record<string, readonly string[]> = {
  check: ['--json', '--rules', '--lang', '--report', '--jobs', '--force', '--max-size', '--map', '--declared'],
  fill: ['--json', '--rules', '--lang', '-o', '--output', '--overwrite-scores', '--force', '--max-size', '--map'],
};

/**
 * Parses `ziping` arguments. Never throws: a usage problem comes back as `error` (the caller prints usage and
 * exits 2), together with the language asked for so that the problem is reported in it.
 */
export function parseArgs(argv: readonly string[]): Parsed {
  const values = new Map<string, string>();
  const reports: string[] = [];
  const flags = new Set<string>();
  const positional: string[] = [];
  let error: ArgsError | null = null;
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyFiles || a === '-' || !a.startsWith('-')) {
      positional.push(a);
      continue;
    }
    if (a === '--') {
      onlyFiles = true;
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (WITH_VALUE.has(name)) {
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') error ??= { kind: 'missingValue', option: name };
      else {
        values.set(name === '--output' ? '-o' : name, v);
        if (name === '--report') reports.push(v);
      }
    } else if (eq < 0 && ['--json', '--overwrite-scores', '--force', '--help', '-h', '--version', '-v', '-V'].includes(name)) {
      flags.add(name);
    } else {
      error ??= { kind: 'unknownOption', option: a };
    }
  }

  const langArg = values.get('--lang');
  const lang: Lang = langArg && (LANGS as readonly string[]).includes(langArg) ? (langArg as Lang) : 'zh-CN';
  if (langArg !== undefined && lang !== langArg) error ??= { kind: 'unknownLang', lang: langArg };
  if (flags.has('--help') || flags.has('-h')) return { lang, command: { kind: 'help' }, error: null };
  if (flags.has('--version') || flags.has('-v') || flags.has('-V')) return { lang, command: { kind: 'version' }, error: null };
  if (positional[0] === 'help') return { lang, command: { kind: 'help' }, error: null };
  if (error) return { lang, command: null, error };

  const [cmd, ...rest] = positional;
  if (cmd === undefined) return { lang, command: null, error: { kind: 'noFiles' } };
  if (cmd !== 'check' && cmd !== 'fill') return { lang, command: null, error: { kind: 'unknownCommand', command: cmd } };
  const allowed = FLAGS[cmd];
  for (const o of [...values.keys(), ...flags]) {
    if (!allowed.includes(o)) return { lang, command: null, error: { kind: 'unknownOption', option: o } };
  }
  const ruleSet = values.get('--rules');
  const maxSize = values.get('--max-size');
  // megabytes per part, a whole number from 1 to 4095 (a zip entry's size field holds less than 4 GB)
  const maxSizeMb = maxSize === undefined ? undefined : /^\d{1,4}$/.test(maxSize) && Number(maxSize) >= 1 && Number(maxSize) < 4096 ? Number(maxSize) : NaN;
  if (maxSize !== undefined && Number.isNaN(maxSizeMb)) return { lang, command: null, error: { kind: 'badMaxSize', value: maxSize } };
  const map = values.has('--map') ? { map: values.get('--map') } : {};
  if (cmd === 'check') {
    if (rest.length === 0) return { lang, command: null, error: { kind: 'noFiles' } };
    const jobsArg = values.get('--jobs');
    const jobs = jobsArg === undefined ? undefined : Number(jobsArg);
    if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 256)) {
      return { lang, command: null, error: { kind: 'badJobs', value: jobsArg ?? '' } };
    }
    const declared = values.has('--declared') ? { declared: values.get('--declared') } : {};
    return { lang, command: { kind: 'check', files: rest, json: flags.has('--json'), ruleSet, reports, jobs, force: flags.has('--force'), maxSizeMb, ...map, ...declared }, error: null };
  }
  const output = values.get('-o');
  if (rest.length !== 1 || output === undefined) return { lang, command: null, error: { kind: 'fillArgs' } };
  return {
    lang,
    command: {
      kind: 'fill', input: rest[0], output, json: flags.has('--json'), ruleSet, overwriteScores: flags.has('--overwrite-scores'), force: flags.has('--force'), maxSizeMb, ...map,
    },
    error: null,
  };
}
