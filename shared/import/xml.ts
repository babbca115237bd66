import { SaxesParser } from 'saxes';
import { FileReadError } from './limits';

export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

/**
 * Streams one XML part of a workbook through saxes (strict, non-validating; external entities are
 * never fetched). A part with a DOCTYPE is refused outright: no workbook writer emits one, and it is
 * how entity-expansion attacks begin. Names keep their prefixes (`table:table-cell`), as written.
 */
export function parseXml(bytes: Uint8Array, part: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false });
  let failure: unknown;
  parser.on('doctype', () => {
    failure ??= new FileReadError({ code: 'damaged', detail: `${part} declares a DOCTYPE` });
  });
  parser.on('error', (error) => {
    failure ??= new FileReadError({ code: 'damaged', detail: `${part}: ${error.message.split('\n')[0]}` });
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag) => open(tag.name, tag.attributes as Record<string, string>, tag.isSelfClosing));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(tag.name));
  }
  if (handlers.text) {
    const text = handlers.text;
    parser.on('text', text);
    parser.on('cdata', text);
  }
  const source = new TextDecoder('utf-8').decode(bytes);
  try {
    // Written in slices so that a failure stops the read early rather than after the whole part.
    const SLICE = 1 << 20;
    for (let at = 0; at < source.length && !failure; at += SLICE) parser.write(source.slice(at, at + SLICE));
    if (!failure) parser.close();
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    failure ??= new FileReadError({ code: 'damaged', detail: `${part}: ${error instanceof Error ? error.message.split('\n')[0] : 'unreadable'}` });
  }
  if (failure) throw failure;
}
