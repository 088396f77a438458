// The part of async-exit-hook's API that scripts/lib/embedded-postgres.ts uses to undo its handlers.
declare module 'async-exit-hook' {
  interface ExitHook {
    hookedEvents(): string[];
    unhookEvent(event: string): void;
  }
  const exitHook: ExitHook;
  export default exitHook;
}
