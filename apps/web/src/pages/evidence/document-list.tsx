import { Badge, Button, Card, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useLanguage } from '../../i18n/language';
import type { MessageKey } from '../../i18n/messages';
import { isEditable, verdictOf, type DocumentView, type SubmissionView } from './verdict';

// White on the badge must reach WCAG AA contrast (4.5:1): Mantine's greens do not, so a darker one.
const VERDICT_COLOUR = { WAITING: 'gray.8', ACCEPTED: '#1b5e20', REJECTED: 'red.9' } as const;

/**
 * The report's documents with the worker's verdict on each. No link opens a file: an uploaded file is never shown
 * inline from the API's origin (reviewers see checked ones through pdf.js on the review page).
 */
/** `onRemove` is offered while the report can still be edited; it resolves once the API has answered. */
export function DocumentList({ submission, onRemove }: { submission: SubmissionView; onRemove?: (document: DocumentView) => Promise<void> }) {
  const { t, language } = useLanguage();
  if (submission.documents.length === 0) return <Text>{t('evidence.noDocuments')}</Text>;
  const draft = isEditable(submission);
  return (
    <Stack gap="sm">
      {submission.documents.map((document) => (
        <DocumentCard key={document.id} document={document} draft={draft} language={language} t={t} onRemove={draft ? onRemove : undefined} />
      ))}
    </Stack>
  );
}

interface DocumentCardProps {
  document: DocumentView;
  draft: boolean;
  language: 'id' | 'en';
  t: (key: MessageKey, params?: Record<string, string>) => string;
  onRemove?: (document: DocumentView) => Promise<void>;
}

function DocumentCard({ document, draft, language, t, onRemove }: DocumentCardProps) {
  const [removing, setRemoving] = useState(false);
  const verdict = verdictOf(document, language);
  // Before submitting, a quarantined file waits for the submit, not for the worker.
  const label = verdict.state === 'WAITING' && draft ? t('evidence.verdict.DRAFT') : t(`evidence.verdict.${verdict.state}`);
  return (
    <Card withBorder data-testid="document" data-status={document.status}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {document.title ?? document.originalName}
        </Text>
        <Badge color={VERDICT_COLOUR[verdict.state]} variant={verdict.state === 'WAITING' ? 'outline' : 'filled'} data-testid="verdict">
          {label}
        </Badge>
      </Group>
      <Text size="sm">
        {t(`documentType.${document.documentType}`)}
        {document.title ? ` · ${document.originalName}` : ''}
      </Text>
      {document.indicatorCodes.length > 0 && <Text size="sm">{t('evidence.backs', { codes: document.indicatorCodes.join(', ') })}</Text>}
      {verdict.reasons.length > 0 && (
        <Stack gap={2} mt="xs">
          <Text size="sm" fw={600}>
            {verdict.state === 'REJECTED' ? t('evidence.rejectedBecause') : t('evidence.flags')}
          </Text>
          <List size="sm" data-testid="verdict-reasons">
            {verdict.reasons.map((reason, index) => (
              <List.Item key={index}>{reason}</List.Item>
            ))}
          </List>
        </Stack>
      )}
      {onRemove && (
        <Button
          variant="outline"
          color="red.9"
          size="xs"
          mt="sm"
          style={{ alignSelf: 'flex-start' }}
          loading={removing}
          aria-label={t('evidence.removeNamed', { name: document.originalName })}
          onClick={() => {
            setRemoving(true);
            void onRemove(document).finally(() => setRemoving(false));
          }}
        >
          {t('evidence.remove')}
        </Button>
      )}
    </Card>
  );
}
