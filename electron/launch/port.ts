export const DEFAULT_PORT = 5174;
/** How many ports after the default browser mode tries before giving up. */
export const PORT_TRIES = 20;

export type PortChoice = { ok: true; port: number } | { ok: false; message: string };

/** The browser-mode port asked for: VIGIA_PORT when it is a valid port number, else 5174. */
export function browserModePort(env: Readonly<Record<string, string | undefined>>): PortChoice {
  const raw = env['VIGIA_PORT'];
  if (raw === undefined || raw.trim() === '') return { ok: true, port: DEFAULT_PORT };
  const port = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(port) || port < 1 || port > 65535) {
    return { ok: false, message: `VIGIA_PORT must be a port number from 1 to 65535 (got "${raw}").` };
  }
  return { ok: true, port };
}

/**
 * The port to serve on. The default one may be held by another copy of Vigía or another program:
 * then the next free one, so `npm start` still opens. A port the analyst named (VIGIA_PORT) is
 * taken as it is or refused with a reason, never silently changed.
 */
export async function choosePort(
  env: Readonly<Record<string, string | undefined>>,
  isFree: (port: number) => Promise<boolean>,
): Promise<PortChoice> {
  const asked = browserModePort(env);
  if (!asked.ok) return asked;
  const named = (env['VIGIA_PORT'] ?? '').trim() !== '';
  if (named) {
    return (await isFree(asked.port)) ? asked : { ok: false, message: `Port ${asked.port} (VIGIA_PORT) is in use: choose another one or stop what holds it.` };
  }
  for (let port = asked.port; port < asked.port + PORT_TRIES && port <= 65535; port++) {
    if (await isFree(port)) return { ok: true, port };
  }
  return { ok: false, message: `Ports ${asked.port} to ${asked.port + PORT_TRIES - 1} are all in use: set VIGIA_PORT to a free port.` };
}
