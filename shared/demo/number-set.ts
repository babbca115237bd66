/**
 * A set of non-negative integers below 2^53 in one Float64Array (open addressing, linear probing).
 * The demo generator deduplicates half a million link keys at 100,000 people; a `Set<number>`
 * would box each key above 2^31 as a heap object for the garbage collector to chase.
 */
export class NumberSet {
  private slots: Float64Array;
  private mask: number;
  private filled = 0;

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Float64Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  /** Adds `key`; false when it was already there. */
  add(key: number): boolean {
    if ((this.filled + 1) * 2 > this.slots.length) this.grow();
    let slot = this.hash(key);
    for (;;) {
      const found = this.slots[slot]!;
      if (found === key) return false;
      if (found === -1) {
        this.slots[slot] = key;
        this.filled += 1;
        return true;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  get size(): number {
    return this.filled;
  }

  private hash(key: number): number {
    const low = key % 4294967296;
    const high = (key - low) / 4294967296;
    return (Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> 0) & this.mask;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2).fill(-1);
    this.mask = this.slots.length - 1;
    this.filled = 0;
    for (const key of old) if (key !== -1) this.add(key);
  }
}
