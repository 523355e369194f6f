import { Programme } from '@peduli/domain';
import type { FrameworkDocument } from './document';
import { InterchangeProblem, problem } from './problems';

/**
 * What a workbook has no columns for: an adjustment derived from the RANHAM yearly score (its bands) and the pembina
 * rule. JSON and YAML carry them; a workbook would drop them silently, so such a version is not laid out as one.
 */
export function workbookLosses(document: FrameworkDocument): InterchangeProblem[] {
  if (document.programme !== Programme.KKP_HAM) return [];
  const rules = document.content.rules;
  const losses = rules.adjustments.flatMap((adjustment, index) =>
    adjustment.source === undefined
      ? []
      : [
          problem(
            'NOT_IN_WORKBOOK',
            `Sumber penyesuaian ${adjustment.code} tidak dapat dimuat dalam workbook; ekspor sebagai JSON atau YAML.`,
            `The source of adjustment ${adjustment.code} does not fit a workbook; export as JSON or YAML.`,
            { path: `content.rules.adjustments[${index}].source` },
          ),
        ],
  );
  if (rules.pembina !== undefined) {
    losses.push(
      problem('NOT_IN_WORKBOOK', 'Aturan pembina tidak dapat dimuat dalam workbook; ekspor sebagai JSON atau YAML.', 'The pembina rule does not fit a workbook; export as JSON or YAML.', {
        path: 'content.rules.pembina',
      }),
    );
  }
  return losses;
}
