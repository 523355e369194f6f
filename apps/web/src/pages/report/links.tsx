import { Anchor, Button } from '@mantine/core';
import { createLink } from '@tanstack/react-router';

/** Mantine's anchor and button as typed router links (a plain `component={Link}` loses the route's types). */
export const AnchorLink = createLink(Anchor);
export const ButtonLink = createLink(Button);
