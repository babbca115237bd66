import { describe, expect, it } from 'vitest';
import { readReportHash, reportHash } from './report-link';

describe('the report page’s address', () => {
  it('carries the report’s choices there and back', () => {
    const params = { caseId: 'case:demo-270', personIds: ['person:1', 'person:2'], sections: ['summary', 'people'] as const, asOf: '2024-01-31', releaseUpTo: 'RESERVADO' as const, token: 'a1b2c3d4e5' };
    expect(readReportHash(reportHash({ ...params, sections: [...params.sections] }))).toEqual({ ...params, sections: ['summary', 'people'] });
  });

  it('refuses anything malformed rather than print part of it', () => {
    const good = reportHash({ caseId: 'case:1', sections: ['summary'], token: 'a1b2c3d4e5' });
    expect(readReportHash(good)).toBeDefined();
    expect(readReportHash('#other')).toBeUndefined();
    expect(readReportHash(good.replace('summary', 'summary,secrets'))).toBeUndefined();
    expect(readReportHash(`${good}&asOf=2024-02-30`)).toBeUndefined();
    expect(readReportHash(`${good}&upTo=TOP_SECRET`)).toBeUndefined();
    expect(readReportHash(`${good}&people=${encodeURIComponent('<script>')}`)).toBeUndefined();
    expect(readReportHash(good.replace('case%3A1', encodeURIComponent('case 1"')))).toBeUndefined();
  });
});
