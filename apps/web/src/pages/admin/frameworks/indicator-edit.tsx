import { Button, NativeSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { describeApiError } from '@peduli/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLanguage } from '../../../i18n/language';
import type { MessageKey } from '../../../i18n/messages';
import { ErrorSummary, type SummaryItem } from '../../error-summary';
import { saveDraft } from './frameworks-data';
import { checkIndicatorEdit, withIndicatorEdit, type IndicatorContent, type VersionDetail } from './frameworks-model';

// Mantine dims descriptions below the contrast axe asks for; hints here are read, so they keep the text colour.
const READABLE_DESCRIPTION = { description: { color: 'var(--mantine-color-text)' } };

/** A draft's indicator edited in place: its text and its points; the rest of the content is sent back unchanged. */
export function IndicatorEditForm({ version, indicators }: { version: VersionDetail; indicators: readonly IndicatorContent[] }) {
  const { t, language } = useLanguage();
  const queryClient = useQueryClient();
  const [code, setCode] = useState(indicators[0]?.code ?? '');
  const current = indicators.find((indicator) => indicator.code === code);
  const [text, setText] = useState(current?.text ?? '');
  const [points, setPoints] = useState(current ? String(current.points) : '');
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [saved, setSaved] = useState(false);
  const [sending, setSending] = useState(false);

  const choose = (next: string) => {
    const indicator = indicators.find((item) => item.code === next);
    setCode(next);
    setText(indicator?.text ?? '');
    setPoints(indicator ? String(indicator.points).replace('.', language === 'id' ? ',' : '.') : '');
    setSaved(false);
    setProblems([]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const own = checkIndicatorEdit({ text, points });
    if (own.length > 0) {
      setProblems(own.map((problem) => ({ fieldId: problem.field, text: t(problem.key as MessageKey) })));
      return;
    }
    setSending(true);
    try {
      const { data, error } = await saveDraft(version.id, withIndicatorEdit(version.content, code, { text, points }));
      if (!data) {
        setProblems([{ fieldId: null, text: describeApiError(error).join(' ') || t('frameworks.loadFailed') }]);
        return;
      }
      setProblems([]);
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['framework-version', version.id] });
    } catch {
      setProblems([{ fieldId: null, text: t('form.network') }]);
    } finally {
      setSending(false);
    }
  };

  const problemOf = (field: string) => problems.find((problem) => problem.fieldId === field)?.text;
  return (
    <section aria-labelledby="edit-title" data-testid="indicator-edit">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={640}>
          <Title order={2} size="h3" id="edit-title">
            {t('frameworks.edit.title')}
          </Title>
          <ErrorSummary title={t('frameworks.edit.summaryTitle')} items={problems} />
          <NativeSelect
            id="indicator-code"
            label={t('frameworks.edit.indicator')}
            value={code}
            onChange={(event) => choose(event.currentTarget.value)}
            data={indicators.map((indicator) => ({ value: indicator.code, label: `${indicator.code} · ${indicator.text.slice(0, 60)}` }))}
          />
          <Textarea id="indicator-text" label={t('frameworks.edit.text')} value={text} onChange={(event) => setText(event.currentTarget.value)} error={problemOf('indicator-text')} autosize minRows={2} />
          <TextInput
            id="indicator-points"
            label={t('frameworks.edit.points')}
            description={t('frameworks.edit.pointsHint')}
            styles={READABLE_DESCRIPTION}
            value={points}
            onChange={(event) => setPoints(event.currentTarget.value)}
            error={problemOf('indicator-points')}
            inputMode="decimal"
            maw={200}
          />
          <div>
            <Button type="submit" loading={sending} data-testid="indicator-save">
              {t('frameworks.edit.save')}
            </Button>
          </div>
          {saved && (
            <Text role="status" data-testid="indicator-saved">
              {t('frameworks.edit.saved')}
            </Text>
          )}
        </Stack>
      </form>
    </section>
  );
}
