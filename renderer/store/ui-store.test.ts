import { beforeEach, describe, expect, it } from 'vitest';
import { useUiStore } from './ui-store';

const initial = useUiStore.getState();
beforeEach(() => useUiStore.setState(initial, true));

describe('UI store', () => {
  it('opens the panel of a selected person and asks the network to centre it each time', () => {
    useUiStore.getState().selectPerson('person:a');
    useUiStore.getState().selectPerson('person:a');
    const state = useUiStore.getState();
    expect(state.selectedPersonId).toBe('person:a');
    expect(state.personPanelOpen).toBe(true);
    expect(state.focusRequest).toBe(2);
  });

  it('forgets the selection of a case when another case opens', () => {
    useUiStore.getState().openCase('case:one');
    useUiStore.getState().selectPerson('person:a');
    useUiStore.getState().openCase('case:two');
    const state = useUiStore.getState();
    expect(state.openCaseId).toBe('case:two');
    expect(state.selectedPersonId).toBeUndefined();
    expect(state.personPanelOpen).toBe(false);
  });

  it('closing the panel keeps the selection highlighted', () => {
    useUiStore.getState().selectPerson('person:a');
    useUiStore.getState().closePersonPanel();
    expect(useUiStore.getState().selectedPersonId).toBe('person:a');
    expect(useUiStore.getState().personPanelOpen).toBe(false);
  });
});

describe('picking a link or an event', () => {
  it('picks it with the person whose panel shows it; picking a person alone lets it go', () => {
    const ui = useUiStore.getState();
    ui.selectRecord({ type: 'link', id: 'link:1' }, 'person:1');
    expect(useUiStore.getState()).toMatchObject({ selectedRecord: { type: 'link', id: 'link:1' }, selectedPersonId: 'person:1', personPanelOpen: true });
    ui.selectPerson('person:2');
    expect(useUiStore.getState().selectedRecord).toBeUndefined();
    ui.selectRecord({ type: 'event', id: 'event:1' }, 'person:3');
    ui.openCase('case:other');
    expect(useUiStore.getState().selectedRecord).toBeUndefined();
  });
});
