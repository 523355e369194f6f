import { Button, Text } from '@mantine/core';
import { isApiErrorBody } from '@peduli/api-client';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../auth/session';
import { useLanguage } from '../../i18n/language';
import { AnchorLink } from './links';

/** Beranda's way into a report: open the one that exists, or start one for an open period of my organisation. */
export function OpenReportLink({ submissionId }: { submissionId: string }) {
  const { t } = useLanguage();
  return (
    <Text size="sm" mt="xs">
      <AnchorLink to="/reports/$id" params={{ id: submissionId }} search={{}} data-testid="open-report">
        {t('report.open')}
      </AnchorLink>
    </Text>
  );
}

export function StartReportButton(props: { programme: 'KKP_HAM' | 'RANHAM'; periodKey: string; organisationId: string | null }) {
  const { t } = useLanguage();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const start = async () => {
    setSending(true);
    setProblem(null);
    try {
      const { data, error } = await api.POST('/api/v1/submissions', {
        body: { programme: props.programme, periodKey: props.periodKey, ...(props.organisationId ? { organisationId: props.organisationId } : {}) },
      });
      if (data) await navigate({ to: '/reports/$id', params: { id: data.id }, search: {} });
      else setProblem(isApiErrorBody(error) ? error.message : t('form.network'));
    } catch {
      setProblem(t('form.network'));
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      <Button size="xs" variant="light" mt="xs" loading={sending} onClick={() => void start()} data-testid="start-report">
        {t('report.start')}
      </Button>
      {problem && (
        <Text size="sm" c="red.9" role="alert">
          {problem}
        </Text>
      )}
    </>
  );
}
