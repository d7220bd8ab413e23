import type { FindingCode, ParamValue } from '../model';

export type MessageTable = Readonly<Record<FindingCode, (p: Readonly<Record<string, ParamValue>>) => string>>;
