// Types of scripts/plugin-payload.mjs, for the tests that import it.
export declare const PLUGIN_DIST_FILES: readonly string[];
export declare function writePluginPayload(packageRoot: string, pluginDir: string): Promise<void>;
