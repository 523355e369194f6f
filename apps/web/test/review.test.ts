import type { Schemas } from '@peduli/api-client';
import { DICTIONARIES } from '../src/i18n/messages';
import {
  RETURN_REASONS,
  checkReturnForm,
  reasonLabelKey,
  returnBody,
  stageSetsVerifiedValues,
} from '../src/pages/review/review-form';
import { NO_FILTERS, holdsReviewingRole, queueQuery, stagesForRoles, waitingForMe } from '../src/pages/review/review-queue';
import { previewKind } from '../src/pages/review/evidence-preview';

type Summary = Schemas['SubmissionSummary'];

let sequence = 0;
function summary(overrides: Partial<Summary>): Summary {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    provinceCode: '64',
    regionCode: '64.71',
    organisationId: null,
    reporterLevel: 'KABKOTA',
    programme: 'KKP_HAM',
    periodKey: '2026-TAHUNAN',
    status: 'IN_REVIEW',
    reviewStage: 'UNIT_HEAD',
    submittedAt: '2026-11-02T01:00:00.000Z',
    submitCount: 1,
    late: false,
    supersededBy: null,
    createdAt: '2026-11-01T01:00:00.000Z',
    updatedAt: '2026-11-02T01:00:00.000Z',
    ...overrides,
  } as Summary;
}

const grant = (role: Schemas['GrantView']['role']) => ({ role });

describe('the review queue', () => {
  it('maps each reviewing role to the stage it decides, and no stage for the others', () => {
    expect(stagesForRoles([grant('UNIT_HEAD')])).toEqual(['UNIT_HEAD']);
    expect(stagesForRoles([grant('CENTRAL_VERIFIER'), grant('KANWIL_VERIFIER')])).toEqual(['KANWIL', 'CENTRAL']);
    expect(stagesForRoles([grant('UNIT_OPERATOR'), grant('VIEWER'), grant('NATIONAL_ADMIN')])).toEqual([]);
    expect(holdsReviewingRole([grant('UNIT_OPERATOR')])).toBe(false);
    expect(holdsReviewingRole([grant('COORDINATOR')])).toBe(true);
  });

  it("keeps only what waits at one of my stages, so a coordinator does not see inputs still at the unit head", () => {
    const atHead = summary({ reviewStage: 'UNIT_HEAD' });
    const atCoordinator = summary({ reviewStage: 'COORDINATOR' });
    const returned = summary({ status: 'RETURNED', reviewStage: null });
    expect(waitingForMe([atHead, atCoordinator, returned], ['COORDINATOR'], NO_FILTERS)).toEqual([atCoordinator]);
    expect(waitingForMe([atHead, atCoordinator, returned], ['UNIT_HEAD'], NO_FILTERS)).toEqual([atHead]);
    expect(waitingForMe([atHead, atCoordinator], [], NO_FILTERS)).toEqual([]);
  });

  it('filters by programme, period (blanks and case ignored) and stage, the longest waiting first', () => {
    const newer = summary({ reviewStage: 'KANWIL', submittedAt: '2026-11-05T00:00:00.000Z' });
    const older = summary({ reviewStage: 'CENTRAL', submittedAt: '2026-11-01T00:00:00.000Z' });
    const ranham = summary({ reviewStage: 'KANWIL', programme: 'RANHAM', periodKey: '2026-B08' });
    const mine = ['KANWIL', 'CENTRAL'] as const;
    expect(waitingForMe([newer, older, ranham], mine, NO_FILTERS)).toEqual([older, ranham, newer]);
    expect(waitingForMe([newer, older, ranham], mine, { ...NO_FILTERS, programme: 'RANHAM' })).toEqual([ranham]);
    expect(waitingForMe([newer, older, ranham], mine, { ...NO_FILTERS, periodKey: ' 2026-b08 ' })).toEqual([ranham]);
    expect(waitingForMe([newer, older, ranham], mine, { ...NO_FILTERS, stage: 'CENTRAL' })).toEqual([older]);
  });

  it("asks the list endpoint for IN_REVIEW with the filters, and the stage when it is the only one I decide", () => {
    expect(queueQuery(['UNIT_HEAD'], NO_FILTERS)).toEqual({ status: 'IN_REVIEW', pageSize: 100, reviewStage: 'UNIT_HEAD' });
    expect(queueQuery(['KANWIL', 'CENTRAL'], NO_FILTERS)).toEqual({ status: 'IN_REVIEW', pageSize: 100 });
    expect(queueQuery(['KANWIL', 'CENTRAL'], { programme: 'RANHAM', periodKey: '2026-b04', stage: 'CENTRAL' })).toEqual({
      status: 'IN_REVIEW',
      pageSize: 100,
      programme: 'RANHAM',
      periodKey: '2026-B04',
      reviewStage: 'CENTRAL',
    });
  });
});

describe('the return form', () => {
  const valid = { reasons: ['MISSING_MINUTES' as const], comment: 'Notulen rapat belum ada.', returnTo: 'REPORTER' as const };

  it('accepts a reason and a comment, and sends them trimmed', () => {
    expect(checkReturnForm(valid, 'UNIT_HEAD')).toEqual([]);
    expect(returnBody({ ...valid, comment: '  Notulen rapat belum ada.  ' })).toEqual({
      reasons: [{ code: 'MISSING_MINUTES' }],
      comment: 'Notulen rapat belum ada.',
      returnTo: 'REPORTER',
    });
  });

  it('asks for at least one reason and a comment, each pinned to its field', () => {
    expect(checkReturnForm({ reasons: [], comment: '   ', returnTo: 'REPORTER' }, 'UNIT_HEAD')).toEqual([
      { field: 'reasons', message: { key: 'review.reasonsRequired' } },
      { field: 'comment', message: { key: 'review.commentRequired' } },
    ]);
    expect(checkReturnForm({ ...valid, comment: 'ok' }, 'UNIT_HEAD')).toEqual([{ field: 'comment', message: { key: 'review.commentTooShort' } }]);
    expect(checkReturnForm({ ...valid, comment: 'x'.repeat(2001) }, 'UNIT_HEAD')).toEqual([{ field: 'comment', message: { key: 'review.commentTooLong' } }]);
  });

  it('returns to the Kanwil only from the central stage', () => {
    expect(checkReturnForm({ ...valid, returnTo: 'KANWIL' }, 'CENTRAL')).toEqual([]);
    expect(checkReturnForm({ ...valid, returnTo: 'KANWIL' }, 'KANWIL')).toEqual([{ field: 'returnTo', message: { key: 'review.returnToKanwilOnlyCentral' } }]);
  });

  it('labels every reason of the API in both languages', () => {
    for (const code of RETURN_REASONS) {
      expect(DICTIONARIES.id[reasonLabelKey(code)]).toBeTruthy();
      expect(DICTIONARIES.en[reasonLabelKey(code)]).toBeTruthy();
    }
    expect(RETURN_REASONS).toHaveLength(8);
  });
});

describe('verified values and evidence', () => {
  it('are set at the Kanwil and central stages only', () => {
    expect(['UNIT_HEAD', 'COORDINATOR', 'KANWIL', 'CENTRAL', null].map((s) => stageSetsVerifiedValues(s as never))).toEqual([false, false, true, true, false]);
  });

  it('shows PDFs with pdf.js, images as images and anything else as a download', () => {
    expect(previewKind({ sniffedMime: 'application/pdf' })).toBe('pdf');
    expect(previewKind({ sniffedMime: 'image/png' })).toBe('image');
    expect(previewKind({ sniffedMime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })).toBe('download');
    expect(previewKind({ sniffedMime: null })).toBe('download');
  });
});
