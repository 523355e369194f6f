import { RanhamFrameworkVersion } from './model';
import { FrameworkProblem } from './validate';

type Report = (path: string, code: string, id: string, en: string) => void;

/** Codes of target groups, actions and periods: upper case, digits and . _ - (they appear in files and reports). */
const CODE = /^[A-Z0-9][A-Z0-9_.-]{0,39}$/;
const LEVELS = new Set(['KL', 'PROVINCE', 'KABKOTA']);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
const isScore = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;

/** The list at `path`, or a problem and an empty list when it is not one (imported files may hold anything). */
function listAt(value: unknown, path: string, report: Report): unknown[] {
  if (Array.isArray(value)) return value;
  report(path, 'NOT_A_LIST', `${path} harus berupa daftar.`, `${path} must be a list.`);
  return [];
}

function checkCode(value: unknown, path: string, report: Report): value is string {
  if (typeof value === 'string' && CODE.test(value)) return true;
  report(path, 'INVALID_CODE', 'Kode hanya boleh huruf besar, angka, dan . _ - (maks. 40).', 'A code may only hold capitals, digits and . _ - (at most 40).');
  return false;
}

function checkRules(version: RanhamFrameworkVersion, report: Report): Set<string> {
  const rules: unknown = version.rules;
  const periodCodes = new Set<string>();
  if (!isObject(rules)) {
    report('rules', 'NO_RULES', 'Aturan penilaian RANHAM wajib diisi.', 'The RANHAM scoring rules are required.');
    return periodCodes;
  }
  const { substanceWeight, administrationWeight, targets } = rules;
  if (!isScore(substanceWeight)) report('rules.substanceWeight', 'WEIGHT_OUT_OF_RANGE', 'Bobot substansi harus 0-100.', 'The substance weight must be 0-100.');
  if (!isScore(administrationWeight)) report('rules.administrationWeight', 'WEIGHT_OUT_OF_RANGE', 'Bobot administrasi harus 0-100.', 'The administration weight must be 0-100.');
  if (isScore(substanceWeight) && isScore(administrationWeight) && substanceWeight + administrationWeight !== 100) {
    report('rules', 'WEIGHTS_NOT_100', `Bobot substansi dan administrasi berjumlah ${substanceWeight + administrationWeight}, harus 100.`, `Substance and administration weights sum to ${substanceWeight + administrationWeight}; they must sum to 100.`);
  }
  for (const level of LEVELS) {
    const target = isObject(targets) ? targets[level] : undefined;
    if (!isScore(target)) report(`rules.targets.${level}`, 'TARGET_OUT_OF_RANGE', `Target ${level} harus angka 0-100.`, `The ${level} target must be a number 0-100.`);
  }
  const periods = listAt(rules.periods, 'rules.periods', report);
  if (Array.isArray(rules.periods) && periods.length === 0) report('rules.periods', 'NO_PERIODS', 'Paling sedikit satu periode pelaporan.', 'At least one reporting period is needed.');
  const months = new Map<number, string>();
  periods.forEach((period, index) => {
    const path = `rules.periods[${index}]`;
    if (!isObject(period)) return report(path, 'NOT_AN_OBJECT', `${path} harus berupa objek.`, `${path} must be an object.`);
    if (checkCode(period.code, `${path}.code`, report)) {
      if (periodCodes.has(period.code)) report(`${path}.code`, 'DUPLICATE_PERIOD_CODE', `Kode periode ${period.code} berulang.`, `Period code ${period.code} is repeated.`);
      periodCodes.add(period.code);
    }
    const { fromMonth, toMonth } = period;
    const isMonth = (m: unknown): m is number => Number.isInteger(m) && (m as number) >= 1 && (m as number) <= 12;
    if (!isMonth(fromMonth) || !isMonth(toMonth) || fromMonth > toMonth) {
      return report(path, 'INVALID_PERIOD_MONTHS', 'Bulan awal dan akhir harus 1-12, awal tidak setelah akhir.', 'From and to months must be 1-12, from not after to.');
    }
    for (let month = fromMonth; month <= toMonth; month += 1) {
      const other = months.get(month);
      if (other !== undefined) {
        report(path, 'OVERLAPPING_PERIODS', `Periode ${String(period.code)} tumpang tindih dengan ${other}.`, `Period ${String(period.code)} overlaps ${other}.`);
        break;
      }
      months.set(month, String(period.code));
    }
  });
  return periodCodes;
}

function checkTargetGroups(version: RanhamFrameworkVersion, report: Report): Set<string> {
  const codes = new Set<string>();
  const groups = listAt(version.targetGroups, 'targetGroups', report);
  if (Array.isArray(version.targetGroups) && groups.length === 0) report('targetGroups', 'NO_TARGET_GROUPS', 'Paling sedikit satu kelompok sasaran.', 'At least one target group is needed.');
  groups.forEach((group, index) => {
    const path = `targetGroups[${index}]`;
    if (!isObject(group)) return report(path, 'NOT_AN_OBJECT', `${path} harus berupa objek.`, `${path} must be an object.`);
    if (checkCode(group.code, `${path}.code`, report)) {
      if (codes.has(group.code)) report(`${path}.code`, 'DUPLICATE_TARGET_GROUP_CODE', `Kode kelompok sasaran ${group.code} berulang.`, `Target group code ${group.code} is repeated.`);
      codes.add(group.code);
    }
    if (!isText(group.name)) report(`${path}.name`, 'EMPTY_NAME', 'Nama wajib diisi.', 'A name is required.');
  });
  return codes;
}

function checkAction(action: Record<string, unknown>, path: string, groups: Set<string>, periods: Set<string>, report: Report): void {
  checkCode(action.code, `${path}.code`, report);
  if (!Number.isInteger(action.year) || (action.year as number) < 2000 || (action.year as number) > 2100) {
    report(`${path}.year`, 'INVALID_YEAR', 'Tahun aksi harus bilangan bulat 2000-2100.', 'The action year must be a whole number 2000-2100.');
  }
  if (!isText(action.title)) report(`${path}.title`, 'EMPTY_TITLE', 'Judul aksi wajib diisi.', 'The action needs a title.');
  if (typeof action.targetGroupCode !== 'string' || !groups.has(action.targetGroupCode)) {
    report(`${path}.targetGroupCode`, 'UNKNOWN_TARGET_GROUP', `Kelompok sasaran ${String(action.targetGroupCode)} tidak dikenal.`, `Target group ${String(action.targetGroupCode)} is not defined.`);
  }
  const levels = listAt(action.reporterLevels, `${path}.reporterLevels`, report);
  if (Array.isArray(action.reporterLevels) && levels.length === 0) report(`${path}.reporterLevels`, 'NO_REPORTER_LEVELS', 'Sebutkan paling sedikit satu tingkat pelapor.', 'Name at least one reporter level.');
  levels.forEach((level, index) => {
    if (typeof level !== 'string' || !LEVELS.has(level)) report(`${path}.reporterLevels[${index}]`, 'UNKNOWN_REPORTER_LEVEL', 'Tingkat pelapor harus KL, PROVINCE, atau KABKOTA.', 'A reporter level must be KL, PROVINCE or KABKOTA.');
    else if (levels.indexOf(level) !== index) report(`${path}.reporterLevels[${index}]`, 'DUPLICATE_REPORTER_LEVEL', `Tingkat ${level} berulang.`, `Level ${level} is repeated.`);
  });
  const units = listAt(action.responsibleUnits, `${path}.responsibleUnits`, report);
  if (Array.isArray(action.responsibleUnits) && units.length === 0) report(`${path}.responsibleUnits`, 'NO_RESPONSIBLE_UNITS', 'Sebutkan paling sedikit satu unit penanggung jawab.', 'Name at least one responsible unit.');
  units.forEach((unit, index) => {
    if (!isText(unit)) report(`${path}.responsibleUnits[${index}]`, 'EMPTY_RESPONSIBLE_UNIT', 'Nama unit penanggung jawab kosong.', 'A responsible unit name is empty.');
  });
  const measures = listAt(action.successMeasures, `${path}.successMeasures`, report);
  const seen = new Set<string>();
  measures.forEach((measure, index) => {
    const at = `${path}.successMeasures[${index}]`;
    if (!isObject(measure)) return report(at, 'NOT_AN_OBJECT', `${at} harus berupa objek.`, `${at} must be an object.`);
    const code = measure.periodCode;
    if (typeof code !== 'string' || !periods.has(code)) report(`${at}.periodCode`, 'UNKNOWN_PERIOD', `Periode ${String(code)} tidak ada dalam aturan.`, `Period ${String(code)} is not one of the rules' periods.`);
    else if (seen.has(code)) report(`${at}.periodCode`, 'DUPLICATE_SUCCESS_MEASURE', `Periode ${code} memiliki lebih dari satu ukuran keberhasilan.`, `Period ${code} has more than one success measure.`);
    if (typeof code === 'string') seen.add(code);
    if (!isText(measure.measure)) report(`${at}.measure`, 'EMPTY_SUCCESS_MEASURE', 'Ukuran keberhasilan kosong.', 'The success measure is empty.');
  });
  for (const period of periods) {
    if (Array.isArray(action.successMeasures) && !seen.has(period)) {
      report(`${path}.successMeasures`, 'MISSING_SUCCESS_MEASURE', `Aksi ${String(action.code)} belum memiliki ukuran keberhasilan periode ${period}.`, `Action ${String(action.code)} has no success measure for period ${period}.`);
    }
  }
}

/**
 * Every problem of a RANHAM version, with a path into it. Never throws: the version may come from an imported file,
 * so wrong types and missing parts are reported like any other problem.
 */
export function validateRanhamFramework(version: RanhamFrameworkVersion): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const report: Report = (path, code, id, en) => problems.push({ path, code, message: { id, en } });
  if (!Number.isInteger(version.version) || version.version < 1) {
    report('version', 'VERSION_NOT_POSITIVE_INTEGER', 'Nomor versi harus bilangan bulat positif.', 'The version number must be a positive integer.');
  }
  const periods = checkRules(version, report);
  const groups = checkTargetGroups(version, report);
  const actions = listAt(version.actions, 'actions', report);
  if (Array.isArray(version.actions) && actions.length === 0) report('actions', 'NO_ACTIONS', 'Paling sedikit satu aksi HAM.', 'At least one action is needed.');
  const keys = new Set<string>();
  actions.forEach((action, index) => {
    const path = `actions[${index}]`;
    if (!isObject(action)) return report(path, 'NOT_AN_OBJECT', `${path} harus berupa objek.`, `${path} must be an object.`);
    const key = `${String(action.year)}/${String(action.code)}`;
    if (keys.has(key)) report(`${path}.code`, 'DUPLICATE_ACTION_CODE', `Kode aksi ${String(action.code)} berulang pada tahun ${String(action.year)}.`, `Action code ${String(action.code)} is repeated in ${String(action.year)}.`);
    keys.add(key);
    checkAction(action, path, groups, periods, report);
  });
  return problems;
}
