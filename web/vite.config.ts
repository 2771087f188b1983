import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const signingShims = path.join(root, 'src/lib/signing');

/**
 * The GOST signing library (src/platform/signing) in the browser: its entry under a name, and the
 * Node-only imports it has mapped to small web modules (random bytes from Web Crypto; no files;
 * the config's early switches). Applies only to imports made from the library's own files.
 */
function gostSigningInBrowser(): Plugin {
  const library = path.resolve(root, '../src/platform/signing') + path.sep;
  return {
    name: 'ossig-gost-signing',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '@ossig/gost-browser') return path.join(library, 'browser.ts');
      if (!importer?.startsWith(library)) return null;
      if (source === 'node:crypto') return path.join(signingShims, 'node-crypto.ts');
      if (source === 'node:fs') return path.join(signingShims, 'node-fs.ts');
      if (source === '../config.js') return path.join(signingShims, 'early-switches.ts');
      return null;
    },
  };
}

export default defineConfig({
  root,
  plugins: [gostSigningInBrowser(), react()],
  build: { outDir: path.join(root, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
