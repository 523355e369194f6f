import { Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useLanguage } from '../../i18n/language';
import type { MessageKey } from '../../i18n/messages';
import { obtainPrinted } from './printed-data';
import { isBusy, type PrintedReport, type PrintPhase } from './printed-model';

const PHASE_WORDS: Partial<Record<PrintPhase['phase'], MessageKey>> = {
  requesting: 'printed.requesting',
  preparing: 'printed.preparing',
  downloading: 'printed.downloading',
  timedOut: 'printed.tooLong',
};

/**
 * One document's download: the button starts it, a status line beside it says in words where it stands (announced
 * politely to screen readers), and a failure says why and offers to try again.
 */
export function PrintButton({ label, start, testId }: { label: string; start: () => Promise<PrintedReport>; testId: string }) {
  const { t } = useLanguage();
  const [state, setState] = useState<PrintPhase>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const run = () => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    obtainPrinted(start, (phase) => !current.signal.aborted && setState(phase), current.signal).catch((error: unknown) => {
      if (!current.signal.aborted) setState({ phase: 'failed', reason: error instanceof Error ? error.message : String(error) });
    });
  };

  const words = PHASE_WORDS[state.phase];
  const failed = state.phase === 'failed' || state.phase === 'timedOut';
  return (
    <Stack gap={4} data-testid={testId}>
      <Group gap="sm" wrap="wrap">
        <Button onClick={run} loading={isBusy(state)} variant={failed ? 'outline' : 'filled'}>
          {label}
        </Button>
        {failed && (
          <Button variant="subtle" onClick={run}>
            {t('printed.retry')}
          </Button>
        )}
      </Group>
      <Text role="status" aria-live="polite" size="sm" c={failed ? 'red.9' : undefined} data-testid={`${testId}-status`}>
        {state.phase === 'saved'
          ? t('printed.saved', { name: state.fileName })
          : state.phase === 'failed'
            ? [t('printed.failed'), state.reason].filter(Boolean).join(' ')
            : words
              ? t(words)
              : ''}
      </Text>
    </Stack>
  );
}
