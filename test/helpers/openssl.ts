/**
 * Test helper: locate an `openssl` binary with the GOST engine
 * (Debian/Ubuntu: `apt-get install -y libengine-gost-openssl`) and run it.
 *
 * On Debian 12 (OpenSSL 3.0) passing `-engine gost` to each subcommand is
 * enough. If that probe fails, we look for `gost.so` in OpenSSL's ENGINESDIR and
 * write a temporary `openssl.cnf` that loads it, exported via OPENSSL_CONF.
 * Override the binary with the OPENSSL_BIN environment variable.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OpenSslResult {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

export interface OpenSslGost {
  readonly bin: string;
  /** Environment to run openssl with (may carry OPENSSL_CONF). */
  readonly env: NodeJS.ProcessEnv;
  /** Arguments that enable the engine for a subcommand. */
  readonly engineArgs: readonly string[];
  /** Runs `openssl ...args` as is. */
  run(args: readonly string[], opts?: { input?: Uint8Array; cwd?: string }): Promise<OpenSslResult>;
  /** Runs `openssl <sub> -engine gost ...args`; rejects with stderr when the exit code is not 0. */
  gost(sub: string, args: readonly string[], opts?: { input?: Uint8Array; cwd?: string }): Promise<OpenSslResult>;
  /** Like {@link gost} but resolves with the result whatever the exit code. */
  tryGost(sub: string, args: readonly string[], opts?: { input?: Uint8Array; cwd?: string }): Promise<OpenSslResult>;
  /** `openssl dgst -md_gost12_256|512` of a buffer, hex. */
  dgst(bits: 256 | 512, data: Uint8Array): Promise<string>;
  /**
   * Runs `openssl ...args` with the GOST engine loaded by configuration (OPENSSL_CONF), for
   * subcommands that take no `-engine` (e.g. `ts`); rejects with stderr when the exit code is not 0.
   */
  withEngineConfig(args: readonly string[], opts?: { input?: Uint8Array; cwd?: string }): Promise<OpenSslResult>;
  /** An environment in which any `openssl` subcommand has the GOST engine (OPENSSL_CONF). */
  engineConfigEnv(): Promise<NodeJS.ProcessEnv>;
}

function exec(bin: string, args: readonly string[], env: NodeJS.ProcessEnv, input?: Uint8Array, cwd?: string): Promise<OpenSslResult> {
  return new Promise((resolve) => {
    const p = spawn(bin, args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    p.stdout.on('data', (d: Buffer) => out.push(d));
    p.stderr.on('data', (d: Buffer) => err.push(d));
    p.on('error', (e) => resolve({ code: -1, stdout: Buffer.alloc(0), stderr: String(e) }));
    p.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString() }));
    p.stdin.on('error', () => undefined);
    p.stdin.end(input ? Buffer.from(input) : undefined);
  });
}

/** Writes an openssl.cnf that loads the GOST engine for every subcommand. */
async function engineConfig(bin: string, env: NodeJS.ProcessEnv): Promise<string> {
  const v = await exec(bin, ['version', '-e'], env);
  const dir = /ENGINESDIR: "([^"]+)"/.exec(v.stdout.toString())?.[1];
  const candidates = [dir && join(dir, 'gost.so'), '/usr/lib/x86_64-linux-gnu/engines-3/gost.so', '/usr/lib/aarch64-linux-gnu/engines-3/gost.so'];
  const so = candidates.find((c): c is string => !!c && existsSync(c));
  if (!so) throw new Error('gost.so not found in OpenSSL ENGINESDIR');
  const cnf = join(mkdtempSync(join(tmpdir(), 'ossig-openssl-')), 'openssl.cnf');
  writeFileSync(
    cnf,
    [
      'openssl_conf = openssl_def',
      '[openssl_def]',
      'engines = engine_section',
      '[engine_section]',
      'gost = gost_section',
      '[gost_section]',
      'engine_id = gost',
      `dynamic_path = ${so}`,
      'default_algorithms = ALL',
      '',
    ].join('\n'),
  );
  return cnf;
}

function make(bin: string, env: NodeJS.ProcessEnv): OpenSslGost {
  const engineArgs = ['-engine', 'gost'] as const;
  let confEnv: Promise<NodeJS.ProcessEnv> | undefined;
  const withConf = () => (confEnv ??= env.OPENSSL_CONF ? Promise.resolve(env) : engineConfig(bin, env).then((cnf) => ({ ...env, OPENSSL_CONF: cnf })));
  const api: OpenSslGost = {
    bin,
    env,
    engineArgs,
    run: (args, opts) => exec(bin, args, env, opts?.input, opts?.cwd),
    tryGost: (sub, args, opts) => exec(bin, [sub, ...engineArgs, ...args], env, opts?.input, opts?.cwd),
    async gost(sub, args, opts) {
      const r = await exec(bin, [sub, ...engineArgs, ...args], env, opts?.input, opts?.cwd);
      if (r.code !== 0) throw new Error(`openssl ${sub} ${args.join(' ')} failed (${r.code}):\n${r.stderr}${r.stdout.toString()}`);
      return r;
    },
    engineConfigEnv: withConf,
    async withEngineConfig(args, opts) {
      const r = await exec(bin, args, await withConf(), opts?.input, opts?.cwd);
      if (r.code !== 0) throw new Error(`openssl ${args.join(' ')} failed (${r.code}):\n${r.stderr}${r.stdout.toString()}`);
      return r;
    },
    async dgst(bits, data) {
      const r = await api.gost('dgst', [`-md_gost12_${bits}`, '-r'], { input: data });
      const m = /^([0-9a-f]{64,128}) /m.exec(r.stdout.toString());
      if (!m) throw new Error(`Unexpected dgst output: ${r.stdout.toString()}`);
      return m[1]!;
    },
  };
  return api;
}

async function probe(bin: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const r = await exec(bin, ['engine', 'gost', '-c'], env);
  return r.code === 0 && r.stdout.toString().includes('md_gost12_256');
}

let cached: Promise<OpenSslGost | null> | undefined;

/** Finds openssl with a working GOST engine, or null. */
export function findOpenSslGost(): Promise<OpenSslGost | null> {
  cached ??= (async () => {
    const bin = process.env.OPENSSL_BIN ?? 'openssl';
    const env = { ...process.env };
    if (await probe(bin, env)) return make(bin, env);
    // Fallback: explicit engine config.
    let cnf: string;
    try {
      cnf = await engineConfig(bin, env);
    } catch {
      return null;
    }
    const env2 = { ...process.env, OPENSSL_CONF: cnf };
    return (await probe(bin, env2)) ? make(bin, env2) : null;
  })();
  return cached;
}

const MISSING =
  'OpenSSL with the GOST engine was not found: `openssl engine gost` fails. Install it with `apt-get install -y libengine-gost-openssl` ' +
  '(or set OPENSSL_BIN to an openssl that has the gost engine).';

/**
 * The engine for the OpenSSL cross-checks, probed once per test file: without it the checks are
 * skipped and say so loudly (console.warn with the reason); with REQUIRE_GOST_ENGINE=1 (CI, which
 * installs the engine) its absence is a failure instead.
 */
export const GOST: OpenSslGost | null = await (async () => {
  const o = await findOpenSslGost();
  if (o) return o;
  if (process.env.REQUIRE_GOST_ENGINE === '1') throw new Error(`REQUIRE_GOST_ENGINE=1: ${MISSING}`);
  console.warn(`\n*** SKIPPED: the OpenSSL GOST cross-checks of this file. ${MISSING} Set REQUIRE_GOST_ENGINE=1 to make this a failure. ***\n`);
  return null;
})();

/** Like {@link findOpenSslGost} but throws a clear error when the engine is missing (tests must not skip silently). */
export async function requireOpenSslGost(): Promise<OpenSslGost> {
  const o = await findOpenSslGost();
  if (!o) {
    throw new Error(
      'OpenSSL with the GOST engine is required for these tests but was not found: ' +
        '`openssl engine gost` fails. Install it with `apt-get install -y libengine-gost-openssl` ' +
        '(or set OPENSSL_BIN to an openssl that has the gost engine).',
    );
  }
  return o;
}
