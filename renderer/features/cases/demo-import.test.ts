import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseNetwork } from '../../db';
import { useUiStore } from '../../store/ui-store';
import type { DemoCaseMessage } from '../../workers/demo-case-protocol';
import { useCaseBeingStored } from '../network/case-being-stored';
import { importDemoCase } from './demo-import';

// The demo worker is replaced by one that answers a request with the messages a test gives it.
let script: DemoCaseMessage[] = [];
class ScriptedWorker {
  private listeners: ((event: MessageEvent<DemoCaseMessage>) => void)[] = [];
  terminated = false;
  addEventListener(type: string, listener: (event: MessageEvent<DemoCaseMessage>) => void) {
    if (type === 'message') this.listeners.push(listener);
  }
  postMessage(message: unknown) {
    if (typeof message === 'object' && message !== null && 'prepare' in message) return;
    for (const data of script) for (const listener of this.listeners) listener({ data } as MessageEvent<DemoCaseMessage>);
  }
  terminate() {
    this.terminated = true;
  }
}

const network = { case: { id: 'case-demo', name: 'Operación Celosía' }, persons: [], prisons: [], links: [], currentPrisonByPerson: new Map(), releaseByPerson: new Map() } as unknown as CaseNetwork;
const database = { name: 'vigia-test' };

afterEach(() => {
  vi.unstubAllGlobals();
  useUiStore.getState().setDemoProgress({ phase: 'idle' });
});

describe('opening the demo case while it is stored', () => {
  it('shows the generated case at once, and keeps it under the state its worker cached it at', async () => {
    vi.stubGlobal('Worker', ScriptedWorker);
    script = [{ type: 'generating' }, { type: 'generated', network }, { type: 'saving', done: 10, total: 10 }, { type: 'done', caseId: 'case-demo', stateKey: '7' }];
    const onGenerated = vi.fn();
    const onLost = vi.fn();
    await expect(importDemoCase(270, database, { onGenerated, onLost })).resolves.toBe('case-demo');
    expect(onGenerated).toHaveBeenCalledWith('case-demo');
    expect(onLost).not.toHaveBeenCalled();
    const { result } = renderHook(() => useCaseBeingStored('case-demo'));
    expect(result.current).toEqual({ network, stateKey: '7' });
  });

  it('takes the case off the screen and out of memory when the storing fails', async () => {
    vi.stubGlobal('Worker', ScriptedWorker);
    script = [{ type: 'generating' }, { type: 'generated', network }, { type: 'failed', reason: 'QuotaExceededError' }];
    const onGenerated = vi.fn();
    const onLost = vi.fn();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(importDemoCase(270, database, { onGenerated, onLost })).resolves.toBeUndefined();
    expect(onGenerated).toHaveBeenCalledWith('case-demo');
    expect(onLost).toHaveBeenCalledWith('case-demo');
    expect(useUiStore.getState().demoProgress).toEqual({ phase: 'failed', size: 270 });
    const { result } = renderHook(() => useCaseBeingStored('case-demo'));
    expect(result.current).toBeUndefined();
  });
});
