/** The platform config's early switches as the browser bundle has them (web/vite.config.ts maps them here). */
export const EARLY_SWITCHES = { streebogJsOnly: false } as const;
