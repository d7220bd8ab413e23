/** @jest-environment jsdom */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { OutsideOffice } from '../../src/taskpane/components/OutsideOffice';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

it('says what Ziping is and how to install it, Chinese first', async () => {
  const el = document.createElement('div');
  document.body.appendChild(el);
  const root = createRoot(el);
  await act(async () => root.render(<OutsideOffice />));
  const sections = [...el.querySelectorAll('section')];
  expect(sections.map((s) => s.getAttribute('lang'))).toEqual(['zh-CN', 'en-US']);
  const zh = sections[0].textContent ?? '';
  expect(zh).toContain('Ziping 是一个 Excel 加载项');
  expect(zh).toContain('上传我的加载项');
  expect(zh).toContain('Microsoft 365 管理中心');
  expect(el.querySelector('a[href="manifest.xml"]')).not.toBeNull();
  await act(async () => root.render(<OutsideOffice lang="en-US" />));
  expect([...el.querySelectorAll('section')].map((s) => s.getAttribute('lang'))).toEqual(['en-US', 'zh-CN']);
  act(() => root.unmount());
});
