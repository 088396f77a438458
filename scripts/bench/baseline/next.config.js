// The bare Next.js app bench:sign compares Dauys with (scripts/bench/baseline.ts builds and starts it).
/** @type {import('next').NextConfig} */
module.exports = {
  distDir: '.next-baseline',
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true },
};
