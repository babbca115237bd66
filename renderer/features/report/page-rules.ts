/** A CSS string literal: quotes and backslashes escaped, line breaks dropped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * The printed page: A4, the marking centred at the top and bottom of every page, and "página n de N"
 * beside it at the bottom, in the page's margin boxes — so the browser's own print and Chromium's PDF
 * printing (printToPDF, Playwright) both carry them, whatever breaks the pages.
 */
export function pageRules(marking: string, pageWord: string, ofWord: string): string {
  const mark = cssString(marking);
  return `@page {
  size: A4;
  margin: 22mm 16mm 22mm 16mm;
  @top-center { content: ${mark}; color: #a61b1b; font: 700 11pt 'Noto Sans', sans-serif; }
  @bottom-center { content: ${mark}; color: #a61b1b; font: 700 11pt 'Noto Sans', sans-serif; }
  @bottom-right { content: ${cssString(`${pageWord} `)} counter(page) ${cssString(` ${ofWord} `)} counter(pages); font: 9pt 'Noto Sans', sans-serif; color: #1f2933; }
}`;
}
