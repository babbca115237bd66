import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A header menu: one button that shows a column of commands under it. The commands are the
 * header's own controls, mounted whether the menu is open or not, because each owns the dialog it
 * opens (a modal <dialog> in the top layer, shown even while the menu is folded away again).
 * Picking a command, Esc, or a click elsewhere folds the menu; Esc, and a dialog a command opened
 * when it closes, give focus back to the menu's button.
 * Shortcuts are shown beside the commands that have one (header-menu.css reads aria-keyshortcuts).
 */
export function HeaderMenu({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const away = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  return (
    <div
      ref={root}
      className="header-menu"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        event.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button
        ref={button}
        type="button"
        className="button quiet header-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen(!open);
          // The first command takes focus, so the keyboard goes on from where the menu opened.
          if (!open) requestAnimationFrame(() => root.current?.querySelector<HTMLElement>('.header-menu-panel button:not(:disabled), .header-menu-panel select')?.focus());
        }}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      <div
        id={panelId}
        className={open ? 'header-menu-panel open' : 'header-menu-panel'}
        onClick={(event) => {
          // A command was picked (its dialog opens): the menu folds away, and focus goes to the
          // menu's button first, so that the dialog gives it back there when it closes.
          if (!(event.target as HTMLElement).closest('button')) return;
          setOpen(false);
          button.current?.focus();
        }}
      >
        {children}
      </div>
    </div>
  );
}
