/**
 * «Вход по электронной подписи» (public): a challenge from the server, the
 * command that signs it with a key and certificate from files, the signed
 * result pasted or chosen as a file, then the organization's cabinet (created
 * on first entry from the certificate's ИНН/ОГРН).
 */
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Code, FileInput, Group, Loader, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ME_KEY } from '../../auth';
import { ApiError, errorMessage, fieldError } from '../../api/client';
import { CopyValueButton } from '../../components/forms';
import { fmtDateTime } from '../../lib/format';
import { FIELD_LABELS } from '../../lib/shared';
import { identityApi } from './api';
import { PublicFrame } from './PublicFrame';

export const CHALLENGE_KEY = ['identity', 'certificate-challenge'] as const;

export function signCommand(challenge: string): string {
  return `npm run sign-challenge -- --key key.pem --cert cert.pem --challenge "${challenge}"`;
}

export function CertificateLoginPage() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [signature, setSignature] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const challenge = useQuery({ queryKey: CHALLENGE_KEY, queryFn: identityApi.certificateChallenge, staleTime: Infinity, gcTime: 0, retry: false });
  const login = useMutation({
    mutationFn: () => identityApi.certificateLogin({ challengeId: challenge.data!.challengeId, signature: signature.trim() }),
    onSuccess: (me) => {
      const { createdOrganization, profileFromRegister, ...rest } = me;
      const org = rest.organizations.find((o) => o.id === rest.organizationId);
      notifications.show({
        color: 'teal',
        title: createdOrganization ? 'Кабинет организации создан' : 'Вход выполнен',
        message: createdOrganization
          ? `${org?.name ?? 'Организация'}: ${profileFromRegister ? 'профиль заполнен из ЕГРЮЛ/ЕГРИП' : 'профиль заполнен из сертификата — дополните его'}`
          : (org?.name ?? ''),
      });
      navigate('/', { replace: true });
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      qc.setQueryData(ME_KEY, rest);
    },
  });
  const used = login.error instanceof ApiError && ['challenge_used', 'challenge_expired'].includes(login.error.code);

  const readFile = async (f: File | null) => {
    setFile(f);
    if (f) setSignature((await f.text()).trim());
  };
  const renew = () => {
    login.reset();
    setSignature('');
    setFile(null);
    void challenge.refetch();
  };

  return (
    <PublicFrame title="Вход по электронной подписи" width={720}>
      <Text size="sm">
        Руководитель организации или индивидуальный предприниматель входит по квалифицированной электронной подписи (ГОСТ Р 34.10-2012). При первом
        входе кабинет организации создаётся: ИНН и ОГРН/ОГРНИП берутся из сертификата, профиль заполняется из ЕГРЮЛ/ЕГРИП.
      </Text>
      {challenge.isPending && <Loader size="sm" aria-label="Получаем запрос на подпись" />}
      {challenge.isError && (
        <Alert color="red" role="alert" title="Не удалось получить запрос на подпись">
          {errorMessage(challenge.error)}
        </Alert>
      )}
      {challenge.data && (
        <>
          <Stack gap={4}>
            <Text fw={600} size="sm">
              1. Запрос на подпись
            </Text>
            <Code block data-testid="certificate-challenge">
              {challenge.data.challenge}
            </Code>
            <Text size="xs" c="dimmed">
              Действует до {fmtDateTime(challenge.data.expiresAt)} (МСК), принимается один раз.
            </Text>
          </Stack>
          <Stack gap={4}>
            <Text fw={600} size="sm">
              2. Подпишите его ключом и сертификатом из файлов
            </Text>
            <Code block data-testid="sign-command">
              {signCommand(challenge.data.challenge)}
            </Code>
            <Group>
              <CopyValueButton value={signCommand(challenge.data.challenge)} label="Скопировать команду" />
            </Group>
            <Text size="xs" c="dimmed">
              Команда печатает подпись CMS в формате PEM. Подойдёт и подпись, сделанная другой программой (присоединённая или отсоединённая, PEM или base64).
            </Text>
          </Stack>
          <Stack gap={4}>
            <Text fw={600} size="sm">
              3. Вставьте подпись или выберите файл с ней
            </Text>
            <Textarea
              label={FIELD_LABELS.signature}
              placeholder="-----BEGIN CMS-----"
              autosize
              minRows={4}
              maxRows={10}
              value={signature}
              onChange={(e) => setSignature(e.currentTarget.value)}
              styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
              error={fieldError(login.error, 'signature')}
            />
            <FileInput label="Файл подписи" placeholder="signature.pem" clearable value={file} onChange={(f) => void readFile(f)} accept=".pem,.sig,.p7s,.txt" />
          </Stack>
          {login.error && (
            <Alert color="red" role="alert" title="Вход не выполнен">
              {errorMessage(login.error)}
            </Alert>
          )}
          <Group>
            <Button onClick={() => login.mutate()} loading={login.isPending} disabled={!signature.trim() || used}>
              Войти
            </Button>
            <Button variant="subtle" onClick={renew}>
              Получить новый запрос
            </Button>
          </Group>
        </>
      )}
    </PublicFrame>
  );
}
