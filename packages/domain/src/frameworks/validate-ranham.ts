import { parsePeriodKey, Programme } from '../programmes';
import { DocumentType } from '../documents';
import { ReturnReason } from '../review';
import { RanhamFrameworkVersion, RanhamMeasureAnswerType, RanhamReporterLevel } from './model';
import { normaliseRanhamContent } from './ranham-measures';
import { FrameworkProblem } from './validate';

/*
 * A RANHAM version may come from an imported file, so nothing here trusts the declared types: every value is read as
 * `unknown`, wrong shapes are reported as problems (never thrown), and every problem is reported, not just the first.
 *
 * When a container is unusable (no list of actions, no rules object), the checks that need it are skipped rather than
 * repeated for every entry that depends on it: one root cause, one problem.
 */

type Report = (path: string, code: string, id: string, en: string) => void;
type Fields = Readonly<Record<string, unknown>>;

/**
 * Codes of target groups and actions: capitals, digits and "_", "." or "-", starting with a capital or digit, at most
 * 40 characters. They appear in files, spreadsheets and URLs, and as keys of plain objects: no lower case means no
 * clash with built-in keys such as "constructor" or "__proto__".
 */
export const RANHAM_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_.-]{0,39}$/;

/** Years an Aksi HAM may belong to; the same range as period keys and reporting cycles. */
export const RANHAM_MIN_YEAR = 2000;
export const RANHAM_MAX_YEAR = 2100;

const REPORTER_LEVELS: readonly RanhamReporterLevel[] = ['KL', 'PROVINCE', 'KABKOTA'];

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
const isScore = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
const isMonth = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 12;
const isCode = (value: unknown): value is string => typeof value === 'string' && RANHAM_CODE_PATTERN.test(value);

/**
 * A period code must fit in a period key such as "2026-B08" (see parsePeriodKey), or reports for that period could
 * never be filed: capitals, digits and "_", starting with a capital, 2 to 16 characters.
 */
const isPeriodCode = (value: unknown): value is string => typeof value === 'string' && parsePeriodKey(`2000-${value}`)?.code === value;

/** A value for a message: strings quoted, other scalars as written, anything else by its kind (never throws). */
function show(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  return Array.isArray(value) ? '[…]' : `(${typeof value})`;
}

/** The field as a list; a problem and null when it is missing or not a list. */
function listField(value: unknown, path: string, report: Report): readonly unknown[] | null {
  if (Array.isArray(value)) return Array.from(value); // Array.from turns holes into undefined, so they get reported.
  if (value === undefined || value === null) {
    report(path, 'REQUIRED_FIELD_MISSING', `${path} wajib diisi.`, `${path} is required.`);
  } else {
    report(path, 'NOT_A_LIST', `${path} harus berupa daftar, bukan ${show(value)}.`, `${path} must be a list, not ${show(value)}.`);
  }
  return null;
}

/** The field as an object; a problem and null when it is missing or not an object. */
function objectField(value: unknown, path: string, report: Report): Fields | null {
  if (isFields(value)) return value;
  if (value === undefined || value === null) {
    report(path, 'REQUIRED_FIELD_MISSING', `${path} wajib diisi.`, `${path} is required.`);
  } else {
    report(path, 'NOT_AN_OBJECT', `${path} harus berupa objek, bukan ${show(value)}.`, `${path} must be an object, not ${show(value)}.`);
  }
  return null;
}

/** A list entry as an object; a problem and null otherwise (a null entry is not a missing field, it is a wrong one). */
function entryAt(value: unknown, path: string, report: Report): Fields | null {
  if (isFields(value)) return value;
  report(path, 'NOT_AN_OBJECT', `${path} harus berupa objek, bukan ${show(value)}.`, `${path} must be an object, not ${show(value)}.`);
  return null;
}

/** Indexes of the entries whose key was already seen earlier; entries without a key (null) are not compared. */
function repeatedIndexes<T>(items: readonly T[], keyOf: (item: T) => string | null): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (key === null) return;
    if (seen.has(key)) repeated.push(index);
    seen.add(key);
  });
  return repeated;
}

/** The string codes of the object entries of a list; null when there is nothing to compare against. */
function knownCodes(entries: readonly unknown[] | null): Set<string> | null {
  if (entries === null || entries.length === 0) return null;
  const codes = entries.filter(isFields).map((entry) => entry.code);
  return new Set(codes.filter((code): code is string => typeof code === 'string'));
}

function checkHeader(version: Fields, report: Report): void {
  if (!Number.isInteger(version.version) || (version.version as number) < 1) {
    report('version', 'VERSION_NOT_POSITIVE_INTEGER', 'Nomor versi harus bilangan bulat positif.', 'The version number must be a positive integer.');
  }
  if (version.programme !== Programme.RANHAM) {
    report('programme', 'PROGRAMME_NOT_RANHAM', `Program harus RANHAM, bukan ${show(version.programme)}.`, `The programme must be RANHAM, not ${show(version.programme)}.`);
  }
}

// --- Rules -------------------------------------------------------------------------------------------------------

function checkWeights(rules: Fields, report: Report): void {
  const weights = [
    ['substanceWeight', 'substansi', 'substance'],
    ['administrationWeight', 'administrasi', 'administration'],
  ] as const;
  for (const [key, id, en] of weights) {
    if (!isScore(rules[key])) {
      report(`rules.${key}`, 'WEIGHT_OUT_OF_RANGE', `Bobot ${id} harus angka 0-100, bukan ${show(rules[key])}.`, `The ${en} weight must be a number 0-100, not ${show(rules[key])}.`);
    }
  }
  const { substanceWeight, administrationWeight } = rules;
  // Exactly 100: every sum of weights with up to two decimals is exact in floating point, so no tolerance is needed.
  if (isScore(substanceWeight) && isScore(administrationWeight) && substanceWeight + administrationWeight !== 100) {
    const sum = substanceWeight + administrationWeight;
    report(
      'rules',
      'WEIGHTS_NOT_100',
      `Bobot substansi dan administrasi harus berjumlah 100, bukan ${sum}.`,
      `The substance and administration weights must sum to 100, not ${sum}.`,
    );
  }
}

function checkTargets(rules: Fields, report: Report): void {
  const targets = objectField(rules.targets, 'rules.targets', report);
  if (targets === null) return;
  for (const level of REPORTER_LEVELS) {
    if (!isScore(targets[level])) {
      report(
        `rules.targets.${level}`,
        'TARGET_OUT_OF_RANGE',
        `Target tingkat ${level} harus angka 0-100, bukan ${show(targets[level])}.`,
        `The ${level} target must be a number 0-100, not ${show(targets[level])}.`,
      );
    }
  }
}

function checkPeriod(period: Fields, path: string, report: Report): void {
  if (!isPeriodCode(period.code)) {
    report(
      `${path}.code`,
      'INVALID_PERIOD_CODE',
      `Kode periode ${show(period.code)} tidak sah: huruf besar, angka dan _, diawali huruf, 2-16 karakter (mis. B04).`,
      `Period code ${show(period.code)} is not valid: capitals, digits and _, starting with a capital, 2-16 characters (e.g. B04).`,
    );
  }
  for (const key of ['fromMonth', 'toMonth'] as const) {
    if (!isMonth(period[key])) {
      report(`${path}.${key}`, 'PERIOD_MONTH_INVALID', `Bulan harus bilangan bulat 1-12, bukan ${show(period[key])}.`, `A month must be a whole number 1-12, not ${show(period[key])}.`);
    }
  }
  if (isMonth(period.fromMonth) && isMonth(period.toMonth) && period.fromMonth > period.toMonth) {
    report(
      path,
      'PERIOD_MONTHS_REVERSED',
      `Bulan awal (${period.fromMonth}) tidak boleh setelah bulan akhir (${period.toMonth}).`,
      `The first month (${period.fromMonth}) must not come after the last month (${period.toMonth}).`,
    );
  }
}

/** Each pair of well-formed periods sharing a month, reported at the later one. */
function checkPeriodOverlaps(periods: readonly unknown[], report: Report): void {
  const ranges = periods.map((period) =>
    isFields(period) && isMonth(period.fromMonth) && isMonth(period.toMonth) && period.fromMonth <= period.toMonth
      ? { code: period.code, from: period.fromMonth, to: period.toMonth }
      : null,
  );
  ranges.forEach((later, j) => {
    ranges.slice(0, j).forEach((earlier, i) => {
      if (later === null || earlier === null || later.from > earlier.to || earlier.from > later.to) return;
      report(
        `rules.periods[${j}]`,
        'PERIODS_OVERLAP',
        `Periode ${show(later.code)} tumpang tindih dengan periode ${show(earlier.code)} (rules.periods[${i}]).`,
        `Period ${show(later.code)} overlaps period ${show(earlier.code)} (rules.periods[${i}]).`,
      );
    });
  });
}

/** Checks the periods and returns them, or null when they are not a list. */
function checkPeriods(rules: Fields, report: Report): readonly unknown[] | null {
  const periods = listField(rules.periods, 'rules.periods', report);
  if (periods === null) return null;
  if (periods.length === 0) {
    report('rules.periods', 'NO_PERIODS', 'Aturan harus memiliki paling sedikit satu periode pelaporan.', 'The rules need at least one reporting period.');
  }
  periods.forEach((period, index) => {
    const entry = entryAt(period, `rules.periods[${index}]`, report);
    if (entry !== null) checkPeriod(entry, `rules.periods[${index}]`, report);
  });
  for (const index of repeatedIndexes(periods, (p) => (isFields(p) && typeof p.code === 'string' ? p.code : null))) {
    const code = show((periods[index] as Fields).code);
    report(`rules.periods[${index}].code`, 'DUPLICATE_PERIOD_CODE', `Kode periode ${code} dipakai lebih dari sekali.`, `Period code ${code} is used more than once.`);
  }
  checkPeriodOverlaps(periods, report);
  return periods;
}

const RETURN_REASONS = Object.values(ReturnReason) as string[];

/** Optional: when given, a list of known return reasons, each once. */
function checkAdministrativeReasons(rules: Fields, report: Report): void {
  if (rules.administrativeReasons === undefined) return;
  const reasons = listField(rules.administrativeReasons, 'rules.administrativeReasons', report);
  if (reasons === null) return;
  reasons.forEach((reason, index) => {
    if (typeof reason !== 'string' || !RETURN_REASONS.includes(reason)) {
      report(
        `rules.administrativeReasons[${index}]`,
        'UNKNOWN_RETURN_REASON',
        `Alasan pengembalian ${show(reason)} tidak dikenal: gunakan ${RETURN_REASONS.join(', ')}.`,
        `Return reason ${show(reason)} is unknown: use ${RETURN_REASONS.join(', ')}.`,
      );
    }
  });
  for (const index of repeatedIndexes(reasons, (reason) => (typeof reason === 'string' ? reason : null))) {
    const reason = show(reasons[index]);
    report(`rules.administrativeReasons[${index}]`, 'DUPLICATE_RETURN_REASON', `Alasan ${reason} disebut lebih dari sekali.`, `Reason ${reason} is listed more than once.`);
  }
}

/** Checks the rules and returns the period codes actions may name, or null when they cannot be known. */
function checkRules(version: Fields, report: Report): Set<string> | null {
  const rules = objectField(version.rules, 'rules', report);
  if (rules === null) return null;
  checkWeights(rules, report);
  checkTargets(rules, report);
  checkAdministrativeReasons(rules, report);
  return knownCodes(checkPeriods(rules, report));
}

// --- Target groups -----------------------------------------------------------------------------------------------

function checkTargetGroup(group: Fields, path: string, report: Report): void {
  if (!isCode(group.code)) {
    report(
      `${path}.code`,
      'INVALID_TARGET_GROUP_CODE',
      `Kode kelompok sasaran ${show(group.code)} tidak sah: huruf besar, angka dan _ . -, paling banyak 40 karakter.`,
      `Target group code ${show(group.code)} is not valid: capitals, digits and _ . -, at most 40 characters.`,
    );
  }
  if (!isText(group.name)) {
    report(`${path}.name`, 'TARGET_GROUP_NAME_EMPTY', 'Nama kelompok sasaran wajib diisi.', 'A target group needs a name.');
  }
}

/** Checks the target groups and returns the codes actions may name, or null when they cannot be known. */
function checkTargetGroups(version: Fields, report: Report): Set<string> | null {
  const groups = listField(version.targetGroups, 'targetGroups', report);
  if (groups === null) return null;
  if (groups.length === 0) {
    report('targetGroups', 'NO_TARGET_GROUPS', 'Kerangka harus memiliki paling sedikit satu kelompok sasaran.', 'A framework needs at least one target group.');
  }
  groups.forEach((group, index) => {
    const entry = entryAt(group, `targetGroups[${index}]`, report);
    if (entry !== null) checkTargetGroup(entry, `targetGroups[${index}]`, report);
  });
  for (const index of repeatedIndexes(groups, (g) => (isFields(g) && typeof g.code === 'string' ? g.code : null))) {
    const code = show((groups[index] as Fields).code);
    report(
      `targetGroups[${index}].code`,
      'DUPLICATE_TARGET_GROUP_CODE',
      `Kode kelompok sasaran ${code} dipakai lebih dari sekali.`,
      `Target group code ${code} is used more than once.`,
    );
  }
  return knownCodes(groups);
}

// --- Actions -----------------------------------------------------------------------------------------------------

/** What an action is checked against: null when the rules or target groups are too broken to tell. */
interface ActionContext {
  targetGroups: Set<string> | null;
  periods: Set<string> | null;
}

function checkActionBasics(action: Fields, path: string, context: ActionContext, report: Report): void {
  if (!isCode(action.code)) {
    report(
      `${path}.code`,
      'INVALID_ACTION_CODE',
      `Kode aksi ${show(action.code)} tidak sah: huruf besar, angka dan _ . -, paling banyak 40 karakter.`,
      `Action code ${show(action.code)} is not valid: capitals, digits and _ . -, at most 40 characters.`,
    );
  }
  const { year } = action;
  if (!Number.isInteger(year) || (year as number) < RANHAM_MIN_YEAR || (year as number) > RANHAM_MAX_YEAR) {
    report(
      `${path}.year`,
      'ACTION_YEAR_INVALID',
      `Tahun aksi harus bilangan bulat ${RANHAM_MIN_YEAR}-${RANHAM_MAX_YEAR}, bukan ${show(year)}.`,
      `The action year must be a whole number ${RANHAM_MIN_YEAR}-${RANHAM_MAX_YEAR}, not ${show(year)}.`,
    );
  }
  if (!isText(action.title)) {
    report(`${path}.title`, 'ACTION_TITLE_EMPTY', 'Judul aksi wajib diisi.', 'An action needs a title.');
  }
  const group = action.targetGroupCode;
  if (typeof group !== 'string' || (context.targetGroups !== null && !context.targetGroups.has(group))) {
    report(
      `${path}.targetGroupCode`,
      'UNKNOWN_TARGET_GROUP',
      `Kelompok sasaran ${show(group)} tidak ada dalam kerangka.`,
      `Target group ${show(group)} is not one of the framework's target groups.`,
    );
  }
}

function checkReporterLevels(action: Fields, path: string, report: Report): void {
  const levels = listField(action.reporterLevels, `${path}.reporterLevels`, report);
  if (levels === null) return;
  if (levels.length === 0) {
    report(`${path}.reporterLevels`, 'NO_REPORTER_LEVELS', 'Aksi harus menyebut paling sedikit satu tingkat pelapor.', 'An action needs at least one reporter level.');
  }
  levels.forEach((level, index) => {
    if (!REPORTER_LEVELS.includes(level as RanhamReporterLevel)) {
      report(
        `${path}.reporterLevels[${index}]`,
        'UNKNOWN_REPORTER_LEVEL',
        `Tingkat pelapor ${show(level)} tidak dikenal: gunakan KL, PROVINCE atau KABKOTA.`,
        `Reporter level ${show(level)} is unknown: use KL, PROVINCE or KABKOTA.`,
      );
    }
  });
  for (const index of repeatedIndexes(levels, (level) => (typeof level === 'string' ? level : null))) {
    const level = show(levels[index]);
    report(`${path}.reporterLevels[${index}]`, 'DUPLICATE_REPORTER_LEVEL', `Tingkat pelapor ${level} disebut lebih dari sekali.`, `Reporter level ${level} is listed more than once.`);
  }
}

function checkResponsibleUnits(action: Fields, path: string, report: Report): void {
  const units = listField(action.responsibleUnits, `${path}.responsibleUnits`, report);
  if (units === null) return;
  if (units.length === 0) {
    report(
      `${path}.responsibleUnits`,
      'NO_RESPONSIBLE_UNITS',
      'Aksi harus menyebut paling sedikit satu unit penanggung jawab.',
      'An action needs at least one responsible unit.',
    );
  }
  units.forEach((unit, index) => {
    if (!isText(unit)) {
      report(
        `${path}.responsibleUnits[${index}]`,
        'RESPONSIBLE_UNIT_BLANK',
        `Nama unit penanggung jawab harus berupa teks yang tidak kosong, bukan ${show(unit)}.`,
        `A responsible unit must be a non-blank text, not ${show(unit)}.`,
      );
    }
  });
}

/**
 * Measure codes key answers and documents' indicator codes, so they follow the answer-key limit of 32 characters:
 * capitals, digits and "_", "." or "-", e.g. "AKSI-2025-01.B04.1".
 */
export const RANHAM_MEASURE_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_.-]{0,31}$/;

const ANSWER_TYPES = Object.values(RanhamMeasureAnswerType) as string[];
const DOCUMENT_TYPES = Object.values(DocumentType) as string[];

function checkDocumentRule(rule: Fields, path: string, report: Report): void {
  const types = listField(rule.documentTypes, `${path}.documentTypes`, report);
  if (types !== null) {
    if (types.length === 0) {
      report(`${path}.documentTypes`, 'NO_DOCUMENT_TYPES', 'Aturan dokumen harus menyebut paling sedikit satu jenis dokumen.', 'A document rule needs at least one document type.');
    }
    types.forEach((type, index) => {
      if (typeof type !== 'string' || !DOCUMENT_TYPES.includes(type)) {
        report(
          `${path}.documentTypes[${index}]`,
          'UNKNOWN_DOCUMENT_TYPE',
          `Jenis dokumen ${show(type)} tidak dikenal: gunakan ${DOCUMENT_TYPES.join(', ')}.`,
          `Document type ${show(type)} is unknown: use ${DOCUMENT_TYPES.join(', ')}.`,
        );
      }
    });
  }
  const { minCount } = rule;
  if (!Number.isInteger(minCount) || (minCount as number) < 1 || (minCount as number) > 100) {
    report(`${path}.minCount`, 'DOCUMENT_COUNT_INVALID', `Jumlah dokumen harus bilangan bulat 1-100, bukan ${show(minCount)}.`, `A document count must be a whole number 1-100, not ${show(minCount)}.`);
  }
}

function checkMeasureAnswer(measure: Fields, path: string, report: Report): void {
  const type = measure.answerType;
  if (typeof type !== 'string' || !ANSWER_TYPES.includes(type)) {
    report(
      `${path}.answerType`,
      'UNKNOWN_MEASURE_ANSWER_TYPE',
      `Jenis jawaban ${show(type)} tidak dikenal: gunakan YES_NO, PERCENT, NUMBER atau TEXT.`,
      `Answer type ${show(type)} is unknown: use YES_NO, PERCENT, NUMBER or TEXT.`,
    );
  }
  const { target } = measure;
  if (type === RanhamMeasureAnswerType.NUMBER && !(typeof target === 'number' && Number.isFinite(target) && target > 0)) {
    report(`${path}.target`, 'MEASURE_TARGET_INVALID', `Ukuran berjenis NUMBER memerlukan target angka di atas 0, bukan ${show(target)}.`, `A NUMBER measure needs a target above 0, not ${show(target)}.`);
  } else if (type !== RanhamMeasureAnswerType.NUMBER && target !== undefined && target !== null) {
    report(`${path}.target`, 'MEASURE_TARGET_UNEXPECTED', `Hanya ukuran berjenis NUMBER yang memiliki target.`, `Only a NUMBER measure has a target.`);
  }
}

function checkSuccessMeasure(measure: Fields, path: string, periods: Set<string> | null, report: Report): void {
  const code = measure.periodCode;
  if (typeof code !== 'string' || (periods !== null && !periods.has(code))) {
    report(
      `${path}.periodCode`,
      'UNKNOWN_PERIOD',
      `Periode ${show(code)} bukan periode pelaporan dalam aturan.`,
      `Period ${show(code)} is not a reporting period of the rules.`,
    );
  }
  if (!isText(measure.measure)) {
    report(`${path}.measure`, 'MEASURE_TEXT_EMPTY', 'Uraian ukuran keberhasilan wajib diisi.', 'A success measure needs a text.');
  }
  // An old-shape measure carries its action's code, which the action's own check judges: one root cause, one problem.
  const oldShape = measure.answerType === RanhamMeasureAnswerType.YES_NO_OR_PERCENT;
  if (!oldShape && (typeof measure.code !== 'string' || !RANHAM_MEASURE_CODE_PATTERN.test(measure.code))) {
    report(
      `${path}.code`,
      'INVALID_MEASURE_CODE',
      `Kode ukuran ${show(measure.code)} tidak sah: huruf besar, angka dan _ . -, paling banyak 32 karakter (mis. AKSI-2025-01.B04.1).`,
      `Measure code ${show(measure.code)} is not valid: capitals, digits and _ . -, at most 32 characters (e.g. AKSI-2025-01.B04.1).`,
    );
  }
  checkMeasureAnswer(measure, path, report);
  const rules = listField(measure.requiredDocuments, `${path}.requiredDocuments`, report);
  rules?.forEach((rule, index) => {
    const entry = entryAt(rule, `${path}.requiredDocuments[${index}]`, report);
    if (entry !== null) checkDocumentRule(entry, `${path}.requiredDocuments[${index}]`, report);
  });
}

function checkSuccessMeasures(action: Fields, path: string, periods: Set<string> | null, report: Report): void {
  const at = `${path}.successMeasures`;
  const measures = listField(action.successMeasures, at, report);
  if (measures === null) return;
  measures.forEach((measure, index) => {
    const entry = entryAt(measure, `${at}[${index}]`, report);
    if (entry !== null) checkSuccessMeasure(entry, `${at}[${index}]`, periods, report);
  });
  const periodOf = (measure: unknown): string | null => (isFields(measure) && typeof measure.periodCode === 'string' ? measure.periodCode : null);
  const covered = new Set(measures.map(periodOf));
  for (const period of periods ?? []) {
    if (!covered.has(period)) {
      report(at, 'MISSING_PERIOD_MEASURE', `Belum ada ukuran keberhasilan untuk periode ${show(period)}.`, `There is no success measure for period ${show(period)}.`);
    }
  }
}

/**
 * A measure code keys answers within a report, so it is unique in the whole version, across actions and years. The
 * old shape is the exception: its measures carry their action's code (which may recur in another year), so there it
 * is one measure per action and period.
 */
function checkMeasureCodes(actions: readonly unknown[], report: Report): void {
  const seen = new Map<string, string>();
  actions.forEach((action, actionIndex) => {
    if (!isFields(action) || !Array.isArray(action.successMeasures)) return;
    action.successMeasures.forEach((measure: unknown, index: number) => {
      if (!isFields(measure) || typeof measure.code !== 'string') return;
      const oldShape = measure.answerType === RanhamMeasureAnswerType.YES_NO_OR_PERCENT;
      const key = oldShape ? JSON.stringify([actionIndex, measure.periodCode]) : measure.code;
      const path = `actions[${actionIndex}].successMeasures[${index}]`;
      const earlier = seen.get(key);
      if (earlier === undefined) {
        seen.set(key, path);
      } else if (oldShape) {
        const period = show(measure.periodCode);
        report(`${path}.periodCode`, 'DUPLICATE_PERIOD_MEASURE', `Periode ${period} memiliki lebih dari satu ukuran keberhasilan tanpa kode.`, `Period ${period} has more than one success measure without a code.`);
      } else {
        report(
          `${path}.code`,
          'DUPLICATE_MEASURE_CODE',
          `Kode ukuran ${show(measure.code)} sudah dipakai di ${earlier}: setiap ukuran memerlukan kode sendiri.`,
          `Measure code ${show(measure.code)} is already used at ${earlier}: every measure needs a code of its own.`,
        );
      }
    });
  });
}

/** An action code is unique within its year: the same code may be reused for another year's action. */
function checkActionCodes(actions: readonly unknown[], report: Report): void {
  const keyOf = (action: unknown): string | null =>
    isFields(action) && typeof action.code === 'string' && typeof action.year === 'number' ? JSON.stringify([action.year, action.code]) : null;
  for (const index of repeatedIndexes(actions, keyOf)) {
    const { code, year } = actions[index] as Fields;
    report(
      `actions[${index}].code`,
      'DUPLICATE_ACTION_CODE',
      `Kode aksi ${show(code)} dipakai lebih dari sekali untuk tahun ${show(year)}.`,
      `Action code ${show(code)} is used more than once for the year ${show(year)}.`,
    );
  }
}

function checkActions(version: Fields, context: ActionContext, report: Report): void {
  const actions = listField(version.actions, 'actions', report);
  if (actions === null) return;
  if (actions.length === 0) {
    report('actions', 'NO_ACTIONS', 'Kerangka harus memiliki paling sedikit satu aksi HAM.', 'A framework needs at least one action.');
  }
  actions.forEach((action, index) => {
    const path = `actions[${index}]`;
    const entry = entryAt(action, path, report);
    if (entry === null) return;
    checkActionBasics(entry, path, context, report);
    checkReporterLevels(entry, path, report);
    checkResponsibleUnits(entry, path, report);
    checkSuccessMeasures(entry, path, context.periods, report);
  });
  checkActionCodes(actions, report);
  checkMeasureCodes(actions, report);
}

/**
 * Every problem that stops a RANHAM version from being published or scored; empty means valid. Paths point into the
 * version (e.g. `actions[2].successMeasures[0].periodCode`; the empty path is the version itself). Never throws.
 */
export function validateRanhamFramework(version: RanhamFrameworkVersion): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const report: Report = (path, code, id, en) => problems.push({ path, code, message: { id, en } });
  // The old shape is judged as the domain reads it; normalising an already normal version changes nothing.
  const root: unknown = normaliseRanhamContent(version);
  if (!isFields(root)) {
    report('', 'NOT_AN_OBJECT', `Versi kerangka harus berupa objek, bukan ${show(root)}.`, `A framework version must be an object, not ${show(root)}.`);
    return problems;
  }
  checkHeader(root, report);
  const targetGroups = checkTargetGroups(root, report);
  const periods = checkRules(root, report);
  checkActions(root, { targetGroups, periods }, report);
  return problems;
}
