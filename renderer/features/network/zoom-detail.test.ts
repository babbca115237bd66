import { describe, expect, it } from 'vitest';
import { classesKeepingDetail, DETAIL_CLASS, DETAIL_ZOOM, wantsDetail } from './zoom-detail';
import { networkStylesheet } from './stylesheet';

describe('level of detail by zoom', () => {
  it('draws names, arrows and dashes from the detail zoom on', () => {
    expect(wantsDetail(DETAIL_ZOOM / 2)).toBe(false);
    expect(wantsDetail(DETAIL_ZOOM)).toBe(true);
    expect(wantsDetail(2)).toBe(true);
  });

  it('keeps the zoom’s detail class when a new drawing sets an element’s classes', () => {
    expect(classesKeepingDetail('pinned', ['pinned', DETAIL_CLASS])).toBe(`pinned ${DETAIL_CLASS}`);
    expect(classesKeepingDetail('', [DETAIL_CLASS])).toBe(DETAIL_CLASS);
    expect(classesKeepingDetail('path', ['pinned'])).toBe('path');
  });

  it('names the leader and a selected person at any zoom, and other people only with the detail', () => {
    const rules = networkStylesheet() as { selector: string; style: Record<string, unknown> }[];
    const named = rules.filter((r) => r.style.label === 'data(label)' && r.selector.includes('person'));
    expect(named.map((r) => r.selector)).toEqual(['node[type = "person"][role = "leader"]', 'node[type = "person"].detail, node[type = "person"]:selected']);
    const selected = rules.find((r) => r.selector === 'node[type = "person"]:selected')!;
    expect(selected.style['min-zoomed-font-size']).toBe(0);
    expect(named[0]!.style['min-zoomed-font-size']).toBe(0);
  });

  it('leaves links outside the leader’s out of the overview, and brings them back with the detail or a selection', () => {
    const rules = networkStylesheet() as { selector: string; style: Record<string, unknown> }[];
    expect(rules.find((r) => r.selector === 'edge[kind]')?.style.display).toBe('none');
    expect(rules.find((r) => r.selector === 'edge[kind][?backbone]')?.style.display).toBe('element');
    expect(rules.find((r) => r.selector === 'edge[kind].detail, edge[kind].highlighted, edge[kind].path')?.style.display).toBe('element');
  });
});
