// `npm start` / `npm run web`: runs the TypeScript launcher (electron/launch/main.ts) through tsx.
// The decisions live in launch-plan.ts, which is unit-tested.
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

process.chdir(fileURLToPath(new URL('../..', import.meta.url)));
try {
  await tsImport('./main.ts', import.meta.url);
} catch (error) {
  console.error(`Vigía could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
