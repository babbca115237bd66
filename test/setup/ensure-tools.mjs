#!/usr/bin/env node
// Makes sure the programs the tests run exist, installing Debian's packages when we can.
// `node test/setup/ensure-tools.mjs` on its own, or `ensureTools()` from run-all.mjs, which passes the
// resolved Chromium to Playwright through VIGIA_CHROMIUM.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What the tests need. `candidates` are absolute paths or command names looked up on PATH; the
 * first that is an executable file wins. To add a tool, add an entry here and say in docs/testing.md
 * which test needs it.
 */
export const REQUIRED_TOOLS = [
  {
    name: 'Chromium',
    neededFor: 'the Playwright e2e suite',
    env: 'VIGIA_CHROMIUM',
    candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser', 'chromium', 'chromium-browser'],
    aptPackages: ['chromium'],
  },
  {
    name: 'age',
    neededFor: 'bundle interop tests',
    candidates: ['age'],
    aptPackages: ['age'],
  },
  {
    name: 'age-keygen',
    neededFor: 'bundle interop tests',
    candidates: ['age-keygen'],
    aptPackages: ['age'],
  },
  {
    name: 'minisign',
    neededFor: 'bundle signature interop tests',
    candidates: ['minisign'],
    aptPackages: ['minisign'],
  },
  {
    name: 'unzip',
    neededFor: 'bundle interop tests',
    candidates: ['unzip'],
    aptPackages: ['unzip'],
  },
  {
    name: 'python3-networkx',
    neededFor: 'export interop tests (networkx reads our GraphML and computes PageRank)',
    // Debian's Python, where apt installs networkx 2.8; a python3 earlier on PATH may be another one.
    // networkx 2.8's pagerank runs on SciPy (and NumPy), which apt does not install with networkx
    // when recommends are left out: without them a fresh machine failed the PageRank comparison.
    candidates: ['/usr/bin/python3'],
    pythonModule: 'networkx, numpy, scipy',
    aptPackages: ['python3', 'python3-networkx', 'python3-numpy', 'python3-scipy'],
  },
  {
    name: 'poppler-utils',
    neededFor: 'the case report e2e (pdftotext, pdfinfo and pdffonts read the printed PDF)',
    candidates: ['pdftotext'],
    aptPackages: ['poppler-utils'],
  },
];

/** Extra tools for `npm run bench` only: the analytics bench compares against igraph (C). */
export const BENCH_TOOLS = [
  {
    name: 'python3-igraph',
    neededFor: 'the analytics benchmark baseline',
    candidates: ['/usr/bin/python3'],
    pythonModule: 'igraph',
    aptPackages: ['python3', 'python3-igraph'],
  },
];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first candidate that exists as an executable, or undefined. */
function findExecutable(candidates) {
  const searchPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const candidate of candidates) {
    if (isAbsolute(candidate)) {
      if (isExecutable(candidate)) return candidate;
      continue;
    }
    for (const folder of searchPath) {
      const path = join(folder, candidate);
      if (isExecutable(path)) return path;
    }
  }
  return undefined;
}

/** Whether `python` can import `module` (Debian's python3-* packages load under /usr/bin/python3). */
function canImport(python, module) {
  return spawnSync(python, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

/** Where a tool is: the path named by its environment variable wins, then its usual places. */
function locate(tool) {
  const fromEnvironment = tool.env ? process.env[tool.env] : undefined;
  if (fromEnvironment) {
    if (isExecutable(fromEnvironment)) return fromEnvironment;
    throw new ToolError(`${tool.env}=${fromEnvironment} is not an executable file: fix or unset ${tool.env}.`);
  }
  const path = findExecutable(tool.candidates);
  if (path && tool.pythonModule && !canImport(path, tool.pythonModule)) return undefined;
  return path;
}

export class ToolError extends Error {}

function canInstallWithApt() {
  return process.platform === 'linux' && process.getuid?.() === 0 && findExecutable(['apt-get']) !== undefined;
}

function aptGet(args) {
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) throw new ToolError(`apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
}

function instruction(missing) {
  const packages = [...new Set(missing.flatMap((tool) => tool.aptPackages))].join(' ');
  const names = missing.map((tool) => tool.name).join(', ');
  const chromiumHint = missing.some((tool) => tool.env === 'VIGIA_CHROMIUM') ? ' (or set VIGIA_CHROMIUM to a Chromium executable)' : '';
  return `Missing ${names}: install them (Debian/Ubuntu: sudo apt-get install ${packages})${chromiumHint}, then run npm test again.`;
}

/**
 * Finds every required tool, installing the missing ones with apt-get when we are root on Debian.
 * Returns a map from tool name to its path. Throws a ToolError with a one-line instruction otherwise.
 */
export function ensureTools(tools = REQUIRED_TOOLS, { canInstall = canInstallWithApt() } = {}) {
  const found = new Map();
  let missing = [];
  for (const tool of tools) {
    const path = locate(tool);
    if (path) found.set(tool.name, path);
    else missing.push(tool);
  }
  if (missing.length === 0) return found;

  if (!canInstall) throw new ToolError(instruction(missing));
  for (const tool of missing) {
    console.log(`${tool.name} not found: installing Debian's ${tool.aptPackages.join(' ')} with apt-get…`);
  }
  aptGet(['update']);
  aptGet(['install', '-y', '--no-install-recommends', ...new Set(missing.flatMap((tool) => tool.aptPackages))]);

  const stillMissing = [];
  for (const tool of missing) {
    const path = locate(tool);
    if (path) found.set(tool.name, path);
    else stillMissing.push(tool);
  }
  missing = stillMissing;
  if (missing.length > 0) throw new ToolError(`apt-get finished but ${instruction(missing)}`);
  return found;
}

/** Runs ensureTools and exports the Chromium it found for Playwright; exits 1 with one line on failure. */
export function ensureToolsOrExit(tools = REQUIRED_TOOLS) {
  try {
    const found = ensureTools(tools);
    const chromium = found.get('Chromium');
    if (chromium) process.env.VIGIA_CHROMIUM = chromium;
    return found;
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const found = ensureToolsOrExit();
  console.log(`Test tools ready: ${[...found.keys()].join(', ')}.`);
}
