/** The task «Проведение общего собрания собственников …»: opens the meeting's stages. */
import { Link } from 'react-router-dom';
import { Button, Card, Group, Text } from '@mantine/core';
import type { Task } from '../../api/types';

export function MeetingTask({ task }: { task: Task }) {
  const id = typeof task.payload.meetingId === 'string' ? task.payload.meetingId : '';
  return (
    <Card withBorder>
      <Text size="sm" mb="sm">
        Собрание проходит шесть этапов; задача закрывается, когда собрание отмечено проведённым.
      </Text>
      <Group>
        <Button component={Link} to={`/meetings/${id}`}>
          К списку этапов ОСС
        </Button>
      </Group>
    </Card>
  );
}
