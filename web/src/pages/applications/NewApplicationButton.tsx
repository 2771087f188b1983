/** «Выдача разрешения на перемещение ОСС»: creates a draft and opens it. */
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { api, call, errorMessage } from '../../api/client';
import { newKey } from '../../lib/ids';
import { useAuth } from '../../auth';

export async function createApplication(body: { kind: 'permit' | 'amendment'; permitId?: string; siteId?: string }) {
  return call(api.POST('/api/applications', { body, params: { header: { 'idempotency-key': newKey() } } }));
}

export function NewApplicationButton({ label = 'Новое заявление' }: { label?: string }) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { hasRole } = useAuth();
  const [busy, setBusy] = useState(false);
  if (!hasRole('producer')) return null;
  return (
    <Button
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const a = await createApplication({ kind: 'permit' });
          await qc.invalidateQueries({ queryKey: ['applications'] });
          await qc.invalidateQueries({ queryKey: ['tasks'] });
          navigate(`/applications/${a.id}`);
        } catch (e) {
          notifications.show({ color: 'red', title: 'Не удалось создать заявление', message: errorMessage(e) });
        } finally {
          setBusy(false);
        }
      }}
    >
      {label}
    </Button>
  );
}
