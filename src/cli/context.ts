/** What every command gets from the entry point: where ccbell is installed and its I/O. */
export interface CliContext {
  /** The package's root directory (holds dist/ and sounds/). */
  packageRoot: string;
  /** The built CLI file, for hooks and MCP configs that start ccbell again. */
  cliPath: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}
