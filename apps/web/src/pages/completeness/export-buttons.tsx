import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useLanguage } from '../../i18n/language';
import { downloadExport } from './completeness-data';
import type { CompletenessFilters, ExportFormat } from './completeness-model';

type ExportState = { phase: 'idle' } | { phase: 'busy'; format: ExportFormat } | { phase: 'done'; name: string } | { phase: 'failed'; reason: string };

/** CSV and XLSX of what the table shows, made by the API's export with the same period and filters. */
export function ExportButtons({ selection, filters }: { selection: { cycleId: string; periodCode: string }; filters: CompletenessFilters }) {
  const { t } = useLanguage();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const download = async (format: ExportFormat) => {
    setState({ phase: 'busy', format });
    try {
      setState({ phase: 'done', name: await downloadExport(selection, filters, format) });
    } catch (error) {
      setState({ phase: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  };
  const busy = state.phase === 'busy';
  return (
    <section aria-labelledby="completeness-export">
      <Stack gap="xs">
        <Title order={2} size="h4" id="completeness-export">
          {t('completeness.exportTitle')}
        </Title>
        <Text size="sm">{t('completeness.exportHint')}</Text>
        <Group gap="sm">
          <Button variant="default" onClick={() => download('csv')} loading={busy && state.format === 'csv'} disabled={busy} data-testid="export-csv">
            {t('completeness.exportCsv')}
          </Button>
          <Button variant="default" onClick={() => download('xlsx')} loading={busy && state.format === 'xlsx'} disabled={busy} data-testid="export-xlsx">
            {t('completeness.exportXlsx')}
          </Button>
        </Group>
        <div role="status" aria-live="polite">
          {busy && <Text size="sm">{t('completeness.exporting')}</Text>}
          {state.phase === 'done' && (
            <Text size="sm" data-testid="export-done">
              {t('completeness.exported', { name: state.name })}
            </Text>
          )}
        </div>
        {state.phase === 'failed' && (
          <Alert color="red" role="alert" data-testid="export-failed">
            {t('completeness.exportFailed', { reason: state.reason })}
          </Alert>
        )}
      </Stack>
    </section>
  );
}
