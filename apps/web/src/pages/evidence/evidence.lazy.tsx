import { Alert, Badge, Group, Loader, MultiSelect, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { createLazyRoute, useParams } from '@tanstack/react-router';
import { useState, type DragEvent } from 'react';
import { useLanguage } from '../../i18n/language';
import { ErrorSummary, type SummaryItem } from '../error-summary';
import { DocumentList } from './document-list';
import { submissionKey, useEvidenceTargets, useReusableDocuments, useSubmission } from './evidence-data';
import { refusalOf, type EvidenceField } from './refusal';
import { removeEvidence } from './remove-evidence';
import { ReuseForm } from './reuse-form';
import type { EvidenceFields } from './upload';
import { UploadList } from './upload-list';
import { useUploadQueue } from './use-upload-queue';
import { isEditable, type DocumentView } from './verdict';

const DOCUMENT_TYPES: readonly DocumentView['documentType'][] = [
  'PERDA',
  'PERBUP_PERWAL',
  'SK',
  'SURAT_EDARAN',
  'RENSTRA',
  'RKPD',
  'DPA',
  'LAPORAN',
  'NOTULEN',
  'DAFTAR_HADIR',
  'FOTO',
  'DATA_STATISTIK',
  'DAFTAR_PENERIMA_MANFAAT',
  'SURAT_PENGANTAR',
  'OTHER',
];

/** The element ids the error summary links to. */
const FIELD_IDS: Record<EvidenceField | 'files' | 'reuse', string> = {
  documentType: 'evidence-document-type',
  title: 'evidence-title',
  indicatorCodes: 'evidence-targets',
  files: 'evidence-files',
  reuse: 'evidence-reuse',
};
type ProblemField = keyof typeof FIELD_IDS;

function EvidencePage() {
  const { id } = useParams({ from: '/reports/$id/evidence' });
  const { t, language } = useLanguage();
  const queryClient = useQueryClient();
  const submission = useSubmission(id);
  const targets = useEvidenceTargets(submission.data);
  const editable = submission.data ? isEditable(submission.data) : false;
  const reusable = useReusableDocuments(editable ? submission.data : undefined);

  const [documentType, setDocumentType] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [indicatorCodes, setIndicatorCodes] = useState<string[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<ProblemField, string>>>({});
  const [removeError, setRemoveError] = useState<string | null>(null);
  const setFieldError = (field: ProblemField, text: string | undefined) => setFieldErrors((errors) => ({ ...errors, [field]: text }));

  const queue = useUploadQueue(id, (item, outcome) => {
    if (outcome.ok) {
      void queryClient.invalidateQueries({ queryKey: submissionKey(id) });
      return undefined;
    }
    const refusal = refusalOf(outcome, t('form.network'));
    setFieldErrors((errors) => ({ ...errors, ...Object.fromEntries(refusal.fieldProblems.map((p) => [p.field, p.text])) }));
    return refusal.fileError;
  });

  const addFiles = (files: readonly File[]) => {
    if (files.length === 0) return;
    if (!documentType) return setFieldError('documentType', t('evidence.documentTypeRequired'));
    setFieldErrors({});
    const fields: EvidenceFields = { documentType: documentType as EvidenceFields['documentType'], title, indicatorCodes };
    queue.add(files, fields);
  };
  const remove = async (document: DocumentView) => {
    const refusal = await removeEvidence(id, document.id, t('form.network'));
    setRemoveError(refusal === null ? null : t('evidence.fileRefused', { name: document.originalName, reason: refusal }));
    await queryClient.invalidateQueries({ queryKey: submissionKey(id) });
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    addFiles(Array.from(event.dataTransfer.files));
  };

  const summary: SummaryItem[] = [
    ...(Object.entries(fieldErrors) as [ProblemField, string | undefined][]).filter(([, text]) => text).map(([field, text]) => ({ fieldId: FIELD_IDS[field], text: text! })),
    ...(removeError ? [{ fieldId: null, text: removeError }] : []),
    ...queue.items.filter((item) => item.error).map((item) => ({ fieldId: FIELD_IDS.files, text: t('evidence.fileRefused', { name: item.fileName, reason: item.error! }) })),
  ];

  if (submission.isPending) return <Loader size="sm" aria-label={t('home.loading')} />;
  if (submission.isError) return <Alert color="red">{t('home.loadFailed')}</Alert>;
  const report = submission.data;

  return (
    <Stack gap="lg" maw={720}>
      <ErrorSummary title={t('evidence.errorSummary')} items={summary} />
      <div>
        <Title order={1}>{t('evidence.title')}</Title>
        <Group gap="xs" mt={4}>
          <Text>{t('evidence.report', { programme: t(`programme.${report.programme}`), period: report.periodKey })}</Text>
          <Badge variant="light" data-testid="submission-status">
            {t(`status.${report.status}`)}
          </Badge>
        </Group>
      </div>

      {editable ? (
        <section aria-labelledby="evidence-upload-title">
          <Title order={2} size="h3" id="evidence-upload-title" mb="sm">
            {t('evidence.uploadTitle')}
          </Title>
          <Stack gap="sm">
            <Select
              id={FIELD_IDS.documentType}
              label={t('evidence.documentType')}
              data={DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`documentType.${type}`) }))}
              value={documentType}
              onChange={(value) => {
                setDocumentType(value);
                setFieldError('documentType', undefined);
              }}
              error={fieldErrors.documentType}
              required
              searchable
            />
            <TextInput id={FIELD_IDS.title} label={t('evidence.documentTitle')} value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={fieldErrors.title} />
            <MultiSelect
              id={FIELD_IDS.indicatorCodes}
              label={t('evidence.targets')}
              description={t('evidence.targetsHint')}
              // Mantine's dimmed description is too pale on white for WCAG AA.
              styles={{ description: { color: 'var(--mantine-color-text)' } }}
              data={(targets.data ?? []).map((target) => ({ value: target.code, label: target.label }))}
              value={indicatorCodes}
              onChange={setIndicatorCodes}
              error={fieldErrors.indicatorCodes}
              searchable
              clearable
            />
            <div className="drop-zone" data-testid="drop-zone" onDragOver={(event) => event.preventDefault()} onDrop={onDrop} style={{ border: '2px dashed var(--mantine-color-gray-6)', borderRadius: 8, padding: 16 }}>
              <Text component="label" htmlFor={FIELD_IDS.files} fw={600} display="block">
                {t('evidence.files')}
              </Text>
              <Text size="sm" id="evidence-files-hint" mb="xs">
                {t('evidence.dropHint')}
              </Text>
              <input
                id={FIELD_IDS.files}
                type="file"
                multiple
                aria-describedby="evidence-files-hint"
                style={{ maxWidth: '100%' }}
                onChange={(event) => {
                  addFiles(Array.from(event.currentTarget.files ?? []));
                  event.currentTarget.value = ''; // the same file can be picked again after a refusal
                }}
              />
            </div>
            <UploadList items={queue.items} />
          </Stack>
        </section>
      ) : (
        <Alert color="blue">{t('evidence.notEditable')}</Alert>
      )}

      {editable && (
        <section aria-labelledby="evidence-reuse-title">
          <Title order={2} size="h3" id="evidence-reuse-title" mb="sm">
            {t('evidence.reuseTitle')}
          </Title>
          <ReuseForm
            submissionId={id}
            candidates={reusable.data ?? []}
            indicatorCodes={indicatorCodes}
            error={fieldErrors.reuse}
            onError={(text) => setFieldError('reuse', text)}
            onReused={() => void queryClient.invalidateQueries({ queryKey: submissionKey(id) })}
          />
        </section>
      )}

      <section aria-labelledby="evidence-documents-title">
        <Title order={2} size="h3" id="evidence-documents-title" mb="sm">
          {t('evidence.documentsTitle')}
        </Title>
        {report.checkProblems.length > 0 && (
          <Alert color="orange" title={t('evidence.checkProblems')} mb="sm">
            <Stack gap={2}>
              {report.checkProblems.map((problem, index) => (
                <Text size="sm" key={index}>
                  {problem.message[language]}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        <DocumentList submission={report} onRemove={remove} />
      </section>
    </Stack>
  );
}

export const Route = createLazyRoute('/reports/$id/evidence')({ component: EvidencePage });
