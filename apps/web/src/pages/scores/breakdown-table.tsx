import { Box, Table, Text } from '@mantine/core';
import { useLanguage } from '../../i18n/language';
import { DICTIONARIES, type MessageKey } from '../../i18n/messages';
import { READABLE_CAPTION } from '../review/readable';
import { answerText, formatScore, type Adjustment, type BreakdownRow, type Programme, type Why } from './scores-model';

function useWhyText(): (why: Why) => string {
  const { t } = useLanguage();
  const reason = (code: string) => {
    const key = `scores.reason.${code}`;
    return key in DICTIONARIES.id ? t(key as MessageKey) : code;
  };
  return (why) => {
    if (why.kind === 'REJECTED') return t('scores.status.REJECTED', { reason: reason(why.reason) });
    if (why.kind === 'UNANSWERED') return t('scores.status.UNANSWERED');
    if (why.kind === 'INVALID') return t('scores.status.INVALID', { reason: why.reason });
    return why.rule;
  };
}

/**
 * The breakdown per indicator (or success measure): the reporter's answer beside the verifier's value, which one
 * counted, the points and the rule or reason. Wider than a phone, so it scrolls sideways, by keyboard too.
 */
export function BreakdownTable({ programme, rows }: { programme: Programme; rows: readonly BreakdownRow[] }) {
  const { t, language } = useLanguage();
  const whyText = useWhyText();
  const words = { yes: t('scores.yes'), no: t('scores.no'), none: t('scores.empty.value') };
  const number = (value: number) => new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
  return (
    <Box role="region" aria-label={t('scores.breakdownCaption')} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table striped miw={960} data-testid="breakdown-table" verticalSpacing="xs">
        <Table.Caption style={READABLE_CAPTION}>{t('scores.breakdownCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t(programme === 'RANHAM' ? 'scores.colMeasure' : 'scores.colIndicator')}</Table.Th>
            <Table.Th scope="col">{t(programme === 'RANHAM' ? 'scores.colAction' : 'scores.colCriterion')}</Table.Th>
            <Table.Th scope="col">{t('scores.colClaimed')}</Table.Th>
            <Table.Th scope="col">{t('scores.colVerified')}</Table.Th>
            <Table.Th scope="col">{t('scores.colCounted')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('scores.colPoints')}
            </Table.Th>
            <Table.Th scope="col">{t('scores.colWhy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.code} data-testid={`breakdown-${row.code}`}>
              <Table.Th scope="row" fw={400} maw={320}>
                <Text size="sm" fw={600} span>
                  {row.code}
                </Text>
                {row.label && (
                  <Text size="sm" lineClamp={3}>
                    {row.label}
                  </Text>
                )}
              </Table.Th>
              <Table.Td>{row.group}</Table.Td>
              <Table.Td data-testid="claimed">{answerText(row.claimed, words, language)}</Table.Td>
              <Table.Td data-testid="verified">{answerText(row.verified, words, language)}</Table.Td>
              <Table.Td data-testid="counted">{t(`scores.counted.${row.counted ?? 'NONE'}` as MessageKey)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {t('scores.pointsOf', { points: number(row.points), max: number(row.maxPoints) })}
              </Table.Td>
              <Table.Td maw={280}>
                <Text size="sm">{whyText(row.why)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

/** KKP HAM's adjustments: the value recorded, the points asked and applied, the cap and whether it bit, and why. */
export function AdjustmentsTable({ adjustments }: { adjustments: readonly Adjustment[] }) {
  const { t, language } = useLanguage();
  const number = (value: number | null) => (value === null ? t('scores.empty.value') : formatScore(value, language));
  if (adjustments.length === 0) return <Text data-testid="no-adjustments">{t('scores.noAdjustments')}</Text>;
  return (
    <Box role="region" aria-label={t('scores.adjustmentsCaption')} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table striped miw={840} data-testid="adjustments-table">
        <Table.Caption style={READABLE_CAPTION}>{t('scores.adjustmentsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('scores.colAdjustment')}</Table.Th>
            <Table.Th scope="col">{t('scores.colKind')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('scores.colValue')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('scores.colRequested')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('scores.colApplied')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('scores.colCap')}
            </Table.Th>
            <Table.Th scope="col">{t('scores.colSource')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {adjustments.map((adjustment) => (
            <Table.Tr key={adjustment.code}>
              <Table.Th scope="row" fw={400}>
                {adjustment.name}
              </Table.Th>
              <Table.Td>{t(`scores.kind.${adjustment.kind}` as MessageKey)}</Table.Td>
              <Table.Td ta="right">{number(adjustment.value)}</Table.Td>
              <Table.Td ta="right">{number(adjustment.requested)}</Table.Td>
              <Table.Td ta="right">{adjustment.capped ? t('scores.capped', { applied: number(adjustment.applied) }) : number(adjustment.applied)}</Table.Td>
              <Table.Td ta="right">{number(adjustment.cap)}</Table.Td>
              <Table.Td>{[adjustment.reason, adjustment.source].filter(Boolean).join(' · ') || t('scores.empty.value')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
