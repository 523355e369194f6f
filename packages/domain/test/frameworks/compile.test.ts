import { compileAnswers } from '../../src';

describe('compiling units’ KKP HAM inputs into the regency/city’s submission', () => {
  it('takes each unit’s answers, keeps the regency/city’s own for the rest, and records who gave what', () => {
    const result = compileAnswers({ 'K1.S1': true, 'K2.S1': false }, [
      { submissionId: 's-dinkes', organisationId: 'dinkes', answers: { 'K6.P1': 80, 'K6.H1': 12, 'K2.S1': true } },
      { submissionId: 's-disdik', organisationId: 'disdik', answers: { 'K7.P1': 'SELURUH_OPD', 'K7.H1': null } },
    ]);
    // K2.S1 was answered by the regency/city itself: its answer stands.
    expect(result.answers).toEqual({ 'K1.S1': true, 'K2.S1': false, 'K6.P1': 80, 'K6.H1': 12, 'K7.P1': 'SELURUH_OPD' });
    expect(result.conflicts).toEqual([]);
    expect(result.contributions).toEqual([
      { submissionId: 's-dinkes', organisationId: 'dinkes', indicatorCodes: ['K2.S1', 'K6.H1', 'K6.P1'] },
      { submissionId: 's-disdik', organisationId: 'disdik', indicatorCodes: ['K7.P1'] },
    ]);
  });

  it('lets units agree, reports units that disagree instead of picking one, and lets the coordinator’s answer settle it', () => {
    const sources = [
      { submissionId: 'a', organisationId: 'dinkes', answers: { 'K6.P1': 80, 'K1.S1': true } },
      { submissionId: 'b', organisationId: 'rsud', answers: { 'K6.P1': 75, 'K1.S1': true } },
    ];
    const result = compileAnswers({}, sources);
    expect(result.answers).toEqual({ 'K1.S1': true });
    expect(result.conflicts).toEqual([{ indicatorCode: 'K6.P1', values: [{ organisationId: 'dinkes', value: 80 }, { organisationId: 'rsud', value: 75 }] }]);
    const settled = compileAnswers({ 'K6.P1': 78 }, sources);
    expect(settled.conflicts).toEqual([]);
    expect(settled.answers).toEqual({ 'K6.P1': 78, 'K1.S1': true });
  });
});
