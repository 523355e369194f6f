import { Alert, Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { describeApiError, isApiErrorBody } from '@peduli/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useLanguage } from '../../../i18n/language';
import { ErrorSummary, type SummaryItem } from '../../error-summary';
import { publishVersion } from './frameworks-data';
import { adoptableCycles, startedRuns, type CycleView, type VersionSummary } from './frameworks-model';

/**
 * Publishing a draft: choose the cycles that adopt it, confirm (a published version is frozen), then watch the
 * recalculation the first adopting cycle started.
 */
export function PublishPanel({ version, cycles }: { version: VersionSummary; cycles: readonly CycleView[] }) {
  const { t } = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const open = adoptableCycles(cycles, version.programme);
  const [chosen, setChosen] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [problems, setProblems] = useState<SummaryItem[]>([]);

  const publish = async () => {
    setSending(true);
    setProblems([]);
    try {
      const { data, error } = await publishVersion(version.id, chosen);
      if (!data) {
        const listed = isApiErrorBody(error) ? (error.problems ?? []).map((p) => ({ fieldId: null, text: `${p.field}: ${p.problem}` })) : [];
        setProblems([{ fieldId: null, text: describeApiError(error)[0] ?? t('frameworks.loadFailed') }, ...listed]);
        setConfirming(false);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: ['framework-versions'] });
      await queryClient.invalidateQueries({ queryKey: ['framework-version', version.id] });
      const [runId] = startedRuns(data);
      if (runId) await navigate({ to: '/manage/recalculations/$id', params: { id: runId } });
      else setConfirming(false);
    } catch {
      setProblems([{ fieldId: null, text: t('form.network') }]);
    } finally {
      setSending(false);
    }
  };

  const names = open.filter((cycle) => chosen.includes(cycle.id)).map((cycle) => cycle.label);
  return (
    <section aria-labelledby="publish-title" data-testid="publish">
      <Stack gap="sm">
        <Title order={2} size="h3" id="publish-title">
          {t('frameworks.publish.title')}
        </Title>
        <Text size="sm">{t('frameworks.publish.intro')}</Text>
        <ErrorSummary title={t('frameworks.publish.failed')} items={problems} />
        {open.length > 0 ? (
          <Checkbox.Group label={t('frameworks.publish.cycles')} description={t('frameworks.publish.cyclesHint')} styles={{ description: { color: 'var(--mantine-color-text)' } }} value={chosen} onChange={setChosen}>
            <Stack gap="xs" mt="xs">
              {open.map((cycle) => (
                <Checkbox key={cycle.id} value={cycle.id} label={cycle.label} data-testid="publish-cycle" disabled={confirming} />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : (
          <Text>{t('frameworks.publish.noCycles')}</Text>
        )}
        {!confirming ? (
          <div>
            <Button onClick={() => setConfirming(true)} data-testid="publish-start">
              {t('frameworks.publish.start')}
            </Button>
          </div>
        ) : (
          <Alert color="yellow" variant="outline" title={t('frameworks.publish.confirmTitle')} data-testid="publish-confirm">
            <Stack gap="xs">
              <Text size="sm">
                {names.length > 0 ? t('frameworks.publish.confirmCycles', { cycles: names.join(', ') }) : t('frameworks.publish.confirmNoCycles')}
              </Text>
              <Text size="sm">{t('frameworks.publish.confirmFrozen')}</Text>
              <Group gap="sm">
                <Button color="green" onClick={publish} loading={sending} data-testid="publish-confirm-button">
                  {t('frameworks.publish.confirm')}
                </Button>
                <Button variant="default" onClick={() => setConfirming(false)} disabled={sending}>
                  {t('frameworks.publish.cancel')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </Stack>
    </section>
  );
}
