import type { FieldIssue } from '../model/validation';

/**
 * Everything that can be wrong with a bundle, as values: `code` is a message key
 * (`bundle.error.<code>` in the renderer, printed as is by the CLI), the other fields are what the
 * message needs. Nothing is written anywhere before a bundle has passed every check.
 */
export type BundleError =
  | { code: 'not_an_age_file' }
  | { code: 'needs_passphrase' }
  | { code: 'needs_identity' }
  /** Encrypted to other recipients, or signed for other recipients than the one opening it. */
  | { code: 'not_for_you'; recipients: string[] }
  | { code: 'wrong_passphrase' }
  /** The age layer failed authentication: the file was truncated or altered. */
  | { code: 'bundle_damaged' }
  | { code: 'bundle_too_large'; size: number; limit: number }
  | { code: 'zip_invalid' }
  | { code: 'too_many_entries'; count: number; limit: number }
  | { code: 'entry_name_invalid'; path: string }
  | { code: 'entry_duplicate'; path: string }
  | { code: 'entry_too_large'; path: string; size: number; limit: number }
  | { code: 'entry_compression_unsupported'; path: string }
  | { code: 'manifest_missing' }
  | { code: 'manifest_not_first' }
  | { code: 'manifest_not_json' }
  | { code: 'not_a_bundle'; format: string }
  | { code: 'unsupported_version'; version: unknown }
  | { code: 'manifest_invalid'; issues: FieldIssue[] }
  | { code: 'entry_not_in_manifest'; path: string }
  | { code: 'entry_missing'; path: string }
  | { code: 'signature_missing' }
  | { code: 'signature_malformed' }
  | { code: 'signature_key_mismatch' }
  | { code: 'signature_invalid' }
  /** The signature is valid but binds another bundle (its trusted comment names another id). */
  | { code: 'signature_not_for_manifest' }
  /** Valid signature by a key the reader has not trusted: the UI shows the fingerprint and asks. */
  | { code: 'untrusted_signer'; name: string; signingKey: string; fingerprint: string }
  | { code: 'sender_fingerprint_mismatch' }
  | { code: 'entry_size_mismatch'; path: string; expected: number; actual: number }
  | { code: 'entry_hash_mismatch'; path: string }
  | { code: 'record_line_too_long'; path: string; line: number; limit: number }
  | { code: 'record_not_json'; path: string; line: number }
  | { code: 'record_invalid'; path: string; line: number; issues: FieldIssue[] }
  | { code: 'record_wrong_case'; path: string; line: number; caseId: string }
  | { code: 'record_duplicate'; path: string; id: string }
  | { code: 'audit_invalid'; path: string; line: number; issues: FieldIssue[] }
  | { code: 'count_mismatch'; table: string; expected: number; actual: number }
  /** Anything the checks above did not foresee, reported rather than thrown. */
  | { code: 'bundle_unreadable'; detail: string };

export type BundleErrorCode = BundleError['code'];

export type BundleResult<T> = { ok: true; value: T } | { ok: false; error: BundleError };

export const fail = <T>(error: BundleError): BundleResult<T> => ({ ok: false, error });
export const succeed = <T>(value: T): BundleResult<T> => ({ ok: true, value });

/** One line for the CLI and logs: the code and its data, no stack trace. */
export function describeBundleError(error: BundleError): string {
  const { code, ...data } = error;
  const details = Object.entries(data)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  return details ? `${code} (${details})` : code;
}
