/** The default of PdfCheckOptions.maxInflatedBytes (apart from the check, which loads a PDF parser). */
export const DEFAULT_MAX_PDF_INFLATED_BYTES = 100 * 1024 * 1024;
