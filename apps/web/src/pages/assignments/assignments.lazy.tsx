import { Alert, Button, Group, List, Loader, MultiSelect, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { createLazyRoute, useSearch } from '@tanstack/react-router';
import { memo, useEffect, useMemo, useState } from 'react';
import { useLanguage } from '../../i18n/language';
import { programmesOf, reporterKey, reportersOf, type Reporter } from '../compile/compile-logic';
import { useReporterNames } from '../compile/compile-data';
import { ErrorSummary, type SummaryItem } from '../error-summary';
import { useMyRoles } from '../review/review-data';
import { assignmentsKey, copyForward, saveAssignments, useAssignments, useCycles, useVersionContent } from './assignments-data';
import {
  draftOf,
  groupItems,
  isChanged,
  itemsWithoutLead,
  leadFieldId,
  problemsOfRefusal,
  setToSave,
  unitsFieldId,
  withUnits,
  type AssignableItem,
  type AssignmentsView,
  type AssignmentUnit,
  type CopyForwardView,
  type Draft,
  type ItemDraft,
  type ItemProblem,
} from './assignments-model';
import classes from './assignments.module.css';

export interface AssignmentsSearch {
  cycleId?: string;
  regionCode?: string;
  organisationId?: string;
}

const REGION_CODE = /^\d{2}\.\d{2}$/;
const READABLE_DESCRIPTION = { description: { color: 'var(--mantine-color-text)' } };
// Mantine's red (shade 6) for a field in error falls below 4.5:1 on white: the words and the value keep readable shades.
const READABLE_ERROR = { errorProps: { c: 'red.9' }, styles: { input: { color: 'var(--mantine-color-text)' } } } as const;

/** One item's row: its units (several allowed) and, when there are several, which one leads. Memoised: 120 rows. */
const ItemRow = memo(function ItemRow(props: {
  item: AssignableItem;
  draft: ItemDraft;
  units: readonly AssignmentUnit[];
  problem: { field: 'units' | 'lead'; text: string } | undefined;
  onChange: (code: string, next: ItemDraft) => void;
}) {
  const { t } = useLanguage();
  const { item, draft, units, problem, onChange } = props;
  const name = (unit: AssignmentUnit) => (unit.active ? unit.name : t('assignments.inactiveUnit', { name: unit.name }));
  // A deactivated unit stays listed while assigned, so the coordinator sees it and can take it off.
  const choices = units.filter((unit) => unit.active || draft.unitIds.includes(unit.id)).map((unit) => ({ value: unit.id, label: name(unit) }));
  const chosen = units.filter((unit) => draft.unitIds.includes(unit.id));
  return (
    <tr data-testid="assignment-row" data-code={item.code}>
      <th scope="row" className={item.kind === 'MEASURE' ? `${classes.item} ${classes.measure}` : classes.item}>
        <Text size="sm" fw={600} component="span">
          {item.code}
        </Text>{' '}
        <Text size="sm" component="span">
          {item.text}
        </Text>
        {item.kind === 'MEASURE' && item.parentCode && (
          <Text size="xs" c="gray.8">
            {t('assignments.measureOf', { code: item.parentCode, period: item.periodCode ?? '—' })}
          </Text>
        )}
      </th>
      <td>
        <MultiSelect
          id={unitsFieldId(item.code)}
          aria-label={t('assignments.unitsLabel', { code: item.code })}
          placeholder={draft.unitIds.length === 0 ? t('assignments.noUnits') : undefined}
          data={choices}
          value={draft.unitIds}
          onChange={(unitIds) => onChange(item.code, withUnits(draft, unitIds))}
          error={problem?.field === 'units' ? problem.text : undefined}
          {...READABLE_ERROR}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="assignment-units"
        />
      </td>
      <td>
        <NativeSelect
          id={leadFieldId(item.code)}
          aria-label={t('assignments.leadLabel', { code: item.code })}
          value={draft.leadUnitId ?? ''}
          disabled={chosen.length < 2}
          error={problem?.field === 'lead' ? problem.text : undefined}
          {...READABLE_ERROR}
          onChange={(event) => onChange(item.code, { ...draft, leadUnitId: event.currentTarget.value || null })}
          data={[...(chosen.length > 1 ? [{ value: '', label: t('assignments.noLead') }] : chosen.length === 0 ? [{ value: '', label: '—' }] : []), ...chosen.map((unit) => ({ value: unit.id, label: name(unit) }))]}
          data-testid="assignment-lead"
        />
      </td>
    </tr>
  );
});

function Dropped({ copied, units }: { copied: CopyForwardView; units: readonly AssignmentUnit[] }) {
  const { t } = useLanguage();
  const unitName = (id: string | null) => units.find((unit) => unit.id === id)?.name ?? id ?? '';
  return (
    <Alert color="blue" variant="outline" title={t('assignments.copied')} styles={{ title: { color: 'var(--mantine-color-text)' } }} data-testid="copy-result">
      {copied.dropped.length === 0 ? (
        <Text size="sm">{t('assignments.nothingDropped')}</Text>
      ) : (
        <>
          <Text size="sm" fw={600}>
            {t('assignments.droppedTitle')}
          </Text>
          <List size="sm" data-testid="copy-dropped">
            {copied.dropped.map((drop, index) => (
              <List.Item key={index}>
                {drop.reason === 'ITEM_NOT_IN_VERSION' ? t('assignments.dropItem', { code: drop.code }) : t('assignments.dropUnit', { code: drop.code, unit: unitName(drop.unitId) })}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}

function AssignmentsEditor({ view, content, cycleId, reporter }: { view: AssignmentsView; content: unknown; cycleId: string; reporter: Reporter }) {
  const { t } = useLanguage();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const [problems, setProblems] = useState<ItemProblem[]>([]);
  const [busy, setBusy] = useState<'save' | 'copy' | null>(null);
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState<CopyForwardView | null>(null);
  const groups = useMemo(() => groupItems(view, content), [view, content]);
  const changed = isChanged(view, draft);
  const problemOf = useMemo(() => new Map(problems.filter((p) => p.code).map((p) => [p.code!, p])), [problems]);
  const textOf = useMemo(() => new Map(view.items.map((item) => [item.code, item.text])), [view.items]);

  const onChange = useMemo(
    () => (code: string, next: ItemDraft) => {
      setSaved(false);
      setDraft((all) => ({ ...all, [code]: next }));
    },
    [],
  );

  const accept = (next: AssignmentsView) => {
    queryClient.setQueryData(assignmentsKey(cycleId, reporter), next);
    setDraft(draftOf(next));
    setProblems([]);
  };

  const save = async () => {
    setSaved(false);
    setCopied(null);
    const missingLead = itemsWithoutLead(view, draft);
    if (missingLead.length > 0) {
      setProblems(missingLead.map((code) => ({ code, field: 'lead' as const, text: t('assignments.leadRequired', { code }) })));
      return;
    }
    const items = setToSave(view, draft);
    setBusy('save');
    try {
      const { data, error } = await saveAssignments(cycleId, reporter, items);
      if (data) {
        accept(data);
        setSaved(true);
      } else setProblems(problemsOfRefusal(error, items, t('assignments.loadFailed')));
    } catch {
      setProblems([{ code: null, field: 'units', text: t('form.network') }]);
    } finally {
      setBusy(null);
    }
  };

  const copy = async () => {
    setSaved(false);
    setCopied(null);
    setBusy('copy');
    try {
      const { data, error } = await copyForward(cycleId, reporter);
      if (data) {
        accept(data);
        setCopied(data);
      } else setProblems(problemsOfRefusal(error, [], t('assignments.loadFailed')));
    } catch {
      setProblems([{ code: null, field: 'units', text: t('form.network') }]);
    } finally {
      setBusy(null);
    }
  };

  const summary: SummaryItem[] = problems.map((problem) => ({
    fieldId: problem.code ? (problem.field === 'lead' ? leadFieldId(problem.code) : unitsFieldId(problem.code)) : null,
    text: problem.text,
  }));
  const unassigned = view.unassignedCodes;

  return (
    <Stack gap="md">
      <ErrorSummary title={t('assignments.summaryTitle')} items={summary} />
      {!view.assigning && <Text data-testid="not-assigning">{t('assignments.notAssigning')}</Text>}
      {view.assigning && (
        <div data-testid="unassigned">
          <Text fw={600} data-testid="unassigned-count" data-count={unassigned.length}>
            {unassigned.length === 0 ? t('assignments.allAssigned') : t('assignments.unassigned', { n: unassigned.length })}
          </Text>
          {unassigned.length > 0 && (
            <details>
              <summary style={{ cursor: 'pointer' }}>{t('assignments.unassignedList')}</summary>
              <List size="sm">
                {unassigned.map((code) => (
                  <List.Item key={code}>
                    {code}
                    {textOf.get(code) ? ` · ${textOf.get(code)}` : ''}
                  </List.Item>
                ))}
              </List>
            </details>
          )}
        </div>
      )}
      <Group gap="sm" align="flex-start">
        <Button variant="default" onClick={() => void copy()} loading={busy === 'copy'} disabled={busy !== null} data-testid="copy-forward">
          {t('assignments.copyForward')}
        </Button>
        <Text size="sm" maw={420}>
          {t('assignments.copyHint')}
        </Text>
      </Group>
      {copied && <Dropped copied={copied} units={view.units} />}
      {view.items.length === 0 ? (
        <Text>{t('assignments.noItems')}</Text>
      ) : (
        groups.map((group) => (
          <section key={group.code || '-'} aria-labelledby={`assign-group-${group.code || '-'}`}>
            <Title order={2} size="h4" id={`assign-group-${group.code || '-'}`} mb="xs">
              {group.code ? `${group.code}${group.title ? ` · ${group.title}` : ''}` : t('assignments.noGroup')}
            </Title>
            <table className={classes.table} data-testid="assignment-table">
              <caption style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{t('assignments.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('assignments.colItem')}</th>
                  <th scope="col">{t('assignments.colUnits')}</th>
                  <th scope="col">{t('assignments.colLead')}</th>
                </tr>
              </thead>
              <tbody>
                {group.items.map((item) => (
                  <ItemRow key={item.code} item={item} draft={draft[item.code] ?? { unitIds: [], leadUnitId: null }} units={view.units} problem={problemOf.get(item.code)} onChange={onChange} />
                ))}
              </tbody>
            </table>
          </section>
        ))
      )}
      <Group gap="sm" style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)', padding: '8px 0' }}>
        <Button onClick={() => void save()} loading={busy === 'save'} disabled={busy !== null} data-testid="assignments-save">
          {t('assignments.save')}
        </Button>
        <Text size="sm" role="status" aria-live="polite" data-testid="assignments-state">
          {saved ? t('assignments.saved') : changed ? t('assignments.unsaved') : ''}
        </Text>
      </Group>
    </Stack>
  );
}

function AssignmentsPage() {
  const { t } = useLanguage();
  const search = useSearch({ strict: false }) as AssignmentsSearch;
  const roles = useMyRoles();
  const cycles = useCycles();
  const coordinated = useMemo(() => reportersOf(roles.data ?? []), [roles.data]);
  const nationalAdmin = (roles.data ?? []).some((grant) => grant.role === 'NATIONAL_ADMIN');
  const names = useReporterNames(coordinated);
  const linked: Reporter | undefined = search.organisationId ? { organisationId: search.organisationId } : search.regionCode ? { regionCode: search.regionCode } : undefined;
  const [reporterChoice, setReporterChoice] = useState<string | null>(null);
  const [regionCode, setRegionCode] = useState(search.regionCode ?? '');
  const [cycleId, setCycleId] = useState<string | undefined>(search.cycleId);

  const reporter: Reporter | undefined = nationalAdmin
    ? coordinated.find((r) => reporterKey(r) === reporterChoice) ?? (search.organisationId ? linked : REGION_CODE.test(regionCode.trim()) ? { regionCode: regionCode.trim() } : undefined)
    : (coordinated.find((r) => reporterKey(r) === (reporterChoice ?? (linked ? reporterKey(linked) : undefined))) ?? coordinated[0]);
  const programmes = reporter ? programmesOf(reporter) : [];
  const cycleOptions = (cycles.data ?? []).filter((cycle) => programmes.includes(cycle.programme)).sort((a, b) => b.year - a.year || a.programme.localeCompare(b.programme));
  const cycle = cycleOptions.find((c) => c.id === cycleId);
  // The newest cycle to start with, so a coordinator lands on the one being filled now.
  useEffect(() => {
    if (!cycle && cycleOptions.length > 0) setCycleId(cycleOptions[0].id);
  }, [cycle, cycleOptions]);

  const assignments = useAssignments(cycle?.id, reporter);
  const content = useVersionContent(cycle?.frameworkVersionId);

  if (roles.isPending || cycles.isPending) return <Loader size="sm" aria-label={t('assignments.loading')} />;
  if (roles.isError || cycles.isError) return <Alert color="red">{t('assignments.loadFailed')}</Alert>;
  if (coordinated.length === 0 && !nationalAdmin) return <Text data-testid="assignments-not-allowed">{t('assignments.notAllowed')}</Text>;

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        {coordinated.length > 1 || (nationalAdmin && coordinated.length > 0) ? (
          <NativeSelect
            label={t('assignments.reporter')}
            value={reporter && coordinated.some((r) => reporterKey(r) === reporterKey(reporter)) ? reporterKey(reporter) : ''}
            onChange={(event) => setReporterChoice(event.currentTarget.value || null)}
            data={[...(nationalAdmin ? [{ value: '', label: '—' }] : []), ...coordinated.map((r, index) => ({ value: reporterKey(r), label: names[index] }))]}
            data-testid="assignments-reporter"
          />
        ) : coordinated.length === 1 ? (
          <Text data-testid="assignments-reporter-name">
            {t('assignments.reporter')}: <strong>{names[0]}</strong>
          </Text>
        ) : null}
        {nationalAdmin && !coordinated.some((r) => reporterKey(r) === reporterChoice) && (
          <TextInput
            label={t('assignments.regionCode')}
            description={t('assignments.regionCodeHint')}
            styles={READABLE_DESCRIPTION}
            value={regionCode}
            onChange={(event) => setRegionCode(event.currentTarget.value)}
            data-testid="assignments-region"
          />
        )}
        {cycleOptions.length > 0 && (
          <NativeSelect
            label={t('assignments.cycle')}
            value={cycle?.id ?? ''}
            onChange={(event) => setCycleId(event.currentTarget.value)}
            data={cycleOptions.map((c) => ({ value: c.id, label: c.label }))}
            data-testid="assignments-cycle"
          />
        )}
      </Group>
      {!reporter || !cycle ? null : assignments.isError || content.isError ? (
        <Alert color="red">{t('assignments.loadFailed')}</Alert>
      ) : !assignments.data || content.isPending ? (
        <Loader size="sm" aria-label={t('assignments.loading')} />
      ) : (
        // Keyed by what is edited, so another reporter or cycle starts from its own stored set.
        <AssignmentsEditor key={`${cycle.id}|${reporterKey(reporter)}`} view={assignments.data} content={content.data} cycleId={cycle.id} reporter={reporter} />
      )}
    </Stack>
  );
}

function AssignmentsRoutePage() {
  const { t } = useLanguage();
  return (
    <Stack gap="md" maw={1040}>
      <Title order={1}>{t('assignments.title')}</Title>
      <Text>{t('assignments.intro')}</Text>
      <AssignmentsPage />
    </Stack>
  );
}

export const Route = createLazyRoute('/manage/assignments')({ component: AssignmentsRoutePage });
