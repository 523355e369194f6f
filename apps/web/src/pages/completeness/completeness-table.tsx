import { Table } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type CSSProperties } from 'react';
import { useLanguage } from '../../i18n/language';
import type { MessageKey } from '../../i18n/messages';
import { toRowModel, type CompletenessRow, type RoleName, type RowModel } from './completeness-model';

const COLUMNS = 5;

// Rows are plain elements of one fixed height: a national list mounts dozens of rows a frame while scrolling, so
// neither per-row measuring nor component-library cells fit in a frame's budget. Two lines of a name fit the height.
const ROW_HEIGHT = 60;
const CELL: CSSProperties = {
  height: ROW_HEIGHT,
  padding: '0 var(--mantine-spacing-sm)',
  borderBottom: '1px solid var(--mantine-color-gray-3)',
  fontSize: 'var(--mantine-font-size-sm)',
  lineHeight: 1.35,
  verticalAlign: 'middle',
};
const TWO_LINES: CSSProperties = { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' };
const SMALL: CSSProperties = { fontSize: 'var(--mantine-font-size-xs)' };
const LATE_TEXT: CSSProperties = { fontWeight: 700, color: 'var(--mantine-color-red-9)' };
const LATE_ROW: CSSProperties = { background: 'var(--mantine-color-red-0)' };
const STATUS: CSSProperties = { display: 'flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' };
const DOT: CSSProperties = { flex: 'none', width: 10, height: 10, borderRadius: '50%' };
const LINK: CSSProperties = { color: 'var(--mantine-color-anchor)', textDecoration: 'underline' };

function UnitCell({ row }: { row: RowModel }) {
  const { t } = useLanguage();
  const name = row.unitName ?? t('completeness.ownReport', { region: row.regionName ?? row.regionCode ?? '' });
  if (!row.href) {
    return (
      <>
        <span style={TWO_LINES} data-testid="unit-name">
          {name}
        </span>
        <span style={SMALL}>{t('completeness.noReport')}</span>
      </>
    );
  }
  return (
    <Link to={row.href} style={{ ...LINK, ...TWO_LINES }} data-testid="unit-name">
      {name}
    </Link>
  );
}

/** A reporter's own row: how many answer codes no unit is assigned, in words, linked to the assignments that list them. */
function Unassigned({ source, cycleId }: { source: CompletenessRow; cycleId: string | undefined }) {
  const { t } = useLanguage();
  const n = source.unassignedItems;
  if (!n) return null;
  const text = t('assignments.completenessUnassigned', { n });
  const reporter = source.organisationId ? { organisationId: source.organisationId } : source.regionCode ? { regionCode: source.regionCode } : {};
  return (
    <span style={{ ...SMALL, display: 'block' }} data-testid="completeness-unassigned">
      {cycleId ? (
        <Link to="/manage/assignments" search={{ cycleId, ...reporter }} style={LINK} aria-label={t('assignments.completenessLink', { n })}>
          {text}
        </Link>
      ) : (
        text
      )}
    </span>
  );
}

function CompletenessTableRow({ row, rowIndex, source, cycleId }: { row: RowModel; rowIndex: number; source: CompletenessRow; cycleId: string | undefined }) {
  const { t } = useLanguage();
  return (
    <tr aria-rowindex={rowIndex} data-testid="completeness-row" data-status={row.status} style={row.status === 'LATE' ? LATE_ROW : undefined}>
      <td style={CELL}>
        <UnitCell row={row} />
      </td>
      <td style={CELL}>
        <span style={TWO_LINES}>{row.regionCode ? `${row.regionName ?? ''} (${row.regionCode})` : '—'}</span>
      </td>
      <td style={CELL}>
        {/* The dot's colour only repeats the status; the words carry it. */}
        <span style={STATUS} data-testid="completeness-status">
          <span aria-hidden="true" style={{ ...DOT, background: `var(--mantine-color-${row.colour}-6)` }} />
          {t(`completeness.status.${row.status}` as MessageKey)}
        </span>
        <Unassigned source={source} cycleId={cycleId} />
      </td>
      <td style={CELL} data-testid="completeness-late">
        {row.lateFlag ? <span style={LATE_TEXT}>{t(row.lateFlag === 'LATE' ? 'completeness.late' : 'completeness.submittedLate')}</span> : t('completeness.notLate')}
      </td>
      <td style={CELL} data-testid="completeness-deadline">
        <span style={TWO_LINES}>
          {row.deadline === null ? t('completeness.noDeadline') : row.extended ? t('completeness.extended', { date: row.deadline }) : row.deadline}
        </span>
      </td>
    </tr>
  );
}

/**
 * The units as a real table, of which only the rows in view (and a few either side) are in the page, so a national
 * list of 25,700 units scrolls as smoothly as a regency's ten. Spacer rows keep the scroll height; aria-rowcount and
 * each row's aria-rowindex tell assistive technology where a row sits in the whole list. The scroll box is focusable,
 * so it scrolls from the keyboard too.
 */
export function CompletenessTable({ rows, roles, cycleId }: { rows: readonly CompletenessRow[]; roles: readonly { role: RoleName }[]; cycleId?: string }) {
  const { t, language } = useLanguage();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  // Before the scroll box is known no row is in view: the whole height is then one spacer, so the box grows to its limit.
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
      <Table stickyHeader miw={760} layout="fixed" aria-label={t('completeness.tableLabel')} aria-rowcount={rows.length + 1} data-testid="completeness-table" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <Table.Th scope="col" w="28%">{t('completeness.colUnit')}</Table.Th>
            <Table.Th scope="col" w="20%">{t('completeness.colRegion')}</Table.Th>
            <Table.Th scope="col" w="15%">{t('completeness.colStatus')}</Table.Th>
            <Table.Th scope="col" w="12%">{t('completeness.colLate')}</Table.Th>
            <Table.Th scope="col" w="25%">{t('completeness.colDeadline')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 && (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS} style={{ height: before, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => (
            <CompletenessTableRow key={item.key} rowIndex={item.index + 2} row={toRowModel(rows[item.index], language, roles)} source={rows[item.index]} cycleId={cycleId} />
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
