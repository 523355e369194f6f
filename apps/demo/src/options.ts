import { join, resolve } from 'node:path';

export type Lang = 'id' | 'en';

export interface Options {
  lang: Lang;
  /** The API's origin, e.g. http://localhost:3000 (the `/api/v1` prefix is added per call). */
  apiUrl: string;
  /** `npm start`'s folder: the credentials file and the dev mailbox live there. */
  devDir: string;
  colour: boolean;
  help: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: npm run demo [-- options]

Plays one reporting period end to end against the running system (start it first with \`npm start\`).

Options:
  --lang id|en       language of the story (default id; API messages follow it)
  --api URL          the API's address (default http://localhost:$PORT, PORT defaulting to 3000)
  --dev-dir DIR      npm start's folder with the credentials file and the dev mailbox (default .peduli/dev)
  --no-colour        plain output (also when NO_COLOR is set or the output is not a terminal)
  -h, --help         this text

Environment: ADMIN_EMAIL, ADMIN_PASSWORD and DEMO_PASSWORD override the credentials npm start wrote;
PEDULI_API_URL and PEDULI_DEV_DIR are the same as --api and --dev-dir.`;

/** The repository root, from this file's place in apps/demo/dist (or apps/demo/src under Jest). */
export const ROOT = resolve(__dirname, '..', '..', '..');

/** Reads the command line and environment; throws UsageError for anything it does not understand. */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv, isTty: boolean, root = ROOT): Options {
  const options: Options = {
    lang: 'id',
    apiUrl: env.PEDULI_API_URL ?? `http://localhost:${env.PORT ?? 3000}`,
    devDir: resolve(env.PEDULI_DEV_DIR ?? join(root, '.peduli', 'dev')),
    colour: isTty && !env.NO_COLOR,
    help: false,
  };
  const args = argv.flatMap((arg) => (arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg]));
  const value = (index: number, name: string): string => {
    const next = args[index + 1];
    if (next === undefined || next.startsWith('-')) throw new UsageError(`${name} needs a value`);
    return next;
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    switch (arg) {
      case '--lang': {
        const lang = value(index++, arg);
        if (lang !== 'id' && lang !== 'en') throw new UsageError(`--lang is id or en, not "${lang}"`);
        options.lang = lang;
        break;
      }
      case '--api':
        options.apiUrl = value(index++, arg);
        break;
      case '--dev-dir':
        options.devDir = resolve(value(index++, arg));
        break;
      case '--no-colour':
      case '--no-color':
        options.colour = false;
        break;
      case '-h':
      case '--help':
        options.help = true;
        break;
      default:
        throw new UsageError(`unknown option "${arg}"`);
    }
  }
  let url: URL;
  try {
    url = new URL(options.apiUrl);
  } catch {
    throw new UsageError(`--api is not a URL: "${options.apiUrl}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--api must be http or https: "${options.apiUrl}"`);
  options.apiUrl = url.origin;
  return options;
}
