import { createTestOrganisation, createTestUser, eventually, rowCounts, TEST_PASSWORD } from '@peduli/testkit';
import { createHmac, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { multipartBody, Part } from './multipart';
import { filesUnder, MINIMAL_PDF, startTestApi, TEST_JWT_SECRET, TestApi } from './support';

/**
 * The hostile-input catalogue: malformed or hostile requests against every controller, each of which must be answered
 * with the expected 4xx and a clear message in the API's error shape, never a 5xx; the process must stay up and no
 * business table may change. Each case is its own test line, and each checks the database before and after itself.
 *
 * The catalogue is data: `path` may hold placeholders ({submission}, {kkpCycle}, ...) filled in once the fixtures
 * exist, and `auth` names the bearer token to send (the national admin's by default).
 */

/** Small, so the oversized-upload case stays fast. */
const UPLOAD_LIMIT = 64 * 1024;

// Hostile strings, used throughout.
const SQLI = "'; DROP TABLE submission; --";
const SQLI_OR = '1 OR 1=1';
const CMD = '$(rm -rf /)';
const CMD_BACKTICK = '`id`';
const NUL = 'laporan\u0000tahunan';
const LONE_SURROGATE = 'laporan \ud800 tahunan';
const RTL_OVERRIDE = 'laporan\u202Efdp.exe';
const COMBINING = `a${'\u0301'.repeat(10_000)}`;
const EMOJI = '🇮🇩👨‍👩‍👧‍👦';
const TRAVERSAL = '../../etc/passwd';
const ENCODED_TRAVERSAL = '%2e%2e%2f%2e%2e%2fetc%2fpasswd';
const UNKNOWN_ID = '6f1c1c3e-2b1a-4c8e-9d52-2f0f4f0c2a11';
const DEPTH = 10_000;

/**
 * Bytes that are at once a PDF (header and trailer), an HTML page with a script, and a ZIP archive (an empty central
 * directory at the end, where ZIP readers look for it).
 */
const POLYGLOT = Buffer.concat([
  Buffer.from('%PDF-1.4\n%<html><body><script>fetch("/api/v1/auth/me")</script></body></html>\n'),
  MINIMAL_PDF.subarray(MINIMAL_PDF.indexOf('1 0 obj')),
  Buffer.from('PK\u0005\u0006', 'latin1'),
  Buffer.alloc(18),
]);

/** A billion-laughs YAML document: a few hundred bytes that expand to gigabytes if aliases are followed blindly. */
const YAML_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
].join('\n');

/** A JSON body of about 10 MB compressed to a few kilobytes: the 1 MB limit must apply to the inflated size. */
const GZIP_BOMB = gzipSync(Buffer.from(`{"kind":"OPD","name":"${'a'.repeat(10 * 1024 * 1024)}","regionCode":"64.71"}`));

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Named bearer tokens, made in beforeAll; `none` sends no Authorization header. */
type TokenName =
  | 'admin'
  | 'none'
  | 'basicScheme'
  | 'garbage'
  | 'forgedSignature'
  | 'tamperedPayload'
  | 'algNone'
  | 'algHs512'
  | 'expired'
  | 'notYetValid'
  | 'wrongIssuer'
  | 'wrongAudience'
  | 'refreshTyp'
  | 'kidTraversal'
  | 'deletedUser'
  | 'deactivatedUser'
  | 'sqlInjectionSubject'
  | 'noRoles'
  | 'forgedApiToken'
  | 'revokedApiToken'
  | 'refreshTokenAsBearer';

type Body =
  | { json: unknown }
  | { raw: string | Buffer; contentType?: string; contentEncoding?: string }
  | { multipart: Part[]; boundary?: string; contentType?: string };

interface HostileCase {
  name: string;
  method: Method;
  /** After /api/v1, sent byte for byte: neither normalised (../ stays) nor re-encoded. */
  path: string;
  auth?: TokenName;
  headers?: Record<string, string>;
  body?: Body;
  /** The correct answer; a list where more than one 4xx is right (e.g. 400 or 401 for a malformed sign-in). */
  expectStatus: number | number[];
  expectMessage?: RegExp;
  /** The fields the answer must name, when it lists problems. */
  expectProblems?: string[];
}

const kkpPolicyPath = '/cycles/{kkpCycle}/reminder-policy';
const deep = (open: string, inner: string, close: string) => `${open.repeat(DEPTH)}${inner}${close.repeat(DEPTH)}`;
const evidence = (...parts: Part[]): Body => ({ multipart: parts });
const pdfPart = (filename: string, value: Buffer = MINIMAL_PDF): Part => ({ name: 'file', value, filename, contentType: 'application/pdf' });

/** Text that must never reach a caller: it explains nothing they can fix. */
const INTERNALS = /Something went wrong on the server|QueryFailedError|invalid input syntax|syntax error at|Maximum call stack|node_modules|\.[jt]s:\d+|\{\w+\}/;
const INVALID = /The request is invalid\. Fix the fields below\./;
const MALFORMED_JSON = /The request body is not valid JSON/;
const BAD_TOKEN = /The token is not valid\. Sign in again/;
const BAD_FILE_NAME = /The file name must not contain slashes, control characters or "\.\."/;

const CATALOGUE: HostileCase[] = [
  // ---- Malformed, oversized and deeply nested bodies -------------------------------------------------------------
  { name: 'login: truncated JSON', method: 'POST', path: '/auth/login', auth: 'none', body: { raw: '{"email": "admin@peduli.test", "password": ' }, expectStatus: 400, expectMessage: MALFORMED_JSON },
  { name: 'submission patch: NaN literal in JSON', method: 'PATCH', path: '/submissions/{submission}', body: { raw: '{"answers": {"K1.P1": NaN}}' }, expectStatus: 400, expectMessage: MALFORMED_JSON },
  { name: 'cycle create: single quotes and a trailing comma', method: 'POST', path: '/cycles', body: { raw: "{'programme': 'KKP_HAM', 'year': 2030,}" }, expectStatus: 400, expectMessage: MALFORMED_JSON },
  { name: 'organisation create: a top-level null body', method: 'POST', path: '/organisations', body: { raw: 'null' }, expectStatus: 400, expectMessage: MALFORMED_JSON },
  { name: 'user create: a top-level string body', method: 'POST', path: '/users', body: { raw: '"DROP TABLE user_account"' }, expectStatus: 400, expectMessage: MALFORMED_JSON },
  { name: 'cycle create: an array where an object belongs', method: 'POST', path: '/cycles', body: { json: [{ programme: 'KKP_HAM', year: 2030 }] }, expectStatus: 400 },
  { name: 'login: no body at all', method: 'POST', path: '/auth/login', auth: 'none', expectStatus: 400, expectMessage: INVALID, expectProblems: ['email', 'password'] },
  { name: 'submission create: a JSON body over the 1 MB limit', method: 'POST', path: '/submissions', body: { json: { regionCode: '64.71', programme: 'KKP_HAM', periodKey: '2027-TAHUNAN', padding: 'x'.repeat(1_100_000) } }, expectStatus: 413, expectMessage: /too large \(limit 1mb\)/ },
  { name: 'organisation create: a gzip bomb (10 MB of JSON in a few KB)', method: 'POST', path: '/organisations', body: { raw: GZIP_BOMB, contentEncoding: 'gzip' }, expectStatus: 413, expectMessage: /too large/ },
  { name: 'login: a Latin-1 charset', method: 'POST', path: '/auth/login', auth: 'none', body: { raw: '{"email":"a@b.c","password":"x"}', contentType: 'application/json; charset=iso-8859-1' }, expectStatus: 415, expectMessage: /Unsupported request content type/ },
  // Valid JSON, only too deep: the answer must say so (as the framework importer does), not call it invalid JSON or
  // pass on the engine's "Maximum call stack size exceeded".
  { name: 'organisation create: 10,000 nested arrays in a field', method: 'POST', path: '/organisations', body: { raw: `{"kind":"OPD","regionCode":"64.71","name":${deep('[', '"x"', ']')}}` }, expectStatus: 400, expectMessage: /deep|nest/i },
  { name: 'submission patch: 10,000 nested objects as answers', method: 'PATCH', path: '/submissions/{submission}', body: { raw: `{"answers":${deep('{"K1.P1":', '1', '}')}}` }, expectStatus: 400, expectMessage: /deep|nest/i },
  { name: 'user create: a __proto__ key (prototype pollution)', method: 'POST', path: '/users', body: { raw: '{"email":"x@peduli.test","displayName":"X","__proto__":{"isNationalAdmin":true}}' }, expectStatus: 400, expectMessage: /"__proto__" is not allowed/ },
  { name: 'user patch: a constructor.prototype key', method: 'PATCH', path: '/users/{user}', body: { raw: '{"displayName":"X","constructor":{"prototype":{"admin":true}}}' }, expectStatus: 400, expectMessage: /"constructor" is not allowed/ },

  // ---- Wrong types; negative, NaN, infinite and huge numbers ----------------------------------------------------
  { name: 'cycle create: year as a string', method: 'POST', path: '/cycles', body: { json: { programme: 'KKP_HAM', year: '2030', label: 'KKP HAM 2030', frameworkVersionId: '{kkpVersion}' } }, expectStatus: 400, expectMessage: INVALID, expectProblems: ['year'] },
  { name: 'cycle create: a negative year', method: 'POST', path: '/cycles', body: { json: { programme: 'KKP_HAM', year: -2030, label: 'KKP HAM 2030', frameworkVersionId: '{kkpVersion}' } }, expectStatus: 400, expectProblems: ['year'] },
  { name: 'cycle create: year 1e308', method: 'POST', path: '/cycles', body: { raw: '{"programme":"KKP_HAM","year":1e308,"label":"KKP HAM 2030","frameworkVersionId":"{kkpVersion}"}' }, expectStatus: 400, expectProblems: ['year'] },
  { name: 'cycle create: year 1e309 (Infinity once parsed)', method: 'POST', path: '/cycles', body: { raw: '{"programme":"KKP_HAM","year":1e309,"label":"KKP HAM 2030","frameworkVersionId":"{kkpVersion}"}' }, expectStatus: 400, expectProblems: ['year'] },
  { name: 'cycle create: year 2^63', method: 'POST', path: '/cycles', body: { raw: '{"programme":"KKP_HAM","year":9223372036854775808,"label":"KKP HAM 2030","frameworkVersionId":"{kkpVersion}"}' }, expectStatus: 400, expectProblems: ['year'] },
  { name: 'cycle create: a fractional year', method: 'POST', path: '/cycles', body: { json: { programme: 'KKP_HAM', year: 2030.5, label: 'KKP HAM 2030', frameworkVersionId: '{kkpVersion}' } }, expectStatus: 400, expectProblems: ['year'] },
  { name: 'cycle version switch: an array for the id', method: 'PUT', path: '/cycles/{kkpCycle}/framework-version', body: { json: { frameworkVersionId: ['{kkpVersion}'] } }, expectStatus: 400, expectProblems: ['frameworkVersionId'] },
  { name: 'compile: null and a query operator object', method: 'POST', path: '/submissions/compile', body: { json: { regionCode: null, periodKey: { $gt: '' } } }, expectStatus: 400, expectProblems: ['regionCode', 'periodKey'] },
  { name: 'refresh: a query operator object as the token', method: 'POST', path: '/auth/refresh', auth: 'none', body: { json: { refreshToken: { $ne: null } } }, expectStatus: 400, expectProblems: ['refreshToken'] },
  { name: 'review return: a string for the reasons, a number for the comment', method: 'POST', path: '/submissions/{submission}/return', body: { json: { reasons: 'MISSING_SIGNATURE_OR_LETTERHEAD', comment: 42 } }, expectStatus: 400, expectProblems: ['reasons', 'comment'] },
  { name: 'review approve: an object for the comment', method: 'POST', path: '/submissions/{submission}/approve', body: { json: { comment: { $ne: null } } }, expectStatus: 400, expectProblems: ['comment'] },
  { name: 'submission patch: an answer of 1e309 (Infinity)', method: 'PATCH', path: '/submissions/{submission}', body: { raw: '{"answers":{"K1.P1":1e309}}' }, expectStatus: 400, expectProblems: ['answers'] },
  { name: 'submission patch: a negative percentage', method: 'PATCH', path: '/submissions/{submission}', body: { json: { answers: { 'K1.P1': -1 } } }, expectStatus: 400, expectMessage: /Some answers do not fit their indicators/, expectProblems: ['answers.K1.P1'] },
  { name: 'submission patch: a percentage of 2^63', method: 'PATCH', path: '/submissions/{submission}', body: { raw: '{"answers":{"K1.P1":9223372036854775808}}' }, expectStatus: 400, expectProblems: ['answers.K1.P1'] },
  { name: 'regions: a negative page', method: 'GET', path: '/regions?page=-1', auth: 'none', expectStatus: 400, expectProblems: ['page'] },
  { name: 'regions: page NaN', method: 'GET', path: '/regions?page=NaN', auth: 'none', expectStatus: 400, expectProblems: ['page'] },
  { name: 'regions: page size Infinity', method: 'GET', path: '/regions?pageSize=Infinity', auth: 'none', expectStatus: 400, expectProblems: ['pageSize'] },
  { name: 'regions: page 2^63', method: 'GET', path: '/regions?page=9223372036854775808', auth: 'none', expectStatus: 400, expectProblems: ['page'] },
  { name: 'regions: page 1e308', method: 'GET', path: '/regions?page=1e308', auth: 'none', expectStatus: 400, expectProblems: ['page'] },
  { name: 'users: page size 1e3 (over the maximum)', method: 'GET', path: '/users?pageSize=1e3', expectStatus: 400, expectProblems: ['pageSize'] },
  { name: 'reminders list: a negative limit', method: 'GET', path: '/cycles/{kkpCycle}/periods/TAHUNAN/reminders?limit=-5', expectStatus: 400, expectProblems: ['limit'] },
  { name: 'reminders list: offset 1e308', method: 'GET', path: '/cycles/{kkpCycle}/periods/TAHUNAN/reminders?offset=1e308', expectStatus: 400, expectProblems: ['offset'] },
  { name: 'cycles: a repeated query parameter (parameter pollution)', method: 'GET', path: '/cycles?programme=KKP_HAM&programme=RANHAM', expectStatus: 400, expectProblems: ['programme'] },
  { name: 'reminder policy: negative offsets', method: 'PUT', path: kkpPolicyPath, body: { json: { offsetsDays: [-1, -7] } }, expectStatus: 400, expectMessage: /reminder policy is not valid/ },
  { name: 'reminder policy: grace hours 1e308', method: 'PUT', path: kkpPolicyPath, body: { raw: '{"graceHours":1e308}' }, expectStatus: 400, expectMessage: /reminder policy is not valid/ },
  { name: 'reminder policy: null offsets and a string digest', method: 'PUT', path: kkpPolicyPath, body: { json: { offsetsDays: null, weeklyDigest: 'every monday' } }, expectStatus: 400, expectMessage: /reminder policy is not valid/ },

  // ---- SQL and command injection: in format-checked fields, path and query parameters; as plain data in free text --
  {
    name: 'submission create: injection strings in every field',
    method: 'POST',
    path: '/submissions',
    body: { json: { regionCode: SQLI, programme: CMD, periodKey: CMD_BACKTICK, organisationId: SQLI_OR, contactEmail: `bh@balikpapan.go.id${SQLI}`, answers: { [SQLI]: CMD } } },
    expectStatus: 400,
    expectMessage: INVALID,
    expectProblems: ['regionCode', 'programme', 'periodKey', 'organisationId', 'contactEmail', 'answers'],
  },
  { name: 'submission get: "1 OR 1=1" as the id', method: 'GET', path: '/submissions/1%20OR%201=1', expectStatus: 400, expectProblems: ['id'] },
  { name: 'submission submit: a DROP TABLE as the id', method: 'POST', path: `/submissions/${encodeURIComponent(SQLI)}/submit`, body: { json: {} }, expectStatus: 400, expectProblems: ['id'] },
  { name: 'region get: "OR 1=1" in the code', method: 'GET', path: "/regions/64.71'%20OR%20'1'='1", auth: 'none', expectStatus: 400, expectProblems: ['code'] },
  { name: 'regions: a command in the province filter', method: 'GET', path: `/regions?province=${encodeURIComponent(CMD)}`, auth: 'none', expectStatus: 400, expectProblems: ['province'] },
  { name: 'organisations: injection in the kind and region filters', method: 'GET', path: `/organisations?kind=${encodeURIComponent("OPD' OR 1=1--")}&regionCode=${encodeURIComponent(CMD_BACKTICK)}`, expectStatus: 400, expectProblems: ['kind', 'regionCode'] },
  { name: 'organisation create: DROP TABLE in the name is data, the bad region code is the problem', method: 'POST', path: '/organisations', body: { json: { kind: 'OPD', name: SQLI, regionCode: `64.71; ${SQLI}` } }, expectStatus: 400, expectProblems: ['regionCode'] },
  { name: 'user create: injection in the email, a command as the name, a command as a password (no longer accepted)', method: 'POST', path: '/users', body: { json: { email: "admin@peduli.test' --", displayName: CMD, password: CMD_BACKTICK } }, expectStatus: 400, expectProblems: ['email', 'password'] },
  { name: 'user deactivate: "1 OR 1=1" as the id', method: 'POST', path: '/users/1%20OR%201%3D1/deactivate', body: { json: { reason: SQLI } }, expectStatus: 400, expectProblems: ['id'] },
  { name: 'role removal: a command as the assignment id', method: 'DELETE', path: `/users/{user}/roles/${encodeURIComponent(CMD)}`, expectStatus: 400, expectProblems: ['id'] },
  { name: 'API token create: injection in the role', method: 'POST', path: '/api-tokens', body: { json: { name: SQLI, role: "NATIONAL_ADMIN' --" } }, expectStatus: 400, expectProblems: ['role'] },
  { name: 'API token revoke: a backtick command as the id', method: 'DELETE', path: `/api-tokens/${encodeURIComponent(CMD_BACKTICK)}`, expectStatus: 400, expectProblems: ['id'] },
  { name: 'evidence reuse: DROP TABLE as the document id, a string for the codes', method: 'POST', path: '/submissions/{submission}/evidence/reuse', body: { json: { documentId: SQLI, indicatorCodes: 'K1.S1' } }, expectStatus: 400, expectProblems: ['documentId', 'indicatorCodes'] },
  { name: 'review return: injection as the reason code (the comment is data)', method: 'POST', path: '/submissions/{submission}/return', body: { json: { reasons: [{ code: SQLI }], comment: CMD } }, expectStatus: 400, expectProblems: ['reasons.0.code'] },
  { name: 'review approve: injection as a rejection reason', method: 'POST', path: '/submissions/{submission}/approve', body: { json: { rejections: { 'K1.S1': SQLI } } }, expectStatus: 400, expectProblems: ['rejections'] },
  { name: 'scores: injection in the period key and region filters', method: 'GET', path: `/scores?periodKey=${encodeURIComponent(`2026-B08' OR 1=1`)}&regionCode=${encodeURIComponent(CMD)}`, expectStatus: 400, expectProblems: ['periodKey', 'regionCode'] },
  { name: 'score explain: "1 OR 1=1" as the id', method: 'GET', path: '/scores/1%20OR%201%3D1/explain', expectStatus: 400, expectProblems: ['id'] },
  { name: 'completeness: injection in the cycle and period', method: 'GET', path: `/completeness?cycleId=${encodeURIComponent(SQLI_OR)}&periodCode=${encodeURIComponent(CMD)}`, expectStatus: 400, expectProblems: ['cycleId', 'periodCode'] },
  { name: 'scores export: a command in the format, "OR 1=1" as the cycle', method: 'GET', path: `/exports/scores?format=${encodeURIComponent('csv; rm -rf /')}&cycleId=${encodeURIComponent(SQLI_OR)}`, expectStatus: 400, expectProblems: ['format', 'cycleId'] },
  { name: 'recalculations: a backtick command as the cycle filter', method: 'GET', path: `/recalculations?cycleId=${encodeURIComponent(CMD_BACKTICK)}`, expectStatus: 400, expectProblems: ['cycleId'] },
  { name: 'audit: injection in the region filter', method: 'GET', path: `/audit?regionCode=${encodeURIComponent(SQLI)}`, expectStatus: 400, expectProblems: ['regionCode'] },
  { name: 'framework versions: a command in the programme filter', method: 'GET', path: `/frameworks/versions?programme=${encodeURIComponent(CMD)}`, expectStatus: 400, expectProblems: ['programme'] },
  { name: 'framework publish: injection as a cycle to adopt', method: 'POST', path: '/frameworks/versions/{kkpVersion}/publish', body: { json: { adoptInCycles: ["' OR 1=1 --"] } }, expectStatus: 400, expectProblems: ['adoptInCycles'] },
  { name: 'framework what-if: a command as the cycle id', method: 'POST', path: '/frameworks/versions/{kkpVersion}/what-if', body: { json: { cycleId: CMD } }, expectStatus: 400, expectProblems: ['cycleId'] },
  { name: 'framework draft: "1 OR 1=1" as the version id', method: 'POST', path: '/frameworks/versions/1%20OR%201%3D1/drafts', expectStatus: 400, expectProblems: ['id'] },
  { name: 'milestone: DROP TABLE as the milestone code', method: 'PUT', path: `/cycles/{kkpCycle}/milestones/${encodeURIComponent("'; DROP TABLE cycle_milestone; --")}`, body: { json: { date: '2027-03-31' } }, expectStatus: 400, expectMessage: /Unknown milestone/ },
  { name: 'period: a command as the period code', method: 'PUT', path: `/cycles/{kkpCycle}/periods/${encodeURIComponent(CMD)}`, body: { json: { deadlineDate: '2027-03-31' } }, expectStatus: 400, expectMessage: /is not a period of programme KKP_HAM/ },
  { name: 'extension: injection in the region code and the instant', method: 'POST', path: '/cycles/{kkpCycle}/periods/TAHUNAN/extensions', body: { json: { regionCode: SQLI, until: CMD, reason: 'Banjir di kantor' } }, expectStatus: 400, expectProblems: ['regionCode', 'until'] },
  { name: 'internal deadline: "OR 1=1" in the region code', method: 'PUT', path: "/cycles/{kkpCycle}/periods/TAHUNAN/internal-deadlines/64.71'%20OR%201=1", body: { json: { deadlineDate: '2027-01-15' } }, expectStatus: 404, expectMessage: /No regency or city has code/ },
  { name: 'reminder resend: "OR 1=1" as the id', method: 'POST', path: "/reminders/'%20OR%201%3D1/resend", body: { json: { reason: 'Operator baru' } }, expectStatus: 400, expectProblems: ['id'] },
  { name: 'reminder resend: DROP TABLE in the reason is data (unknown reminder)', method: 'POST', path: `/reminders/${UNKNOWN_ID}/resend`, body: { json: { reason: SQLI } }, expectStatus: 404, expectMessage: /Reminder .* was not found/ },
  { name: 'reminder policy: a command as the send time', method: 'PUT', path: kkpPolicyPath, body: { json: { sendAt: '$(reboot)' } }, expectStatus: 400, expectMessage: /reminder policy is not valid/ },
  { name: 'login: "OR 1=1" as the email', method: 'POST', path: '/auth/login', auth: 'none', body: { json: { email: "' OR 1=1 --@peduli.test", password: "' OR '1'='1" } }, expectStatus: 401, expectMessage: /Wrong email or password/ },
  { name: 'refresh: DROP TABLE as the refresh token', method: 'POST', path: '/auth/refresh', auth: 'none', body: { json: { refreshToken: `prt_${SQLI}` } }, expectStatus: 401, expectMessage: /refresh token is not valid/ },
  { name: 'logout: an over-long refresh token', method: 'POST', path: '/auth/logout', auth: 'none', body: { json: { refreshToken: `prt_${'A'.repeat(300)}` } }, expectStatus: 400, expectProblems: ['refreshToken'] },
  { name: 'invitation accept: DROP TABLE as the token', method: 'POST', path: '/account/invitations/accept', auth: 'none', body: { json: { token: `pac_${SQLI}`, password: 'kata-sandi-panjang-1' } }, expectStatus: 400, expectProblems: ['token'] },
  { name: 'password reset confirm: a well-formed token nobody was mailed', method: 'POST', path: '/account/password-reset/confirm', auth: 'none', body: { json: { token: `pac_${'A'.repeat(43)}`, password: 'kata-sandi-panjang-1' } }, expectStatus: 400, expectMessage: /This link is not valid/ },
  { name: 'password reset request: "OR 1=1" as the email', method: 'POST', path: '/account/password-reset', auth: 'none', body: { json: { email: "' OR 1=1 --@peduli.test" } }, expectStatus: 400, expectProblems: ['email'] },

  // ---- Unicode edge cases ---------------------------------------------------------------------------------------
  // PostgreSQL refuses NUL in text and in jsonb: it must be refused as input (400), not fail in the database (500).
  { name: 'login: a NUL byte in the email', method: 'POST', path: '/auth/login', auth: 'none', body: { json: { email: `admin\u0000@peduli.test`, password: 'kata-sandi-uji-123' } }, expectStatus: [400, 401] },
  { name: 'organisation create: a NUL byte in the name', method: 'POST', path: '/organisations', body: { json: { kind: 'OPD', name: NUL, regionCode: '64.71' } }, expectStatus: 400 },
  { name: 'user create: a NUL byte in the display name', method: 'POST', path: '/users', body: { json: { email: 'nul.byte@peduli.test', displayName: NUL } }, expectStatus: 400 },
  { name: 'submission patch: a NUL byte in a text answer (jsonb)', method: 'PATCH', path: '/submissions/{submission}', body: { json: { answers: { 'K4.P1': NUL } } }, expectStatus: 400 },
  { name: 'audit: a NUL byte in the action filter', method: 'GET', path: '/audit?action=submission%00.submitted', expectStatus: 400 },
  { name: 'framework versions: a NUL byte in the code filter', method: 'GET', path: '/frameworks/versions?frameworkCode=KKP%00', expectStatus: 400 },
  { name: 'region get: a NUL byte in the path', method: 'GET', path: '/regions/64.71%00', auth: 'none', expectStatus: 400, expectProblems: ['code'] },
  { name: 'submission patch: a lone surrogate in a text answer (jsonb)', method: 'PATCH', path: '/submissions/{submission}', body: { json: { answers: { 'K4.P1': LONE_SURROGATE } } }, expectStatus: 400 },
  { name: 'organisation create: a lone surrogate in the name', method: 'POST', path: '/organisations', body: { json: { kind: 'OPD', name: LONE_SURROGATE, regionCode: '64.71' } }, expectStatus: 400 },
  { name: 'organisation create: 10,000 combining characters in the name', method: 'POST', path: '/organisations', body: { json: { kind: 'OPD', name: COMBINING, regionCode: '64.71' } }, expectStatus: 400, expectProblems: ['name'] },
  { name: 'login: 10,000 combining characters as the password', method: 'POST', path: '/auth/login', auth: 'none', body: { json: { email: 'admin@peduli.test', password: COMBINING } }, expectStatus: 400, expectProblems: ['password'] },
  { name: 'submission create: emoji as the region code', method: 'POST', path: '/submissions', body: { json: { regionCode: EMOJI, programme: 'KKP_HAM', periodKey: '2027-TAHUNAN' } }, expectStatus: 400, expectProblems: ['regionCode'] },
  { name: 'region get: an emoji flag as the code', method: 'GET', path: `/regions/${encodeURIComponent(EMOJI)}`, auth: 'none', expectStatus: 400, expectProblems: ['code'] },
  { name: 'region get: a malformed percent-encoding in the path', method: 'GET', path: '/regions/%E0%A4%A', auth: 'none', expectStatus: 400 },
  { name: 'evidence upload: a right-to-left override in the file name (extension spoofing)', method: 'POST', path: '/submissions/{submission}/evidence', body: evidence({ name: 'documentType', value: 'LAPORAN' }, { name: 'file', value: MINIMAL_PDF, encodedFilename: RTL_OVERRIDE, contentType: 'application/pdf' }), expectStatus: 400, expectMessage: BAD_FILE_NAME },
  { name: 'evidence upload: a NUL byte in the title', method: 'POST', path: '/submissions/{submission}/evidence', body: evidence({ name: 'documentType', value: 'LAPORAN' }, { name: 'title', value: NUL }, pdfPart('laporan.pdf')), expectStatus: 400 },
  { name: 'evidence upload: a real C1 control character (U+0085, UTF-8) in a browser-style file name', method: 'POST', path: '/submissions/{submission}/evidence', body: evidence({ name: 'documentType', value: 'LAPORAN' }, pdfPart('laporan\u0085tahunan.pdf')), expectStatus: 400, expectMessage: BAD_FILE_NAME },
  { name: 'evidence upload: a right-to-left override in a browser-style file name', method: 'POST', path: '/submissions/{submission}/evidence', body: evidence({ name: 'documentType', value: 'LAPORAN' }, pdfPart(RTL_OVERRIDE)), expectStatus: 400, expectMessage: BAD_FILE_NAME },

  // ---- Path traversal -------------------------------------------------------------------------------------------
  { name: 'submission get: a raw ../ path (not normalised by the client)', method: 'GET', path: `/submissions/../../../${TRAVERSAL}`, expectStatus: 404, expectMessage: /No route matches/ },
  { name: 'submission get: a URL-encoded ../ as the id', method: 'GET', path: `/submissions/${ENCODED_TRAVERSAL}`, expectStatus: 400, expectProblems: ['id'] },
  { name: 'evidence download: ../ as the document id', method: 'GET', path: `/submissions/{submission}/evidence/${encodeURIComponent(TRAVERSAL)}/content`, expectStatus: 400, expectProblems: ['id'] },
  { name: 'framework export: ../ as the version id', method: 'GET', path: `/frameworks/versions/..%2f..%2fpackage.json/export?format=json`, expectStatus: 400, expectProblems: ['id'] },
  { name: 'framework export: ../ as the format', method: 'GET', path: `/frameworks/versions/{kkpVersion}/export?format=${encodeURIComponent(TRAVERSAL)}`, expectStatus: 400, expectProblems: ['format'] },
  { name: 'period: ../ as the time zone', method: 'PUT', path: '/cycles/{kkpCycle}/periods/TAHUNAN', body: { json: { deadlineDate: '2027-03-31', timeZone: '../../../../etc/passwd' } }, expectStatus: 400, expectMessage: /Unknown time zone/ },
  { name: 'recalculation get: an encoded ../ as the id', method: 'GET', path: `/recalculations/${ENCODED_TRAVERSAL}`, expectStatus: 400, expectProblems: ['id'] },
  { name: 'evidence upload: ../../etc/passwd as the file name', method: 'POST', path: '/submissions/{submission}/evidence', body: evidence({ name: 'documentType', value: 'LAPORAN' }, pdfPart(TRAVERSAL)), expectStatus: 400, expectMessage: BAD_FILE_NAME },
  { name: 'evidence upload: a URL-encoded ../ in filename*', method: 'POST', path: '/submissions/{submission}/evidence', body: evidence({ name: 'documentType', value: 'LAPORAN' }, { name: 'file', value: MINIMAL_PDF, encodedFilename: TRAVERSAL, contentType: 'application/pdf' }), expectStatus: 400, expectMessage: BAD_FILE_NAME },
  { name: 'evidence upload: a Windows path as the file name', method: 'POST', path: '/submissions/{submission}/evidence', body: evidence({ name: 'documentType', value: 'LAPORAN' }, pdfPart('C:\\..\\..\\boot.ini')), expectStatus: 400, expectMessage: BAD_FILE_NAME },

  // ---- Dates the format lets through but the calendar does not ---------------------------------------------------
  { name: 'audit export: 30 February', method: 'GET', path: '/exports/audit?format=csv&from=2026-02-30T00:00:00Z&to=2026-03-31T00:00:00Z', expectStatus: 400, expectProblems: ['from'] },
  { name: 'audit: 30 February as the start', method: 'GET', path: '/audit?from=2026-02-30', expectStatus: 400 },
  { name: 'period: 30 February as the deadline', method: 'PUT', path: '/cycles/{kkpCycle}/periods/TAHUNAN', body: { json: { deadlineDate: '2027-02-30' } }, expectStatus: 400, expectMessage: /A deadline is a YYYY-MM-DD date and an HH:mm time/ },
  { name: 'milestone: year 99999', method: 'PUT', path: '/cycles/{kkpCycle}/milestones/PEMDA_INPUT_CLOSE', body: { json: { date: '99999-01-01' } }, expectStatus: 400, expectProblems: ['date'] },

  // ---- Tokens: forged, expired, alg none, wrong issuer/audience, garbage, deleted and deactivated users -----------
  { name: 'me: no Authorization header', method: 'GET', path: '/auth/me', auth: 'none', expectStatus: 401, expectMessage: /Sign in first/ },
  { name: 'me: a Basic scheme', method: 'GET', path: '/auth/me', auth: 'basicScheme', expectStatus: 401, expectMessage: /Sign in first/ },
  { name: 'me: garbage as the token', method: 'GET', path: '/auth/me', auth: 'garbage', expectStatus: 401, expectMessage: BAD_TOKEN },
  { name: 'me: a forged signature', method: 'GET', path: '/auth/me', auth: 'forgedSignature', expectStatus: 401, expectMessage: BAD_TOKEN },
  { name: 'me: a tampered payload with the original signature', method: 'GET', path: '/auth/me', auth: 'tamperedPayload', expectStatus: 401, expectMessage: BAD_TOKEN },
  { name: 'me: alg none', method: 'GET', path: '/auth/me', auth: 'algNone', expectStatus: 401, expectMessage: BAD_TOKEN },
  { name: 'organisation create: alg none on a write', method: 'POST', path: '/organisations', auth: 'algNone', body: { json: { kind: 'OPD', name: 'Dinas Siluman', regionCode: '64.71' } }, expectStatus: 401, expectMessage: BAD_TOKEN },
  { name: 'me: HS512 signed with the real secret (algorithm not allowed)', method: 'GET', path: '/auth/me', auth: 'algHs512', expectStatus: 401, expectMessage: BAD_TOKEN },
  { name: 'me: an expired token', method: 'GET', path: '/auth/me', auth: 'expired', expectStatus: 401, expectMessage: /The token has expired/ },
  { name: 'me: a token not valid yet (nbf)', method: 'GET', path: '/auth/me', auth: 'notYetValid', expectStatus: 401, expectMessage: BAD_TOKEN },
  { name: 'me: a wrong issuer', method: 'GET', path: '/auth/me', auth: 'wrongIssuer', expectStatus: 401, expectMessage: BAD_TOKEN },
  { name: 'me: a wrong audience', method: 'GET', path: '/auth/me', auth: 'wrongAudience', expectStatus: 401, expectMessage: BAD_TOKEN },
  { name: 'me: a token typed "refresh"', method: 'GET', path: '/auth/me', auth: 'refreshTyp', expectStatus: 401, expectMessage: BAD_TOKEN },
  { name: 'me: a kid header pointing at /dev/null, signed with an empty key', method: 'GET', path: '/auth/me', auth: 'kidTraversal', expectStatus: 401, expectMessage: BAD_TOKEN },
  { name: 'me: a token for a deleted user', method: 'GET', path: '/auth/me', auth: 'deletedUser', expectStatus: 401 },
  { name: 'submission create: a token for a deactivated user', method: 'POST', path: '/submissions', auth: 'deactivatedUser', body: { json: { regionCode: '64.71', programme: 'KKP_HAM', periodKey: '2027-TAHUNAN' } }, expectStatus: 401, expectMessage: /This account is deactivated/ },
  // Needs the signing key, so it is defence in depth: a subject that is not a UUID must still not reach the database.
  { name: 'me: a correctly signed token whose subject is SQL', method: 'GET', path: '/auth/me', auth: 'sqlInjectionSubject', expectStatus: 401 },
  { name: 'user create: a valid token without the role', method: 'POST', path: '/users', auth: 'noRoles', body: { json: { email: 'sneaky@peduli.test', displayName: 'Sneaky' } }, expectStatus: 403, expectMessage: /Your role does not allow this action/ },
  { name: 'API tokens: a forged API token', method: 'GET', path: '/api-tokens', auth: 'forgedApiToken', expectStatus: 401, expectMessage: BAD_TOKEN },
  { name: 'scores: a revoked API token', method: 'GET', path: '/scores?regionCode=64.71', auth: 'revokedApiToken', expectStatus: 401, expectMessage: BAD_TOKEN },
  { name: 'me: a refresh token used as a bearer token', method: 'GET', path: '/auth/me', auth: 'refreshTokenAsBearer', expectStatus: 401, expectMessage: BAD_TOKEN },

  // ---- Uploads: oversized, polyglot, malformed -------------------------------------------------------------------
  // The API accepts well-formed uploads into quarantine without looking at their content or declared type: a polyglot
  // with an acceptable name, fields and size is stored (201) and only the document worker, which judges the real type
  // by content (UNKNOWN_TYPE, TYPE_NOT_ALLOWED, DECLARED_TYPE_MISMATCH, PDF checks), rejects it. These cases assert
  // only what the API itself refuses synchronously: the envelope, the name, the fields and the size.
  { name: 'evidence upload: JSON instead of multipart', method: 'POST', path: '/submissions/{submission}/evidence', body: { json: { file: POLYGLOT.toString('base64') } }, expectStatus: 415, expectMessage: /send multipart\/form-data/ },
  { name: 'evidence upload: multipart without a boundary', method: 'POST', path: '/submissions/{submission}/evidence', body: { multipart: [pdfPart('laporan.pdf', POLYGLOT)], contentType: 'multipart/form-data' }, expectStatus: 400, expectMessage: /No file/ },
  { name: 'evidence upload: a polyglot in a field other than "file"', method: 'POST', path: '/submissions/{submission}/evidence', body: evidence({ name: 'documentType', value: 'LAPORAN' }, { name: 'attachment', value: POLYGLOT, filename: 'laporan.pdf', contentType: 'application/pdf' }), expectStatus: 400, expectMessage: /No file/ },
  { name: 'evidence upload: a polyglot with a document type outside the list', method: 'POST', path: '/submissions/{submission}/evidence', body: evidence({ name: 'documentType', value: 'text/html' }, { name: 'file', value: POLYGLOT, filename: 'laporan.pdf.html', contentType: 'text/html' }), expectStatus: 400, expectProblems: ['documentType'] },
  { name: 'evidence upload: a polyglot named ../index.html', method: 'POST', path: '/submissions/{submission}/evidence', body: evidence({ name: 'documentType', value: 'LAPORAN' }, { name: 'file', value: POLYGLOT, encodedFilename: '../index.html', contentType: 'text/html' }), expectStatus: 400, expectMessage: BAD_FILE_NAME },
  // A file that outgrows the limit only after the stream has filled its buffers must still be answered, not left hanging.
  { name: 'evidence upload: a polyglot over the upload limit', method: 'POST', path: '/submissions/{submission}/evidence', body: evidence({ name: 'documentType', value: 'LAPORAN' }, pdfPart('besar.pdf', Buffer.concat([POLYGLOT, Buffer.alloc(UPLOAD_LIMIT, 0x20)]))), expectStatus: 400, expectMessage: /The file exceeds the limit of 65536 bytes/ },
  { name: 'evidence upload: two files in one request', method: 'POST', path: '/submissions/{submission}/evidence', body: evidence({ name: 'documentType', value: 'LAPORAN' }, pdfPart('a.pdf'), pdfPart('b.pdf', POLYGLOT)), expectStatus: 400, expectMessage: /Send one file per request/ },
  // Besides the 400, nothing may be left unhandled: an 'error' event nobody listens to would end a production process
  // (main.ts installs no handler). Under Jest such an error fails the whole file ("Test suite failed to run").
  { name: 'evidence upload: a multipart body without its closing boundary', method: 'POST', path: '/submissions/{submission}/evidence', body: { raw: multipartBody([{ name: 'documentType', value: 'LAPORAN' }, pdfPart('a.pdf')]).subarray(0, -30), contentType: 'multipart/form-data; boundary=peduli-test-boundary' }, expectStatus: 400, expectMessage: /cut off or malformed/ },
  { name: 'evidence upload: a DROP TABLE as the submission id', method: 'POST', path: `/submissions/${encodeURIComponent(SQLI)}/evidence`, body: evidence({ name: 'documentType', value: 'LAPORAN' }, pdfPart('a.pdf')), expectStatus: 400, expectProblems: ['id'] },

  // ---- Framework files ------------------------------------------------------------------------------------------
  { name: 'framework import: an HTML page', method: 'POST', path: '/frameworks/imports', body: { raw: '<html><script>alert(1)</script></html>', contentType: 'text/html' }, expectStatus: 415, expectMessage: /Unsupported file type/ },
  { name: 'framework import: a compressed body', method: 'POST', path: '/frameworks/imports', body: { raw: gzipSync('{}'), contentType: 'application/json', contentEncoding: 'gzip' }, expectStatus: 415, expectMessage: /Unsupported file type/ },
  { name: 'framework import: a file over 5 MB', method: 'POST', path: '/frameworks/imports', body: { raw: Buffer.alloc(5 * 1024 * 1024 + 1, 0x20), contentType: 'application/json' }, expectStatus: 413, expectMessage: /exceeds the limit of 5 MB/ },
  { name: 'framework import: a YAML billion-laughs bomb', method: 'POST', path: '/frameworks/imports', body: { raw: YAML_BOMB, contentType: 'application/yaml' }, expectStatus: 400, expectMessage: /cannot be imported; nothing was saved/ },
  { name: 'framework import: a PDF/HTML/ZIP polyglot declared as XLSX', method: 'POST', path: '/frameworks/imports', body: { raw: POLYGLOT, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, expectStatus: 400, expectMessage: /cannot be imported; nothing was saved/ },
  { name: 'framework import: JSON with a __proto__ key', method: 'POST', path: '/frameworks/imports', body: { raw: '{"format":"peduli.framework","formatVersion":1,"__proto__":{"polluted":true}}', contentType: 'application/json' }, expectStatus: 400, expectMessage: /cannot be imported; nothing was saved/ },
  { name: 'framework import: 10,000 nested arrays', method: 'POST', path: '/frameworks/imports', body: { raw: deep('[', '1', ']'), contentType: 'application/json' }, expectStatus: 400, expectMessage: /cannot be imported; nothing was saved/ },
  { name: 'framework import into a published version', method: 'POST', path: '/frameworks/versions/{kkpVersion}/import', body: { raw: YAML_BOMB, contentType: 'application/yaml' }, expectStatus: 409, expectMessage: /cannot be changed; start a new draft/ },
  { name: 'framework draft update: a string as the content', method: 'PUT', path: '/frameworks/versions/{kkpVersion}', body: { json: { label: SQLI, content: '<script>alert(1)</script>' } }, expectStatus: 400, expectProblems: ['content'] },
  { name: 'framework draft from an unknown version', method: 'POST', path: `/frameworks/versions/${UNKNOWN_ID}/drafts`, expectStatus: 404, expectMessage: /was not found/ },
];

// ---------------------------------------------------------------------------------------------------------------

interface Reply {
  status: number;
  text: string;
  body: { statusCode?: unknown; error?: unknown; message?: unknown; code?: unknown; details?: Record<string, string | number>; requestId?: unknown; problems?: { field: string; problem: string }[] } | null;
}

/** Sends exactly the given path and bytes (no URL normalisation, no re-encoding), like a hostile client would. */
function send(baseUrl: string, method: Method, path: string, headers: Record<string, string>, body?: Buffer): Promise<Reply> {
  const target = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      { host: target.hostname, port: target.port, method, path, headers: body ? { ...headers, 'content-length': String(body.length) } : headers },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: Reply['body'] = null;
          try {
            parsed = JSON.parse(text) as Reply['body'];
          } catch {
            parsed = null;
          }
          resolve({ status: res.statusCode ?? 0, text, body: parsed });
        });
      },
    );
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer to ${method} ${path} within 15 s`)));
    // A server that answers early (413) may close the connection while the body is still being written.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.end(body);
  });
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** An HS256/HS512 or unsigned JWT, built by hand so that every header and claim can be wrong on purpose. */
function craftJwt(header: Record<string, unknown>, claims: Record<string, unknown>, key: string | null, hash: 'sha256' | 'sha512' = 'sha256'): string {
  const unsigned = `${base64url(header)}.${base64url(claims)}`;
  const signature = key === null ? '' : createHmac(hash, key).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

function accessClaims(sub: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { typ: 'access', sub, iss: 'peduli', aud: 'peduli-api', iat: now, exp: now + 600, jti: randomUUID(), ...overrides };
}

/** Jest shows this alongside a failed expectation, so a wrong answer is reported with its body. */
function described(reply: Reply) {
  return { status: reply.status, body: reply.body ?? reply.text.slice(0, 500) };
}

describe('hostile-input catalogue: every endpoint refuses malformed and hostile requests with a clear 4xx', () => {
  let api: TestApi;
  const fixtures: Record<string, string> = {};
  const tokens = {} as Record<TokenName, string | null>;
  let baseline: Record<string, number>;
  let baselineFiles: number;
  let tables: string[];

  /**
   * Every table of the schema except login_throttle, and audit_entry without its failed sign-in rows: a refused
   * sign-in is recorded on purpose (SignInService counts the attempt in login_throttle before checking the password,
   * and writes an auth.login_failed, or auth.locked, audit entry), so those two may grow; nothing else may.
   */
  const counts = async (): Promise<Record<string, number>> => {
    const db = api.database.dataSource;
    const result = await rowCounts(db, tables);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action NOT IN ('auth.login_failed', 'auth.locked')`);
    return { ...result, 'audit_entry (other than failed sign-ins)': n };
  };

  beforeAll(async () => {
    api = await startTestApi({ MAX_UPLOAD_BYTES: String(UPLOAD_LIMIT), AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    const db = api.database.dataSource;
    const call = async (method: Method, path: string, body?: unknown) => {
      const response = await fetch(`${api.baseUrl}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${api.adminToken}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (response.status >= 300) throw new Error(`fixture ${method} ${path} failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as Record<string, unknown>;
    };

    const [kkp] = await db.query(`SELECT id FROM framework_version WHERE programme = 'KKP_HAM' AND version = 1`);
    fixtures.kkpVersion = kkp.id;
    const cycle = await call('POST', '/cycles', { programme: 'KKP_HAM', year: 2027, label: 'KKP HAM 2027', frameworkVersionId: kkp.id });
    fixtures.kkpCycle = (cycle.cycle as { id: string }).id;
    await call('PUT', `/cycles/${fixtures.kkpCycle}/periods/TAHUNAN`, { deadlineDate: '2027-03-31' });
    fixtures.submission = String((await call('POST', '/submissions', { regionCode: '64.71', programme: 'KKP_HAM', periodKey: '2027-TAHUNAN', answers: { 'K1.S1': true } })).id);
    fixtures.organisation = await createTestOrganisation(db, { kind: 'OPD', name: 'Dinas Kesehatan Kota Balikpapan', regionCode: '64.71' });
    fixtures.user = (await createTestUser(db, { email: 'staf@peduli.test', organisationId: fixtures.organisation })).id;
    const deactivated = await createTestUser(db, { email: 'nonaktif@peduli.test', roles: [{ role: 'NATIONAL_ADMIN' }], active: false });
    const [admin] = await db.query(`SELECT id FROM user_account WHERE email = 'admin@peduli.test'`);

    const apiToken = await call('POST', '/api-tokens', { name: 'Sinkronisasi', role: 'NATIONAL_ADMIN' });
    await call('DELETE', `/api-tokens/${String(apiToken.id)}`);
    const login = await fetch(`${api.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'staf@peduli.test', password: TEST_PASSWORD }),
    });
    const { refreshToken } = (await login.json()) as { refreshToken: string };

    const [header, , signature] = api.adminToken.split('.');
    const hs256 = { alg: 'HS256', typ: 'JWT' };
    Object.assign(tokens, {
      admin: api.adminToken,
      none: null,
      basicScheme: null,
      garbage: 'not-a-jwt',
      forgedSignature: craftJwt(hs256, accessClaims(admin.id), 'a-different-secret-that-is-long-enough-for-hs256'),
      tamperedPayload: `${header}.${base64url(accessClaims(fixtures.user))}.${signature}`,
      algNone: craftJwt({ alg: 'none', typ: 'JWT' }, accessClaims(admin.id), null),
      algHs512: craftJwt({ alg: 'HS512', typ: 'JWT' }, accessClaims(admin.id), TEST_JWT_SECRET, 'sha512'),
      expired: craftJwt(hs256, accessClaims(admin.id, { iat: 1_700_000_000, exp: 1_700_000_900 }), TEST_JWT_SECRET),
      notYetValid: craftJwt(hs256, accessClaims(admin.id, { nbf: Math.floor(Date.now() / 1000) + 3600 }), TEST_JWT_SECRET),
      wrongIssuer: craftJwt(hs256, accessClaims(admin.id, { iss: 'evil' }), TEST_JWT_SECRET),
      wrongAudience: craftJwt(hs256, accessClaims(admin.id, { aud: 'some-other-api' }), TEST_JWT_SECRET),
      refreshTyp: craftJwt(hs256, accessClaims(admin.id, { typ: 'refresh' }), TEST_JWT_SECRET),
      kidTraversal: craftJwt({ ...hs256, kid: '../../../../../../dev/null' }, accessClaims(admin.id), ''),
      deletedUser: craftJwt(hs256, accessClaims(randomUUID()), TEST_JWT_SECRET),
      deactivatedUser: craftJwt(hs256, accessClaims(deactivated.id), TEST_JWT_SECRET),
      sqlInjectionSubject: craftJwt(hs256, accessClaims(`${admin.id}' OR '1'='1`), TEST_JWT_SECRET),
      noRoles: craftJwt(hs256, accessClaims(fixtures.user), TEST_JWT_SECRET),
      forgedApiToken: `pdl_${Buffer.alloc(32, 7).toString('base64url')}`,
      revokedApiToken: String(apiToken.token),
      refreshTokenAsBearer: refreshToken,
    } satisfies Record<TokenName, string | null>);

    const all: { table_name: string }[] = await db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    tables = all.map((row) => row.table_name).filter((name) => name !== 'login_throttle' && name !== 'audit_entry');
    baseline = await counts();
    baselineFiles = filesUnder(api.storageDir).length;
  });

  afterAll(async () => {
    await api?.close();
  });

  it('checks at least 60 cases, and every business table the catalogue must leave alone', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CATALOGUE.map((c) => c.name)).size).toBe(CATALOGUE.length);
    const required = ['submission', 'evidence_document', 'evidence_blob', 'organisation', 'user_account', 'role_assignment', 'reporting_cycle', 'reporting_period', 'reminder', 'reminder_policy', 'internal_deadline', 'cycle_milestone', 'deadline_extension', 'framework_version', 'outbox_event', 'api_token', 'score_snapshot', 'submission_review', 'recalculation_run'];
    expect(tables).toEqual(expect.arrayContaining(required));
  });

  it('reaches every controller', () => {
    const routes = [
      /^\/auth\/login/, /^\/auth\/refresh/, /^\/auth\/logout/, /^\/auth\/me/, /^\/users/, /^\/organisations/, /^\/regions/, /^\/api-tokens/,
      /^\/submissions$/, /^\/submissions\/compile/, /^\/submissions\/[^/]+$/, /\/submit$/, /\/evidence$/, /\/evidence\/reuse$/, /\/content$/,
      /\/approve$/, /\/return$/, /^\/frameworks\/imports/, /^\/frameworks\/versions\/[^/]+\/import$/, /^\/frameworks\/versions\?/,
      /\/drafts$/, /\/publish$/, /\/export\?/, /^\/cycles/, /\/periods\/[^/]+$/, /\/extensions$/, /\/reminder-policy$/,
      /\/internal-deadlines\//, /\/milestones\//, /\/reminders\?/, /\/resend$/, /^\/completeness/, /^\/scores/, /^\/exports/,
      /^\/recalculations/, /^\/audit/,
    ];
    const unreached = routes.filter((route) => !CATALOGUE.some((c) => route.test(c.path)));
    expect(unreached).toEqual([]);
  });

  it.each(CATALOGUE)('$method $path: $name', async (c) => {
    const fill = (text: string) => text.replace(/\{(\w+)\}/g, (match, name: string) => fixtures[name] ?? match);
    const headers: Record<string, string> = { 'accept-language': 'en' };
    const token = tokens[c.auth ?? 'admin'];
    if (c.auth === 'basicScheme') headers.authorization = `Basic ${Buffer.from(`admin@peduli.test:${TEST_PASSWORD}`).toString('base64')}`;
    else if (token !== null) headers.authorization = `Bearer ${token}`;
    let payload: Buffer | undefined;
    if (c.body && 'json' in c.body) {
      headers['content-type'] = 'application/json';
      payload = Buffer.from(fill(JSON.stringify(c.body.json)));
    } else if (c.body && 'raw' in c.body) {
      headers['content-type'] = c.body.contentType ?? 'application/json';
      if (c.body.contentEncoding) headers['content-encoding'] = c.body.contentEncoding;
      payload = typeof c.body.raw === 'string' ? Buffer.from(fill(c.body.raw)) : c.body.raw;
    } else if (c.body && 'multipart' in c.body) {
      const boundary = c.body.boundary ?? 'peduli-test-boundary';
      headers['content-type'] = c.body.contentType ?? `multipart/form-data; boundary=${boundary}`;
      payload = multipartBody(c.body.multipart, boundary);
    }
    Object.assign(headers, c.headers);

    const before = await counts();
    const filesBefore = filesUnder(api.storageDir).length;
    const reply = await send(api.baseUrl, c.method, `/api/v1${fill(c.path)}`, headers, payload);
    // Anything the request sets off after its answer (a late stream error, removing a partly stored file) happens within
    // this case: give it up to a few seconds, as a busy machine may need, before what is left counts as written.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const settled = async () => {
      const now = await counts();
      const unchanged = Object.keys(now).every((table) => now[table] === before[table]);
      return unchanged && filesUnder(api.storageDir).length === filesBefore ? now : undefined;
    };
    // Not settled after 3 s: what is left is compared below, so the failure shows it.
    const after = (await eventually('the case leaves nothing behind', settled, 3000).catch(() => undefined)) ?? (await counts());
    const changedTables = Object.keys(after).filter((table) => after[table] !== before[table]).map((table) => `${table}: ${before[table]} -> ${after[table]}`);
    const expected = Array.isArray(c.expectStatus) ? c.expectStatus : [c.expectStatus];

    // Status, shape, a message that says what to fix, and nothing written: reported together, so a failure shows it all.
    const wantedStatus = expected.includes(reply.status) ? reply.status : expected.length === 1 ? expected[0] : `one of ${expected.join(', ')}`;
    expect({ ...described(reply), changedTables, filesAdded: filesUnder(api.storageDir).length - filesBefore }).toMatchObject({
      status: wantedStatus,
      body: {
        statusCode: reply.status,
        error: expect.any(String),
        code: expect.stringMatching(/^([a-z][A-Za-z]*(\.[A-Za-z]+)+|http\.\d{3})$/),
        message: expect.stringMatching(c.expectMessage ?? /\S/),
        requestId: expect.stringMatching(/\S/),
      },
      changedTables: [],
      filesAdded: 0,
    });
    // `details` holds only what the message itself says.
    const details = Object.entries(reply.body?.details ?? {});
    expect(details.filter(([, value]) => !String(reply.body?.message).includes(String(value)))).toEqual([]);
    // No internals (the generic 500 text, database, engine or stack details) and no unfilled {placeholder}.
    expect(String(reply.body?.message)).not.toMatch(INTERNALS);
    const problems = reply.body?.problems ?? [];
    expect(problems.filter((p) => !/\S/.test(String(p.problem)) || INTERNALS.test(String(p.problem)))).toEqual([]);
    if (c.expectProblems) {
      // Every expected field is named (itself or a part of it), and nothing else is.
      const fields = problems.map((p) => p.field);
      const covers = (wanted: string, field: string) => field === wanted || field.startsWith(`${wanted}.`);
      expect({
        fields,
        missing: c.expectProblems.filter((wanted) => !fields.some((field) => covers(wanted, field))),
        unexpected: fields.filter((field) => !c.expectProblems!.some((wanted) => covers(wanted, field))),
      }).toMatchObject({ missing: [], unexpected: [] });
    }
  });

  it('is still up and ready after the whole catalogue, with every business table and the storage unchanged', async () => {
    expect(api.app.getHttpServer().listening).toBe(true);
    const ready = await fetch(`${api.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    const me = await fetch(`${api.baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${api.adminToken}` } });
    expect(me.status).toBe(200);
    expect(await counts()).toEqual(baseline);
    expect(filesUnder(api.storageDir)).toHaveLength(baselineFiles);
  });
});
