/**
 * The signing library as the web cabinet sees it (`browser.ts`): plain types only, no imports, so
 * the web bundle's type check reads them without Node's typings.
 */

export interface KeyFileSignInput {
  /** The key container file's bytes: PFX/PKCS#12, or PKCS#8 in PEM or DER (plain or encrypted). */
  keyFile: Uint8Array;
  /** The container's password ('' when it has none). */
  password: string;
  /** A certificate file (PEM or DER) for a PKCS#8 key; a PFX carries its own. */
  certificateFile?: Uint8Array | null;
  /** The text to sign (the server's challenge), signed as its UTF-8 octets. */
  challenge: string;
  /** Default: now. */
  now?: Date;
}

export interface KeyFileSignature {
  /** CMS SignedData (CAdES-BES, attached), base64. */
  signature: string;
  format: 'pkcs8' | 'pkcs8-encrypted' | 'pfx';
  certificate: { commonName: string | null; organization: string | null; notAfter: string };
}

export interface BrowserSigning {
  /** Opens the container, finds the key's certificate, checks its term and signs — all on this machine. */
  signWithKeyFile(input: KeyFileSignInput): Promise<KeyFileSignature>;
  /** The Russian message for a failure thrown by {@link signWithKeyFile}, or null when it is not one of ours. */
  messageOf(error: unknown): string | null;
}
