import { Radio, Group, Select, Textarea, TextInput } from '@mantine/core';
import { useLanguage } from '../../i18n/language';
import type { ReportTask } from './tasks';

/**
 * Mantine's dimmed descriptions and light-red errors fall below WCAG AA's 4.5:1 on white; darker shades keep the
 * words readable, and a refused value stays in body colour (the red border and message mark it).
 */
const READABLE = {
  descriptionProps: { c: 'gray.8' },
  errorProps: { c: 'red.9' },
} as const;
const READABLE_INPUT = { ...READABLE, styles: { input: { color: 'var(--mantine-color-text)' } } } as const;

/** The one input a task's answer type needs, labelled by the task's question, its error beside it. */
export function TaskInput({ task, draft, error, disabled, onChange }: { task: ReportTask; draft: string; error?: string; disabled: boolean; onChange: (raw: string) => void }) {
  const { t } = useLanguage();
  const id = `answer-${task.code}`;
  const label = `${task.code} · ${task.text}`;
  switch (task.kind) {
    case 'YES_NO':
      return (
        <Radio.Group {...READABLE} id={id} label={label} value={draft} onChange={onChange} error={error} description={task.helpText}>
          <Group mt="xs">
            <Radio value="true" label={t('report.yes')} disabled={disabled} />
            <Radio value="false" label={t('report.no')} disabled={disabled} />
          </Group>
        </Radio.Group>
      );
    case 'CHOICE':
      return <Select {...READABLE_INPUT} id={id} label={label} data={task.choices} value={draft || null} onChange={(value) => onChange(value ?? '')} error={error} description={task.helpText} disabled={disabled} />;
    case 'TEXT':
      return <Textarea {...READABLE_INPUT} id={id} label={label} value={draft} onChange={(event) => onChange(event.currentTarget.value)} error={error} description={task.helpText} autosize minRows={3} disabled={disabled} />;
    case 'DOCUMENT_ONLY':
      return null;
    default:
      return (
        <TextInput
          {...READABLE_INPUT}
          id={id}
          label={label}
          value={draft}
          inputMode="decimal"
          rightSection={task.kind === 'PERCENT' ? '%' : undefined}
          description={[task.helpText, task.kind === 'PERCENT' ? t('report.percentHint') : t('report.numberHint'), task.unit].filter(Boolean).join(' · ')}
          onChange={(event) => onChange(event.currentTarget.value)}
          error={error}
          disabled={disabled}
        />
      );
  }
}
