/**
 * The load loop the screen benchmarks share (scale, registers, money): each client (one cookie each)
 * requests `url` one request after another for `seconds`; the answer is the latency quantiles and
 * throughput as the benchmarks print them. Without think time the clients saturate the machine (the
 * throughput it can give, latency = clients ÷ throughput); with `thinkMs` each client waits a random
 * 0.5–1.5 × thinkMs after each answer, as a person reading the screen does (latency at that offered load).
 */
import fs from 'node:fs';
import path from 'node:path';

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export async function hammer(o: { base: string; url: string; cookies: string[]; seconds: number; thinkMs?: number }) {
  const times: number[] = [];
  let errors = 0;
  const startedAt = performance.now();
  const until = startedAt + o.seconds * 1000;
  await Promise.all(
    o.cookies.map(async (cookie) => {
      // With think time the clients start spread over one think time, not all in the same millisecond.
      if (o.thinkMs) await new Promise((r) => setTimeout(r, Math.random() * o.thinkMs!));
      while (performance.now() < until) {
        const a = performance.now();
        const r = await fetch(o.base + o.url, { headers: { cookie } });
        await r.arrayBuffer();
        if (!r.ok) errors++;
        times.push(performance.now() - a);
        if (o.thinkMs) await new Promise((r) => setTimeout(r, o.thinkMs! * (0.5 + Math.random())));
      }
    }),
  );
  const elapsed = (performance.now() - startedAt) / 1000;
  times.sort((x, y) => x - y);
  return {
    seconds: +elapsed.toFixed(1),
    requests: times.length,
    errors,
    rps: +(times.length / elapsed).toFixed(1),
    p50ms: Math.round(quantile(times, 0.5)),
    p95ms: Math.round(quantile(times, 0.95)),
    p99ms: Math.round(quantile(times, 0.99)),
  };
}

/** CPU seconds (user + system) of the embedded PostgreSQL: its postmaster, every live backend and those already exited, from /proc (Linux; 0 elsewhere). */
export function pgCpuSeconds(dataDir: string): number {
  try {
    const postmaster = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const tick = 100;
    let total = 0;
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue;
      }
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields after the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14). A backend that has
      // exited is no longer in /proc: its time is in the postmaster's cutime/cstime (children reaped), counted too.
      if (Number(pid) === postmaster) total += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / tick;
      else if (Number(f[1]) === postmaster) total += (Number(f[11]) + Number(f[12])) / tick;
    }
    return total;
  } catch {
    return 0;
  }
}

/** `run` (a load loop) with what it cost a request in CPU: this process's (server and load clients) and the embedded PostgreSQL's of `dataDir`. */
export async function withCpuPerRequest<T extends { requests: number }>(dataDir: string, run: () => Promise<T>) {
  const cpu0 = process.cpuUsage();
  const pg0 = pgCpuSeconds(dataDir);
  const r = await run();
  const cpu = process.cpuUsage(cpu0);
  const pg = pgCpuSeconds(dataDir) - pg0;
  return { ...r, nodeCpuMsPerRequest: +((cpu.user + cpu.system) / 1000 / r.requests).toFixed(2), pgCpuMsPerRequest: +((pg * 1000) / r.requests).toFixed(2) };
}
