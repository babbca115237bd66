/** A fingerprint as eight groups of four, spaced for reading aloud; the text stays copyable as one string. */
export function Fingerprint({ value, testId }: { value: string; testId?: string }) {
  return (
    <code className="sync-fingerprint" data-testid={testId}>
      {value.split('-').map((group, i) => (
        <span key={i} className="sync-fingerprint-group">
          {group}
          {i < 7 ? '-' : ''}
        </span>
      ))}
    </code>
  );
}
