import { FrameworkVersion, KKP_HAM_2021_SAMPLE, validateFrameworkVersion } from '@peduli/domain';

const INDICATORS_PER_CRITERION = 12;

/**
 * A KKP HAM framework of the official size, 10 criteria × 12 indicators = 120: the annex's texts are not available as
 * data, so each criterion repeats the sample's own indicators (codes made unique with a suffix).
 */
export function frameworkOf120(frameworkCode: string): FrameworkVersion {
  const indicators = KKP_HAM_2021_SAMPLE.criteria.flatMap((criterion) => {
    const own = KKP_HAM_2021_SAMPLE.indicators.filter((indicator) => indicator.criterionCode === criterion.code);
    return Array.from({ length: INDICATORS_PER_CRITERION }, (_, index) => ({ ...own[index % own.length], code: `${own[index % own.length].code}.${index}` }));
  });
  const version = { ...KKP_HAM_2021_SAMPLE, frameworkCode, indicators };
  const problems = validateFrameworkVersion(version);
  if (problems.length > 0) throw new Error(`bench framework is invalid: ${JSON.stringify(problems)}`);
  return version;
}
