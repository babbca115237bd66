import { describe, expect, it } from 'vitest';
import { parseStamp } from '../../shared/model';
import { resumeClock } from './clock';
import { openVigiaDatabase } from './database';
import { createCase, updateCase } from './repositories/cases';
import { getSetting } from './settings';

describe('workstation clock', () => {
  it('never goes backwards across a restart, even when the wall clock was set back', async () => {
    const name = `vigia-clock-${crypto.randomUUID()}`;
    const db = await openVigiaDatabase(name, { now: () => 2_000_000_000_000 });
    const created = await createCase(db, { name: 'Caso', marking: 'TLP_AMBER' });
    if (!created.ok) throw new Error('not created');
    expect(await getSetting(db, 'clock')).toBe(created.value.hlc);
    db.close();

    // The machine's clock is now a day behind the last stamp it issued.
    const reopened = await openVigiaDatabase(name, { now: () => 2_000_000_000_000 - 86_400_000 });
    const updated = await updateCase(reopened, created.value.id, { unit: 'UCE-2' });
    if (!updated.ok) throw new Error('not updated');
    expect(updated.value.hlc > created.value.hlc).toBe(true);
    expect(parseStamp(updated.value.hlc)?.millis).toBe(2_000_000_000_000);
    reopened.close();
  });

  it('resumes from the last stamp issued, or from wall time on first use', () => {
    const last = '2000000000000-0007-ws-a';
    expect(resumeClock('ws-a', last, () => 1_000).tick() > last).toBe(true);
    expect(resumeClock('ws-a', null, () => 1_000).tick()).toBe('0000000001000-0000-ws-a');
    // Once the wall clock is ahead again, stamps follow it.
    expect(parseStamp(resumeClock('ws-a', last, () => 3_000_000_000_000).tick())?.millis).toBe(3_000_000_000_000);
  });
});
