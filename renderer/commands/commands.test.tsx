import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commandForKeyEvent, registerCommand, runCommand, useCommand, useCommandKeys } from './index';

afterEach(cleanup);

function Keys({ onUndo, onSearch, undoEnabled = true }: { onUndo: () => void; onSearch: () => void; undoEnabled?: boolean }) {
  useCommandKeys();
  useCommand('undo', onUndo, undoEnabled);
  useCommand('search', onSearch);
  return <input aria-label="name" />;
}

describe('commands in the renderer', () => {
  it('runs a command once whether it comes from the keyboard or from runCommand (the menu’s path)', () => {
    const undo = vi.fn();
    const view = render(<Keys onUndo={undo} onSearch={vi.fn()} />);
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(undo).toHaveBeenCalledTimes(1);
    expect(runCommand('undo')).toBe(true);
    expect(undo).toHaveBeenCalledTimes(2);
    view.unmount();
    expect(runCommand('undo')).toBe(false);
  });

  it('does not run a disabled command', () => {
    const undo = vi.fn();
    render(<Keys onUndo={undo} onSearch={vi.fn()} undoEnabled={false} />);
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(runCommand('undo')).toBe(false);
    expect(undo).not.toHaveBeenCalled();
  });

  it('leaves Ctrl+Z to a text field, but opens search from one', () => {
    const undo = vi.fn();
    const search = vi.fn();
    const view = render(<Keys onUndo={undo} onSearch={search} />);
    const field = view.getByLabelText('name');
    fireEvent.keyDown(field, { key: 'z', ctrlKey: true });
    expect(undo).not.toHaveBeenCalled();
    fireEvent.keyDown(field, { key: 'k', metaKey: true });
    expect(search).toHaveBeenCalledTimes(1);
  });

  it('leaves the keys of menu commands to the native menu in the desktop app', () => {
    const event = new KeyboardEvent('keydown', { key: 'n', ctrlKey: true });
    expect(commandForKeyEvent(event, false)).toBe('new-case');
    expect(commandForKeyEvent(event, true)).toBeUndefined();
    expect(commandForKeyEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true }), true)).toBe('search');
  });

  it('gives a command back to the previous handler when the latest unregisters', () => {
    const first = vi.fn();
    const second = vi.fn();
    const dropFirst = registerCommand('about', { run: first });
    const dropSecond = registerCommand('about', { run: second });
    runCommand('about');
    dropSecond();
    runCommand('about');
    dropFirst();
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([1, 1]);
    expect(runCommand('about')).toBe(false);
  });
});
