// Placeholder page script; the full page replaces it.
const main = document.getElementById('app');
const state = await (await fetch('/api/state')).json();
if (main) main.textContent = `ccbell ${state.instance} (${state.runtime_id})`;

export {};
