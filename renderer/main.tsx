import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { appI18n } from './i18n/i18n';
import './styles/app.css';
import './styles/records.css';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <StrictMode>
    <App i18n={appI18n} />
  </StrictMode>,
);
