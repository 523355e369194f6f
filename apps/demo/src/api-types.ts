/** The parts of the API's answers the demo reads (see the OpenAPI document at /api/docs for all of them). */

export interface Bilingual {
  id: string;
  en: string;
}

export interface Me {
  user: { id: string; email: string; displayName: string; locale: string; organisationId: string | null } | null;
  roles: { role: string; scope: { provinceCode?: string | null; regionCode?: string | null; organisationId?: string | null } }[];
}

export interface VersionSummary {
  id: string;
  programme: string;
  frameworkCode: string;
  version: number;
  status: string;
  label: string;
  publishedAt: string | null;
}

export interface RanhamAction {
  code: string;
  year: number;
  title: string;
  targetGroupCode: string;
  reporterLevels: string[];
  responsibleUnits: string[];
  successMeasures: { periodCode: string; measure: string }[];
}

export interface RanhamContent {
  targetGroups: { code: string; name: string }[];
  actions: RanhamAction[];
  rules: {
    substanceWeight: number;
    administrationWeight: number;
    targets: Record<string, number>;
    periods: { code: string; fromMonth: number; toMonth: number }[];
  };
}

export interface KkpIndicator {
  code: string;
  text: string;
  answerType: string;
  evidence: { allowedDocumentTypes: string[]; minCount: number };
}

export interface VersionDetail<C> extends VersionSummary {
  content: C;
  problems: { path: string; code: string; message: Bilingual }[];
}

/** A framework file as exported and imported (JSON). */
export interface FrameworkFile<C> {
  format: string;
  formatVersion: number;
  programme: string;
  frameworkCode: string;
  label: string;
  content: C;
}

export interface RunSummary {
  id: string;
  status: string;
  total: number;
  done: number;
  failed: number;
  finishedAt: string | null;
}

export interface BandChange {
  submissionId: string;
  organisationId: string | null;
  from: { band: string; total: number } | null;
  to: { band: string; total: number };
}

export interface RunReport extends RunSummary {
  bandChanges: BandChange[];
  failures: { submissionId: string; error: string }[];
}

export interface CycleView {
  id: string;
  programme: string;
  year: number;
  label: string;
  frameworkVersionId: string;
}

export interface PeriodView {
  id: string;
  code: string;
  opensOn: string | null;
  deadlineDate: string;
  deadlineTime: string | null;
  timeZone: string | null;
  deadlineByZone: Record<string, string>;
}

export interface PolicyView {
  isDefault: boolean;
  policy: Record<string, unknown>;
}

export interface DocumentView {
  id: string;
  documentType: string;
  originalName: string;
  indicatorCodes: string[];
  sizeBytes: number;
  status: string;
  sniffedMime: string | null;
  checkReasons: string[];
  checkFlags: string[];
}

export interface SubmissionView {
  id: string;
  organisationId: string | null;
  programme: string;
  periodKey: string;
  status: string;
  reviewStage: string | null;
  answers: Record<string, unknown>;
  verifiedAnswers: Record<string, unknown>;
  submitCount: number;
  late: boolean;
  checkProblems: { code: string; indicatorCode?: string; message: Bilingual }[];
  documents: DocumentView[];
  scores: { id: string; total: number; band: string; basis: string }[];
}

export interface ReviewView {
  stage: string;
  decision: string;
  reasons: { code: string; indicatorCode?: string; message: string }[];
  comment: string | null;
  createdAt: string;
}

export interface ScoreView {
  id: string;
  submissionId: string;
  organisationId: string | null;
  periodKey: string;
  frameworkVersion: string;
  basis: string;
  total: number;
  band: string;
  current: boolean;
}

export interface RanhamBreakdown {
  actions: { code: string; measure: string; achievement: number; reported: boolean; status: string; reason?: string }[];
  substance: number;
  administration: number;
  total: number;
  target: number;
  band: string;
  sources: Record<string, string>;
}

export interface ReminderView {
  id: string;
  kind: string;
  slot: string;
  status: string;
  recipientEmail: string;
  regionCode: string;
  organisationId: string | null;
  sendAt: string;
  sentAt: string | null;
  messageId: string | null;
  skipReason: string | null;
  lastError: string | null;
}

export interface ReminderLedger {
  totals: Record<string, number>;
  total: number;
  items: ReminderView[];
}

export interface CompletenessView {
  totals: Record<string, number>;
  units: { regionCode: string; regionName: string; organisationId: string | null; organisationName: string | null; status: string; late: boolean }[];
}
