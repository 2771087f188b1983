/** Who is signed in, for which organization, and the sign-in / switch / sign-out actions. */
import { createContext, useContext, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, ApiError } from './api/client';
import type { Me, Ok, Organization } from './api/types';

export const ME_KEY = ['auth', 'me'] as const;

interface AuthValue {
  me: Me;
  /** The organization the person acts for now (null if none). */
  organization: Organization | null;
  hasRole(role: string): boolean;
  switchTo(organizationId: string): Promise<void>;
  switching: boolean;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** GET /api/auth/me; a 401 means «not signed in» (null), anything else is an error. */
export function useMeQuery() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await call(api.GET('/api/auth/me'));
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
  });
}

/** The answer of a password sign-in when the person has a second factor: a code is asked next. */
export type SecondFactorChallenge = Extract<Ok<'/api/auth/login', 'post'>, { secondFactorRequired: true }>;

/**
 * Password sign-in. A person with a second factor gets a challenge back
 * (`onSuccess` receives it and the «me» query is left alone); anyone else is
 * signed in.
 */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { login: string; password: string }) => call(api.POST('/api/auth/login', { body })),
    onSuccess: (answer) => {
      if ('secondFactorRequired' in answer) return;
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      qc.setQueryData(ME_KEY, answer);
    },
  });
}

/** The second step: the code from the authenticator app or a recovery code. */
export function useSecondFactorLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { challengeToken: string; code: string }) => call(api.POST('/api/auth/login/second-factor', { body })),
    onSuccess: (me) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      qc.setQueryData(ME_KEY, me);
    },
  });
}

export function AuthProvider({ me, children }: { me: Me; children: ReactNode }) {
  const qc = useQueryClient();
  const switcher = useMutation({
    mutationFn: (organizationId: string) => call(api.POST('/api/auth/switch', { body: { organizationId } })),
    onSuccess: (next) => {
      // Everything else belonged to the previous organization.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      qc.setQueryData(ME_KEY, next);
    },
  });
  const organization = me.organizations.find((o) => o.id === me.organizationId) ?? null;
  const value: AuthValue = {
    me,
    organization,
    hasRole: (role) => !!organization?.roles.includes(role),
    switchTo: async (id) => {
      await switcher.mutateAsync(id);
    },
    switching: switcher.isPending,
    logout: async () => {
      try {
        await call(api.POST('/api/auth/logout'));
      } catch {
        // signed out already
      }
      // Keep the «me» query (its observer drives the sign-in page), drop everything else.
      qc.setQueryData(ME_KEY, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    },
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export const MEMBER_ROLE: Record<string, string> = {
  head: 'руководитель',
  employee: 'сотрудник',
  trusted: 'доверенное лицо',
};
