import { useEffect } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Center, Loader } from '@mantine/core';
import { useQueryClient, QueryCache } from '@tanstack/react-query';
import { AuthProvider, ME_KEY, useMeQuery } from './auth';
import { ApiError } from './api/client';
import { LoginPage } from './pages/login/LoginPage';
import { Shell } from './layout/Shell';
import { ROUTES } from './routes';
import { ErrorAlert, NotFound } from './components/PageState';
import { IDENTITY_PUBLIC_ROUTES } from './pages/identity/publicRoutes';

export function App() {
  const me = useMeQuery();
  useSignOutOn401();

  if (me.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Загрузка" />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Center h="100vh" p="md">
        <ErrorAlert error={me.error} />
      </Center>
    );
  }
  if (!me.data) {
    return (
      <Routes>
        {IDENTITY_PUBLIC_ROUTES.map((r) => (
          <Route key={r.path} path={r.path} element={r.element} />
        ))}
        <Route path="*" element={<LoginPage />} />
      </Routes>
    );
  }
  return (
    <AuthProvider me={me.data}>
      <Shell>
        <Routes>
          {ROUTES.map((r) => (
            <Route key={r.path} path={r.path} element={r.element} />
          ))}
          <Route path="/login" element={<Navigate to="/" replace />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Shell>
    </AuthProvider>
  );
}

/** When the session ends (any query answers 401), show the sign-in page. */
function useSignOutOn401() {
  const qc = useQueryClient();
  useEffect(() => {
    const cache: QueryCache = qc.getQueryCache();
    return cache.subscribe((ev) => {
      if (ev.type !== 'updated' || ev.query.queryKey[0] === ME_KEY[0]) return;
      const err = ev.query.state.error;
      if (err instanceof ApiError && err.status === 401 && err.code === 'unauthenticated') {
        qc.setQueryData(ME_KEY, null);
      }
    });
  }, [qc]);
}
