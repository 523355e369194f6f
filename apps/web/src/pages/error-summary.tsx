import { Alert, Anchor, List, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';

export interface SummaryItem {
  /** The id of the field the problem belongs to; null for a problem of the whole form. */
  fieldId: string | null;
  text: string;
}

/**
 * GOV.UK's error summary: at the top of the form, focused when it appears so screen readers announce it, each
 * problem a link that moves focus to its field.
 */
export function ErrorSummary({ title, items }: { title: string; items: SummaryItem[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length > 0) box.current?.focus();
  }, [items]);
  if (items.length === 0) return null;
  return (
    <Alert ref={box} tabIndex={-1} color="red" variant="outline" role="alert" aria-labelledby="error-summary-title" data-testid="error-summary">
      <Title order={2} size="h4" id="error-summary-title" mb="xs">
        {title}
      </Title>
      <List>
        {items.map((item, index) => (
          <List.Item key={index}>
            {item.fieldId ? (
              <Anchor
                href={`#${item.fieldId}`}
                c="red.9"
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(item.fieldId!)?.focus();
                }}
              >
                {item.text}
              </Anchor>
            ) : (
              <span>{item.text}</span>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
