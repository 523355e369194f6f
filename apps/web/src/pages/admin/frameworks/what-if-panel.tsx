import { Button, List, NativeSelect, Stack, Text, Title } from '@mantine/core';
import type { Schemas } from '@peduli/api-client';
import { describeApiError } from '@peduli/api-client';
import { useState } from 'react';
import { useLanguage } from '../../../i18n/language';
import { ErrorSummary } from '../../error-summary';
import { BandChangeTable } from './band-changes';
import { runWhatIf } from './frameworks-data';
import { defaultWhatIfCycle, type CycleView, type VersionSummary } from './frameworks-model';

/**
 * What-if: this version scored against a cycle's current answers, nothing stored, and the band changes it would cause
 * against the scores the cycle's current version gave.
 */
export function WhatIfPanel({ version, cycles }: { version: VersionSummary; cycles: readonly CycleView[] }) {
  const { t } = useLanguage();
  const own = cycles.filter((cycle) => cycle.programme === version.programme);
  const [cycleId, setCycleId] = useState<string | undefined>(() => defaultWhatIfCycle(cycles, version.programme)?.id);
  const [result, setResult] = useState<Schemas['WhatIfResult'] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const run = async () => {
    if (!cycleId) return;
    setRunning(true);
    setFailure(null);
    try {
      const { data, error } = await runWhatIf(version.id, cycleId);
      setResult(data ?? null);
      if (!data) setFailure(describeApiError(error).join(' ') || t('frameworks.loadFailed'));
    } catch {
      setFailure(t('form.network'));
    } finally {
      setRunning(false);
    }
  };

  return (
    <section aria-labelledby="what-if-title" data-testid="what-if">
      <Stack gap="sm">
        <Title order={2} size="h3" id="what-if-title">
          {t('frameworks.whatIf.title')}
        </Title>
        <Text size="sm">{t('frameworks.whatIf.intro')}</Text>
        <ErrorSummary title={t('frameworks.whatIf.failed')} items={failure ? [{ fieldId: null, text: failure }] : []} />
        {own.length === 0 ? (
          <Text>{t('frameworks.whatIf.noCycles')}</Text>
        ) : (
          <>
            <NativeSelect
              id="what-if-cycle"
              label={t('frameworks.whatIf.cycle')}
              value={cycleId}
              onChange={(event) => setCycleId(event.currentTarget.value)}
              data={own.map((cycle) => ({ value: cycle.id, label: cycle.label }))}
              maw={420}
            />
            <div>
              <Button onClick={run} loading={running} data-testid="what-if-run">
                {t('frameworks.whatIf.run')}
              </Button>
            </div>
          </>
        )}
        {result && (
          <Stack gap="xs" data-testid="what-if-result">
            <Text fw={600}>{t('frameworks.whatIf.summary', { subjects: result.subjects, changed: result.bandChanges.length, unchanged: result.unchanged })}</Text>
            <BandChangeTable changes={result.bandChanges} caption={t('frameworks.whatIf.caption')} />
            {result.failures.length > 0 && (
              <>
                <Text fw={600}>{t('frameworks.failures', { n: result.failures.length })}</Text>
                <List size="sm">
                  {result.failures.map((item) => (
                    <List.Item key={item.submissionId}>{item.error}</List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>
        )}
      </Stack>
    </section>
  );
}
