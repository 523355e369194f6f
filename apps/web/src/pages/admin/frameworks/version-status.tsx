import { Badge } from '@mantine/core';
import { useLanguage } from '../../../i18n/language';
import type { MessageKey } from '../../../i18n/messages';
import type { FrameworkStatus } from './frameworks-model';

const COLOUR: Record<FrameworkStatus, string> = { DRAFT: 'yellow', PUBLISHED: 'green', RETIRED: 'gray' };

/** A version's status in words; the dot's colour only repeats what the words say. */
export function VersionStatusBadge({ status }: { status: FrameworkStatus }) {
  const { t } = useLanguage();
  return (
    // max-content: in a table's narrow column the badge would otherwise cut its own words short.
    <Badge color={COLOUR[status]} variant="dot" size="lg" style={{ minWidth: 'max-content' }} data-testid="version-status">
      {t(`frameworks.status.${status}` as MessageKey)}
    </Badge>
  );
}
