/** The signing library's browser entry (src/platform/signing/browser.ts; aliased in web/vite.config.ts). */
declare module '@ossig/gost-browser' {
  export const browserSigning: import('../../../../src/platform/signing/browser-types').BrowserSigning;
}
