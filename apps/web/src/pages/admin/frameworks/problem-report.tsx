import { Table, Text, Title } from '@mantine/core';
import { useLanguage } from '../../../i18n/language';
import { groupBySheet, type ImportProblem } from './frameworks-model';

/** The refused file's problems, a table per sheet with row, column and message (a JSON/YAML file: its path instead). */
export function ProblemReport({ problems }: { problems: readonly ImportProblem[] }) {
  const { t } = useLanguage();
  return (
    <section aria-labelledby="problem-report-title" data-testid="problem-report">
      <Title order={2} size="h3" id="problem-report-title" mb="xs">
        {t('frameworks.import.reportTitle', { n: problems.length })}
      </Title>
      {groupBySheet(problems).map((group) => (
        <Table.ScrollContainer key={group.sheet ?? ''} minWidth={480} mb="md">
          <Table withTableBorder striped data-testid="problem-sheet">
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left', color: 'var(--mantine-color-text)' }}>
              <Text fw={600} component="span">
                {group.sheet ? t('frameworks.import.sheet', { sheet: group.sheet }) : t('frameworks.import.wholeFile')}
              </Text>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {group.sheet ? (
                  <>
                    <Table.Th scope="col">{t('frameworks.import.colRow')}</Table.Th>
                    <Table.Th scope="col">{t('frameworks.import.colColumn')}</Table.Th>
                  </>
                ) : (
                  <Table.Th scope="col">{t('frameworks.import.colWhere')}</Table.Th>
                )}
                <Table.Th scope="col">{t('frameworks.import.colMessage')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {group.problems.map((problem, index) => (
                <Table.Tr key={index} data-testid="problem-row">
                  {group.sheet ? (
                    <>
                      <Table.Td>{problem.row ?? '—'}</Table.Td>
                      <Table.Td>{problem.column ? `${problem.column}${problem.header ? ` (${problem.header})` : ''}` : '—'}</Table.Td>
                    </>
                  ) : (
                    <Table.Td>{problem.field}</Table.Td>
                  )}
                  <Table.Td>{problem.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ))}
    </section>
  );
}
