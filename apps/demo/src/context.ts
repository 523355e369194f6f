import type { Credentials } from './credentials';
import { DemoFailure } from './failure';
import type { Api, Session } from './http';
import type { Mailbox } from './mailbox';
import type { Options } from './options';
import type { Story } from './story';

/**
 * Who takes part: the seeded Kota Balikpapan (WITA) and Kota Jayapura (WIT) people, a Kemenkes directorate and the
 * ministry's coordinator, a Kaltim province OPD and the Biro Hukum's coordinator, the Kanwil, the centre and the admin.
 */
export type PersonKey =
  | 'admin'
  | 'kanwil'
  | 'central'
  | 'coordinator'
  | 'dinkesHead'
  | 'dinkesOperator'
  | 'disdikbudHead'
  | 'disdikbudOperator'
  | 'jayapuraCoordinator'
  | 'dinsosOperator'
  | 'kemenkesCoordinator'
  | 'kesprimerHead'
  | 'kesprimerOperator'
  | 'kaltimCoordinator'
  | 'dinkesKaltimHead'
  | 'dinkesKaltimOperator';

export interface Person {
  key: PersonKey;
  email: string;
  displayName: string;
  role: string;
  /** Where the role applies, in words. */
  scope: string;
  /** The unit the person reports for (operators and heads). */
  organisationId: string | null;
  session: Session;
}

export interface ActionInfo {
  code: string;
  title: string;
  /** The success measure of the demo's period. */
  measure: string;
}

/** Everything the steps find out and hand on to the next ones. */
export interface DemoState {
  year: number;
  frameworkCode: string;
  versionId: string;
  versionLabel: string;
  cycleId: string;
  cycleLabel: string;
  periodCode: string;
  periodKey: string;
  /** The local deadline (date and minute) every unit gets in its own zone. */
  deadline: { date: string; time: string };
  /** When the deadline passes in Jayapura (WIT) and in Balikpapan (WITA, an hour later). */
  jayapuraPassesAt: Date;
  balikpapanPassesAt: Date;
  policy: { offsetsMinutes: number[]; overdueAfterMinutes: number };
  actions: ActionInfo[];
  weights: { substance: number; administration: number };
  /** The KABKOTA target: the city's report is measured against it. */
  target: number;
  /** Each reporter level's target in the demo's version. */
  targets: Record<string, number>;
  units: { dinkes: string; disdikbud: string; dinsos: string };
  unitNames: Map<string, string>;
  submissions: {
    dinkes: string;
    disdikbudFirst: string;
    disdikbud: string;
    dinkesKkp: string;
    dinsos: string;
    /** Kota Balikpapan's own RANHAM report, compiled by its coordinator from the units' approved inputs. */
    city: string;
  };
  /** Which unit each of the city report's measures came from (the compile response's compiledFrom). */
  cityMeasureSources: Map<string, string>;
  /** The ministry's and the province's own reports, and who they are. */
  reporters: { ministry: { id: string; organisationId: string; name: string }; province: { id: string; organisationId: string; name: string } };
  /** The Disdikbud report's PDF that passed the check, reused in its fresh report. */
  disdikbudReportDocument: string;
  kkpIndicator: { code: string; text: string; allowedDocumentTypes: string[]; minCount: number };
  scores: { city: number; ministry: number; province: number };
}

export interface Demo {
  options: Options;
  story: Story;
  api: Api;
  mailbox: Mailbox;
  credentials: Credentials;
  startedAt: Date;
  people: Partial<Record<PersonKey, Person>>;
  state: Partial<DemoState>;
}

/** The story's text in its language. */
export function t(demo: Demo, id: string, en: string): string {
  return demo.story.t(id, en);
}

export function person(demo: Demo, key: PersonKey): Person {
  const found = demo.people[key];
  if (!found) throw new DemoFailure(`internal: ${key} has not signed in`);
  return found;
}

/** A fact an earlier step found; asking for one that is missing is a bug in the demo's order of steps. */
export function fact<K extends keyof DemoState>(demo: Demo, key: K): DemoState[K] {
  const value = demo.state[key];
  if (value === undefined) throw new DemoFailure(`internal: ${String(key)} is not known yet`);
  return value as DemoState[K];
}
