/** Identity pages open without signing in (App renders them in its signed-out branch). */
import type { ReactNode } from 'react';
import { CertificateLoginPage } from './CertificateLoginPage';
import { PasswordRecoveryPage } from './PasswordRecoveryPage';

export const IDENTITY_PUBLIC_ROUTES: { path: string; element: ReactNode }[] = [
  { path: '/login/certificate', element: <CertificateLoginPage /> },
  { path: '/password/forgot', element: <PasswordRecoveryPage /> },
  { path: '/password/reset', element: <PasswordRecoveryPage /> },
];
