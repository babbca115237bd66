import { parseArgs } from 'node:util';
import { describeBundleError } from '../../../shared/bundle/errors';
import { openBundle, type OpenedBundle } from '../../../shared/bundle/read';
import { attachmentsFromMap, writeBundleStream, type BundleContents } from '../../../shared/bundle/write';
import type { BundleEncryption } from '../../../shared/bundle/age-layer';
import type { BundleFile } from '../../../shared/bundle/staged-plaintext';
import { DEFAULT_DEMO_SEED, DEFAULT_DEMO_SIZE, generateDemoCase, isDemoSize, MAX_DEMO_SIZE, MIN_DEMO_SIZE } from '../../../shared/demo';
import { AGE_RECIPIENT_PATTERN } from '../../../shared/identity/contact-card';
import { decodeMinisignPublicKey } from '../../../shared/identity/signing-key';
import { CASE_TABLE_NAMES, type CaseSnapshot } from '../../../shared/model/tables';
import { MARKINGS, type Marking } from '../../../shared/model/vocabulary';
import { loadKeyfile, loadPassphrase } from './bundle-keys';
import { readBundleFolder, writeBundleFolder } from './bundle-folder';
import { failWith, nodeBundleCodecs, type CliIo } from './cli-io';

export const BUNDLE_USAGE = [
  'usage: bundle create (--demo [--size N] [--seed S] | --input DIR) (--recipient AGE_RECIPIENT... | --passphrase-file F) --sign KEYFILE --out FILE [--marking M]',
  '       bundle inspect FILE --identity KEYFILE',
  '       bundle verify FILE --identity KEYFILE [--trust SIGNING_PUBKEY...]',
  '       bundle extract FILE --identity KEYFILE --out DIR',
].join('\n');

/** The demo generator (shared/demo); tests inject a small fixture instead. */
export type DemoCaseGenerator = (options: { size: number; today: string; seed: number }) => CaseSnapshot;

export interface BundleCommandDeps {
  generateDemoCase?: DemoCaseGenerator;
}

const defaultDeps: BundleCommandDeps = { generateDemoCase };

const usage = (io: CliIo) => failWith(io, BUNDLE_USAGE.split('\n')[0]!.replace('usage: bundle create', 'usage: bundle (create|inspect|verify|extract) …; see README: bundle create'), 2);

export async function runBundle(argv: string[], io: CliIo, deps: BundleCommandDeps = defaultDeps): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    switch (sub) {
      case 'create':
        return await create(rest, io, deps);
      case 'inspect':
      case 'verify':
      case 'extract':
        return await open(sub, rest, io);
      default:
        return usage(io);
    }
  } catch (error) {
    // Only programming errors and I/O failures get here; still one line, no stack trace.
    return failWith(io, `unexpected (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function create(argv: string[], io: CliIo, deps: BundleCommandDeps): Promise<number> {
  let values: {
    demo?: boolean;
    size?: string;
    seed?: string;
    input?: string;
    recipient?: string[];
    'passphrase-file'?: string;
    sign?: string;
    out?: string;
    marking?: string;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        demo: { type: 'boolean' },
        size: { type: 'string' },
        seed: { type: 'string' },
        input: { type: 'string' },
        recipient: { type: 'string', multiple: true },
        'passphrase-file': { type: 'string' },
        sign: { type: 'string' },
        out: { type: 'string' },
        marking: { type: 'string' },
      },
    }));
  } catch {
    return usage(io);
  }
  const recipients = values.recipient ?? [];
  if (!values.sign || !values.out || Boolean(values.demo) === Boolean(values.input)) return usage(io);
  if ((recipients.length > 0) === Boolean(values['passphrase-file'])) return usage(io);
  const badRecipient = recipients.find((r) => !AGE_RECIPIENT_PATTERN.test(r));
  if (badRecipient) return failWith(io, `invalid_recipient (recipient=${badRecipient}): use an X25519 age1… recipient`, 2);
  if (values.marking && !(MARKINGS as readonly string[]).includes(values.marking)) return failWith(io, `invalid_marking (marking=${values.marking})`, 2);

  const sender = await loadKeyfile(io, values.sign);
  if (!sender.ok) return failWith(io, sender.reason);
  let encryption: BundleEncryption;
  if (values['passphrase-file']) {
    const passphrase = await loadPassphrase(io, values['passphrase-file']);
    if (!passphrase.ok) return failWith(io, passphrase.reason);
    encryption = { mode: 'passphrase', passphrase: passphrase.value };
  } else {
    encryption = { mode: 'recipients', recipients };
  }

  let contents: BundleContents;
  if (values.demo) {
    if (!deps.generateDemoCase) return failWith(io, 'demo_unavailable: this build has no demo generator');
    const size = Number(values.size ?? DEFAULT_DEMO_SIZE);
    const seed = Number(values.seed ?? DEFAULT_DEMO_SEED);
    if (!isDemoSize(size)) return failWith(io, `invalid_size (size=${values.size}): from ${MIN_DEMO_SIZE} to ${MAX_DEMO_SIZE}`, 2);
    if (!Number.isInteger(seed)) return failWith(io, `invalid_seed (seed=${values.seed})`, 2);
    const snapshot = deps.generateDemoCase({ size, seed, today: io.now().toISOString().slice(0, 10) });
    contents = { snapshot, audit: [], attachments: attachmentsFromMap(new Map()) };
  } else {
    const folder = await readBundleFolder(io, values.input!);
    if (!folder.ok) return failWith(io, folder.reason);
    contents = folder.value;
  }

  const marking = (values.marking as Marking | undefined) ?? contents.snapshot.cases[0]?.marking;
  if (!marking) return failWith(io, 'marking_required: the records carry no case; pass --marking');
  if (CASE_TABLE_NAMES.every((t) => contents.snapshot[t].length === 0)) {
    return failWith(io, 'no_records');
  }

  const { manifest, stream } = await writeBundleStream(contents, {
    sender: sender.value,
    encryption,
    scope: 'case',
    marking,
    now: io.now(),
    ...nodeBundleCodecs,
  });
  try {
    await io.writeStream(values.out, stream);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // attachment_hash_mismatch:<sha> — a local file does not match its record: say which.
    const [code, sha] = reason.split(':');
    return failWith(io, sha && code?.startsWith('attachment_') ? `${code} (sha256=${sha})` : `cannot_write (path=${values.out})`);
  }
  const counts = Object.entries(manifest.counts)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
  io.stdout(`bundle ${manifest.bundleId} written to ${values.out}: ${counts}; marking ${manifest.marking}`);
  return 0;
}

async function open(command: 'inspect' | 'verify' | 'extract', argv: string[], io: CliIo): Promise<number> {
  let values: { identity?: string; trust?: string[]; out?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        identity: { type: 'string' },
        trust: { type: 'string', multiple: true },
        out: { type: 'string' },
      },
    }));
  } catch {
    return usage(io);
  }
  const [file] = positionals;
  if (positionals.length !== 1 || !file || !values.identity) return usage(io);
  if (command === 'extract' && !values.out) return usage(io);
  if (command !== 'verify' && values.trust) return usage(io);
  const badKey = (values.trust ?? []).find((k) => !decodeMinisignPublicKey(k));
  if (badKey) return failWith(io, `invalid_signing_key (key=${badKey})`, 2);

  const me = await loadKeyfile(io, values.identity);
  if (!me.ok) return failWith(io, me.reason);
  let source: Uint8Array | BundleFile;
  try {
    source = io.bundleFile ? await io.bundleFile(file) : await io.readFile(file);
  } catch {
    return failWith(io, `cannot_read_bundle (path=${file})`);
  }
  const opened = await openBundle(source, {
    key: { identity: me.value.ageIdentity },
    trustedSigningKeys: [me.value.signingKey, ...(values.trust ?? [])],
    // inspect and extract show who signed (with the fingerprint to compare); verify insists on trust.
    allowUntrustedSigner: command !== 'verify',
    ...nodeBundleCodecs,
    ...(io.stage ? { stage: io.stage } : {}),
  });
  if (!opened.ok) return failWith(io, describeBundleError(opened.error));

  const bundle = opened.value;
  try {
    if (command === 'inspect') {
      for (const line of summary(bundle)) io.stdout(line);
    } else if (command === 'verify') {
      const records = CASE_TABLE_NAMES.reduce((n, t) => n + bundle.snapshot[t].length, 0);
      io.stdout(
        `verified: bundle ${bundle.manifest.bundleId} from ${bundle.signer.name} (${bundle.signer.fingerprint}): signature, ${bundle.manifest.entries.length} entries and ${records} records checked`,
      );
    } else {
      await writeBundleFolder(io, values.out!, bundle);
      io.stdout(`extracted ${bundle.paths.length} entries to ${values.out} (${signerLine(bundle)})`);
    }
  } finally {
    // The staged plaintext is a temporary file of the decrypted case: gone as soon as we are done.
    await bundle.plaintext.discard();
  }
  return 0;
}

function signerLine(bundle: OpenedBundle): string {
  const { name, fingerprint, trusted } = bundle.signer;
  return `signed by ${name}, fingerprint ${fingerprint}, ${trusted ? 'trusted' : 'NOT TRUSTED: compare the fingerprint with the sender'}`;
}

function summary(bundle: OpenedBundle): string[] {
  const m = bundle.manifest;
  const attachmentBytes = [...bundle.attachments.values()].reduce((n, a) => n + a.size, 0);
  return [
    `bundle: ${m.bundleId} (${m.format} v${m.version}, scope ${m.scope})`,
    `created: ${m.createdAt}`,
    `sender: ${signerLine(bundle)}; signing key ${m.sender.signingKey}`,
    `recipients: ${m.encryption.mode === 'passphrase' ? 'passphrase' : m.encryption.recipients.map((r) => (r.name ? `${r.name} <${r.ageRecipient}>` : r.ageRecipient)).join(', ')}`,
    `marking: ${m.marking}${m.synthetic ? ' (synthetic data)' : ''}`,
    `cases: ${m.caseIds.join(', ')}`,
    `clock: ${m.clock ? `${m.clock.from} … ${m.clock.to}` : 'none'}`,
    `records: ${CASE_TABLE_NAMES.map((t) => `${t} ${bundle.snapshot[t].length}`).join(', ')}`,
    `audit entries: ${bundle.audit.length}`,
    `attachments: ${bundle.attachments.size} (${attachmentBytes} bytes)`,
  ];
}
