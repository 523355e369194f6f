import { Button, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../auth/session';
import { useLanguage } from '../../i18n/language';
import type { DocumentView } from './verdict';

export interface ReuseFormProps {
  submissionId: string;
  candidates: readonly DocumentView[];
  /** Selected indicators/measures of the upload form; the earlier document's own codes when none are chosen. */
  indicatorCodes: readonly string[];
  error: string | undefined;
  onError(message: string | undefined): void;
  onReused(): void;
}

/** Attaches an accepted document of another report of the unit (POST /submissions/{id}/evidence/reuse). */
export function ReuseForm({ submissionId, candidates, indicatorCodes, error, onError, onReused }: ReuseFormProps) {
  const { t } = useLanguage();
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  if (candidates.length === 0) return <Text size="sm">{t('evidence.reuseNone')}</Text>;

  const attach = async () => {
    setDone(false);
    if (!documentId) return onError(t('evidence.reuseRequired'));
    setBusy(true);
    try {
      const body = { documentId, ...(indicatorCodes.length > 0 ? { indicatorCodes: [...indicatorCodes] } : {}) };
      const { data, error: refusal } = await api.POST('/api/v1/submissions/{id}/evidence/reuse', { params: { path: { id: submissionId } }, body });
      if (!data) return onError((refusal as { message?: string } | undefined)?.message ?? t('form.network'));
      onError(undefined);
      setDocumentId(null);
      setDone(true);
      onReused();
    } catch {
      onError(t('form.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs">
      <Select
        id="evidence-reuse"
        label={t('evidence.reuseSelect')}
        data={candidates.map((d) => ({ value: d.id, label: `${d.title ?? d.originalName} · ${t(`documentType.${d.documentType}`)}` }))}
        value={documentId}
        onChange={setDocumentId}
        error={error}
        searchable
        clearable
      />
      <Button variant="outline" onClick={attach} loading={busy} style={{ alignSelf: 'flex-start' }}>
        {t('evidence.reuseSubmit')}
      </Button>
      {done && (
        <Text size="sm" role="status">
          {t('evidence.reused')}
        </Text>
      )}
    </Stack>
  );
}
