/**
 * What the sign-in page adds from identity: «Войти через ЕСИА/OpenID» when the
 * server says it is enabled, «Вход по электронной подписи», «Забыли пароль?»,
 * and the message of a failed external sign-in (`/login?error=oidc_…`).
 */
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Anchor, Button, Divider, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { apiHref } from '../../api/files';
import { OIDC_ERROR_MESSAGES } from '../../lib/shared';
import { identityApi } from './api';

export function LoginExtras() {
  const [search] = useSearchParams();
  const error = search.get('error');
  const message = error && Object.hasOwn(OIDC_ERROR_MESSAGES, error) ? OIDC_ERROR_MESSAGES[error as keyof typeof OIDC_ERROR_MESSAGES] : null;
  const oidc = useQuery({ queryKey: ['identity', 'oidc-config'], queryFn: identityApi.oidcConfig, staleTime: 5 * 60_000, retry: false });
  return (
    <Stack gap="sm">
      {message && (
        <Alert color="red" variant="light" role="alert" title="Вход через внешнего провайдера не выполнен">
          {message}
        </Alert>
      )}
      <Group justify="space-between">
        <Anchor component={Link} to="/password/forgot" size="sm">
          Забыли пароль?
        </Anchor>
      </Group>
      <Divider label="или" labelPosition="center" />
      {oidc.data?.enabled && (
        <Button component="a" href={apiHref('/api/auth/oidc/start')} variant="default" fullWidth title={oidc.data.providerName ?? undefined}>
          Войти через ЕСИА/OpenID
        </Button>
      )}
      <Button component={Link} to="/login/certificate" variant="default" fullWidth>
        Вход по электронной подписи
      </Button>
    </Stack>
  );
}
