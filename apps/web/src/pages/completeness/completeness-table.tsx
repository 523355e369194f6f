import { Anchor, Group, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useLanguage } from '../../i18n/language';
import type { MessageKey } from '../../i18n/messages';
import { toRowModel, type CompletenessRow, type RoleName, type RowModel } from './completeness-model';

const COLUMNS = 5;
const ROW_ESTIMATE = 52;

function UnitCell({ row }: { row: RowModel }) {
  const { t } = useLanguage();
  const name = row.unitName ?? t('completeness.ownReport', { region: row.regionName ?? row.regionCode ?? '' });
  if (!row.href) {
    return (
      <>
        <Text size="sm" data-testid="unit-name">
          {name}
        </Text>
        <Text size="xs">{t('completeness.noReport')}</Text>
      </>
    );
  }
  return (
    <Anchor component={Link} to={row.href} size="sm" underline="always" data-testid="unit-name">
      {name}
    </Anchor>
  );
}

function CompletenessTableRow({ row, rowIndex, measure, index }: { row: RowModel; rowIndex: number; measure: (node: Element | null) => void; index: number }) {
  const { t } = useLanguage();
  return (
    <Table.Tr
      ref={measure}
      data-index={index}
      aria-rowindex={rowIndex}
      data-testid="completeness-row"
      data-status={row.status}
      style={row.status === 'LATE' ? { background: 'var(--mantine-color-red-0)' } : undefined}
    >
      <Table.Td>
        <UnitCell row={row} />
      </Table.Td>
      <Table.Td>{row.regionCode ? `${row.regionName ?? ''} (${row.regionCode})` : '—'}</Table.Td>
      <Table.Td>
        {/* The dot's colour only repeats the status; the words carry it. */}
        <Group gap={6} wrap="nowrap" data-testid="completeness-status">
          <span aria-hidden="true" style={{ flex: 'none', width: 10, height: 10, borderRadius: '50%', background: `var(--mantine-color-${row.colour}-6)` }} />
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {t(`completeness.status.${row.status}` as MessageKey)}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td data-testid="completeness-late">
        {row.lateFlag ? (
          <Text size="sm" fw={700} c="red.9">
            {t(row.lateFlag === 'LATE' ? 'completeness.late' : 'completeness.submittedLate')}
          </Text>
        ) : (
          <Text size="sm">{t('completeness.notLate')}</Text>
        )}
      </Table.Td>
      <Table.Td data-testid="completeness-deadline">
        <Text size="sm">
          {row.deadline === null ? t('completeness.noDeadline') : row.extended ? t('completeness.extended', { date: row.deadline }) : row.deadline}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The units as a real table, of which only the rows in view (and a few either side) are in the page, so a national
 * list of 25,700 units scrolls as smoothly as a regency's ten. Spacer rows keep the scroll height; aria-rowcount and
 * each row's aria-rowindex tell assistive technology where a row sits in the whole list. The scroll box is focusable,
 * so it scrolls from the keyboard too.
 */
export function CompletenessTable({ rows, roles }: { rows: readonly CompletenessRow[]; roles: readonly { role: RoleName }[] }) {
  const { t, language } = useLanguage();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  // Before the first measure no row is in view: the whole height is then one spacer, so the box grows to its limit.
  const before = items.length > 0 ? items[0].start : 0;
  const after = virtualizer.getTotalSize() - (items.length > 0 ? items[items.length - 1].end : 0);

  return (
    <div
      ref={scrollRef}
      role="region"
      aria-label={t('completeness.tableLabel')}
      tabIndex={0}
      data-testid="completeness-scroll"
      style={{ maxHeight: 'min(65vh, 640px)', overflow: 'auto', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}
    >
      <Table stickyHeader miw={760} aria-label={t('completeness.tableLabel')} aria-rowcount={rows.length + 1} data-testid="completeness-table" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <Table.Th scope="col">{t('completeness.colUnit')}</Table.Th>
            <Table.Th scope="col">{t('completeness.colRegion')}</Table.Th>
            <Table.Th scope="col">{t('completeness.colStatus')}</Table.Th>
            <Table.Th scope="col">{t('completeness.colLate')}</Table.Th>
            <Table.Th scope="col">{t('completeness.colDeadline')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 && (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS} style={{ height: before, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => (
            <CompletenessTableRow
              key={item.key}
              index={item.index}
              rowIndex={item.index + 2}
              measure={virtualizer.measureElement}
              row={toRowModel(rows[item.index], language, roles)}
            />
          ))}
          {after > 0 && (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS} style={{ height: after, padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
