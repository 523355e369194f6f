import { Anchor, Button, type ButtonProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { forwardRef, type AnchorHTMLAttributes } from 'react';

/** Mantine's anchor and button as typed router links (a plain `component={Link}` loses the route's types). */
export const AnchorLink = createLink(Anchor);

// A link that looks like a button is still a link (an <a>): it navigates, so assistive tech should announce it so.
const ButtonAnchor = forwardRef<HTMLAnchorElement, ButtonProps & AnchorHTMLAttributes<HTMLAnchorElement>>((props, ref) => <Button component="a" ref={ref} {...props} />);
ButtonAnchor.displayName = 'ButtonAnchor';
export const ButtonLink = createLink(ButtonAnchor);
