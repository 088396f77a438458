// Empty on purpose: without it Turbopack takes the repository root's instrumentation.ts (Next.js 16.4).
export function register() {}
