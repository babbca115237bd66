import type { MenuLanguage } from '../../../shared/ipc/contract';

export interface MenuLabels {
  file: string;
  newCase: string;
  openDemoCase: string;
  closeCase: string;
  lock: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  actualSize: string;
  zoomIn: string;
  zoomOut: string;
  fullScreen: string;
  reload: string;
  developerTools: string;
  language: string;
  help: string;
  about: string;
  hide: string;
  hideOthers: string;
  showAll: string;
}

/** Language names are written in their own language, as every language menu does. */
export { LANGUAGE_NAMES } from '../../../shared/model/locales';

export const MENU_LABELS: Readonly<Record<MenuLanguage, MenuLabels>> = {
  es: {
    file: 'Archivo',
    newCase: 'Nuevo caso',
    openDemoCase: 'Abrir caso de demostración',
    closeCase: 'Cerrar caso',
    lock: 'Bloquear Vigía',
    quit: 'Salir',
    edit: 'Edición',
    undo: 'Deshacer',
    redo: 'Rehacer',
    cut: 'Cortar',
    copy: 'Copiar',
    paste: 'Pegar',
    selectAll: 'Seleccionar todo',
    view: 'Ver',
    actualSize: 'Tamaño real',
    zoomIn: 'Ampliar',
    zoomOut: 'Reducir',
    fullScreen: 'Pantalla completa',
    reload: 'Recargar',
    developerTools: 'Herramientas de desarrollo',
    language: 'Idioma',
    help: 'Ayuda',
    about: 'Acerca de Vigía',
    hide: 'Ocultar Vigía',
    hideOthers: 'Ocultar otras',
    showAll: 'Mostrar todas',
  },
  en: {
    file: 'File',
    newCase: 'New case',
    openDemoCase: 'Open demo case',
    closeCase: 'Close case',
    lock: 'Lock Vigía',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    actualSize: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullScreen: 'Full screen',
    reload: 'Reload',
    developerTools: 'Developer tools',
    language: 'Language',
    help: 'Help',
    about: 'About Vigía',
    hide: 'Hide Vigía',
    hideOthers: 'Hide others',
    showAll: 'Show all',
  },
};

/** The menu speaks English on an English system and Spanish otherwise (the app's default language). */
export function menuLanguageForLocale(locale: string): MenuLanguage {
  return locale.toLowerCase().startsWith('en') ? 'en' : 'es';
}
