/**
 * How the report's own page (a new tab, or the desktop's hidden print window) gets the vault key: the
 * window that opened it offers the key for that report only, for two minutes, on a channel of this
 * origin; the report page asks with the report's address and a random nonce. Only pages of Vigía's
 * own origin can listen on it, and they could read the keys' database anyway; nothing leaves the
 * machine. The alternative, typing the passphrase again in a window that prints hidden, cannot work.
 */
const CHANNEL = 'vigia-report-key';
const OFFER_MS = 120_000;

type ReportKeyMessage = { type: 'request'; hash: string; nonce: string } | { type: 'key'; hash: string; nonce: string; vaultKey: Uint8Array };

/** Offers the key to the report at `hash` until it asks once, or the offer lapses. Returns a way to withdraw it. */
export function offerKeyToReport(hash: string, vaultKey: Uint8Array): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  const withdraw = () => {
    window.clearTimeout(timer);
    channel.close();
  };
  const timer = window.setTimeout(withdraw, OFFER_MS);
  channel.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = event.data as Partial<ReportKeyMessage> | null;
    if (message?.type !== 'request' || message.hash !== hash || typeof message.nonce !== 'string') return;
    channel.postMessage({ type: 'key', hash, nonce: message.nonce, vaultKey } satisfies ReportKeyMessage);
    withdraw();
  });
  return withdraw;
}

/** The report page's side: the key its opener offers for this report, or an error after `timeoutMs`. */
export function requestKeyForReport(hash: string, timeoutMs = 15_000): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const channel = new BroadcastChannel(CHANNEL);
    const nonce = crypto.randomUUID();
    const timer = window.setTimeout(() => {
      channel.close();
      reject(new Error('no unlocked Vigía window offered this report'));
    }, timeoutMs);
    channel.addEventListener('message', (event: MessageEvent<unknown>) => {
      const message = event.data as Partial<ReportKeyMessage> | null;
      if (message?.type !== 'key' || message.hash !== hash || message.nonce !== nonce) return;
      if (!(message.vaultKey instanceof Uint8Array) || message.vaultKey.length !== 32) return;
      window.clearTimeout(timer);
      channel.close();
      resolve(message.vaultKey);
    });
    channel.postMessage({ type: 'request', hash, nonce } satisfies ReportKeyMessage);
  });
}
