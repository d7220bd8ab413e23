import { createRoot } from 'react-dom/client';
import { createSettingsStore } from '../app';
import { createWpsHost } from '../wps/createWpsHost';
import type { EtApplicationLike } from '../wps/et-like';
import { App } from './App';
import { HostProvider } from './HostContext';
import { autoRunRequested } from './launch';

/*
 * The pane's entry in WPS (dist/wps/taskpane.html), as index.tsx is in Excel: the same pane, given the WPS host. WPS puts
 * `Application` on every page of the add-in; the ribbon (src/wps/addin) opens this page and never imports the pane.
 */
const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html lacks #root');
const root = createRoot(container);
const store = createSettingsStore();
const app = (window as unknown as { Application?: EtApplicationLike }).Application;
if (!app) {
  root.render(
    <p style={{ padding: '1em', fontFamily: 'sans-serif' }} data-testid="outside-wps">
      这是 Ziping 绩效自评的 WPS 任务窗格：请在 WPS 表格的“绩效自评”选项卡中点“打开面板”。
    </p>,
  );
} else {
  root.render(
    <HostProvider host={createWpsHost(app)}>
      <App store={store} autoRun={autoRunRequested(window.location.search)} />
    </HostProvider>,
  );
}
