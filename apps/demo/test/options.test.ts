import { parseOptions, UsageError } from '../src/options';

describe('npm run demo options', () => {
  const env = {};
  it('defaults to Indonesian, the local API and npm start’s folder', () => {
    const options = parseOptions([], env, true, '/repo');
    expect(options).toEqual({ lang: 'id', apiUrl: 'http://localhost:3000', devDir: '/repo/.peduli/dev', colour: true, help: false });
  });

  it('reads --lang, --api and --dev-dir in both spellings, and follows PORT and NO_COLOR', () => {
    expect(parseOptions(['--lang', 'en', '--api=http://127.0.0.1:4000/ignored/path', '--dev-dir', '/tmp/dev'], env, true, '/repo')).toMatchObject({
      lang: 'en',
      apiUrl: 'http://127.0.0.1:4000',
      devDir: '/tmp/dev',
    });
    expect(parseOptions([], { PORT: '3100', NO_COLOR: '1' }, true, '/repo')).toMatchObject({ apiUrl: 'http://localhost:3100', colour: false });
    expect(parseOptions(['--no-colour'], env, true, '/repo').colour).toBe(false);
    expect(parseOptions([], env, false, '/repo').colour).toBe(false);
    expect(parseOptions(['-h'], env, false, '/repo').help).toBe(true);
  });

  it.each([
    [['--lang', 'fr'], '--lang is id or en, not "fr"'],
    [['--lang'], '--lang needs a value'],
    [['--api', 'ftp://host'], '--api must be http or https: "ftp://host"'],
    [['--api', 'not a url'], '--api is not a URL: "not a url"'],
    [['--fast'], 'unknown option "--fast"'],
  ])('refuses %p', (argv, message) => {
    expect(() => parseOptions(argv, env, false, '/repo')).toThrow(new UsageError(message));
  });
});
