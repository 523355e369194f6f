import { Group, Stack, Text } from '@mantine/core';
import { useLanguage } from '../../i18n/language';
import { percentSent, type UploadItem } from './upload-queue';

/** Each picked file with its own progress bar and, when refused, the API's reason beside it. */
export function UploadList({ items }: { items: readonly UploadItem[] }) {
  const { t } = useLanguage();
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((item) => {
        const percent = percentSent(item);
        return (
          <li key={item.key} data-testid="upload" data-state={item.state}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {item.fileName}
              </Text>
              <Text size="sm" c={item.state === 'failed' ? 'red.9' : undefined} style={{ whiteSpace: 'nowrap' }}>
                {t(`evidence.state.${item.state}`, { percent })}
              </Text>
            </Group>
            <progress className="upload-progress" max={100} value={percent} aria-label={t('evidence.progress', { name: item.fileName })} style={{ width: '100%' }} />
            {item.error && (
              <Text size="sm" c="red.9" data-testid="upload-error">
                {item.error}
              </Text>
            )}
          </li>
        );
      })}
    </Stack>
  );
}
