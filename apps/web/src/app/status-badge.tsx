import { Badge } from '@mantine/core';
import { useLanguage } from '../i18n/language';
import type { MessageKey } from '../i18n/messages';
import type { SubmissionStatus } from '../lib/submission-status';

export type { SubmissionStatus };

const STATUS_COLOUR: Record<SubmissionStatus, string> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  CHECKING: 'blue',
  CHECK_FAILED: 'red',
  IN_REVIEW: 'violet',
  RETURNED: 'orange',
  VERIFIED: 'green',
  SCORED: 'green',
};

/** The dictionary entry naming a status in words ("Dikembalikan" / "Returned"), never the API's code. */
export const statusKey = (status: SubmissionStatus): MessageKey => `status.${status}` as MessageKey;

/**
 * A submission's status in words, the same on Beranda and in review. The dot variant keeps the label in body text
 * colour: light badges fail contrast for orange and red.
 */
export function StatusBadge({ status }: { status: SubmissionStatus }) {
  const { t } = useLanguage();
  return (
    <Badge color={STATUS_COLOUR[status]} variant="dot" size="lg" data-testid="status-badge">
      {t(statusKey(status))}
    </Badge>
  );
}
