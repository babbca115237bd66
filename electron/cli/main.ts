/**
 * `npm run --silent cli -- <command>`: the Node command line for the officer at the transfer station
 * and for analysts with CSV exports. The same shared/ code as the workstation; exit 0 on success,
 * non-zero with a one-line reason otherwise.
 */
import { readFile } from 'node:fs/promises';
import { nodeIo } from './commands/cli-io';
import { runMetrics } from './commands/metrics';

const USAGE = [
  'usage: vigia <command> [options]',
  '  metrics --persons P.csv --links L.csv [--json]        centrality and communities of a network',
  '  keygen --out KEYFILE                                  a new analyst identity (age + signing key)',
  '  bundle create|inspect|verify|extract …                encrypted, signed case bundles',
  '  import --spec SPEC.json (--out DIR | --into DIR) FILE… spreadsheets into a case folder',
  '  recover REQUEST --identity UNIT_KEYFILE                the recovery code in a workstation\'s recovery request',
  '  export (--demo | --input DIR | BUNDLE --identity KEYFILE) --format graphml|gexf|csv --out PATH [--as-of DATE]',
].join('\n');

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'metrics':
      return runMetrics(rest, {
        readFile: (path) => readFile(path, 'utf8'),
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
      });
    case 'keygen': {
      const { runKeygen } = await import('./commands/keygen');
      return runKeygen(rest, nodeIo);
    }
    case 'bundle': {
      const { runBundle } = await import('./commands/bundle');
      return runBundle(rest, nodeIo);
    }
    case 'import': {
      const { runImport } = await import('./commands/import');
      return runImport(rest, nodeIo);
    }
    case 'recover': {
      const { runRecover } = await import('./commands/recover');
      return runRecover(rest, nodeIo);
    }
    case 'export': {
      const { runExport } = await import('./commands/export');
      return runExport(rest, nodeIo);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`error: unknown command '${command}'\n${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not a user error: say so in one line rather than dumping a stack trace on the officer.
    process.stderr.write(`error: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
