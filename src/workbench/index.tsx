import { createRoot } from 'react-dom/client';
import { DEFAULT_FILE, Workbench } from './Workbench';

const container = document.getElementById('root');
if (!container) throw new Error('workbench.html lacks #root');
const params = new URLSearchParams(window.location.search);
const file = params.get('file') ?? DEFAULT_FILE;
// ?host=wps: the pane talks to the WPS host over the emulated WPS 表格 object model instead of the Excel API
// ?officeTheme=dark: the pane is told of a dark Office theme (Black), as Office.context.officeTheme would
const officeTheme = params.get('officeTheme') === 'dark' ? { isDarkTheme: true, bodyBackgroundColor: '#262626' } : undefined;
createRoot(container).render(<Workbench initialFile={file} hostKind={params.get('host') === 'wps' ? 'wps' : 'excel'} officeTheme={officeTheme} />);
