import { Box, Group, Stack, Table, Text } from '@mantine/core';
import { useLanguage } from '../../i18n/language';
import { READABLE_CAPTION } from '../review/readable';
import { segmentsOf, type StackedRow } from './dashboard-model';

export interface Category {
  key: string;
  label: string;
  colour: string;
}

/**
 * Stacked bars, one per row, with a legend in words; each bar is read out as one sentence, and the same counts follow
 * in a table (with a total row) for anyone who would rather read them or cannot tell the colours apart.
 */
export function StackedChart({
  id,
  rows,
  categories,
  rowHeader,
  caption,
  nameOf,
  total,
}: {
  id: string;
  rows: readonly StackedRow[];
  categories: readonly Category[];
  rowHeader: string;
  caption: string;
  nameOf(row: StackedRow): string;
  total?: StackedRow;
}) {
  const { t } = useLanguage();
  const labelOf = (key: string) => categories.find((category) => category.key === key)?.label ?? key;
  return (
    <Stack gap="sm">
      <Group gap="md" component="ul" aria-label={t('dashboard.legend')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {categories.map((category) => (
          <Group key={category.key} gap={6} component="li" wrap="nowrap">
            <Box w={14} h={14} style={{ background: category.colour, borderRadius: 2 }} aria-hidden />
            <Text size="sm">{category.label}</Text>
          </Group>
        ))}
      </Group>
      <Stack gap={6} data-testid={`${id}-chart`}>
        {rows.map((row) => {
          const parts = segmentsOf(row);
          const said = parts.map((part) => t('dashboard.chartPart', { label: labelOf(part.category), n: part.count, total: row.total })).join(', ');
          return (
            <div key={row.key}>
              <Text size="sm" aria-hidden>
                {nameOf(row)}
              </Text>
              <Box
                role="img"
                aria-label={`${nameOf(row)}: ${said || t('dashboard.chartNone')}`}
                h={18}
                style={{ display: 'flex', borderRadius: 2, overflow: 'hidden', background: 'var(--mantine-color-gray-1)' }}
              >
                {parts.map((part) => (
                  <Box
                    key={part.category}
                    h="100%"
                    style={{
                      width: `${part.percent}%`,
                      background: categories.find((category) => category.key === part.category)?.colour,
                      borderRight: '1px solid white',
                    }}
                  />
                ))}
              </Box>
            </div>
          );
        })}
      </Stack>
      {/* Wider than a phone: the table scrolls sideways, and the keyboard can scroll it too. */}
      <Box role="region" aria-label={caption} tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table striped miw={560} data-testid={`${id}-table`}>
          <Table.Caption style={READABLE_CAPTION}>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{rowHeader}</Table.Th>
              {categories.map((category) => (
                <Table.Th scope="col" key={category.key} ta="right">
                  {category.label}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                {t('dashboard.colTotal')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...rows, ...(total ? [total] : [])].map((row) => (
              <Table.Tr key={row.key} fw={row === total ? 600 : undefined}>
                <Table.Th scope="row" fw={row === total ? 600 : 400}>
                  {row === total ? t('dashboard.rowTotal') : nameOf(row)}
                </Table.Th>
                {categories.map((category) => (
                  <Table.Td key={category.key} ta="right">
                    {row.counts.find((entry) => entry.category === category.key)?.count ?? 0}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{row.total}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </Stack>
  );
}
