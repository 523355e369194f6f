import { Badge, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useLanguage } from '../../i18n/language';
import type { MessageKey } from '../../i18n/messages';
import type { Answers } from './autosave';
import { AnchorLink } from './links';
import { taskStatus, type ReportTask, type TaskGroup, type TaskStatus } from './tasks';

const STATUS_COLOUR: Record<TaskStatus, string> = { NOT_STARTED: 'gray', IN_PROGRESS: 'blue', DONE: 'green' };

export interface TaskListProps {
  id: string;
  programme: 'KKP_HAM' | 'RANHAM';
  groups: TaskGroup[];
  answers: Answers;
  drafts: Record<string, string>;
  problems: Record<string, string>;
  /** The RANHAM actions shown open; kept by the page, so coming back from a measure finds its action still open. */
  openGroups: ReadonlySet<string>;
  onToggleGroup: (code: string, open: boolean) => void;
}

function TaskRow({ id, task, status }: { id: string; task: ReportTask; status: TaskStatus }) {
  const { t } = useLanguage();
  return (
    <Group justify="space-between" wrap="nowrap" data-testid="task" data-code={task.code}>
      <AnchorLink to="/reports/$id" params={{ id }} search={{ task: task.code }}>
        {task.code} · {task.text}
      </AnchorLink>
      <Badge variant="dot" color={STATUS_COLOUR[status]} style={{ flexShrink: 0 }}>
        {t(`report.task.${status}` as MessageKey)}
      </Badge>
    </Group>
  );
}

/**
 * The report as a GOV.UK task list. KKP HAM: each criterion a headed section of its indicators. RANHAM: an action has
 * several success measures per period, so each action folds its measures into a native disclosure (<details>, which
 * keyboards and screen readers already know) whose summary counts what is done; a phone then sees every action at once.
 */
export function TaskList(props: TaskListProps) {
  const { t } = useLanguage();
  const { id, programme, groups, answers, drafts, problems, openGroups, onToggleGroup } = props;
  const statusOf = (task: ReportTask) => taskStatus(answers[task.code], drafts[task.code], !!problems[task.code]);

  if (programme === 'KKP_HAM') {
    return (
      <Stack gap="md">
        {groups.map((group) => (
          <section key={group.code} aria-labelledby={`group-${group.code}`}>
            <Title order={2} size="h4" id={`group-${group.code}`} mb="xs">
              {group.code} · {group.title}
            </Title>
            <Stack gap={4}>
              {group.tasks.map((task) => (
                <TaskRow key={task.code} id={id} task={task} status={statusOf(task)} />
              ))}
            </Stack>
          </section>
        ))}
      </Stack>
    );
  }

  return (
    <Stack gap="xs">
      {groups.map((group) => {
        const done = group.tasks.filter((task) => statusOf(task) === 'DONE').length;
        const total = group.tasks.length;
        return (
          <Paper
            key={group.code}
            component="details"
            withBorder
            open={openGroups.has(group.code)}
            onToggle={(event) => onToggleGroup(group.code, (event.currentTarget as HTMLDetailsElement).open)}
            data-testid="task-group"
            data-code={group.code}
          >
            <Box component="summary" p="sm" style={{ cursor: 'pointer' }}>
              <Text component="span" fw={600}>
                {group.code} · {group.title}
              </Text>{' '}
              <Text component="span" size="sm" data-testid="group-progress">
                ({t('report.group.progress', { done, total })})
              </Text>
            </Box>
            <Stack gap={4} px="sm" pb="sm" role="list" aria-label={t('report.group.measures', { code: group.code })}>
              {group.tasks.map((task) => (
                <div role="listitem" key={task.code}>
                  <TaskRow id={id} task={task} status={statusOf(task)} />
                </div>
              ))}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
