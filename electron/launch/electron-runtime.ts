import nodePath from 'node:path';

export type RuntimeLookup =
  | { found: true; executable: string }
  | { found: false; reason: string; canDownload: boolean };

export interface RuntimeLookupDeps {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** Folder of the installed `electron` package, or undefined when it is not installed. */
  electronPackageDir: string | undefined;
  exists(filePath: string): boolean;
  readText(filePath: string): string | undefined;
}

/** Where the executable sits inside an Electron distribution, as the electron package writes it. */
export function executableInDistribution(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/**
 * Finds an Electron runtime the way the electron package does: ELECTRON_OVERRIDE_DIST_PATH first,
 * then the binary the package downloaded into its dist/ folder. Never downloads anything itself.
 */
export function findElectronRuntime(deps: RuntimeLookupDeps): RuntimeLookup {
  const packageDir = deps.electronPackageDir;
  const recorded = packageDir === undefined ? undefined : deps.readText(nodePath.join(packageDir, 'path.txt'))?.trim();
  const executable = recorded || executableInDistribution(deps.platform);

  const override = deps.env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const candidate = nodePath.join(override, executable);
    return deps.exists(candidate)
      ? { found: true, executable: candidate }
      : { found: false, reason: `no Electron at ELECTRON_OVERRIDE_DIST_PATH (${candidate})`, canDownload: false };
  }
  if (packageDir === undefined) {
    return { found: false, reason: 'the electron package is not installed', canDownload: false };
  }
  const downloaded = nodePath.join(packageDir, 'dist', executable);
  if (recorded && deps.exists(downloaded)) return { found: true, executable: downloaded };
  return { found: false, reason: 'Electron binary not downloaded', canDownload: true };
}

/** Turns the downloader's output into a few words for the one-line notice. */
export function downloadFailureReason(stderr: string, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `download timed out after ${Math.round(timeoutMs / 1000)} s`;
  const firstLine = stderr
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.length > 0);
  if (!firstLine) return 'download failed';
  const short = firstLine.length > 80 ? `${firstLine.slice(0, 77)}...` : firstLine;
  return `download failed: ${short}`;
}
