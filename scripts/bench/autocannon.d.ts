// autocannon ships no types; the part the benchmarks use.
declare module 'autocannon' {
  namespace autocannon {
    type Options = Record<string, unknown> & {
      url?: string;
      connections?: number;
      duration?: number;
      overallRate?: number;
      requests?: unknown[];
    };
    type Result = {
      '2xx': number;
      non2xx: number;
      errors: number;
      timeouts: number;
      latency: { p50: number; p99: number };
      /** Bytes read, headers included. */
      throughput: { total: number };
    };
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
