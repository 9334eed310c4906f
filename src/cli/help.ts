/** `ccbell --help`. */
export const HELP = `ccbell: notifications and approvals for Claude Code, per named instance

Hook handler (what Claude Code runs):
  ccbell [--instance NAME] [--config PATH] [EVENT]
      EVENT: stop, permission_prompt, idle_prompt, subagent, session_start, session_end,
      permission_request, permission_denied, stop_failure, elicitation_dialog,
      agent_needs_input, agent_completed, auth_success. Without EVENT it is read from the
      hook JSON on stdin, else stop.
  ccbell [--instance NAME] permission-request
      PermissionRequest hook: asks the instance's running app, prints Claude Code's decision.

Instances (config, state, cache, PID file and log kept apart):
  ccbell instance list [--json]            also: ccbell --instance list
  ccbell instance show NAME [--json]
  ccbell instance create NAME [--config FILE]   also: ccbell --instance create NAME --config FILE
  ccbell instance copy SRC DST             also: ccbell --instance copy SRC DST
  ccbell instance remove NAME
  The instance is --instance NAME, else $CCBELL_INSTANCE, else "default".

Wiring and checks:
  ccbell setup [--instance NAME] [--approvals] [--print] [--remove]
  ccbell doctor [--instance NAME] [--json]

Run at login (the app as a systemd user unit or a launchd agent, hooks wired to it over http):
  ccbell service install|uninstall|status [--instance NAME]

Approvals:
  ccbell app [--instance NAME] [--port N] [--no-open] [--accept-legacy] [-- claude ARGS…]
  ccbell pending [--instance NAME] [--json]
  ccbell answer REQUEST_ID allow|deny [--message TEXT] [--always] [--input JSON|@FILE]
               [--instance NAME]
  ccbell mcp-config [--instance NAME]
  ccbell approval-server                   (started by Claude Code through --mcp-config)
`;
