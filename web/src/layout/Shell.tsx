/** The cabinet's frame: header with the organization and «Сменить профиль», navigation, content. */
import type { ReactNode } from 'react';
import { NavLink as RouterNavLink, useLocation, useNavigate } from 'react-router-dom';
import { Anchor, AppShell, Burger, Button, Group, Menu, NavLink, Text, Tooltip, UnstyledButton, Alert, Stack } from '@mantine/core';
import { SupportContacts } from '../components/Support';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useAuth, MEMBER_ROLE } from '../auth';
import { ORG_ROLE_LABELS } from '../lib/shared';
import { NAV } from '../nav';
import { errorMessage } from '../api/client';

export function Shell({ children }: { children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const { me, organization, switchTo, switching, logout, hasRole } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();

  const items = NAV.filter(
    (n) =>
      (!n.orgRoles || n.orgRoles.some((r) => hasRole(r))) &&
      (!n.headOnly || organization?.role === 'head') &&
      (!n.demoOnly || me.demo) &&
      (!n.fullAccess || !(organization?.role === 'trusted' && organization.access === 'standard')),
  );
  const isActive = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname === to || location.pathname.startsWith(`${to}/`));

  const onSwitch = async (id: string) => {
    if (id === organization?.id) return;
    try {
      await switchTo(id);
      navigate('/');
      notifications.show({ color: 'teal', message: 'Профиль сменён' });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Не удалось сменить профиль', message: errorMessage(e) });
    }
  };

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Меню" />
            <UnstyledButton component={RouterNavLink} to="/" aria-label="ОССиГ — на рабочий стол">
              <Text fw={700} size="lg" c="ossig.8">
                ОССиГ
              </Text>
            </UnstyledButton>
            <Stack gap={0} style={{ minWidth: 0 }} visibleFrom="xs">
              <Text size="xs" c="dimmed">
                Организация
              </Text>
              <Tooltip label={organization?.name ?? ''} disabled={!organization} openDelay={500}>
                <Text size="sm" fw={500} truncate="end" maw={420} data-testid="acting-organization">
                  {organization?.name ?? 'Организация не выбрана'}
                </Text>
              </Tooltip>
            </Stack>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Menu position="bottom-end" width={380} shadow="md" withinPortal>
              <Menu.Target>
                <Button variant="light" size="xs" loading={switching} aria-label="Сменить профиль">
                  Сменить профиль
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>Действовать от имени</Menu.Label>
                {me.organizations.length === 0 && <Menu.Item disabled>Нет доступных организаций</Menu.Item>}
                {me.organizations.map((o) => (
                  <Menu.Item
                    key={o.id}
                    onClick={() => onSwitch(o.id)}
                    aria-current={o.id === organization?.id ? 'true' : undefined}
                    rightSection={o.id === organization?.id ? <Text size="xs" c="teal">текущая</Text> : null}
                  >
                    <Text size="sm" fw={o.id === organization?.id ? 600 : 400}>
                      {o.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      ИНН {o.inn} · {o.roles.map((r) => (ORG_ROLE_LABELS as Record<string, string>)[r] ?? r).join(', ')} · {MEMBER_ROLE[o.role] ?? o.role}
                    </Text>
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            <Text size="sm" visibleFrom="md" data-testid="person-name">
              {me.person.fullName}
            </Text>
            <Button variant="subtle" size="xs" color="gray" onClick={() => void logout()}>
              Выйти
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Разделы кабинета">
        <nav>
          {items.map((n) => (
            <NavLink
              key={n.to}
              component={RouterNavLink}
              to={n.to}
              label={n.label}
              active={isActive(n.to)}
              onClick={close}
              style={{ borderRadius: 8 }}
            />
          ))}
        </nav>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Text size="sm" hiddenFrom="xs" mb="sm" data-testid="acting-organization-phone">
          <Text span size="xs" c="dimmed">
            Организация:{' '}
          </Text>
          <Text span size="sm" fw={500}>
            {organization?.name ?? 'не выбрана'}
          </Text>
        </Text>
        {!organization && (
          <Alert color="yellow" mb="md" title="Организация не выбрана">
            Выберите организацию в меню «Сменить профиль», чтобы работать от её имени.
          </Alert>
        )}
        {organization?.suspended && (
          <Alert color="red" mb="md" role="alert" title="Доступ организации приостановлен оператором" data-testid="organization-suspended">
            Причина: {organization.suspendedReason ?? 'не указана'}. До восстановления доступа сведения можно только просматривать: подавать заявления, вносить записи в реестры
            и рейсы от имени организации нельзя (1386-ПП п. 7.2). Чтобы восстановить доступ, обратитесь к оператору.
          </Alert>
        )}
        <div style={{ maxWidth: 1280, margin: '0 auto' }}>{children}</div>
        <Group component="footer" justify="space-between" gap="xs" mt="xl" pt="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)', maxWidth: 1280, marginInline: 'auto' }}>
          <SupportContacts />
          <Anchor component={RouterNavLink} to="/help" size="sm">
            Справка по услугам
          </Anchor>
        </Group>
      </AppShell.Main>
    </AppShell>
  );
}
