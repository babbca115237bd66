export const DEFAULT_PORT = 5174;

export type PortChoice = { ok: true; port: number } | { ok: false; message: string };

/** The browser-mode port: VIGIA_PORT when it is a valid port number, else 5174. */
export function browserModePort(env: Readonly<Record<string, string | undefined>>): PortChoice {
  const raw = env['VIGIA_PORT'];
  if (raw === undefined || raw.trim() === '') return { ok: true, port: DEFAULT_PORT };
  const port = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(port) || port < 1 || port > 65535) {
    return { ok: false, message: `VIGIA_PORT must be a port number from 1 to 65535 (got "${raw}").` };
  }
  return { ok: true, port };
}
