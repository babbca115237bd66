export interface RequiredTool {
  name: string;
  neededFor: string;
  /** An environment variable that names the executable and wins over `candidates`. */
  env?: string;
  /** Absolute paths or command names looked up on PATH, in order of preference. */
  candidates: string[];
  /** For a Python interpreter: a module it must be able to import. */
  pythonModule?: string;
  aptPackages: string[];
}

export const REQUIRED_TOOLS: RequiredTool[];
export const BENCH_TOOLS: RequiredTool[];

export class ToolError extends Error {}

export function ensureTools(tools?: RequiredTool[], options?: { canInstall?: boolean }): Map<string, string>;

export function ensureToolsOrExit(tools?: RequiredTool[]): Map<string, string>;
