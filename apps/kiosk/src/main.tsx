import { render } from 'preact';
import { App } from './app.tsx';
import { registerServiceWorker } from './kiosk/hooks/service-worker.ts';
import './styles/ways.css';
import './styles/kiosk.css';
import './styles/kiosk-screens.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
// Only the kiosk needs to work offline; phones and the staff area stay network-only.
const path = location.pathname;
if (path === '/' || path === '/kiosk' || path === '/kiosk/') registerServiceWorker();
