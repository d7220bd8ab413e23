import { createRoot } from 'react-dom/client';
import { DEFAULT_FILE, Workbench } from './Workbench';

const container = document.getElementById('root');
if (!container) throw new Error('workbench.html lacks #root');
const file = new URLSearchParams(window.location.search).get('file') ?? DEFAULT_FILE;
createRoot(container).render(<Workbench initialFile={file} />);
