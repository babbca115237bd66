import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HeaderMenu } from './HeaderMenu';

afterEach(cleanup);

function renderMenu(picked: string[]) {
  render(
    <HeaderMenu label="Caso">
      <button type="button" className="button" onClick={() => picked.push('sync')}>
        Sincronizar
      </button>
      <button type="button" className="button" onClick={() => picked.push('close')}>
        Cerrar caso
      </button>
    </HeaderMenu>,
  );
  return { menu: screen.getByRole('button', { name: 'Caso' }), panel: screen.getByText('Sincronizar').parentElement! };
}

describe('HeaderMenu', () => {
  it('opens under its button and folds away once a command is picked, focus back on its button', () => {
    const picked: string[] = [];
    const { menu, panel } = renderMenu(picked);
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(panel.classList.contains('open')).toBe(false);
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    expect(panel.classList.contains('open')).toBe(true);
    fireEvent.click(screen.getByText('Sincronizar'));
    expect(picked).toEqual(['sync']);
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menu);
  });

  it('keeps its commands mounted while folded (they own their dialogs), and folds on Esc', () => {
    const { menu } = renderMenu([]);
    expect(screen.getByText('Cerrar caso')).toBeTruthy();
    fireEvent.click(menu);
    fireEvent.keyDown(screen.getByText('Cerrar caso'), { key: 'Escape' });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menu);
  });
});
