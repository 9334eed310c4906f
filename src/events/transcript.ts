// Reading a Claude Code session transcript (the JSONL file a hook input names in
// `transcript_path`) for one fact: whether a tool call got its result. When a person answers
// Claude Code's own permission dialog, no hook tells the PermissionRequest hook (and a "No"
// fires no hook at all), but the transcript gets the call's `tool_result` at once, allow or deny.
// Pure: lines in, facts out; the app does the file reading.

/** A tool call as a transcript records it (assistant `tool_use` block). */
export interface ToolUseRecord {
  id: string;
  name: string;
  input: unknown;
  /** When the transcript says it was written (ms), when it says. */
  at?: number;
}

/** What a run of transcript lines says about tool calls. */
export interface TranscriptFacts {
  toolUses: ToolUseRecord[];
  /** Ids of tool calls that got a result (ran, failed, or were refused). */
  results: Set<string>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The tool calls and results in `lines` (whole JSONL lines). Lines that are not JSON, or not
 * messages, are skipped: a transcript holds many other kinds of records.
 */
export function readTranscriptLines(lines: readonly string[]): TranscriptFacts {
  const facts: TranscriptFacts = { toolUses: [], results: new Set() };
  for (const line of lines) {
    // Cheap filter first: most lines are neither.
    if (!line.includes('"tool_use"') && !line.includes('"tool_result"')) continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      continue;
    }
    const content = isObject(record) && isObject(record.message) ? record.message.content : undefined;
    if (!Array.isArray(content)) continue;
    const at =
      isObject(record) && typeof record.timestamp === 'string' ? Date.parse(record.timestamp) : Number.NaN;
    for (const block of content) {
      if (!isObject(block)) continue;
      if (block.type === 'tool_use' && typeof block.id === 'string' && typeof block.name === 'string') {
        facts.toolUses.push({
          id: block.id,
          name: block.name,
          input: block.input,
          ...(Number.isNaN(at) ? {} : { at }),
        });
      } else if (block.type === 'tool_result' && typeof block.tool_use_id === 'string') {
        facts.results.add(block.tool_use_id);
      }
    }
  }
  return facts;
}

/** Key-order-independent JSON, so the same input from two sources compares equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * How long before a request was filed its tool call may have been written: Claude Code writes
 * the assistant's tool_use, then runs the PermissionRequest hook.
 */
export const TOOL_USE_LEAD_MS = 60_000;

/**
 * Follows one waiting tool call through a transcript. Fed the transcript's tail and then what
 * is appended, it takes as the call the latest matching `tool_use`, written since shortly before
 * the request, that had no result when it was read (an older identical call that already ran
 * is not it), and says when that call gets its result.
 */
export class ToolCallTracker {
  private readonly fingerprint: string;
  private toolUseId: string | undefined;
  private readonly answered = new Set<string>();

  constructor(
    private readonly toolName: string,
    input: unknown,
    private readonly requestedAt: number,
  ) {
    this.fingerprint = canonicalJson(input);
  }

  /** Takes new lines (the transcript's tail first, then what is appended); true once the call has its result. */
  feed(lines: readonly string[]): boolean {
    const facts = readTranscriptLines(lines);
    for (const id of facts.results) this.answered.add(id);
    for (const use of facts.toolUses) {
      if (use.name !== this.toolName || canonicalJson(use.input) !== this.fingerprint) continue;
      if (use.at !== undefined && use.at < this.requestedAt - TOOL_USE_LEAD_MS) continue;
      if (!this.answered.has(use.id)) this.toolUseId = use.id;
    }
    if (this.toolUseId === undefined) return false;
    return this.answered.has(this.toolUseId);
  }

  /** The tracked call's id, once known. */
  get id(): string | undefined {
    return this.toolUseId;
  }
}
