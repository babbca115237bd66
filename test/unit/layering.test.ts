// The layer rules of docs/architecture.md are enforced by lint: these tests prove that each rule rejects a
// wrong import and lets the right ones through, through the project's own eslint.config.js.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
let eslint: ESLint;

// The first lint loads the parser, plugins and resolver (about a second, more on a busy machine).
beforeAll(async () => {
  eslint = new ESLint({ cwd: repositoryRoot });
  await eslint.lintText('export {};\n', { filePath: 'shared/warm-up.ts' });
}, 60_000);

/** The rule ids that fire on `code` placed at `filePath` (relative to the repository root). */
async function rulesFiredOn(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`);
  const fatal = result.messages.filter((message) => message.fatal);
  if (fatal.length > 0) throw new Error(`ESLint could not parse the sample: ${fatal[0]?.message}`);
  return result.messages.map((message) => message.ruleId ?? 'unknown');
}

const BOUNDARIES = 'boundaries/dependencies';
const BACKSTOP = 'no-restricted-imports';

describe('shared/ stays pure', () => {
  it('rejects a Node built-in through both boundaries and the backstop', async () => {
    const rules = await rulesFiredOn('shared/model/sample.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n");
    expect(rules).toContain(BOUNDARIES);
    expect(rules).toContain(BACKSTOP);
  });

  it('rejects a bare Node built-in name too', async () => {
    const rules = await rulesFiredOn('shared/model/sample.ts', "import { join } from 'path';\nexport const joinPath = join;\n");
    expect(rules).toContain(BACKSTOP);
  });

  it('rejects React', async () => {
    const rules = await rulesFiredOn('shared/model/sample.ts', "import { useState } from 'react';\nexport const hook = useState;\n");
    expect(rules).toContain(BOUNDARIES);
    expect(rules).toContain(BACKSTOP);
  });

  it.each(['electron', 'react-dom', 'dexie', 'cytoscape', 'zustand'])('rejects %s', async (packageName) => {
    const rules = await rulesFiredOn('shared/model/sample.ts', `import * as library from '${packageName}';\nexport const used = library;\n`);
    expect(rules).toContain(BACKSTOP);
  });

  it('rejects a relative import into renderer/', async () => {
    const rules = await rulesFiredOn('shared/sample.ts', "import { openCase } from '../renderer/x';\nexport const open = openCase;\n");
    expect(rules).toContain(BACKSTOP);
  });

  it('accepts shared/ and pure libraries', async () => {
    const code = "import { z } from 'zod';\nimport { CASE_TABLES } from './tables';\nexport const used = [z, CASE_TABLES];\n";
    expect(await rulesFiredOn('shared/model/sample.ts', code)).toEqual([]);
  });

  it('lets a unit test beside shared code read fixtures with node:fs', async () => {
    const code = "import { readFileSync } from 'node:fs';\nimport { CASE_TABLES } from './tables';\nexport const used = [readFileSync, CASE_TABLES];\n";
    expect(await rulesFiredOn('shared/model/sample.test.ts', code)).toEqual([]);
  });
});

describe('renderer/ stays in the browser', () => {
  it('rejects electron', async () => {
    const rules = await rulesFiredOn('renderer/sample.ts', "import { ipcRenderer } from 'electron';\nexport const bridge = ipcRenderer;\n");
    expect(rules).toContain(BOUNDARIES);
    expect(rules).toContain(BACKSTOP);
  });

  it('rejects a relative import into electron/', async () => {
    const rules = await rulesFiredOn('renderer/sample.ts', "import { createWindow } from '../electron/main/window';\nexport const used = createWindow;\n");
    expect(rules).toContain(BACKSTOP);
  });

  it('rejects node:fs', async () => {
    const rules = await rulesFiredOn('renderer/sample.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n");
    expect(rules).toContain(BOUNDARIES);
    expect(rules).toContain(BACKSTOP);
  });

  it('accepts renderer/, shared/ and React', async () => {
    const code = "import { useState } from 'react';\nimport { CASE_TABLES } from '../shared/model/tables';\nexport const used = [useState, CASE_TABLES];\n";
    expect(await rulesFiredOn('renderer/sample.ts', code)).toEqual([]);
  });
});

describe('the renderer’s inner layers (docs/architecture.md)', () => {
  const intoFeature = "import { NetworkView } from '../features/network/NetworkView';\nexport const used = NetworkView;\n";

  it.each(['store', 'db', 'workers', 'i18n', 'platform', 'commands', 'ui', 'network-model'])('rejects a %s/ file that imports a feature', async (layer) => {
    expect(await rulesFiredOn(`renderer/${layer}/sample.ts`, intoFeature)).toContain(BACKSTOP);
  });

  it('rejects a feature import from deeper inside a lower layer', async () => {
    const code = "import { SendTab } from '../../features/sync/SendTab';\nexport const used = SendTab;\n";
    expect(await rulesFiredOn('renderer/db/sync/sample.ts', code)).toContain(BACKSTOP);
  });

  it.each(['store', 'db', 'i18n', 'features/network'])('rejects app/ imported from %s/', async (layer) => {
    const depth = layer.split('/').length;
    const code = `import { Workstation } from '${'../'.repeat(depth)}app/Workstation';\nexport const used = Workstation;\n`;
    expect(await rulesFiredOn(`renderer/${layer}/sample.ts`, code)).toContain(BACKSTOP);
  });

  it('rejects a feature that reaches past the database’s public face', async () => {
    const code = "import { createPerson } from '../../db/repositories/persons';\nexport const used = createPerson;\n";
    expect(await rulesFiredOn('renderer/features/people/sample.ts', code)).toContain(BACKSTOP);
  });

  it('lets a feature use the database’s public face, the store, ui/, platform/, i18n/ and another feature', async () => {
    const code = [
      "import { createPerson, useDatabase } from '../../db';",
      "import { useUiStore } from '../../store/ui-store';",
      "import { ModalDialog } from '../../ui/ModalDialog';",
      "import { getBridge } from '../../platform/bridge';",
      "import { createI18n } from '../../i18n/i18n';",
      "import { PersonPanel } from '../people/PersonPanel';",
      'export const used = [createPerson, useDatabase, useUiStore, ModalDialog, getBridge, createI18n, PersonPanel];',
      '',
    ].join('\n');
    expect(await rulesFiredOn('renderer/features/cases/sample.ts', code)).toEqual([]);
  });

  it('lets a feature’s unit test build a database with the test helpers', async () => {
    const code = "import { freshDatabase } from '../../db/test-support';\nexport const used = freshDatabase;\n";
    expect(await rulesFiredOn('renderer/features/people/sample.test.ts', code)).toEqual([]);
  });

  it('keeps ui/ and network-model/ free of the store and workers', async () => {
    const store = "import { useUiStore } from '../store/ui-store';\nexport const used = useUiStore;\n";
    expect(await rulesFiredOn('renderer/ui/sample.ts', store)).toContain(BACKSTOP);
    const worker = "import { layoutClient } from '../workers/layout-protocol';\nexport const used = layoutClient;\n";
    expect(await rulesFiredOn('renderer/network-model/sample.ts', worker)).toContain(BACKSTOP);
  });

  it('still applies the renderer’s own rules inside an inner layer', async () => {
    const code = "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n";
    expect(await rulesFiredOn('renderer/store/sample.ts', code)).toContain(BACKSTOP);
    expect(await rulesFiredOn('renderer/features/network/sample.ts', code)).toContain(BACKSTOP);
  });
});

describe('electron/main stays offline', () => {
  it.each(['node:http', 'https', 'node:net', 'http2', 'node:tls', 'dgram'])('rejects %s', async (moduleName) => {
    const rules = await rulesFiredOn('electron/main/sample.ts', `import * as socket from '${moduleName}';\nexport const used = socket;\n`);
    expect(rules).toContain(BOUNDARIES);
    expect(rules).toContain(BACKSTOP);
  });

  it('accepts the filesystem, Electron and shared/', async () => {
    const code =
      "import { readFile } from 'node:fs/promises';\nimport { app } from 'electron';\nimport { CASE_TABLES } from '../../shared/model/tables';\nexport const used = [readFile, app, CASE_TABLES];\n";
    expect(await rulesFiredOn('electron/main/sample.ts', code)).toEqual([]);
  });

  it('rejects a relative import into renderer/', async () => {
    const rules = await rulesFiredOn('electron/main/sample.ts', "import { openCase } from '../../renderer/x';\nexport const used = openCase;\n");
    expect(rules).toContain(BACKSTOP);
  });
});

describe('electron/utility is Node like main, offline, and never reaches the renderer', () => {
  it('accepts Node, shared/, the shared Node modules and the crypto adapters', async () => {
    const code =
      "import { open } from 'node:fs/promises';\nimport { encryptStream } from '../../shared/bundle/age-layer';\nimport { tempFileStage } from '../node/staged-file';\nimport { chacha20poly1305 } from '../crypto/node-aead';\nexport const used = [open, encryptStream, tempFileStage, chacha20poly1305];\n";
    expect(await rulesFiredOn('electron/utility/sample.ts', code)).toEqual([]);
  });

  it('rejects a relative import into renderer/', async () => {
    const rules = await rulesFiredOn('electron/utility/sample.ts', "import { blobStage } from '../../renderer/workers/blob-stage';\nexport const used = blobStage;\n");
    expect(rules).toContain(BOUNDARIES);
    expect(rules).toContain(BACKSTOP);
  });

  it('rejects main’s modules: the utility answers messages, it does not open windows or dialogs', async () => {
    const rules = await rulesFiredOn('electron/utility/sample.ts', "import { createLargeFiles } from '../main/ipc/large-files';\nexport const used = createLargeFiles;\n");
    expect(rules).toContain(BOUNDARIES);
    expect(rules).toContain(BACKSTOP);
  });

  it.each(['node:https', 'net'])('rejects %s', async (moduleName) => {
    const rules = await rulesFiredOn('electron/utility/sample.ts', `import * as socket from '${moduleName}';\nexport const used = socket;\n`);
    expect(rules).toContain(BOUNDARIES);
    expect(rules).toContain(BACKSTOP);
  });

  it('lets main and the CLI use the shared Node modules, and main the utility’s protocol', async () => {
    const main = "import { createExclusive } from '../node/node-files';\nimport { parseCryptoRequest } from '../utility/protocol';\nexport const used = [createExclusive, parseCryptoRequest];\n";
    expect(await rulesFiredOn('electron/main/sample.ts', main)).toEqual([]);
    const cli = "import { tempFileStage } from '../node/staged-file';\nexport const used = tempFileStage;\n";
    expect(await rulesFiredOn('electron/cli/sample.ts', cli)).toEqual([]);
  });
});

describe('code rules', () => {
  it('rejects Math.random, eval and new Function', async () => {
    const code = "export const roll = Math.random();\nexport const run = new Function('return 1');\neval('1');\n";
    const rules = await rulesFiredOn('shared/sample.ts', code);
    expect(rules).toEqual(expect.arrayContaining(['no-restricted-properties', 'no-new-func', 'no-eval']));
  });

  it('rejects dangerouslySetInnerHTML', async () => {
    const code = "export const Note = ({ text }: { text: string }) => <p dangerouslySetInnerHTML={{ __html: text }} />;\n";
    expect(await rulesFiredOn('renderer/sample.tsx', code)).toContain('no-restricted-syntax');
  });

  it('rejects a hook called conditionally in the renderer', async () => {
    const code =
      "import { useState } from 'react';\nexport function Panel({ open }: { open: boolean }) {\n  if (open) useState(0);\n  return null;\n}\n";
    expect(await rulesFiredOn('renderer/sample.tsx', code)).toContain('react-hooks/rules-of-hooks');
  });
});

describe('e2e tests', () => {
  it('must take test from the guarded fixtures, not straight from Playwright', async () => {
    const code = "import { test } from '@playwright/test';\ntest('opens', async () => {});\n";
    expect(await rulesFiredOn('test/e2e/sample.spec.ts', code)).toContain(BACKSTOP);
    const guarded = "import { test } from './fixtures';\ntest('opens', async () => {});\n";
    expect(await rulesFiredOn('test/e2e/sample.spec.ts', guarded)).toEqual([]);
  });
});
