/** A problem at start that the person running Dauys can fix: printed as its message alone, no stack. */
export class StartupError extends Error {
  override name = 'StartupError';
}
