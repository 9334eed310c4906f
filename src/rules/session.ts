// Internal to src/rules: the rule "always allow this for the session" adds.
import { escapeSpecifier } from './glob.js';
import { TOOL_NAME } from './parse.js';
import {
  absolutePath,
  FILE_TOOLS,
  hostOf,
  type MatchContext,
  SEARCH_TOOLS,
  subjectOf,
  type ToolInput,
} from './subject.js';

/**
 * The narrowest useful rule for "always allow this for the session": the exact command, the exact
 * file, the domain, or the bare tool when it has nothing narrower; undefined when no safe rule can
 * be made (a Bash or file call missing its command or path, a tool name a rule cannot hold).
 */
export function ruleForSession(
  toolName: string,
  input: ToolInput,
  context: MatchContext = {},
): string | undefined {
  if (!TOOL_NAME.test(toolName)) return undefined;
  if (toolName.startsWith('mcp__')) return toolName;
  const subject = subjectOf(toolName, input);
  if (toolName === 'Bash' || FILE_TOOLS.has(toolName) || SEARCH_TOOLS.has(toolName)) {
    if (subject === undefined || subject.text.trim() === '') return undefined;
  }
  if (subject === undefined || subject.kind === 'json') return toolName;
  switch (subject.kind) {
    case 'command':
      return `${toolName}(${escapeSpecifier(subject.text)})`;
    case 'path':
      return `${toolName}(${escapeSpecifier(absolutePath(subject.text, context), '*?')})`;
    case 'url': {
      const host = hostOf(subject.text);
      return host === undefined ? undefined : `${toolName}(domain:${host})`;
    }
  }
}
