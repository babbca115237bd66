import type { RuntimeLookup } from './electron-runtime';
import { choosePort, DEFAULT_PORT } from './port';

export type DownloadOutcome = { ok: true } | { ok: false; reason: string };

export interface LaunchDeps {
  args: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  log(line: string): void;
  findRuntime(): RuntimeLookup;
  downloadRuntime(): Promise<DownloadOutcome>;
  electronBuildIsStale(): boolean;
  buildElectron(): Promise<void>;
  /** Runs the workstation until it quits; resolves with its exit code. */
  runElectron(executable: string): Promise<number>;
  webBuildIsStale(): boolean;
  buildWeb(): Promise<void>;
  /** Whether nothing listens on 127.0.0.1:port now. */
  isPortFree(port: number): Promise<boolean>;
  /** Starts the local server on 127.0.0.1 and resolves with its address. */
  serveWeb(port: number): Promise<string>;
}

export type LaunchOutcome =
  | { mode: 'electron'; exitCode: number }
  | { mode: 'browser'; url: string }
  | { mode: 'refused'; message: string };

export const BROWSER_MODE_FLAG = '--web';

/**
 * `npm start`: the Electron workstation when a runtime is there (or can be fetched now), otherwise
 * one line saying why and the same renderer in browser mode. `--web` goes straight to browser mode.
 */
export async function startVigia(deps: LaunchDeps): Promise<LaunchOutcome> {
  if (!deps.args.includes(BROWSER_MODE_FLAG)) {
    let runtime = deps.findRuntime();
    if (!runtime.found && runtime.canDownload) {
      const download = await deps.downloadRuntime();
      runtime = download.ok ? deps.findRuntime() : { found: false, reason: download.reason, canDownload: false };
    }
    if (runtime.found) {
      if (deps.electronBuildIsStale()) await deps.buildElectron();
      return { mode: 'electron', exitCode: await deps.runElectron(runtime.executable) };
    }
    deps.log(`Electron runtime not available (${runtime.reason}); starting browser mode.`);
  }

  const port = await choosePort(deps.env, deps.isPortFree);
  if (!port.ok) return { mode: 'refused', message: port.message };
  if (port.port !== DEFAULT_PORT && (deps.env['VIGIA_PORT'] ?? '').trim() === '') deps.log(`Port ${DEFAULT_PORT} is in use; using ${port.port}.`);
  if (deps.webBuildIsStale()) await deps.buildWeb();
  const url = await deps.serveWeb(port.port);
  deps.log(`Vigía (browser mode): ${url}`);
  return { mode: 'browser', url };
}
