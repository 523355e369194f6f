import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import type { Schemas } from '@peduli/api-client';
import { useState, type FormEvent } from 'react';
import { api } from '../../auth/session';
import { useLanguage } from '../../i18n/language';
import { saveDownload } from '../../lib/download';
import { ErrorSummary } from '../error-summary';
import { workbookRefusal, XLSX_MEDIA_TYPE, type WorkbookRefusal } from './workbook-model';

export type WorkbookUpload = Schemas['WorkbookUploadView'];
export const WORKBOOK_FILE_ID = 'workbook-file';

/**
 * The report's answers as an Excel workbook: downloaded with the current answers, filled in offline, and uploaded
 * back. A refused file lists every wrong cell as the API names it ("Jawaban!E7: …"); nothing was saved then. Shown
 * only while the report can be edited.
 */
export function WorkbookPanel(props: { id: string; unsaved: boolean; notices: WorkbookUpload['notices'] | null; onUploaded: (view: WorkbookUpload) => void }) {
  const { t } = useLanguage();
  const { id, unsaved, notices, onUploaded } = props;
  const [file, setFile] = useState<File | null>(null);
  const [refusal, setRefusal] = useState<WorkbookRefusal | null>(null);
  const [busy, setBusy] = useState<'download' | 'upload' | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const [downloadFailed, setDownloadFailed] = useState<string | null>(null);

  const download = async () => {
    setBusy('download');
    setDownloadFailed(null);
    try {
      const answer = await api.GET('/api/v1/submissions/{id}/workbook', { params: { path: { id } }, parseAs: 'blob' });
      setDownloaded(saveDownload(answer, 'jawaban.xlsx'));
    } catch (error) {
      setDownloadFailed(error instanceof Error && error.message && !error.message.startsWith('Failed') ? error.message : t('form.network'));
    } finally {
      setBusy(null);
    }
  };

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    if (!file) return setRefusal({ kind: 'local', key: 'workbook.chooseFile' });
    if (!/\.xlsx$/i.test(file.name)) return setRefusal({ kind: 'local', key: 'workbook.wrongType' });
    setBusy('upload');
    try {
      const { data, error, response } = await api.POST('/api/v1/submissions/{id}/workbook', {
        params: { path: { id } },
        body: file as unknown as string,
        bodySerializer: (body: unknown) => body as BodyInit,
        headers: { 'Content-Type': XLSX_MEDIA_TYPE },
      });
      if (data) return onUploaded(data);
      setRefusal(workbookRefusal(response.status, error));
    } catch {
      setRefusal({ kind: 'local', key: 'workbook.failed' });
    } finally {
      setBusy(null);
    }
  };

  const items =
    refusal === null
      ? []
      : refusal.kind === 'local'
        ? [{ fieldId: WORKBOOK_FILE_ID, text: t(refusal.key) }]
        : refusal.kind === 'cells'
          ? refusal.problems.map((text) => ({ fieldId: WORKBOOK_FILE_ID, text }))
          : [{ fieldId: null, text: refusal.key ? t(refusal.key) : refusal.message }, ...(refusal.key && refusal.message ? [{ fieldId: null, text: refusal.message }] : [])];

  return (
    <section aria-labelledby="workbook-title" data-testid="workbook-panel">
      <Stack gap="sm">
        <Title order={2} size="h4" id="workbook-title">
          {t('workbook.title')}
        </Title>
        <Text size="sm">{t('workbook.intro')}</Text>
        <ErrorSummary title={t('workbook.summaryTitle')} items={items} />
        {refusal?.kind === 'cells' && refusal.message && <Text size="sm">{refusal.message}</Text>}
        <Group gap="sm">
          <Button variant="default" onClick={() => void download()} loading={busy === 'download'} data-testid="workbook-download">
            {t('workbook.download')}
          </Button>
          {downloaded && (
            <Text size="sm" role="status">
              {t('workbook.downloaded', { name: downloaded })}
            </Text>
          )}
        </Group>
        {downloadFailed && (
          <Text size="sm" c="red.9" role="alert">
            {downloadFailed}
          </Text>
        )}
        <form onSubmit={upload} noValidate>
          <Stack gap="xs">
            <Text component="label" htmlFor={WORKBOOK_FILE_ID} fw={600}>
              {t('workbook.fileLabel')}
            </Text>
            <input
              id={WORKBOOK_FILE_ID}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-invalid={items.length > 0 || undefined}
              style={{ maxWidth: '100%' }}
              data-testid="workbook-file"
              onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
            />
            <div>
              <Button type="submit" loading={busy === 'upload'} disabled={unsaved} data-testid="workbook-upload">
                {t('workbook.upload')}
              </Button>
            </div>
            {unsaved && <Text size="sm">{t('workbook.waitForSave')}</Text>}
          </Stack>
        </form>
        {/* An earlier upload's success is not news once a later file is refused. */}
        {notices && !refusal && (
          <Alert color="green" variant="outline" title={t('workbook.done')} styles={{ title: { color: 'var(--mantine-color-text)' } }} data-testid="workbook-done">
            {notices.length > 0 && (
              <>
                <Text size="sm" fw={600}>
                  {t('workbook.notices')}
                </Text>
                <List size="sm" data-testid="workbook-notices">
                  {notices.map((notice, index) => (
                    <List.Item key={index}>{notice.message}</List.Item>
                  ))}
                </List>
              </>
            )}
          </Alert>
        )}
      </Stack>
    </section>
  );
}
