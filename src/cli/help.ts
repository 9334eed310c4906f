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

  Removing an instance also removes its hooks from Claude Code's user settings; its files stay,
  and creating it again uses the config it left.

Wiring and checks:
  ccbell setup [--instance NAME] [--approvals] [--print]
      installs the instance's hooks in Claude Code's user settings (previous file kept as
      settings.json.ccbell-backup); --print shows them and writes nothing
  ccbell setup [--instance NAME] --http [--port N] [--print]
      http hooks to the instance's app (no process per event); --port N (1024-65535) is
      recorded as "appPort" in the instance's config, where the app will listen
  ccbell setup [--instance NAME] --remove [--print]
      removes them (also for an instance that no longer exists); --print shows what would go
  ccbell doctor [--instance NAME] [--cwd DIR] [--json] [--fix]
      checks config, player, sounds and every ccbell hook Claude Code runs (user and project
      settings, the plugin); --fix points stale hooks at this node and ccbell and removes hooks
      of instances that no longer exist, keeping settings.json.ccbell-backup; --cwd DIR also
      reports the project file (.ccbell.json) and "projects" rule that apply there
  ccbell focus --session ID [--instance NAME]
      brings the session's terminal forward (tmux pane, kitty, WezTerm, X11 window)

Run at login (the app as a systemd user unit or a launchd agent, hooks wired to it over http):
  ccbell service install|uninstall|status [--instance NAME]

Approvals:
  ccbell app [--instance NAME] [--port N] [--no-open] [--accept-legacy] [--remote] [-- claude ARGS…]
      --port N: 1024-65535, or 0 for any free port (default: appPort, else any)
      --remote: also serve sessions of other machines through the config's NATS broker
      (docs/remote.md)
  ccbell pending [--instance NAME] [--json]
  ccbell answer REQUEST_ID allow|deny [--message TEXT] [--always] [--input JSON|@FILE]
               [--instance NAME]
  ccbell inbox [--json] [--port N] [--no-open]
      every running app's pending requests and recent events, all instances, one page
  ccbell mcp-config [--instance NAME] [--json] [--remote [--remote-cli PATH]]
      --remote: what to run on another machine (its instance needs the same remote config)
  ccbell approval-server                   (started by Claude Code through --mcp-config)
`;
