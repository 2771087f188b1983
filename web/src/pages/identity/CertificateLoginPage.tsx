/**
 * «Вход по электронной подписи» (public): a challenge from the server, signed one of three ways —
 * a key container file opened and used here in the browser with our own ГОСТ code (the key is not
 * sent anywhere), CryptoPro ЭЦП Browser plug-in when the page has it, or a signature made by a
 * program (`npm run sign-challenge`) and pasted — then the organization's cabinet (created on first
 * entry from the certificate's ИНН/ОГРН).
 */
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Code, FileInput, Group, List, Loader, PasswordInput, Select, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ME_KEY } from '../../auth';
import { ApiError, errorMessage, fieldError } from '../../api/client';
import { CopyValueButton } from '../../components/forms';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { FIELD_LABELS } from '../../lib/shared';
import { identityApi } from './api';
import { PublicFrame } from './PublicFrame';
import { listCertificates, pluginMessage, pluginOnPage, pluginReady, signWithPlugin, type CadesPlugin } from './cadesplugin';

export const CHALLENGE_KEY = ['identity', 'certificate-challenge'] as const;

export function signCommand(challenge: string): string {
  return `npm run sign-challenge -- --key key.pem --cert cert.pem --challenge "${challenge}"`;
}

interface SignPanelProps {
  challenge: string;
  /** Sends the signature to the server. */
  onSigned: (signature: string) => void;
  /** The server is checking a signature, or the challenge is spent. */
  busy: boolean;
  disabled: boolean;
}

export function CertificateLoginPage() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [plugin] = useState(pluginOnPage);
  const [tab, setTab] = useState<string | null>(plugin ? 'plugin' : 'file');
  const challenge = useQuery({ queryKey: CHALLENGE_KEY, queryFn: identityApi.certificateChallenge, staleTime: Infinity, gcTime: 0, retry: false });
  const login = useMutation({
    mutationFn: (signature: string) => identityApi.certificateLogin({ challengeId: challenge.data!.challengeId, signature: signature.trim() }),
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
      // The desktop: a new cabinet whose profile came from the certificate alone finds «Дополните профиль организации» there.
      navigate('/', { replace: true });
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      qc.setQueryData(ME_KEY, rest);
    },
  });
  const used = login.error instanceof ApiError && ['challenge_used', 'challenge_expired'].includes(login.error.code);
  const renew = () => {
    login.reset();
    void challenge.refetch();
  };
  const panel = challenge.data ? { challenge: challenge.data.challenge, onSigned: (s: string) => login.mutate(s), busy: login.isPending, disabled: used } : null;

  return (
    <PublicFrame title="Вход по электронной подписи" width={760}>
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
      {challenge.data && panel && (
        <>
          <Stack gap={4}>
            <Text fw={600} size="sm">
              Запрос на подпись
            </Text>
            <Code block data-testid="certificate-challenge" tabIndex={0} aria-label="Запрос на подпись">
              {challenge.data.challenge}
            </Code>
            <Text size="xs" c="dimmed">
              Действует до {fmtDateTime(challenge.data.expiresAt)} (МСК), принимается один раз.
            </Text>
          </Stack>
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="file">Файл ключа</Tabs.Tab>
              <Tabs.Tab value="plugin">Плагин КриптоПро</Tabs.Tab>
              <Tabs.Tab value="program">Подпись из программы</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="file" pt="md">
              <KeyFilePanel {...panel} />
            </Tabs.Panel>
            <Tabs.Panel value="plugin" pt="md">
              {plugin ? <PluginPanel plugin={plugin} {...panel} /> : <NoPlugin />}
            </Tabs.Panel>
            <Tabs.Panel value="program" pt="md">
              <ProgramPanel {...panel} error={login.error} />
            </Tabs.Panel>
          </Tabs>
          {login.error && (
            <Alert color="red" role="alert" title="Вход не выполнен">
              {errorMessage(login.error)}
            </Alert>
          )}
          <Group>
            <Button variant="subtle" onClick={renew}>
              Получить новый запрос
            </Button>
          </Group>
        </>
      )}
    </PublicFrame>
  );
}

/** A key container file, opened and used in this browser with the system's own ГОСТ code. */
function KeyFilePanel({ challenge, onSigned, busy, disabled }: SignPanelProps) {
  const [keyFile, setKeyFile] = useState<File | null>(null);
  const [certificateFile, setCertificateFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [signing, setSigning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sign = async () => {
    if (!keyFile) return;
    setSigning(true);
    setError(null);
    try {
      const { browserSigning } = await import('@ossig/gost-browser').catch(() => {
        throw new Error('Не удалось загрузить модуль подписи: обновите страницу');
      });
      try {
        const signed = await browserSigning.signWithKeyFile({
          keyFile: new Uint8Array(await keyFile.arrayBuffer()),
          certificateFile: certificateFile ? new Uint8Array(await certificateFile.arrayBuffer()) : null,
          password,
          challenge,
        });
        onSigned(signed.signature);
      } catch (e) {
        setError(browserSigning.messageOf(e) ?? `Не удалось подписать: ${(e as Error).message}`);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSigning(false);
    }
  };
  return (
    <Stack gap="sm">
      <Text size="sm">
        Ключ открывается и подписывает запрос здесь, в браузере, кодом ГОСТ Р 34.10-2012 и ГОСТ Р 34.11-2012 (Стрибог) системы: ни ключ, ни пароль на
        сервер не передаются — отправляется только подпись.
      </Text>
      <Stack gap={2} data-testid="key-formats">
        <Text size="sm" fw={600}>
          Поддерживаемые файлы ключа
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>PFX / PKCS#12 (.pfx, .p12) — ключ и сертификат в одном файле, с паролем; шифрование AES или Кузнечик (как выгружает OpenSSL с модулем gost).</List.Item>
          <List.Item>PKCS#8 (.pem, .key, .der) — открытый или зашифрованный паролем («ENCRYPTED PRIVATE KEY»); к нему нужен файл сертификата.</List.Item>
        </List>
        <Text size="xs" c="dimmed">
          Контейнер КриптоПро (папка вида «xxxxxxxx.000» на диске, флешке или токене Рутокен/JaCarta) так не открыть: для него нужен КриптоПро CSP и вкладка
          «Плагин КриптоПро».
        </Text>
      </Stack>
      <FileInput
        label="Файл ключа"
        placeholder="Выберите .pfx, .p12, .pem или .key"
        clearable
        value={keyFile}
        onChange={(f) => {
          setKeyFile(f);
          setError(null);
        }}
        accept=".pfx,.p12,.pem,.key,.der,.p8"
      />
      <PasswordInput
        label="Пароль контейнера"
        description="Если ключ не защищён паролем, оставьте поле пустым"
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        autoComplete="off"
      />
      <FileInput
        label="Файл сертификата"
        description="Для ключа PKCS#8; в PFX сертификат уже есть"
        placeholder="Выберите .cer, .crt или .pem"
        clearable
        value={certificateFile}
        onChange={setCertificateFile}
        accept=".cer,.crt,.pem,.der"
      />
      <SignAndEnter error={error} errorTitle="Ключ не открыт" errorTestId="key-file-error" onSign={sign} loading={signing || busy} disabled={!keyFile || disabled} />
    </Stack>
  );
}

/** Why the last signing failed, and «Подписать и войти». */
function SignAndEnter(p: { error: string | null; errorTitle: string; errorTestId?: string; onSign: () => Promise<void>; loading: boolean; disabled: boolean }) {
  return (
    <>
      {p.error && (
        <Alert color="red" role="alert" title={p.errorTitle} data-testid={p.errorTestId}>
          {p.error}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void p.onSign()} loading={p.loading} disabled={p.disabled}>
          Подписать и войти
        </Button>
      </Group>
    </>
  );
}

function NoPlugin() {
  return (
    <Alert color="gray" variant="light" title="Плагин КриптоПро на этой странице не найден" data-testid="no-plugin">
      Чтобы подписать ключом из контейнера КриптоПро (на диске, флешке или токене), установите КриптоПро CSP, КриптоПро ЭЦП Browser plug-in и его
      расширение для браузера, затем обновите страницу. Ключ в файле PFX или PKCS#8 можно использовать без плагина — на вкладке «Файл ключа».
    </Alert>
  );
}

/** CryptoPro ЭЦП Browser plug-in: the personal store's certificates, the signature made by CryptoPro CSP. */
function PluginPanel({ plugin, challenge, onSigned, busy, disabled }: SignPanelProps & { plugin: CadesPlugin }) {
  const [thumbprint, setThumbprint] = useState<string | null>(null);
  const [signing, setSigning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const certificates = useQuery({
    queryKey: ['identity', 'cadesplugin-certificates'],
    queryFn: async () => {
      await pluginReady(plugin);
      return listCertificates(plugin);
    },
    retry: false,
    gcTime: 0,
  });
  const now = Date.now();
  const options = (certificates.data ?? [])
    .filter((c) => c.hasPrivateKey)
    .map((c) => {
      const expired = new Date(c.validTo).getTime() < now;
      return {
        value: c.thumbprint,
        label: `${c.commonName}${c.organization ? ` — ${c.organization}` : ''}, ${expired ? 'истёк' : 'действует до'} ${fmtDate(c.validTo)}`,
        disabled: expired || new Date(c.validFrom).getTime() > now,
      };
    });
  const sign = async () => {
    if (!thumbprint) return;
    setSigning(true);
    setError(null);
    try {
      onSigned(await signWithPlugin(plugin, thumbprint, challenge));
    } catch (e) {
      setError(pluginMessage(plugin, e));
    } finally {
      setSigning(false);
    }
  };
  if (certificates.isPending) return <Loader size="sm" aria-label="Читаем сертификаты из плагина КриптоПро" />;
  if (certificates.isError) {
    return (
      <Alert color="red" role="alert" title="Плагин КриптоПро не ответил">
        {pluginMessage(plugin, certificates.error)}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm">Подпись делает КриптоПро CSP ключом из его контейнера; выберите сертификат из хранилища «Личное».</Text>
      {options.length === 0 ? (
        <Alert color="yellow" title="Нет сертификатов с закрытым ключом">
          В хранилище «Личное» нет сертификатов с ключом. Установите сертификат из контейнера (КриптоПро CSP → Сервис → Просмотреть сертификаты в
          контейнере → Установить) и обновите страницу.
        </Alert>
      ) : (
        <Select label="Сертификат" placeholder="Выберите сертификат" data={options} value={thumbprint} onChange={setThumbprint} allowDeselect={false} />
      )}
      <SignAndEnter error={error} errorTitle="Подпись не создана" onSign={sign} loading={signing || busy} disabled={!thumbprint || disabled} />
    </Stack>
  );
}

/** A signature made elsewhere (`npm run sign-challenge`, another program), pasted or chosen as a file. */
function ProgramPanel({ challenge, onSigned, busy, disabled, error }: SignPanelProps & { error: unknown }) {
  const [signature, setSignature] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const readFile = async (f: File | null) => {
    setFile(f);
    if (f) setSignature((await f.text()).trim());
  };
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text fw={600} size="sm">
          1. Подпишите запрос ключом и сертификатом из файлов
        </Text>
        <Code block data-testid="sign-command" tabIndex={0} aria-label="Команда подписи">
          {signCommand(challenge)}
        </Code>
        <Group>
          <CopyValueButton value={signCommand(challenge)} label="Скопировать команду" />
        </Group>
        <Text size="xs" c="dimmed">
          Команда печатает подпись CMS в формате PEM. Подойдёт и подпись, сделанная другой программой (присоединённая или отсоединённая, PEM или base64).
        </Text>
      </Stack>
      <Stack gap={4}>
        <Text fw={600} size="sm">
          2. Вставьте подпись или выберите файл с ней
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
          error={error ? fieldError(error, 'signature') : undefined}
        />
        <FileInput label="Файл подписи" placeholder="signature.pem" clearable value={file} onChange={(f) => void readFile(f)} accept=".pem,.sig,.p7s,.txt" />
      </Stack>
      <Group>
        <Button onClick={() => onSigned(signature)} loading={busy} disabled={!signature.trim() || disabled}>
          Войти
        </Button>
      </Group>
    </Stack>
  );
}
