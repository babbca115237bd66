/**
 * The unlocked key file of this session, in memory only: never in the store, never in the database.
 * Unlocking asks for the passphrase (or the OS keychain) once per session; closing the window forgets it.
 */
let keyfileText: string | undefined;

export function sessionKey(): string | undefined {
  return keyfileText;
}

export function rememberSessionKey(text: string | undefined): void {
  keyfileText = text;
}
