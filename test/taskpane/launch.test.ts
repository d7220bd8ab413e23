import { autoRunRequested } from '../../src/taskpane/launch';

describe('launch', () => {
  it.each([
    ['?autorun=validate', true],
    ['?autorun=validate&_host_Info=Excel$Win32$16.01$zh-CN', true],
    ['?_host_Info=Excel', false],
    ['', false],
    ['?autorun=fill', false],
  ])('%s → %s', (search, expected) => {
    expect(autoRunRequested(search)).toBe(expected);
  });
});
