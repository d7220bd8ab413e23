import { memoByNumber, memoByText } from '../../src/core/memo';

describe('memoByText', () => {
  it('answers a repeated text from its cache, and the same as the function', () => {
    const seen: string[] = [];
    const f = memoByText((s: string) => { seen.push(s); return s.length; });
    expect([f('年度指标值'), f('年度指标值'), f('分值'), f('年度指标值')]).toEqual([5, 5, 2, 5]);
    expect(seen).toEqual(['年度指标值', '分值']);
  });

  it('keeps an undefined or null answer as an answer', () => {
    let calls = 0;
    const f = memoByText((s: string) => { calls++; return s === 'x' ? null : undefined; });
    f('x'); f('x'); f('y'); f('y');
    expect(calls).toBe(2);
  });

  it('starts over when full, and never keeps a long text', () => {
    let calls = 0;
    const f = memoByText((s: string) => { calls++; return s; }, 2);
    f('a'); f('b'); f('c'); // full at c: emptied, then c kept
    f('c');
    expect(calls).toBe(3);
    f('a');
    expect(calls).toBe(4);
    const long = '很'.repeat(200);
    f(long); f(long);
    expect(calls).toBe(6);
  });
});

describe('memoByNumber', () => {
  it('answers a repeated number from its cache (0 and -0, and NaN, each one key), and starts over when full', () => {
    const seen: number[] = [];
    const f = memoByNumber((n: number) => { seen.push(n); return String(n); }, 3);
    expect([f(1.5), f(1.5), f(0), f(-0), f(NaN), f(NaN)]).toEqual(['1.5', '1.5', '0', '0', 'NaN', 'NaN']);
    expect(seen).toEqual([1.5, 0, NaN]);
    f(7); // full: emptied, then 7 kept
    f(1.5);
    expect(seen).toEqual([1.5, 0, NaN, 7, 1.5]);
  });
});
