import { Bilingual } from '../locale';
import { isIndicatorCode } from '../submissions';
import { AnswerType, FrameworkVersion, INDICATOR_TYPES, Indicator, PointBand, TARGET_ROUNDINGS } from './model';
import { pembinaRuleProblems } from '../awards';
import { adjustmentSourceProblems } from './ranham-bonus';

/** One reason a framework version cannot be published or scored. `path` points into the version object. */
export interface FrameworkProblem {
  path: string;
  code: string;
  message: Bilingual;
}

type Report = (path: string, code: string, id: string, en: string) => void;

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Paths of the entries whose key was already seen earlier in the list. */
function duplicates<T>(items: readonly T[], keyOf: (item: T) => unknown): number[] {
  const seen = new Set<unknown>();
  const repeated: number[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (seen.has(key)) repeated.push(index);
    seen.add(key);
  });
  return repeated;
}

function checkVersionHeader(version: FrameworkVersion, report: Report): void {
  if (!Number.isInteger(version.version) || version.version < 1) {
    report('version', 'VERSION_NOT_POSITIVE_INTEGER', 'Nomor versi harus bilangan bulat positif.', 'The version number must be a positive integer.');
  }
}

function checkCriteria(version: FrameworkVersion, report: Report): void {
  if (version.criteria.length === 0) {
    report('criteria', 'NO_CRITERIA', 'Kerangka harus memiliki paling sedikit satu kriteria.', 'A framework needs at least one criterion.');
  }
  for (const index of duplicates(version.criteria, (c) => c.code)) {
    const code = version.criteria[index].code;
    report(`criteria[${index}].code`, 'DUPLICATE_CRITERION_CODE', `Kode kriteria ${code} dipakai lebih dari sekali.`, `Criterion code ${code} is used more than once.`);
  }
  version.criteria.forEach((criterion, index) => {
    const subGroups = criterion.subGroups ?? [];
    for (const subIndex of duplicates(subGroups, (s) => s.code)) {
      const code = subGroups[subIndex].code;
      report(
        `criteria[${index}].subGroups[${subIndex}].code`,
        'DUPLICATE_SUBGROUP_CODE',
        `Kode subkelompok ${code} dipakai lebih dari sekali dalam kriteria ${criterion.code}.`,
        `Sub-group code ${code} is used more than once in criterion ${criterion.code}.`,
      );
    }
    const indicators = version.indicators.filter((indicator) => indicator.criterionCode === criterion.code);
    if (indicators.length === 0) {
      report(`criteria[${index}]`, 'CRITERION_WITHOUT_INDICATORS', `Kriteria ${criterion.code} tidak memiliki indikator.`, `Criterion ${criterion.code} has no indicators.`);
    } else if (indicators.every((indicator) => version.rules.typeWeights[indicator.type] === 0)) {
      // Such a criterion could never score above 0, however well the region did: almost certainly a data-entry slip.
      report(
        `criteria[${index}]`,
        'CRITERION_WITHOUT_WEIGHTED_TYPE',
        `Semua indikator kriteria ${criterion.code} berjenis dengan bobot 0.`,
        `Every indicator of criterion ${criterion.code} has a type whose weight is 0.`,
      );
    }
  });
}

function checkPointTable(path: string, table: readonly PointBand[], indicator: Indicator, report: Report): void {
  if (table.length === 0) {
    report(path, 'NO_POINT_BANDS', `Indikator ${indicator.code} membutuhkan tabel rentang nilai.`, `Indicator ${indicator.code} needs a table of value bands.`);
  }
  for (const index of duplicates(table, (band) => band.min)) {
    report(`${path}[${index}].min`, 'DUPLICATE_POINT_BAND_MIN', `Batas bawah rentang ${table[index].min} berulang.`, `Band lower edge ${table[index].min} is repeated.`);
  }
  table.forEach((band, index) => {
    if (!isFiniteNumber(band.min)) {
      report(`${path}[${index}].min`, 'POINT_BAND_MIN_NOT_A_NUMBER', 'Batas bawah rentang harus angka.', 'A band lower edge must be a number.');
    }
    if (!isFiniteNumber(band.points) || band.points < 0 || band.points > indicator.points) {
      report(
        `${path}[${index}].points`,
        'POINT_BAND_POINTS_OUT_OF_RANGE',
        `Poin rentang harus antara 0 dan ${indicator.points}.`,
        `Band points must be between 0 and ${indicator.points}.`,
      );
    }
  });
}

/** A target scores a number in proportion (NUMBER, PERCENT); bands would be a second, contradictory rule. */
function checkTarget(at: string, indicator: Indicator, report: Report): void {
  const target = indicator.target;
  if (target === undefined) return;
  if (indicator.answerType !== AnswerType.NUMBER && indicator.answerType !== AnswerType.PERCENT) {
    report(
      `${at}.target`,
      'TARGET_NOT_ALLOWED',
      `Target hanya untuk jenis jawaban NUMBER atau PERCENT; indikator ${indicator.code} berjenis ${indicator.answerType}.`,
      `A target is only for answer types NUMBER or PERCENT; indicator ${indicator.code} is ${indicator.answerType}.`,
    );
  }
  if (indicator.bands !== undefined) {
    report(
      `${at}.target`,
      'TARGET_WITH_BANDS',
      `Indikator ${indicator.code} memakai target atau tabel rentang nilai, tidak keduanya.`,
      `Indicator ${indicator.code} uses a target or a table of value bands, not both.`,
    );
  }
  if (!isFiniteNumber(target.value) || target.value <= 0) {
    report(`${at}.target.value`, 'TARGET_NOT_POSITIVE', 'Nilai target harus angka lebih dari 0.', 'The target value must be a number above 0.');
  } else if (indicator.answerType === AnswerType.PERCENT && target.value > 100) {
    report(`${at}.target.value`, 'TARGET_PERCENT_ABOVE_100', 'Target persentase paling tinggi 100.', 'A percentage target is at most 100.');
  }
  if (target.cap !== undefined && (!isFiniteNumber(target.cap) || target.cap <= 0 || target.cap > 1)) {
    report(
      `${at}.target.cap`,
      'TARGET_CAP_OUT_OF_RANGE',
      'Batas capaian target harus lebih dari 0 dan paling tinggi 1 (bagian dari poin maksimum).',
      'The target cap must be above 0 and at most 1 (a share of the maximum points).',
    );
  }
  if (target.rounding !== undefined && !TARGET_ROUNDINGS.includes(target.rounding)) {
    const known = TARGET_ROUNDINGS.join(', ');
    report(`${at}.target.rounding`, 'TARGET_ROUNDING_UNKNOWN', `Pembulatan harus salah satu dari: ${known}.`, `The rounding must be one of: ${known}.`);
  }
}

function checkIndicator(version: FrameworkVersion, indicator: Indicator, index: number, report: Report): void {
  const at = `indicators[${index}]`;
  if (!isIndicatorCode(indicator.code)) {
    report(`${at}.code`, 'INVALID_INDICATOR_CODE', `Kode indikator "${indicator.code}" tidak sah.`, `Indicator code "${indicator.code}" is not valid.`);
  }
  const criterion = version.criteria.find((c) => c.code === indicator.criterionCode);
  if (!criterion) {
    report(`${at}.criterionCode`, 'UNKNOWN_CRITERION', `Kriteria ${indicator.criterionCode} tidak ada.`, `Criterion ${indicator.criterionCode} does not exist.`);
  } else if (indicator.subGroupCode !== undefined && !(criterion.subGroups ?? []).some((s) => s.code === indicator.subGroupCode)) {
    report(
      `${at}.subGroupCode`,
      'UNKNOWN_SUBGROUP',
      `Subkelompok ${indicator.subGroupCode} tidak ada dalam kriteria ${criterion.code}.`,
      `Sub-group ${indicator.subGroupCode} does not exist in criterion ${criterion.code}.`,
    );
  }
  if (!INDICATOR_TYPES.includes(indicator.type)) {
    report(`${at}.type`, 'UNKNOWN_INDICATOR_TYPE', `Jenis indikator ${indicator.type} tidak dikenal.`, `Indicator type ${indicator.type} is unknown.`);
  }
  if (!isFiniteNumber(indicator.points) || indicator.points <= 0) {
    report(`${at}.points`, 'POINTS_NOT_POSITIVE', 'Poin maksimum indikator harus lebih dari 0.', 'An indicator’s maximum points must be above 0.');
  }
  if (indicator.answerType === AnswerType.BANDED || (indicator.answerType === AnswerType.NUMBER && indicator.bands !== undefined)) {
    checkPointTable(`${at}.bands`, indicator.bands ?? [], indicator, report);
  }
  checkTarget(at, indicator, report);
  if (indicator.answerType === AnswerType.CHOICE) {
    const choices = indicator.choices ?? [];
    if (choices.length === 0) {
      report(`${at}.choices`, 'CHOICE_WITHOUT_CHOICES', `Indikator ${indicator.code} membutuhkan daftar pilihan.`, `Indicator ${indicator.code} needs a list of choices.`);
    }
    for (const choiceIndex of duplicates(choices, (c) => c.value)) {
      report(`${at}.choices[${choiceIndex}].value`, 'DUPLICATE_CHOICE_VALUE', `Pilihan "${choices[choiceIndex].value}" berulang.`, `Choice "${choices[choiceIndex].value}" is repeated.`);
    }
    choices.forEach((choice, choiceIndex) => {
      if (!isFiniteNumber(choice.points) || choice.points < 0 || choice.points > indicator.points) {
        report(
          `${at}.choices[${choiceIndex}].points`,
          'CHOICE_POINTS_OUT_OF_RANGE',
          `Poin pilihan harus antara 0 dan ${indicator.points}.`,
          `Choice points must be between 0 and ${indicator.points}.`,
        );
      }
    });
  }
  const { minCount, allowedDocumentTypes } = indicator.evidence;
  if (!Number.isInteger(minCount) || minCount < 0) {
    report(`${at}.evidence.minCount`, 'EVIDENCE_MIN_COUNT_INVALID', 'Jumlah minimum data dukung harus bilangan bulat ≥ 0.', 'The minimum number of documents must be an integer ≥ 0.');
  } else if (minCount > 0 && allowedDocumentTypes.length === 0) {
    report(
      `${at}.evidence.allowedDocumentTypes`,
      'EVIDENCE_TYPES_EMPTY',
      'Data dukung diwajibkan, tetapi tidak ada jenis dokumen yang diizinkan.',
      'Documents are required but no document type is allowed.',
    );
  }
}

function checkTypeWeights(version: FrameworkVersion, report: Report): void {
  const weights = version.rules.typeWeights;
  let sum = 0;
  for (const type of INDICATOR_TYPES) {
    const weight = weights[type];
    if (!isFiniteNumber(weight) || weight < 0) {
      report(`rules.typeWeights.${type}`, 'TYPE_WEIGHT_NEGATIVE', `Bobot ${type} harus angka ≥ 0.`, `The ${type} weight must be a number ≥ 0.`);
    } else {
      sum += weight;
    }
  }
  // Exactly 100, not "about 100": weights are whole numbers in every rule book seen, so a float tolerance would only hide slips.
  if (sum !== 100) {
    report('rules.typeWeights', 'TYPE_WEIGHTS_NOT_100', `Jumlah bobot jenis indikator harus 100, bukan ${sum}.`, `Indicator type weights must sum to 100, not ${sum}.`);
  }
}

function checkBands(version: FrameworkVersion, report: Report): void {
  const bands = version.rules.bands;
  if (bands.length === 0) {
    report('rules.bands', 'NO_BANDS', 'Kerangka harus memiliki kategori penilaian.', 'A framework needs score bands.');
    return;
  }
  // A band at 0 plus distinct edges means every total in 0-100 falls in exactly one band: no gap, no overlap.
  if (!bands.some((band) => band.min === 0)) {
    report('rules.bands', 'NO_BAND_AT_ZERO', 'Harus ada kategori yang dimulai dari 0.', 'One band must start at 0.');
  }
  for (const index of duplicates(bands, (band) => band.min)) {
    report(`rules.bands[${index}].min`, 'DUPLICATE_BAND_MIN', `Batas bawah kategori ${bands[index].min} berulang.`, `Band lower edge ${bands[index].min} is repeated.`);
  }
  for (const index of duplicates(bands, (band) => band.band)) {
    report(`rules.bands[${index}].band`, 'DUPLICATE_BAND_NAME', `Kategori ${bands[index].band} berulang.`, `Band ${bands[index].band} is repeated.`);
  }
  bands.forEach((band, index) => {
    if (!isFiniteNumber(band.min) || band.min < 0 || band.min > 100) {
      report(`rules.bands[${index}].min`, 'BAND_MIN_OUT_OF_RANGE', 'Batas bawah kategori harus antara 0 dan 100.', 'A band lower edge must be between 0 and 100.');
    }
  });
}

function checkAdjustments(version: FrameworkVersion, report: Report): void {
  const adjustments = version.rules.adjustments;
  for (const index of duplicates(adjustments, (a) => a.code)) {
    report(`rules.adjustments[${index}].code`, 'DUPLICATE_ADJUSTMENT_CODE', `Kode penyesuaian ${adjustments[index].code} berulang.`, `Adjustment code ${adjustments[index].code} is repeated.`);
  }
  adjustments.forEach((adjustment, index) => {
    if (!isFiniteNumber(adjustment.cap) || adjustment.cap < 0) {
      report(`rules.adjustments[${index}].cap`, 'ADJUSTMENT_CAP_NEGATIVE', 'Batas penyesuaian harus angka ≥ 0.', 'An adjustment cap must be a number ≥ 0.');
    }
    if (adjustment.perUnit !== undefined && (!isFiniteNumber(adjustment.perUnit) || adjustment.perUnit < 0)) {
      report(`rules.adjustments[${index}].perUnit`, 'ADJUSTMENT_PER_UNIT_NEGATIVE', 'Poin per satuan harus angka ≥ 0.', 'Points per unit must be a number ≥ 0.');
    }
    for (const problem of adjustmentSourceProblems(adjustment, `rules.adjustments[${index}].source`)) {
      report(problem.path, problem.code, problem.message.id, problem.message.en);
    }
  });
  for (const problem of pembinaRuleProblems(version.rules.pembina, (version.rules.bands ?? []).map((band) => band.band))) {
    report(problem.path, problem.code, problem.message.id, problem.message.en);
  }
}

/** Every problem that stops a framework version from being published or scored; empty means valid. */
export function validateFrameworkVersion(version: FrameworkVersion): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const report: Report = (path, code, id, en) => problems.push({ path, code, message: { id, en } });
  checkVersionHeader(version, report);
  checkCriteria(version, report);
  for (const index of duplicates(version.indicators, (indicator) => indicator.code)) {
    const code = version.indicators[index].code;
    report(`indicators[${index}].code`, 'DUPLICATE_INDICATOR_CODE', `Kode indikator ${code} dipakai lebih dari sekali.`, `Indicator code ${code} is used more than once.`);
  }
  version.indicators.forEach((indicator, index) => checkIndicator(version, indicator, index, report));
  checkTypeWeights(version, report);
  checkBands(version, report);
  checkAdjustments(version, report);
  return problems;
}
