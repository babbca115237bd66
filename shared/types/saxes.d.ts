/**
 * The part of saxes 6's API the workbook reader uses. saxes' own declarations do not compile under
 * this project's strict library check (a generic constraint missing in its .d.ts), so tsconfig
 * points `saxes` here; the runtime module is saxes itself.
 */
export interface SaxesTag {
  name: string;
  attributes: Record<string, string>;
  isSelfClosing: boolean;
}

export interface SaxesOptions {
  xmlns?: false;
  fileName?: string;
}

export declare class SaxesParser {
  constructor(options?: SaxesOptions);
  on(event: 'opentag' | 'closetag', handler: (tag: SaxesTag) => void): void;
  on(event: 'text' | 'cdata' | 'doctype', handler: (text: string) => void): void;
  on(event: 'error', handler: (error: Error) => void): void;
  write(chunk: string): this;
  close(): this;
}
