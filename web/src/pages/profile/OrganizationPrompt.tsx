/** «Дополните профиль организации»: shown to the head on the desktop while КПП, address or contacts are missing; leads to the profile. */
import { Link } from 'react-router-dom';
import { Alert, Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { useAuth } from '../../auth';
import { missingDetails, ORG_PROFILE_KEY } from './OrganizationPage';

export function OrganizationPrompt() {
  const { organization } = useAuth();
  const isHead = organization?.role === 'head';
  const profile = useQuery({ queryKey: ORG_PROFILE_KEY, queryFn: () => call(api.GET('/api/organization')), enabled: isHead });
  if (!isHead || !profile.data) return null;
  const missing = missingDetails(profile.data);
  if (!missing.length) return null;
  return (
    <Alert color="yellow" title="Дополните профиль организации" mb="lg" data-testid="organization-prompt">
      Не указано: {missing.join(', ')}.{' '}
      <Anchor component={Link} to="/organization">
        Перейти к профилю организации
      </Anchor>
    </Alert>
  );
}
