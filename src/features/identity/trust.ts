/**
 * Trust anchors for e-signature sign-in: the CA certificates named by
 * TRUSTED_CA_PATHS (files with one or more PEM/DER certificates, or
 * directories of them), plus in a demo the test CA under <dataDir>/pki/ —
 * never in production, whatever is on disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../platform/config.js';
import { parseCertificate, type ParsedCertificate } from '../../platform/signing/index.js';

export const DEMO_PKI_DIR = (config: Config): string => path.join(config.dataDir, 'pki');
export const DEMO_CA_FILE = 'demo-ca.pem';

function certsInFile(file: string): ParsedCertificate[] {
  const buf = fs.readFileSync(file);
  const text = buf.toString('latin1');
  if (text.includes('-----BEGIN CERTIFICATE-----')) {
    const blocks = buf.toString('utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    return blocks.map((b) => parseCertificate(b));
  }
  return [parseCertificate(buf)];
}

export function trustedCaCertificates(config: Config): ParsedCertificate[] {
  const paths = [...config.trustedCaPaths];
  if (config.demo && config.env !== 'production') {
    const demoCa = path.join(DEMO_PKI_DIR(config), DEMO_CA_FILE);
    if (fs.existsSync(demoCa)) paths.push(demoCa);
  }
  const out: ParsedCertificate[] = [];
  for (const p of paths) {
    try {
      const st = fs.statSync(p);
      const files = st.isDirectory()
        ? fs.readdirSync(p).filter((f) => /\.(pem|crt|cer|der)$/i.test(f)).map((f) => path.join(p, f))
        : [p];
      for (const f of files) out.push(...certsInFile(f));
    } catch {
      /* an unreadable anchor is skipped; the chain check then fails with «unknown CA» */
    }
  }
  return out;
}
