import { Alert, Anchor, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useLanguage } from '../../i18n/language';
import { useEvidenceBytes, type DocumentView } from './review-data';

/** How a checked document is shown: PDFs drawn by pdf.js, images as images, anything else offered as a download. */
export type PreviewKind = 'pdf' | 'image' | 'download';

export function previewKind(document: Pick<DocumentView, 'sniffedMime'>): PreviewKind {
  if (document.sniffedMime === 'application/pdf') return 'pdf';
  if (document.sniffedMime?.startsWith('image/')) return 'image';
  return 'download';
}

/** The first pages are enough to judge a document beside its answer; the whole file stays a download away. */
const MAX_PAGES = 3;

/**
 * pdf.js draws each page into a canvas from the bytes in memory: nothing of the file becomes a page of our origin, and
 * scripts inside a PDF are never run (eval off, no scripting build). The library and its worker load only here.
 */
function PdfPages({ blob, title }: { blob: Blob; title: string }) {
  const { t } = useLanguage();
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'drawing' | 'drawn' | 'failed'>('drawing');
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      const pdf = await pdfjs.getDocument({ data: new Uint8Array(await blob.arrayBuffer()), isEvalSupported: false }).promise;
      const target = container.current;
      if (cancelled || !target) return;
      target.replaceChildren();
      for (let number = 1; number <= Math.min(pdf.numPages, MAX_PAGES); number++) {
        const page = await pdf.getPage(number);
        const viewport = page.getViewport({ scale: 1 });
        const canvas = document.createElement('canvas');
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        canvas.style.maxWidth = '100%';
        canvas.style.border = '1px solid #ced4da';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', t('review.pdfPage', { title, page: number, pages: pdf.numPages }));
        target.append(canvas);
        await page.render({ canvas, viewport }).promise;
        if (cancelled) return;
      }
      setState('drawn');
    })().catch(() => !cancelled && setState('failed'));
    return () => {
      cancelled = true;
    };
  }, [blob, title, t]);
  return (
    <div>
      {state === 'drawing' && <Loader size="sm" role="status" aria-label={t('home.loading')} />}
      {state === 'failed' && <Alert color="red">{t('review.previewFailed')}</Alert>}
      <div ref={container} data-testid="pdf-pages" data-state={state} />
    </div>
  );
}

function ObjectUrl({ blob, children }: { blob: Blob; children: (url: string) => React.ReactNode }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const created = URL.createObjectURL(blob);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [blob]);
  return url ? <>{children(url)}</> : null;
}

/** One document: its name and check status, and its content once the API hands the bytes over. */
export function EvidencePreview({ submissionId, document: doc }: { submissionId: string; document: DocumentView }) {
  const { t } = useLanguage();
  const checked = doc.status === 'ACCEPTED';
  const bytes = useEvidenceBytes(submissionId, doc.id, checked);
  const title = doc.title ?? doc.originalName;
  const kind = previewKind(doc);
  return (
    <Stack gap={4} data-testid="evidence">
      <Text size="sm" fw={600}>
        {title} <Text span size="xs">({t(`review.document.${doc.status}`)})</Text>
      </Text>
      {!checked ? (
        <Text size="sm">{t('review.notViewable')}</Text>
      ) : bytes.isPending ? (
        <Loader size="sm" role="status" aria-label={t('home.loading')} />
      ) : bytes.isError ? (
        <Alert color="red">{t('review.previewFailed')}</Alert>
      ) : (
        <>
          {kind === 'pdf' && <PdfPages blob={bytes.data} title={title} />}
          {kind === 'image' && <ObjectUrl blob={bytes.data}>{(url) => <img src={url} alt={title} style={{ maxWidth: '100%' }} />}</ObjectUrl>}
          <ObjectUrl blob={bytes.data}>
            {(url) => (
              <Anchor href={url} download={doc.originalName} size="sm">
                {t('review.download', { name: doc.originalName })}
              </Anchor>
            )}
          </ObjectUrl>
        </>
      )}
    </Stack>
  );
}
