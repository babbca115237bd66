import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ReportApp } from './app/ReportApp';
import { isReportHash } from './features/report/report-link';
import { appI18n } from './i18n/i18n';
import './styles/app.css';
import './styles/records.css';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
// The case report prints from its own page (its own tab, or the desktop's hidden window).
const hash = window.location.hash;
createRoot(root).render(<StrictMode>{isReportHash(hash) ? <ReportApp i18n={appI18n} hash={hash} /> : <App i18n={appI18n} />}</StrictMode>);
