import { Alert, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { createLazyRoute, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useLanguage } from '../../../i18n/language';
import type { MessageKey } from '../../../i18n/messages';
import { AnchorLink } from '../../report/links';
import { AdminOnly } from './admin-only';
import { FrameworkContent } from './framework-content';
import { useAllCycles, useVersion } from './frameworks-data';
import { outlineOf, type VersionDetail } from './frameworks-model';
import { ImportForm } from './import-form';
import { IndicatorEditForm } from './indicator-edit';
import { PublishPanel } from './publish-panel';
import { VersionStatusBadge } from './version-status';
import { WhatIfPanel } from './what-if-panel';

/** A draft's tools: what still blocks publishing, a corrected file, an indicator's edit, what-if, and publishing. */
function DraftTools({ version }: { version: VersionDetail }) {
  const { t, language } = useLanguage();
  const queryClient = useQueryClient();
  const cycles = useAllCycles();
  // Each imported file counts, so the edit form starts again from the new content.
  const [imports, setImports] = useState(0);
  const outline = outlineOf(version.content);
  return (
    <Stack gap="xl">
      {version.problems.length > 0 ? (
        <Alert color="yellow" variant="outline" title={t('frameworks.version.problems', { n: version.problems.length })} data-testid="draft-problems">
          <List size="sm">
            {version.problems.map((problem, index) => (
              <List.Item key={index}>
                {problem.path}: {problem.message[language]}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Text data-testid="draft-ready">{t('frameworks.version.ready')}</Text>
      )}
      <section aria-labelledby="import-into-title">
        <Title order={2} size="h3" id="import-into-title" mb="xs">
          {t('frameworks.import.intoTitle')}
        </Title>
        <ImportForm
          draftId={version.id}
          onImported={async () => {
            setImports((n) => n + 1);
            await queryClient.invalidateQueries({ queryKey: ['framework-version', version.id] });
          }}
        />
        {imports > 0 && (
          <Text role="status" mt="xs" data-testid="import-replaced">
            {t('frameworks.import.replaced')}
          </Text>
        )}
      </section>
      {outline.kind === 'KKP_HAM' && outline.criteria.length > 0 && (
        <IndicatorEditForm key={imports} version={version} indicators={outline.criteria.flatMap((group) => group.indicators)} />
      )}
      {cycles.data && <WhatIfPanel version={version} cycles={cycles.data} />}
      {cycles.data && <PublishPanel version={version} cycles={cycles.data} />}
    </Stack>
  );
}

function VersionPage() {
  const { t } = useLanguage();
  const { id } = useParams({ from: '/manage/frameworks/$id' });
  const version = useVersion(id);
  if (version.isPending) return <Loader size="sm" aria-label={t('frameworks.loading')} />;
  if (version.isError) return <Alert color="red">{t('frameworks.loadFailed')}</Alert>;
  const detail = version.data;
  return (
    <Stack gap="lg">
      <AnchorLink to="/manage/frameworks">{t('frameworks.back')}</AnchorLink>
      <Title order={1}>{detail.label}</Title>
      <Group gap="sm">
        <VersionStatusBadge status={detail.status} />
        <Text>
          {t(`programme.${detail.programme}` as MessageKey)} · {detail.frameworkCode} · {t('frameworks.version.number', { n: detail.version })}
        </Text>
      </Group>
      {detail.status === 'DRAFT' ? <DraftTools version={detail} /> : <Text>{t('frameworks.version.frozen')}</Text>}
      <FrameworkContent outline={outlineOf(detail.content)} />
    </Stack>
  );
}

export const Route = createLazyRoute('/manage/frameworks/$id')({
  component: () => (
    <AdminOnly>
      <VersionPage />
    </AdminOnly>
  ),
});
