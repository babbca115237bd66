import { releaseDate, type Sentence } from './sentence';
import type { Stay } from './stay';

/**
 * Where a person is held: their open stay (the latest one if records disagree), else the stay that
 * ended last. Expects live stays of one person whose prisons are live.
 */
export function currentStay<S extends Pick<Stay, 'from' | 'to'>>(stays: readonly S[]): S | undefined {
  let open: S | undefined;
  let closed: S | undefined;
  for (const stay of stays) {
    if (!stay.to) {
      if (!open || stay.from > open.from) open = stay;
    } else if (!closed || stay.to > closed.to! || (stay.to === closed.to && stay.from > closed.from)) {
      closed = stay;
    }
  }
  return open ?? closed;
}

/** When a person is expected to walk out: the latest release date among their sentences. */
export function latestRelease(sentences: readonly Pick<Sentence, 'expectedRelease' | 'earlyRelease'>[]): string | undefined {
  let latest: string | undefined;
  for (const sentence of sentences) {
    const date = releaseDate(sentence);
    if (date && (!latest || date > latest)) latest = date;
  }
  return latest;
}
