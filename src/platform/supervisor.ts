/**
 * Runs a role of the system (the background worker) in a child process of
 * its own and restarts it when it ends, with a growing pause. In the default
 * all-in-one start this keeps the web process alive whatever a job does to
 * its process (an out-of-memory kill, a native crash): the job queue parks a
 * job that took its worker down twice.
 */
import { fork, type ChildProcess } from 'node:child_process';

export interface Supervised {
  stop(): Promise<void>;
  readonly restarts: number;
}

export function supervise(opts: {
  name: string;
  script: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}): Supervised {
  let child: ChildProcess | null = null;
  let stopping = false;
  let restarts = 0;
  let quickFailures = 0;
  let timer: NodeJS.Timeout | null = null;

  const start = () => {
    const startedAt = Date.now();
    child = fork(opts.script, opts.args, { env: opts.env, execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      child = null;
      if (stopping) return;
      quickFailures = Date.now() - startedAt < 60_000 ? quickFailures + 1 : 0;
      const pause = Math.min(30_000, 500 * 2 ** quickFailures);
      opts.log(`${opts.name}: процесс завершился (${signal ?? `код ${code}`}); перезапуск через ${(pause / 1000).toFixed(1)} с`);
      restarts++;
      timer = setTimeout(start, pause);
    });
  };
  start();

  return {
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      const c = child;
      if (!c) return;
      await new Promise<void>((resolve) => {
        const kill = setTimeout(() => c.kill('SIGKILL'), 20_000);
        c.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        c.kill('SIGTERM');
      });
    },
  };
}
