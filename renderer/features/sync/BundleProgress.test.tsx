import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n';
import type { JobProgress } from './bundle-client';
import { BundleProgress } from './BundleProgress';

afterEach(cleanup);

function renderProgress(progress: JobProgress, locale: 'es' | 'en' = 'es') {
  render(
    <I18nextProvider i18n={createI18n(locale)}>
      <BundleProgress progress={progress} />
    </I18nextProvider>,
  );
  return { bar: screen.getByRole('progressbar') as HTMLProgressElement, status: screen.getByRole('status') };
}

const MiB = 1024 * 1024;

describe('BundleProgress while a bundle is imported', () => {
  it('shows decryption as a determinate bar with the bytes done of the file’s size', () => {
    const { bar, status } = renderProgress({ phase: 'decrypting', done: 64 * MiB, total: 256 * MiB });
    expect(bar.hasAttribute('value')).toBe(true);
    expect(bar.value).toBe(64 * MiB);
    expect(bar.max).toBe(256 * MiB);
    expect(status.textContent).toMatch(/^Descifrando: 65\.536 kB de 262\.144 kB$/);
  });

  it('says so in English too', () => {
    const { status } = renderProgress({ phase: 'decrypting', done: 1 * MiB, total: 4 * MiB }, 'en');
    expect(status.textContent).toBe('Decrypting: 1,024 kB of 4,096 kB');
  });

  it('once every byte is decrypted, until the checks count, the bar is the indeterminate check', () => {
    for (const progress of [
      { phase: 'decrypting', done: 4 * MiB, total: 4 * MiB },
      { phase: 'checking', done: 0, total: 1 },
      { phase: 'checking', done: 4 * MiB, total: 4 * MiB },
    ] as const) {
      const { bar, status } = renderProgress(progress);
      expect(bar.hasAttribute('value')).toBe(false);
      expect(status.textContent).toBe('Comprobando firmas, huellas y registros…');
      cleanup();
    }
  });

  it('counts the checks: entry bytes whose hash and records were checked, of all the manifest lists', () => {
    const { bar, status } = renderProgress({ phase: 'checking', done: 3 * MiB, total: 12 * MiB });
    expect(bar.value).toBe(3 * MiB);
    expect(bar.max).toBe(12 * MiB);
    expect(status.textContent).toBe('Comprobando huellas y registros: 3072 kB de 12.288 kB');
    cleanup();
    expect(renderProgress({ phase: 'checking', done: 1 * MiB, total: 2 * MiB }, 'en').status.textContent).toBe('Checking hashes and records: 1,024 kB of 2,048 kB');
  });

  it('before any byte count arrives, the bar waits without a value', () => {
    const { bar, status } = renderProgress({ phase: 'decrypting', done: 0, total: 1 });
    expect(bar.hasAttribute('value')).toBe(false);
    expect(status.textContent).toBe('Descifrando y comprobando…');
  });
});
