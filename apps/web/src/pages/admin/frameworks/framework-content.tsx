import { Table, Text, Title } from '@mantine/core';
import { useLanguage } from '../../../i18n/language';
import type { MessageKey } from '../../../i18n/messages';
import type { ContentOutline } from './frameworks-model';

/** A version's content read-only: KKP HAM bands, then each criterion's indicators; RANHAM its actions. */
export function FrameworkContent({ outline }: { outline: ContentOutline }) {
  const { t, language } = useLanguage();
  const number = (value: number) => new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB').format(value);
  if (outline.kind === 'RANHAM') {
    return (
      <section aria-labelledby="content-title">
        <Title order={2} size="h3" id="content-title" mb="xs">
          {t('frameworks.content.actions')}
        </Title>
        <Table.ScrollContainer minWidth={480}>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('frameworks.content.code')}</Table.Th>
                <Table.Th scope="col">{t('frameworks.content.actionTitle')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outline.actions.map((action) => (
                <Table.Tr key={action.code}>
                  <Table.Td>{action.code}</Table.Td>
                  <Table.Td>{action.title}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
    );
  }
  return (
    <section aria-labelledby="content-title" data-testid="framework-content">
      <Title order={2} size="h3" id="content-title" mb="xs">
        {t('frameworks.content.title')}
      </Title>
      <Table withTableBorder maw={420} mb="md">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left', color: 'var(--mantine-color-text)' }}>{t('frameworks.content.bands')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('frameworks.content.band')}</Table.Th>
            <Table.Th scope="col">{t('frameworks.content.min')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {outline.bands.map((edge) => (
            <Table.Tr key={edge.band}>
              <Table.Td>{t(`frameworks.band.${edge.band}` as MessageKey)}</Table.Td>
              <Table.Td>{number(edge.min)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {outline.criteria.map(({ criterion, indicators }) => (
        <Table.ScrollContainer key={criterion.code} minWidth={560} mb="md">
          <Table withTableBorder striped>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left', color: 'var(--mantine-color-text)' }}>
              <Text fw={600} component="span">
                {criterion.code} · {criterion.name}
              </Text>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('frameworks.content.code')}</Table.Th>
                <Table.Th scope="col">{t('frameworks.content.text')}</Table.Th>
                <Table.Th scope="col">{t('frameworks.content.type')}</Table.Th>
                <Table.Th scope="col">{t('frameworks.content.answerType')}</Table.Th>
                <Table.Th scope="col">{t('frameworks.content.points')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {indicators.map((indicator) => (
                <Table.Tr key={indicator.code} data-testid="indicator-row">
                  <Table.Td>{indicator.code}</Table.Td>
                  <Table.Td>{indicator.text}</Table.Td>
                  <Table.Td>{indicator.type}</Table.Td>
                  <Table.Td>{indicator.answerType}</Table.Td>
                  <Table.Td>{number(indicator.points)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ))}
    </section>
  );
}
