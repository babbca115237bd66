import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeBundleError } from '../../../shared/bundle/errors';
import { openBundle } from '../../../shared/bundle/read';
import { DEFAULT_DEMO_SEED, DEFAULT_DEMO_SIZE, generateDemoCase, isDemoSize, MAX_DEMO_SIZE, MIN_DEMO_SIZE } from '../../../shared/demo';
import { csvFiles, exportedNetwork, gexfChunks, graphmlChunks, type ExportedNetwork } from '../../../shared/export';
import { isIsoDate, MARKINGS, markingsFrom, type CaseSnapshot, type Marking } from '../../../shared/model';
import { releaseCase, type Release } from '../../../shared/release';
import type { DemoCaseGenerator } from './bundle';
import { readBundleFolder } from './bundle-folder';
import { loadKeyfile } from './bundle-keys';
import { failWith, nodeBundleCodecs, type CliIo } from './cli-io';

export const EXPORT_USAGE =
  'usage: export (--demo [--size N] [--seed S] | --input DIR | BUNDLE --identity KEYFILE) --format graphml|gexf|csv --out PATH [--as-of YYYY-MM-DD] [--case ID] [--prisons-as-nodes] [--gexf-version 1.2|1.3] [--release-up-to MARKING]';

export const EXPORT_FORMATS = ['graphml', 'gexf', 'csv'] as const;

export interface ExportCommandDeps {
  generateDemoCase?: DemoCaseGenerator;
}

/**
 * `vigia export`: a case as GraphML or GEXF (one file) or CSV (a folder of tables), written by the same
 * shared/export code as the workstation, streamed to disk element by element. Exit codes as every
 * command: 0 written, 1 a problem with the input, 2 a wrong command line.
 */
export async function runExport(argv: string[], io: CliIo, deps: ExportCommandDeps = { generateDemoCase }): Promise<number> {
  let values: { demo?: boolean; size?: string; seed?: string; input?: string; identity?: string; format?: string; out?: string; 'as-of'?: string; case?: string; 'prisons-as-nodes'?: boolean; 'gexf-version'?: string; 'release-up-to'?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        demo: { type: 'boolean' },
        size: { type: 'string' },
        seed: { type: 'string' },
        input: { type: 'string' },
        identity: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        'as-of': { type: 'string' },
        case: { type: 'string' },
        'prisons-as-nodes': { type: 'boolean' },
        'gexf-version': { type: 'string' },
        'release-up-to': { type: 'string' },
      },
    }));
  } catch {
    return failWith(io, EXPORT_USAGE, 2);
  }
  const sources = [values.demo, values.input, positionals.length > 0].filter(Boolean).length;
  if (sources !== 1 || positionals.length > 1 || !values.out || !values.format) return failWith(io, EXPORT_USAGE, 2);
  if (positionals.length === 1 && !values.identity) return failWith(io, EXPORT_USAGE, 2);
  if (!(EXPORT_FORMATS as readonly string[]).includes(values.format)) return failWith(io, `invalid_format (format=${values.format}): graphml, gexf or csv`, 2);
  const gexfVersion = values['gexf-version'] ?? '1.2';
  if (gexfVersion !== '1.2' && gexfVersion !== '1.3') return failWith(io, `invalid_gexf_version (gexf-version=${gexfVersion}): 1.2 or 1.3`, 2);
  const asOf = values['as-of'];
  if (asOf !== undefined && !isIsoDate(asOf)) return failWith(io, `invalid_date (as-of=${asOf}): YYYY-MM-DD`, 2);
  const upTo = values['release-up-to'];
  if (upTo !== undefined && !(MARKINGS as readonly string[]).includes(upTo)) return failWith(io, `invalid_marking (release-up-to=${upTo}): one of ${MARKINGS.join(', ')}`, 2);
  const today = io.now().toISOString().slice(0, 10);

  const loaded = await loadSnapshot(io, deps, values, positionals[0], today);
  if (!loaded.ok) return failWith(io, loaded.reason, loaded.code);
  const { snapshot, discard } = loaded;
  try {
    const live = snapshot.cases.filter((c) => !c.deleted && (!values.case || c.id === values.case));
    if (live.length === 0) return failWith(io, values.case ? `unknown_case (case=${values.case})` : 'no_case: the records hold no case');
    if (live.length > 1) return failWith(io, `several_cases (${live.map((c) => c.id).join(', ')}): pass --case ID`);
    const caseId = live[0]!.id;
    const level = upTo as Marking | undefined;
    if (level && !markingsFrom(live[0]!.marking).includes(level)) {
      return failWith(io, `release_below_case (release-up-to=${level}): the case is ${live[0]!.marking}; release at ${markingsFrom(live[0]!.marking).join(', ')}`, 2);
    }
    const release = level ? releaseCase(snapshot, caseId, level) : undefined;
    const network = exportedNetwork(release?.snapshot ?? snapshot, caseId, { exportedOn: today, ...(asOf ? { asOf } : {}) });
    if (release) io.stdout(withheldLine(release));
    try {
      if (values.format === 'graphml') {
        await io.writeStream(values.out, streamOf(graphmlChunks(network, { prisonsAsNodes: Boolean(values['prisons-as-nodes']) })));
      } else if (values.format === 'gexf') {
        await io.writeStream(values.out, streamOf(gexfChunks(network, gexfVersion)));
      } else {
        await io.mkdir(values.out);
        for (const file of csvFiles(network)) await io.writeStream(join(values.out, file.name), streamOf(file.chunks()));
      }
    } catch {
      return failWith(io, `cannot_write (path=${values.out})`);
    }
    io.stdout(summary(network, values.format, values.out));
    return 0;
  } finally {
    await discard();
  }
}

type LoadedSnapshot = { ok: true; snapshot: CaseSnapshot; discard(): Promise<void> } | { ok: false; reason: string; code: number };

async function loadSnapshot(
  io: CliIo,
  deps: ExportCommandDeps,
  values: { demo?: boolean; size?: string; seed?: string; input?: string; identity?: string },
  bundlePath: string | undefined,
  today: string,
): Promise<LoadedSnapshot> {
  const nothing = async () => {};
  if (values.demo) {
    if (!deps.generateDemoCase) return { ok: false, reason: 'demo_unavailable: this build has no demo generator', code: 1 };
    const size = Number(values.size ?? DEFAULT_DEMO_SIZE);
    const seed = Number(values.seed ?? DEFAULT_DEMO_SEED);
    if (!isDemoSize(size)) return { ok: false, reason: `invalid_size (size=${values.size}): from ${MIN_DEMO_SIZE} to ${MAX_DEMO_SIZE}`, code: 2 };
    if (!Number.isInteger(seed)) return { ok: false, reason: `invalid_seed (seed=${values.seed})`, code: 2 };
    return { ok: true, snapshot: deps.generateDemoCase({ size, seed, today }), discard: nothing };
  }
  if (values.input) {
    const folder = await readBundleFolder(io, values.input);
    return folder.ok ? { ok: true, snapshot: folder.value.snapshot, discard: nothing } : { ok: false, reason: folder.reason, code: 1 };
  }
  const me = await loadKeyfile(io, values.identity!);
  if (!me.ok) return { ok: false, reason: me.reason, code: 1 };
  let source;
  try {
    source = io.bundleFile ? await io.bundleFile(bundlePath!) : await io.readFile(bundlePath!);
  } catch {
    return { ok: false, reason: `cannot_read_bundle (path=${bundlePath})`, code: 1 };
  }
  const opened = await openBundle(source, {
    key: { identity: me.value.ageIdentity },
    trustedSigningKeys: [me.value.signingKey],
    // As `bundle inspect`: exporting does not import, so an unknown signer is said, not refused.
    allowUntrustedSigner: true,
    ...nodeBundleCodecs,
    ...(io.stage ? { stage: io.stage } : {}),
  });
  if (!opened.ok) return { ok: false, reason: describeBundleError(opened.error), code: 1 };
  if (!opened.value.signer.trusted) io.stderr(`warning: bundle signed by ${opened.value.signer.name} (${opened.value.signer.fingerprint}), not a trusted key`);
  return { ok: true, snapshot: opened.value.snapshot, discard: () => opened.value.plaintext.discard() };
}

/** Chunks of text as a byte stream, pulled one at a time: the file is never held whole. */
function streamOf(chunks: Iterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      // Batch small chunks (one element each) into writes of ~64 KiB.
      let batch = '';
      for (let next = chunks.next(); ; next = chunks.next()) {
        if (next.done) {
          if (batch) controller.enqueue(encoder.encode(batch));
          controller.close();
          return;
        }
        batch += next.value;
        if (batch.length >= 65_536) break;
      }
      controller.enqueue(encoder.encode(batch));
    },
  });
}

function summary(network: ExportedNetwork, format: string, out: string): string {
  const asOf = network.asOf ? `, as of ${network.asOf}` : '';
  return `exported ${network.persons.length} people and ${network.links.length} links of "${network.caseName}" as ${format} to ${out}${asOf}; marking ${network.marking}`;
}

/** "withheld above RESERVADO: 3 persons, 12 links, 1 sources" — what a release left out, before the summary. */
function withheldLine(release: Release): string {
  const counts = Object.entries(release.withheld).filter(([, n]) => n > 0).map(([kind, n]) => `${n} ${kind}`);
  return `withheld above ${release.upTo}: ${counts.length > 0 ? counts.join(', ') : 'nothing'}`;
}
