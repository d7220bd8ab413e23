import { balanceBidi, reportFinding, FSI, isolate, messageParts, needsIsolation, PDI, renderMessage, type Finding } from '../../../src/core';

const RLO = '\u202e';
const PDF = '\u202c';
const LRI = '\u2066';

const mismatch = (name: string): Finding => ({
  code: 'SCORE_MISMATCH', severity: 'error', sheet: '表', cell: 'H13',
  params: { name, stated: '0', computed: '10', weight: '10', kind: 'atLeast', status: 'achieved', actual: '20', target: '>=20个' },
});

describe('isolate: sheet text that could reorder a message', () => {
  it('leaves left-to-right and neutral text as it is (Chinese, Latin, digits, punctuation)', () => {
    for (const t of ['社区养老服务站', 'abc 123', '≥1.2万人次', '', '（待填写）']) {
      expect(needsIsolation(t)).toBe(false);
      expect(isolate(t)).toBe(t);
    }
  });

  it('wraps right-to-left letters and bidi controls in FSI … PDI', () => {
    expect(isolate('مدرسة')).toBe(`${FSI}مدرسة${PDI}`);
    expect(isolate('שלום 5')).toBe(`${FSI}שלום 5${PDI}`);
    expect(isolate(`${RLO}abc`)).toBe(`${FSI}${RLO}abc${PDF}${PDI}`);
  });

  it('pairs the controls inside, so none reaches past the isolate', () => {
    // a stray PDI would close the isolate early; it is dropped
    expect(balanceBidi(`a${PDI}b`)).toBe('ab');
    // a stray PDF has nothing to close
    expect(balanceBidi(`a${PDF}b`)).toBe('ab');
    // an isolate left open would swallow the closing PDI: closed at the end, inner first
    expect(balanceBidi(`${LRI}a${RLO}b`)).toBe(`${LRI}a${RLO}b${PDF}${PDI}`);
    // a PDI closes the embeddings opened inside its isolate too
    expect(balanceBidi(`${LRI}${RLO}x${PDI}y`)).toBe(`${LRI}${RLO}x${PDI}y`);
    // paired text is unchanged
    expect(balanceBidi(`${LRI}x${PDI}${RLO}y${PDF}`)).toBe(`${LRI}x${PDI}${RLO}y${PDF}`);
    expect(isolate(`x${PDI}${PDI}${RLO}`)).toBe(`${FSI}x${RLO}${PDF}${PDI}`);
  });
});

describe('messageParts', () => {
  it('cuts a message at its outermost isolates', () => {
    expect(messageParts(`“${FSI}${RLO}abc${PDF}${PDI}”得分 0`)).toEqual([
      { text: '“', isolated: false },
      { text: `${RLO}abc${PDF}`, isolated: true },
      { text: '”得分 0', isolated: false },
    ]);
    expect(messageParts(`${FSI}a${LRI}b${PDI}c${PDI}d`)).toEqual([
      { text: `a${LRI}b${PDI}c`, isolated: true },
      { text: 'd', isolated: false },
    ]);
    expect(messageParts('没有隔离')).toEqual([{ text: '没有隔离', isolated: false }]);
  });

  it('takes an isolate left open to run to the end', () => {
    expect(messageParts(`a${FSI}b`)).toEqual([
      { text: 'a', isolated: false },
      { text: 'b', isolated: true },
    ]);
  });
});

describe('renderMessage isolates sheet text', () => {
  it('a right-to-left override in an indicator name stays inside the isolate; the rest of the message follows it', () => {
    const m = renderMessage(mismatch(`${RLO}abc`));
    expect(m.startsWith(`“${FSI}${RLO}abc${PDF}${PDI}”得分 0 与计算值 10 不符`)).toBe(true);
    expect(renderMessage(mismatch(`${RLO}abc`), 'en-US')).toContain(`${FSI}${RLO}abc${PDF}${PDI}`);
  });

  it('ordinary names read as before, and a terminal may ask for no isolates', () => {
    expect(renderMessage(mismatch('新建服务站'))).not.toMatch(/[\u2066-\u2069]/);
    expect(renderMessage(mismatch(`${RLO}abc`), 'zh-CN', { isolate: false })).toContain(`“${RLO}abc”`);
  });

  it('the report’s messages (JSON, HTML, xlsx) carry the isolates; its params keep the cell text as it is', () => {
    const f = mismatch(`${RLO}abc`);
    const r = reportFinding(f, 'zh-CN');
    expect(r.message).toContain(`${FSI}${RLO}abc${PDF}${PDI}`);
    expect(r.params.name).toBe(`${RLO}abc`);
  });
});
