import { Box, Group, Text } from '@mantine/core';

/** A status in words with a coloured dot before it; the words carry the meaning, the dot only helps the eye. */
export function DotLabel({ colour, children }: { colour: string; children: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Box w={10} h={10} style={{ flexShrink: 0, borderRadius: '50%', background: `var(--mantine-color-${colour}-7)` }} aria-hidden />
      <Text size="sm">{children}</Text>
    </Group>
  );
}
