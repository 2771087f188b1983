/** Object identifiers used by the signing library. */
export const OID = {
  // ГОСТ Р 34.10/34.11-2012 (TC 26, RFC 9215 / RFC 7836)
  gost3410_2012_256: '1.2.643.7.1.1.1.1',
  gost3410_2012_512: '1.2.643.7.1.1.1.2',
  gost3411_2012_256: '1.2.643.7.1.1.2.2',
  gost3411_2012_512: '1.2.643.7.1.1.2.3',
  signWithDigest_2012_256: '1.2.643.7.1.1.3.2',
  signWithDigest_2012_512: '1.2.643.7.1.1.3.3',

  // CMS / PKCS#9 / ESS
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  emailAddress: '1.2.840.113549.1.9.1',

  // X.500 attribute types
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  countryName: '2.5.4.6',
  localityName: '2.5.4.7',
  stateOrProvinceName: '2.5.4.8',
  streetAddress: '2.5.4.9',
  organizationName: '2.5.4.10',
  organizationalUnitName: '2.5.4.11',
  title: '2.5.4.12',
  givenName: '2.5.4.42',

  // Russian attribute types (Приказ ФСБ России № 795)
  inn: '1.2.643.3.131.1.1',
  ogrn: '1.2.643.100.1',
  snils: '1.2.643.100.3',
  innLe: '1.2.643.100.4',
  ogrnip: '1.2.643.100.5',

  // X.509 extensions
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',

  // Extended key usages
  clientAuth: '1.3.6.1.5.5.7.3.2',
  emailProtection: '1.3.6.1.5.5.7.3.4',
} as const;
