import { createRoot } from 'react-dom/client';
import { createExcelHost } from '../excel/createExcelHost';
import { App } from './App';
import { OutsideOffice } from './components/OutsideOffice';
import { HostProvider } from './HostContext';
import { autoRunRequested } from './launch';
import { officeTheme } from './theme';
import { createSettingsStore } from '../app';

declare global {
  interface Window {
    /** set by assets/legacy/legacy-check.js when the webview cannot run the pane (it then shows a notice) */
    __zipingLegacy?: boolean;
  }
}

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html lacks #root');
if (window.__zipingLegacy) throw new Error('legacy webview: the notice of legacy-check.js stays');
const root = createRoot(container);
const store = createSettingsStore();

function showOutside() {
  root.render(<OutsideOffice lang={store.load().lang} />);
}

// office.js comes from Microsoft's CDN; unreachable (offline, blocked) means we are not in Office either
if (typeof Office === 'undefined') {
  showOutside();
} else {
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel || typeof Excel === 'undefined') return showOutside();
    root.render(
      <HostProvider host={createExcelHost(Excel)}>
        <App store={store} autoRun={autoRunRequested(window.location.search)} officeTheme={officeTheme()} />
      </HostProvider>,
    );
  });
}
