/*
 * The result of a ribbon command, shown in an Office dialog: the command itself runs without a pane, so this is the
 * one place where 填写得分 from the ribbon can say what it wrote or why it wrote nothing. Text only, from the URL.
 */
import { readNotice } from './noticeText';

function render(): void {
  const root = document.getElementById('root');
  if (!root) return;
  const { title, text, ok, lang, tone } = readNotice(window.location.search);
  document.documentElement.lang = lang;
  const h = document.createElement('h1');
  h.textContent = title;
  h.style.fontSize = '16px';
  h.style.margin = '0 0 8px';
  const p = document.createElement('p');
  p.textContent = text;
  p.setAttribute('role', tone === 'error' ? 'alert' : 'status');
  p.dataset.testid = 'notice-text';
  p.style.fontSize = '14px';
  p.style.lineHeight = '1.6';
  p.style.margin = '0 0 16px';
  if (tone === 'error') p.style.color = '#a4262c';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = ok;
  button.style.padding = '4px 20px';
  button.addEventListener('click', () => {
    if (typeof Office !== 'undefined' && Office.context?.ui?.messageParent) Office.context.ui.messageParent('close');
    else window.close();
  });
  root.replaceChildren(h, p, button);
  button.focus();
}

if (typeof Office !== 'undefined') void Office.onReady(render);
else render();
